//! The filter language in lines of help, for the app's help overlay and
//! the CLI: every field with an example, then the syntax around them.

use super::FIELDS;

/// Lines of `(example, what it does)`: the fields in [`FIELDS`] order,
/// then comparisons, negation, `or`, quotes and plain words.
pub fn help_lines() -> Vec<(String, &'static str)> {
    let fields = FIELDS.iter().map(|f| (f.example.to_string(), f.help));
    let syntax = SYNTAX
        .iter()
        .map(|&(example, help)| (example.to_string(), help));
    fields.chain(syntax).collect()
}

const SYNTAX: [(&str, &str); 5] = [
    ("rate<80 rate>=60", "compare with <, <=, =, >=, >; `:` is ="),
    ("-tag:hot", "a `-` before a term: it must not hold"),
    (
        "skill:k8s or skill:helm",
        "`or` between terms: either may hold; terms side by side all must",
    ),
    (
        "city:\"new york\"",
        "quotes keep a value or phrase with spaces whole",
    ),
    (
        "lisbon",
        "any other word: the fuzzy search of names, places, tags, roles, skills",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_a_line() {
        let lines = help_lines();
        for field in FIELDS {
            assert!(
                lines.iter().any(|(example, _)| example == field.example),
                "{}",
                field.name
            );
        }
    }
}
