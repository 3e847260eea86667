//! Custom fields in files: the columns of another system that map to no
//! field of ours, kept by name, and how an export writes them back so
//! that they read in again byte for byte.
//!
//! - CSV: one column per custom field name, after the fixed columns,
//!   headed `custom:NAME` (`custom:Visa status`), in the order the names
//!   first appear (candidates in id order, each one's fields in its own
//!   order); a candidate without that field has the cell empty.
//! - JSON: an object `"custom": {"Visa status": "H1B"}` in the
//!   candidate's own order, left out when there are none.
//!
//! A value keeps its line breaks (as `\n`); other control characters are
//! cleaned away. An empty value is no field.

use super::fields::{CustomCell, Problem};
use crate::domain::Candidate;
use crate::domain::provenance::{CustomField, MAX_CUSTOM_CHARS};
use crate::domain::text::{clean, clean_line};
use serde::ser::{Serialize, SerializeMap, Serializer};

pub use super::columns::{PREFIX, named_by};

/// A value as kept: line breaks as `\n`, no other control characters.
pub fn value(text: &str) -> String {
    if !text.contains('\r') {
        return clean(text, true);
    }
    clean(&text.replace("\r\n", "\n").replace('\r', "\n"), true)
}

/// A row's custom cells as the candidate's fields: empty ones left out,
/// and every problem (too long, a name twice) with its place.
pub fn fields(cells: &[CustomCell]) -> Result<Vec<CustomField>, Vec<Problem>> {
    let mut fields: Vec<CustomField> = Vec::with_capacity(cells.len());
    let mut problems = Vec::new();
    for cell in cells {
        let value = value(&cell.value);
        if value.trim().is_empty() {
            continue;
        }
        let chars = value.chars().count();
        if chars > MAX_CUSTOM_CHARS {
            let message = format!(
                "{chars} characters is longer than the {MAX_CUSTOM_CHARS} a custom field may hold"
            );
            problems.push(Problem::at(&cell.place, message));
        } else if fields.iter().any(|f| f.name == *cell.name) {
            let message = format!("the custom field `{}` appears twice", cell.name);
            problems.push(Problem::at(&cell.place, message));
        } else {
            fields.push(CustomField::new(cell.name.to_string(), value));
        }
    }
    if problems.is_empty() {
        Ok(fields)
    } else {
        Err(problems)
    }
}

/// The names an export's custom columns take, in order of first
/// appearance, each once.
#[derive(Debug, Default)]
pub struct Names(Vec<String>);

impl Names {
    pub fn note(&mut self, candidate: &Candidate) {
        for field in &candidate.custom {
            let name = clean_line(&field.name);
            if !name.is_empty() && !self.0.contains(&name) {
                self.0.push(name);
            }
        }
    }

    /// The CSV headers: `custom:NAME` each.
    pub fn headers(&self) -> impl Iterator<Item = String> + '_ {
        self.0.iter().map(|name| format!("{PREFIX}{name}"))
    }

    /// A candidate's cells under these headers.
    pub fn cells(&self, candidate: &Candidate) -> Vec<String> {
        let value_of = |name: &String| {
            (candidate.custom.iter())
                .find(|f| clean_line(&f.name) == *name)
                .map(|f| value(&f.value))
                .unwrap_or_default()
        };
        self.0.iter().map(value_of).collect()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A candidate's custom fields as a JSON object, in their order.
pub struct Object(pub Vec<(String, String)>);

impl Object {
    pub fn of(candidate: &Candidate) -> Object {
        Object(
            (candidate.custom.iter())
                .map(|f| (clean_line(&f.name), value(&f.value)))
                .filter(|(name, _)| !name.is_empty())
                .collect(),
        )
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Object {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::fields::Place;

    fn cell(name: &str, value: &str) -> CustomCell {
        CustomCell {
            name: name.into(),
            place: Place {
                line: 2,
                column: 4,
                name: name.into(),
            },
            value: value.into(),
        }
    }

    #[test]
    fn headers_name_custom_fields_whatever_the_case_of_the_prefix() {
        assert_eq!(
            named_by("custom:Visa status").as_deref(),
            Some("Visa status")
        );
        assert_eq!(named_by("Custom: Notes ").as_deref(), Some("Notes"));
        assert_eq!(named_by("custom:"), None);
        assert_eq!(named_by("customer"), None);
    }

    #[test]
    fn values_keep_line_breaks_and_lose_controls() {
        assert_eq!(value("a\r\nb\rc\u{1b}[2J"), "a\nb\nc[2J");
        let fields = fields(&[cell("Notes", "one\ntwo"), cell("Empty", " ")]).unwrap();
        assert_eq!(fields, vec![CustomField::new("Notes", "one\ntwo")]);
        let twice = super::fields(&[cell("A", "1"), cell("A", "2")]).unwrap_err();
        assert_eq!(
            twice[0].to_string(),
            "line 2, column 4 (A): the custom field `A` appears twice"
        );
    }
}
