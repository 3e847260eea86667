//! One cell of an import file read as a value: one-line text, a list, a
//! date, a time. Every reader of rows (candidates, their profile columns,
//! pipelines) reads its cells here, so they clean and judge alike.

use super::columns::fold_header;
use super::fields::Raw;
use crate::domain::limits::{MAX_FIELD_CHARS, MAX_LIST_LEN};
use crate::domain::text::{clean_line, is_clean, split_list};
use crate::domain::{Stage, Timestamp};
use chrono::{DateTime, Datelike, NaiveDate, Utc};

/// A one-line text field, cleaned of control characters, within the
/// store's length limit. A line break (a quoted newline in a CSV cell)
/// separates words, so it becomes a space rather than nothing.
pub fn text(value: &Raw) -> Result<String, String> {
    match value {
        Raw::Text(raw) => {
            let cleaned = tidy(raw);
            let chars = cleaned.chars().count();
            if chars > MAX_FIELD_CHARS {
                return Err(format!(
                    "{chars} characters is longer than the {MAX_FIELD_CHARS} allowed"
                ));
            }
            Ok(cleaned)
        }
        Raw::List(_) => Err("expected text, not a list".into()),
    }
}

/// [`clean_line`] with newlines as spaces; text that is already tidy
/// (most of any file) is copied without the split and join.
fn tidy(raw: &str) -> String {
    let tidy = !raw.starts_with(' ')
        && !raw.ends_with(' ')
        && !raw.contains("  ")
        && raw.chars().all(|c| c == ' ' || !c.is_whitespace())
        && is_clean(raw, false);
    if tidy {
        raw.to_string()
    } else {
        clean_line(&raw.replace('\n', " "))
    }
}

/// List items, each cleaned like a text field; empty items are dropped.
pub fn list(value: &Raw) -> Result<Vec<String>, String> {
    let raw = match value {
        Raw::Text(cell) => split_list(cell),
        Raw::List(items) => items.clone(),
    };
    let mut items = Vec::new();
    for item in raw {
        let item = text(&Raw::Text(item))?;
        if !item.is_empty() {
            items.push(item);
        }
    }
    if items.len() > MAX_LIST_LEN {
        return Err(format!(
            "{} items is more than the {MAX_LIST_LEN} allowed",
            items.len()
        ));
    }
    Ok(items)
}

/// The years a date or a time (in UTC) may fall in: those `YYYY-MM-DD`
/// and RFC 3339 can write, so that whatever is imported exports and reads
/// back.
const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

pub fn date(text: &str) -> Result<Option<NaiveDate>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date written YYYY-MM-DD"))?;
    if !YEARS.contains(&date.year()) {
        return Err(format!("`{text}` is not a date from year 1 to 9999"));
    }
    Ok(Some(date))
}

pub fn timestamp(text: &str) -> Result<Option<Timestamp>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    let at = DateTime::parse_from_rfc3339(text)
        .map_err(|_| format!("`{text}` is not a time such as 2026-06-01T09:00:00.000Z"))?
        .with_timezone(&Utc);
    if !YEARS.contains(&at.year()) {
        return Err(format!(
            "`{text}` is in year {} in UTC; times go from year 1 to 9999",
            at.year()
        ));
    }
    Ok(Some(at))
}

/// A stage by name, compared ignoring case, spaces, underscores and
/// dashes: its label (`Technical interview`, `TechnicalInterview`), the
/// first word of it (`technical`, `client`), as `hireterm move --to`
/// takes it, or its short label (`screen`, `tech`).
pub fn stage_named(text: &str) -> Result<Stage, String> {
    let key = fold_header(text);
    if key == "interview" {
        return Err(format!(
            "`{}` could be Technical interview or Client interview: write technical or client",
            clean_line(text)
        ));
    }
    let first_word = |s: Stage| s.label().split(' ').next().map(fold_header);
    Stage::ALL
        .into_iter()
        .find(|&s| {
            fold_header(s.label()) == key
                || first_word(s).as_deref() == Some(key.as_str())
                || fold_header(s.short_label()) == key
        })
        .ok_or_else(|| {
            let names: Vec<String> = Stage::ALL.iter().filter_map(|&s| first_word(s)).collect();
            format!(
                "`{}` is not a stage: {}",
                clean_line(text),
                names.join(", ")
            )
        })
}
