//! The text of a role or skill id, shared: every candidate holds a role
//! or two and a handful of skills, so a million candidates decoded with
//! an allocation per id kept ten million copies of a hundred-odd words
//! (about 32 bytes each, a third of a gigabyte). Once the built-in
//! catalog is loaded ([`know`]), an id it knows borrows the catalog's
//! own text; any other (an id a newer catalog wrote, an import's) is
//! owned as before. The encoding is a string either way: nothing stored
//! changes.

use serde::de::{Deserializer, Error, Visitor};
use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;
use std::sync::OnceLock;

/// An id's text: the catalog's own when it knows it.
pub type IdText = Cow<'static, str>;

static KNOWN: OnceLock<HashSet<&'static str>> = OnceLock::new();

/// Takes the catalog's ids as the ones to share (the first call counts:
/// the built-in catalog is loaded once per process).
pub fn know(ids: impl FnOnce() -> HashSet<&'static str>) {
    KNOWN.get_or_init(ids);
}

/// `id`'s text, borrowed from the catalog when it is one of its ids.
pub fn text_of(id: String) -> IdText {
    match KNOWN.get().and_then(|known| known.get(id.as_str())) {
        Some(shared) => Cow::Borrowed(shared),
        None => Cow::Owned(id),
    }
}

/// Decodes an id as a string, sharing the catalog's text when it can
/// (no allocation at all for an id read from a borrowed buffer).
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<IdText, D::Error> {
    deserializer.deserialize_str(IdVisitor)
}

struct IdVisitor;

impl Visitor<'_> for IdVisitor {
    type Value = IdText;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a catalog id")
    }

    fn visit_str<E: Error>(self, id: &str) -> Result<IdText, E> {
        Ok(match KNOWN.get().and_then(|known| known.get(id)) {
            Some(shared) => Cow::Borrowed(shared),
            None => Cow::Owned(id.to_owned()),
        })
    }

    fn visit_string<E: Error>(self, id: String) -> Result<IdText, E> {
        Ok(text_of(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    #[test]
    fn a_known_id_borrows_the_catalogs_text_and_an_unknown_one_is_owned() {
        let catalog = Catalog::builtin();
        let devops = catalog.roles().iter().find(|r| r.id.as_str() == "devops");
        let shared = devops.map(|r| r.id.as_str().as_ptr());
        match text_of("devops".to_string()) {
            Cow::Borrowed(text) => assert_eq!(Some(text.as_ptr()), shared),
            Cow::Owned(_) => panic!("a catalog id was copied"),
        }
        assert!(matches!(text_of("cobol_wizard".into()), Cow::Owned(_)));
        let decoded: crate::domain::SkillId = serde_json::from_str("\"rust\"").unwrap();
        assert!(matches!(decoded.0, Cow::Borrowed("rust")));
    }
}
