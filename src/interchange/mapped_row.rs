//! One row of another system's file put through its [`Mapping`]: each
//! cell into the fields it feeds, name parts joined, a location split,
//! several emails told apart, their sources made ours. What a cell cannot
//! become is kept as a custom field under its header; what it says wrong
//! is left for the row's checks, which name its place.

use super::columns::Column;
use super::fields::{CustomCell, Field, Place, Problem, Raw, Row};
use super::layout::FileKind;
use super::layouts;
use super::location::{self, Split};
use super::loose;
use super::mapping::{Mapping, Slot};
use super::target::NamePart;
use crate::domain::Source;
use crate::domain::text::{fold, is_plausible_email, normalize_email};
use std::sync::Arc;

/// A row being built.
pub struct Building<'m> {
    mapping: &'m Mapping,
    pub row: Row,
    /// Preferred, first, middle and last name, as given.
    parts: [Option<(Place, String)>; 4],
    /// Addresses seen, normalised, so that one given twice counts once.
    emails: Vec<String>,
    /// Another system's file: a second value for a one-value field is
    /// kept as a custom field (hireterm's own files never repeat one).
    lenient: bool,
}

impl<'m> Building<'m> {
    pub fn new(mapping: &'m Mapping, line: u64) -> Building<'m> {
        Building {
            mapping,
            row: Row {
                line,
                ..Row::default()
            },
            parts: [None, None, None, None],
            emails: Vec::new(),
            lenient: mapping.layout.is_some(),
        }
    }

    /// Puts one cell's text where its slot says.
    pub fn cell(&mut self, slot: &Slot, place: Place, text: String) {
        match slot {
            Slot::Plain(column) => self.plain(*column, place, text),
            Slot::Email => self.emails(place, &text),
            Slot::List(column) => self.list(*column, place, &text),
            Slot::Name(part) => self.part(*part, place, text),
            Slot::Location => self.location(place, &text),
            Slot::Date(column) => self.plain(*column, place, loose::read(*column, &text)),
            Slot::Source => self.source(place, &text),
            Slot::External(system) if !text.trim().is_empty() => {
                let item = format!("{system}:{}", text.trim());
                self.field(Column::ExternalIds, place, Raw::List(vec![item]));
            }
            Slot::Custom(name) => self.custom(Arc::clone(name), place, text),
            Slot::External(_) | Slot::Drop => {}
        }
    }

    /// The row, its name joined from its parts.
    pub fn finish(mut self) -> Row {
        let parts = std::mem::take(&mut self.parts);
        if parts.iter().all(Option::is_none) {
            return self.row;
        }
        if self.row.get(Column::Name).is_some() {
            // The file gives the whole name too: the parts are kept.
            for (place, text) in parts.into_iter().flatten() {
                self.custom(Arc::clone(&place.name), place, text);
            }
            return self.row;
        }
        let [preferred, first, middle, last] = parts;
        let given = match (preferred, first) {
            (Some(preferred), Some(first)) => {
                if fold(&preferred.1.to_lowercase()) != fold(&first.1.to_lowercase()) {
                    self.custom(Arc::clone(&first.0.name), first.0, first.1);
                }
                Some(preferred)
            }
            (preferred, first) => preferred.or(first),
        };
        self.join_name([given, middle, last]);
        self.row
    }

    /// The name from its given, middle and last parts: spaced, or family
    /// name first for a Han, kana or Hangul name of two parts.
    fn join_name(&mut self, parts: [Option<(Place, String)>; 3]) {
        let eastern = parts[1].is_none()
            && [&parts[0], &parts[2]]
                .iter()
                .all(|p| p.as_ref().is_some_and(|(_, t)| is_cjk(t.trim())));
        let parts: Vec<(Place, String)> = parts.into_iter().flatten().collect();
        let mut name: Vec<&str> = parts.iter().map(|(_, t)| t.trim()).collect();
        let Some((place, _)) = parts.first() else {
            return;
        };
        let value = if eastern {
            name.reverse();
            name.concat()
        } else {
            name.join(" ")
        };
        self.field(Column::Name, place.clone(), Raw::Text(value));
    }

    fn field(&mut self, column: Column, place: Place, value: Raw) {
        self.row.fields.push(Field {
            column,
            place,
            value,
        });
    }

    fn plain(&mut self, column: Column, place: Place, text: String) {
        if self.lenient && text.trim().is_empty() {
            return;
        }
        let repeated = self.lenient && !column_takes_many(column);
        if let Some(earlier) = self.row.get(column).filter(|_| repeated) {
            if earlier.value != Raw::Text(text.clone()) {
                self.custom(Arc::clone(&place.name), place, text);
            }
            return;
        }
        self.field(column, place, Raw::Text(text));
    }

    fn custom(&mut self, name: Arc<str>, place: Place, value: String) {
        if !value.trim().is_empty() {
            let cell = CustomCell { name, place, value };
            self.row.custom.push(cell);
        }
    }

    fn part(&mut self, part: NamePart, place: Place, text: String) {
        let slot = &mut self.parts[part as usize];
        if text.trim().is_empty() {
            return;
        }
        match slot {
            None => *slot = Some((place, text)),
            Some(_) => self.custom(Arc::clone(&place.name), place, text),
        }
    }

    /// The first address the row gives is its email; others are kept as
    /// `mailto:` links (as a merge keeps them), each address once.
    fn emails(&mut self, place: Place, text: &str) {
        let items: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || ",;[]\"'<>()".contains(c))
            .map(|item| item.trim_start_matches("mailto:"))
            .filter(|item| item.contains('@'))
            .collect();
        if items.is_empty() && !text.trim().is_empty() {
            // Not an address at all: the row's checks say so.
            return self.plain(Column::Email, place, text.to_string());
        }
        for item in items {
            let key = normalize_email(item);
            if self.emails.contains(&key) {
                continue;
            }
            self.emails.push(key);
            if self.row.get(Column::Email).is_none() {
                self.field(Column::Email, place.clone(), Raw::Text(item.to_string()));
            } else if is_plausible_email(item) {
                let link = Raw::List(vec![format!("mailto:{item}")]);
                self.field(Column::Links, place.clone(), link);
            } else {
                let message = format!("`{item}` is not an email address");
                self.row.problems.push(Problem::at(&place, message));
            }
        }
    }

