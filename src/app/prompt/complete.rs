//! Completion in the filter line: the field names (`ski` → `skill:`) and
//! the values a field takes (`skill:kub` → `skill:kubernetes`), found
//! around the cursor with [`crate::filter::token_at`]. The values come
//! from a [`Vocabulary`] the app supplies (the catalog, the records).

use crate::catalog::Catalog;
use crate::domain::text::fold;
use crate::filter::{FIELDS, token_at};
use std::ops::Range;

/// Most choices listed.
const MAX_CHOICES: usize = 50;

/// One way to complete: the text put in, a word about it, and what it is
/// found by (an id, a name, aliases).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub text: String,
    pub detail: String,
    pub keys: Vec<String>,
}

impl Choice {
    /// A choice found by its own text and `detail`.
    pub fn plain(text: impl Into<String>, detail: impl Into<String>) -> Choice {
        let (text, detail) = (text.into(), detail.into());
        Choice {
            keys: vec![text.clone(), detail.clone()],
            text,
            detail,
        }
    }
}

/// The values each field can take.
pub trait Vocabulary {
    /// The roles and skills a filter names.
    fn catalog(&self) -> &Catalog;
    /// Every value `field` (a name in [`FIELDS`]) can be completed to.
    fn values(&self, field: &str) -> Vec<Choice>;
}

/// The choices for the part of a filter under the cursor, and where in
/// the text the one taken goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// Bytes of the text the choice taken stands in.
    pub span: Range<usize>,
    pub choices: Vec<Choice>,
    pub selected: usize,
}

/// What the text around `cursor` (bytes) could be completed to, or `None`.
pub fn complete(text: &str, cursor: usize, vocabulary: &dyn Vocabulary) -> Option<Completion> {
    let before = text.get(..cursor)?;
    let (span, field, so_far) = match token_at(text, cursor) {
        Some(token) => token,
        // Between terms: any field.
        None if before.is_empty() || before.ends_with(char::is_whitespace) => {
            (cursor..cursor, None, "")
        }
        None => return None,
    };
    let (span, choices) = match field {
        None => (span, fields(so_far)),
        Some(field) => value_choices(text, span, field, so_far, vocabulary)?,
    };
    (!choices.is_empty()).then_some(Completion {
        span,
        choices,
        selected: 0,
    })
}

/// The fields whose name starts with `so_far`, each written up to its
/// operator: `skill:`, `rate<=`, `margin<`.
fn fields(so_far: &str) -> Vec<Choice> {
    let typed = fold(so_far);
    let starts = FIELDS.iter().filter(|f| f.name.starts_with(&typed));
    starts
        .map(|f| {
            let after = &f.example[f.name.len()..];
            let op_len = after
                .find(|c| !matches!(c, ':' | '<' | '>' | '='))
                .unwrap_or(0);
            Choice::plain(format!("{}{}", f.name, &after[..op_len]), f.help)
        })
        .collect()
}

/// A field's values matching what is typed of one. A skill's value stops
/// at its comparison (`k8s>=4`): only the name is completed.
fn value_choices(
    text: &str,
    mut span: Range<usize>,
    field: &str,
    so_far: &str,
    vocabulary: &dyn Vocabulary,
) -> Option<(Range<usize>, Vec<Choice>)> {
    let sign = |c: char| matches!(c, '<' | '>' | '=');
    if so_far.contains(sign) {
        return None;
    }
    if let Some(at) = text.get(span.clone())?.find(sign) {
        span.end = span.start + at;
    }
    Some((span, matching(vocabulary.values(field), so_far)))
}

/// The choices one of whose keys starts with `so_far` (an opening quote
/// left out), those whose own text or detail does first; else those one
/// of whose keys holds it. Each text once.
fn matching(choices: Vec<Choice>, so_far: &str) -> Vec<Choice> {
    let typed = fold(so_far.trim_start_matches('"'));
    let keys = |c: &Choice| c.keys.iter().map(|k| fold(k)).collect::<Vec<_>>();
    let by = |test: &dyn Fn(&str) -> bool| -> Vec<Choice> {
        let mut seen = std::collections::HashSet::new();
        let found = choices.iter().filter(|c| keys(c).iter().any(|k| test(k)));
        let unique = found.filter(|c| seen.insert(c.text.clone()));
        unique.take(MAX_CHOICES).cloned().collect()
    };
    let mut starting = by(&|k| k.starts_with(&typed));
    if starting.is_empty() {
        return by(&|k| k.contains(&typed));
    }
    let by_alias = |c: &Choice| {
        let own = [&c.text, &c.detail].into_iter();
        !own.map(|k| fold(k)).any(|k| k.starts_with(&typed))
    };
    starting.sort_by_key(by_alias);
    starting
}

/// A value as the filter needs it written: quoted when it holds a space,
/// a quote or a comparison sign.
pub fn written(value: &str) -> String {
    let plain = !value.is_empty()
        && !value
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '"' | '<' | '>' | '=' | '\\'));
    if plain {
        return value.to_string();
    }
    let escaped = value.replace('\\', "\\\\").replace('"', "\\\"");
    format!("\"{escaped}\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Skills;
    impl Vocabulary for Skills {
        fn catalog(&self) -> &Catalog {
            Catalog::builtin()
        }
        fn values(&self, field: &str) -> Vec<Choice> {
            match field {
                "skill" => vec![
                    Choice {
                        text: "kubernetes".into(),
                        detail: "Kubernetes".into(),
                        keys: vec!["kubernetes".into(), "k8s".into()],
                    },
                    Choice::plain("kafka", "Kafka"),
                ],
                _ => Vec::new(),
            }
        }
    }

    fn texts(completion: Option<Completion>) -> Option<(Range<usize>, Vec<String>)> {
        let c = completion?;
        Some((c.span, c.choices.into_iter().map(|c| c.text).collect()))
    }

    #[test]
    fn field_names_complete_up_to_their_operator() {
        assert_eq!(
            texts(complete("ski", 3, &Skills)),
            Some((0..3, vec!["skill:".into()]))
        );
        let rate = texts(complete("role:x ra", 9, &Skills));
        assert_eq!(rate, Some((7..9, vec!["rate<=".into()])));
        let all = complete("x ", 2, &Skills).map(|c| c.choices.len());
        assert_eq!(all, Some(FIELDS.len()));
    }

    #[test]
    fn values_complete_by_any_key_and_stop_at_a_comparison() {
        let kub = texts(complete("skill:kub", 9, &Skills));
        assert_eq!(kub, Some((6..9, vec!["kubernetes".into()])));
        let alias = texts(complete("skill:k8s>=4", 8, &Skills));
        assert_eq!(alias, Some((6..9, vec!["kubernetes".into()])));
        assert_eq!(texts(complete("skill:k8s>=", 11, &Skills)), None);
        let k = texts(complete("skill:k", 7, &Skills)).map(|(_, t)| t);
        assert_eq!(k, Some(vec!["kubernetes".into(), "kafka".into()]));
        let by_alias_last = texts(complete("skill:k8", 8, &Skills)).map(|(_, t)| t);
        assert_eq!(by_alias_last, Some(vec!["kubernetes".into()]));
        assert_eq!(texts(complete("skill:zz", 8, &Skills)), None);
    }

    #[test]
    fn values_with_spaces_are_quoted() {
        assert_eq!(written("acme"), "acme");
        assert_eq!(written("New York"), "\"New York\"");
        assert_eq!(written("a \"b\""), "\"a \\\"b\\\"\"");
    }
}
