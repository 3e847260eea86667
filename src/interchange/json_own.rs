//! A candidate record in hireterm's own JSON keys (as `export` writes
//! them, or their aliases): each key a field, `custom` an object of
//! custom fields. A key that is no field is kept as a custom field when
//! it holds text, and refused with `--strict`.

use super::columns::Column;
use super::custom;
use super::fields::{CustomCell, Field, Place, Problem, Raw, Row};
use super::json_tree::{Node, kind};
use crate::domain::text::clean_line;

/// The key of the custom fields' object.
const CUSTOM: &str = "custom";

/// Whether a record's keys are all hireterm's own.
pub fn is_own(record: &Node) -> bool {
    let Node::Map(entries) = record else {
        return true;
    };
    entries.iter().all(|(key, _, _)| {
        key == CUSTOM || Column::from_header(key).is_some() || custom::named_by(key).is_some()
    })
}

/// A record as a row; what is wrong with a key or a value's type is noted
/// on the row.
pub fn row(record: &Node, line: u64, strict: bool) -> Row {
    let mut row = Row {
        line,
        ..Row::default()
    };
    if let Node::Map(entries) = record {
        for (key, place, value) in entries {
            add_field(&mut row, place, key, value, strict);
        }
    }
    row
}

fn add_field(row: &mut Row, place: &Place, key: &str, value: &Node, strict: bool) {
    if key == CUSTOM {
        return custom_object(row, place, value);
    }
    let Some(column) = Column::from_header(key) else {
        return unknown(row, place, key, value, strict);
    };
    if row.get(column).is_some() {
        let message = format!("the {column} field appears twice");
        row.problems.push(Problem::at(place, message));
        return;
    }
    match raw(value, column == Column::Skills) {
        Ok(None) => {}
        Ok(Some(value)) => row.fields.push(Field {
            column,
            place: place.clone(),
            value,
        }),
        Err(message) => row.problems.push(Problem::at(place, message)),
    }
}

/// A key that is no field: its text kept as a custom field under the
/// key (or the name a `custom:` key gives).
fn unknown(row: &mut Row, place: &Place, key: &str, value: &Node, strict: bool) {
    let name = custom::named_by(key).unwrap_or_else(|| clean_line(key));
    let message = match value {
        _ if strict && custom::named_by(key).is_none() => {
            format!("`{}` is not a candidate field", place.name)
        }
        Node::Null => return,
        Node::Text(text) => return push_custom(row, name, place, text),
        other => format!(
            "`{}` is not a candidate field, and only text can be kept as a custom field, not {}",
            place.name,
            kind(other)
        ),
    };
    row.problems.push(Problem::at(place, message));
}

fn push_custom(row: &mut Row, name: String, place: &Place, text: &str) {
    row.custom.push(CustomCell {
        name: name.into(),
        place: place.clone(),
        value: text.to_string(),
    });
}

/// `"custom": {"Visa status": "H1B"}`: each entry a custom field.
fn custom_object(row: &mut Row, place: &Place, value: &Node) {
    let entries = match value {
        Node::Null => return,
        Node::Map(entries) => entries,
        other => {
            let message = format!("expected an object of custom fields, found {}", kind(other));
            return row.problems.push(Problem::at(place, message));
        }
    };
    for (name, entry, value) in entries {
        match value {
            Node::Null => {}
            Node::Text(text) => push_custom(row, clean_line(name), entry, text),
            other => {
                let message = format!("expected text, found {}", kind(other));
                row.problems.push(Problem::at(entry, message));
            }
        }
    }
}

/// A JSON value as the row checker reads it; `None` for null.
fn raw(value: &Node, skills: bool) -> Result<Option<Raw>, String> {
    let scalar = |v: &Node| match v {
        Node::Text(s) => Ok(s.clone()),
        other => Err(format!("expected text or a number, found {}", kind(other))),
    };
    match value {
        Node::Null => Ok(None),
        Node::List(items) => {
            let items = items.iter().map(scalar).collect::<Result<_, _>>()?;
            Ok(Some(Raw::List(items)))
        }
        Node::Map(entries) if skills => {
            let items = entries
                .iter()
                .map(|(k, _, v)| scalar(v).map(|level| format!("{k}:{level}")))
                .collect::<Result<_, _>>()?;
            Ok(Some(Raw::List(items)))
        }
        other => scalar(other).map(|s| Some(Raw::Text(s))),
    }
}