    fn list(&mut self, column: Column, place: Place, text: &str) {
        let links = column == Column::Links;
        let items: Vec<String> = text
            .split(|c: char| c == ',' || c == ';' || c == '\n' || (links && c.is_whitespace()))
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(str::to_string)
            .collect();
        if !items.is_empty() {
            self.field(column, place, Raw::List(items));
        }
    }

    /// Split where it can be, kept whole (as a custom field) where not.
    fn location(&mut self, place: Place, text: &str) {
        match location::split(text) {
            Split::Parts { city, country } => {
                if !city.is_empty() {
                    self.plain(Column::City, place.clone(), city);
                }
                self.plain(Column::Country, place, country);
            }
            Split::Whole(whole) => self.custom(Arc::clone(&place.name), place, whole),
        }
    }

    /// Their source as ours; one we do not know is `other`, and kept.
    fn source(&mut self, place: Place, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let known = self.source_named(text).map(|s| (s, false)).or_else(|| {
            let mut items = text.split(',').map(str::trim);
            let first = self.source_named(items.next()?)?;
            Some((first, true))
        });
        let (source, keep) = known.unwrap_or((Source::Other, true));
        self.plain(Column::Source, place.clone(), source.label().to_string());
        if keep {
            self.custom(Arc::clone(&place.name), place, text.to_string());
        }
    }

    fn source_named(&self, text: &str) -> Option<Source> {
        let layout = self.mapping.layout().and_then(|l| l.source(text));
        layout
            .or_else(|| layouts::spreadsheet(FileKind::Csv).source(text))
            .or_else(|| super::row::source(text).ok())
    }
}

/// Han, kana and Hangul: such names are written family name first, with
/// no space ("王芳", "김민수").
fn is_cjk(text: &str) -> bool {
    !text.is_empty()
        && text.chars().all(|c| {
            matches!(c as u32,
                0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
                | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
        })
}

/// Columns a row may give several times (their items add up).
fn column_takes_many(column: Column) -> bool {
    matches!(column, Column::Links | Column::Tags | Column::ExternalIds)
}
