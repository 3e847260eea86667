//! The help's rows at a width: each section's title, a row per key with
//! its description wrapped under itself, the filter language after the
//! filter line's keys; only what a search names, if there is one.

use crate::app::context::Context;
use crate::domain::text::fold;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// One context's keys: a row per action it handles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpSection {
    pub context: Context,
    /// The keys (`k, up`) and what the action does.
    pub rows: Vec<(String, &'static str)>,
}

/// What a row is, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Title,
    Key,
    Blank,
    Note,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    pub kind: RowKind,
    pub text: String,
}

impl HelpRow {
    fn new(kind: RowKind, text: impl Into<String>) -> HelpRow {
        HelpRow {
            kind,
            text: text.into(),
        }
    }

    pub fn width(&self) -> usize {
        self.text.width()
    }
}

/// The keys column: as wide as the widest keys, within reason.
const MOST_KEYS: usize = 24;

/// The rows of `sections` (the filter `language` after the filter line's)
/// at `width`, only those that say `search` if it is not empty.
pub fn rows(
    sections: &[HelpSection],
    language: &[(String, &'static str)],
    search: &str,
    width: usize,
) -> Vec<HelpRow> {
    let wanted = fold(search.trim());
    let keys_width = key_width(sections, language);
    let found = |keys: &str, what: &str| {
        wanted.is_empty() || fold(keys).contains(&wanted) || fold(what).contains(&wanted)
    };
    let mut rows = Vec::new();
    for section in sections {
        let keys: Vec<_> = (section.rows.iter())
            .filter(|(keys, what)| found(keys, what))
            .collect();
        if wanted.is_empty() || !keys.is_empty() {
            rows.push(HelpRow::new(RowKind::Title, section.context.title()));
            if section.rows.is_empty() {
                rows.push(HelpRow::new(RowKind::Key, "  (no keys of its own)"));
            }
            for (keys, what) in keys {
                let keys = if keys.is_empty() { "(unbound)" } else { keys };
                rows.extend(key_rows(keys, what, keys_width, width));
            }
            rows.push(HelpRow::new(RowKind::Blank, ""));
        }
        if section.context == Context::Filter {
            let language: Vec<_> = (language.iter())
                .filter(|(example, what)| found(example, what))
                .collect();
            if !language.is_empty() {
                let title = "The filter language (f on the candidates table)";
                rows.push(HelpRow::new(RowKind::Title, title));
                for (example, what) in language {
                    rows.extend(key_rows(example, what, keys_width, width));
                }
                rows.push(HelpRow::new(RowKind::Blank, ""));
            }
        }
    }
    rows.push(match wanted.is_empty() {
        true => HelpRow::new(
            RowKind::Note,
            "Keys can be changed in ~/.config/hireterm/keymap.toml.",
        ),
        false if rows.is_empty() => HelpRow::new(RowKind::Note, "Nothing in the help says that."),
        false => HelpRow::new(RowKind::Note, "esc shows the whole help again."),
    });
    rows
}

fn key_width(sections: &[HelpSection], language: &[(String, &'static str)]) -> usize {
    let rows = sections.iter().flat_map(|s| &s.rows);
    let keys = rows.chain(language).map(|(keys, _)| keys.width());
    keys.filter(|&w| w <= MOST_KEYS).max().unwrap_or(0)
}

/// `  k, up     up`: the keys, then the description, wrapped by words
/// under itself where `width` is short (keys wider than the column get a
/// row of their own).
fn key_rows(keys: &str, what: &str, keys_width: usize, width: usize) -> Vec<HelpRow> {
    let indent = 2 + keys_width + 1;
    let room = width.saturating_sub(indent).max(10);
    let mut rows = Vec::new();
    let mut lines = wrap(what, room).into_iter();
    let first = lines.next().unwrap_or_default();
    if keys.width() > keys_width {
        rows.push(HelpRow::new(RowKind::Key, format!("  {keys}")));
        rows.push(HelpRow::new(RowKind::Key, format!("{:indent$}{first}", "")));
    } else {
        let pad = " ".repeat(keys_width - keys.width());
        rows.push(HelpRow::new(RowKind::Key, format!("  {keys}{pad} {first}")));
    }
    for line in lines {
        rows.push(HelpRow::new(RowKind::Key, format!("{:indent$}{line}", "")));
    }
    rows
}

/// `text` in lines of at most `room` columns, broken between words (a
/// word longer than that is broken where it must be).
fn wrap(text: &str, room: usize) -> Vec<String> {
    let room = room.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.width() + 1 + word.width() > room {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        for c in word.chars() {
            if !line.is_empty() && line.width() + c.width().unwrap_or(0) > room {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    lines.push(line);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_wrap_within_the_room() {
        assert_eq!(
            wrap("mark or unmark the row", 10),
            ["mark or", "unmark the", "row"]
        );
        assert_eq!(wrap("short", 10), ["short"]);
        assert_eq!(wrap("abcdefghijkl", 5), ["abcde", "fghij", "kl"]);
    }
}
