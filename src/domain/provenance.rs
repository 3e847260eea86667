//! What a candidate brought from another system: the ids it knew them by
//! (so that a second import of the same export updates instead of adding
//! again) and the columns that map to no field of ours, kept by name.

use super::problem::{FieldProblem, one_line_problems};
use super::text;
use serde::{Deserialize, Serialize};

/// Longest custom value, in characters: a free-text column ("Notes",
/// "Summary") of another system, which may run to a paragraph or two.
pub const MAX_CUSTOM_CHARS: usize = 4000;

/// A candidate's id in another system: ("greenhouse", "48213").
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ExternalId {
    /// The system, lower case: "greenhouse", "lever", "bullhorn".
    pub system: String,
    pub id: String,
}

/// A column of an import kept as it came: its header and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomField {
    pub name: String,
    pub value: String,
}

impl ExternalId {
    pub fn new(system: impl Into<String>, id: impl Into<String>) -> ExternalId {
        ExternalId {
            system: system.into(),
            id: id.into(),
        }
    }

    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = one_line_problems("external id", &self.system);
        problems.extend(one_line_problems("external id", &self.id));
        if self.system.trim().is_empty() || self.id.trim().is_empty() {
            problems.push(FieldProblem::new(
                "external id",
                "an external id needs its system and its id",
            ));
        }
        problems
    }
}

impl CustomField {
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> CustomField {
        CustomField {
            name: name.into(),
            value: value.into(),
        }
    }

    /// The name is one line; the value may hold line breaks, never other
    /// control characters.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut problems = one_line_problems("custom field", &self.name);
        if self.name.trim().is_empty() {
            problems.push(FieldProblem::new(
                "custom field",
                "a custom field needs a name",
            ));
        }
        if self.value.chars().count() > MAX_CUSTOM_CHARS {
            let message = format!(
                "custom field `{}` is longer than {MAX_CUSTOM_CHARS} characters",
                self.name
            );
            problems.push(FieldProblem::new("custom field", message));
        }
        if !text::is_clean(&self.value, true) {
            let message = format!("custom field `{}` holds control characters", self.name);
            problems.push(FieldProblem::new("custom field", message));
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_custom_value_may_span_lines_but_not_hold_controls() {
        assert!(
            CustomField::new("Summary", "line one\nline two")
                .problems()
                .is_empty()
        );
        assert_eq!(CustomField::new("Summary", "bell\u{7}").problems().len(), 1);
        assert_eq!(CustomField::new(" ", "x").problems().len(), 1);
        let long = "x".repeat(MAX_CUSTOM_CHARS + 1);
        assert_eq!(CustomField::new("Summary", long).problems().len(), 1);
    }

    #[test]
    fn an_external_id_needs_both_parts() {
        assert!(ExternalId::new("lever", "abc-1").problems().is_empty());
        assert_eq!(ExternalId::new("", "abc-1").problems().len(), 1);
        assert_eq!(ExternalId::new("lever", "a\u{1b}[2J").problems().len(), 1);
    }
}
