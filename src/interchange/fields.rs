//! A row as read from a file, before it is checked: each field with the
//! place it came from, so that every problem can say where to look.

use super::columns::Column;
use std::fmt;

/// Where a field sits in the file: line and column as an editor counts
/// them (1-based), and the header or key it was written under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub line: u64,
    pub column: u64,
    /// Shared: every row of a CSV file names the same headers.
    pub name: std::sync::Arc<str>,
}

/// A field's value: text (every CSV cell; JSON strings and numbers) or a
/// list (JSON arrays, and skill objects as `name:level` items).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Raw {
    Text(String),
    List(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub column: Column,
    pub place: Place,
    pub value: Raw,
}

/// A column kept as a custom field: its name, where it was, its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomCell {
    pub name: std::sync::Arc<str>,
    pub place: Place,
    pub value: String,
}

/// One record of the file, its fields in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    /// The line the record starts on.
    pub line: u64,
    pub fields: Vec<Field>,
    /// Columns kept by name (see `custom`), in file order.
    pub custom: Vec<CustomCell>,
    /// What was wrong before any field was looked at (bad UTF-8, a list
    /// where text belongs, a key that is no field).
    pub problems: Vec<Problem>,
}

impl Row {
    pub fn get(&self, column: Column) -> Option<&Field> {
        self.fields.iter().find(|f| f.column == column)
    }
}

/// Something wrong with the input, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: u64,
    /// Column (CSV field number, or JSON character column) and field name.
    pub at: Option<(u64, String)>,
    pub message: String,
}

impl Problem {
    pub fn at(place: &Place, message: impl Into<String>) -> Problem {
        Problem {
            line: place.line,
            at: Some((place.column, place.name.to_string())),
            message: message.into(),
        }
    }

    pub fn line(line: u64, message: impl Into<String>) -> Problem {
        Problem {
            line,
            at: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.at {
            Some((column, name)) if name.is_empty() => {
                write!(f, "line {}, column {column}: {}", self.line, self.message)
            }
            Some((column, name)) => write!(
                f,
                "line {}, column {column} ({name}): {}",
                self.line, self.message
            ),
            None if self.line == 0 => f.write_str(&self.message),
            None => write!(f, "line {}: {}", self.line, self.message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_name_line_column_and_field() {
        let place = Place {
            line: 4,
            column: 2,
            name: "E-mail".into(),
        };
        assert_eq!(
            Problem::at(&place, "not an address").to_string(),
            "line 4, column 2 (E-mail): not an address"
        );
        assert_eq!(Problem::line(9, "x").to_string(), "line 9: x");
    }
}
