//! One line of typed text with a cursor: what every form field edits.
//! Whatever comes in, typed or pasted, is cleaned first, so no control
//! character ever reaches the state (or, from there, the screen).

use crate::domain::text;

/// A line of text and a cursor, counted in characters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    cursor: usize,
}

/// A hard cap on what a field holds. It sits well above the fields' own
/// limits (the longest valid value is a candidate's 200 tags of 200
/// characters, with their separators), so that a stored value always loads
/// whole and an over-long paste is kept and reported by validation, not
/// silently cut, while memory stays bounded.
pub const HARD_CAP: usize = 50_000;

impl TextInput {
    /// A field holding `value`, cleaned, with the cursor at its end.
    pub fn new(value: &str) -> TextInput {
        let text: String = text::clean_line(&flatten(value))
            .chars()
            .take(HARD_CAP)
            .collect();
        let cursor = text.chars().count();
        TextInput { text, cursor }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor's position in characters.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Inserts typed or pasted text at the cursor. Line breaks and tabs
    /// become spaces (a pasted address stays one line); control
    /// characters, bidi overrides and zero-width characters are dropped.
    pub fn insert(&mut self, typed: &str) {
        let clean = text::clean(&flatten(typed), false);
        let room = HARD_CAP.saturating_sub(self.text.chars().count());
        let at = self.byte_at(self.cursor);
        let inserted: String = clean.chars().take(room).collect();
        self.cursor += inserted.chars().count();
        self.text.insert_str(at, &inserted);
    }

    /// Removes the character before the cursor.
    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            let at = self.byte_at(self.cursor);
            self.text.remove(at);
        }
    }

    /// Removes the character under the cursor.
    pub fn delete(&mut self) {
        if self.cursor < self.text.chars().count() {
            let at = self.byte_at(self.cursor);
            self.text.remove(at);
        }
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.chars().count();
    }

    pub fn clear(&mut self) {
        *self = TextInput::default();
    }

    /// The value as stored: trimmed, runs of spaces folded.
    pub fn value(&self) -> String {
        text::clean_line(&self.text)
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }
}

/// Line breaks as spaces, so that two lines do not run into one word.
fn flatten(text: &str) -> String {
    text.chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_at_the_cursor_in_characters() {
        let mut input = TextInput::new("José");
        input.left();
        input.left();
        input.insert("ß");
        assert_eq!(input.text(), "Joßsé");
        input.backspace();
        input.delete();
        assert_eq!(input.text(), "Joé");
        input.home();
        input.insert("¡");
        input.end();
        input.insert("!");
        assert_eq!((input.text(), input.cursor()), ("¡Joé!", 5));
    }

    #[test]
    fn hostile_text_never_gets_in() {
        let mut input = TextInput::new("Eve\u{1b}[2J");
        input.insert("\u{1b}]52;c;aGk=\u{7}\r\u{9b}\u{202E}x\ny");
        assert_eq!(input.text(), "Eve[2J]52;c;aGk= x y");
        assert!(text::is_clean(input.text(), false));
        assert_eq!(input.value(), "Eve[2J]52;c;aGk= x y");
    }

    #[test]
    fn a_paste_stops_at_the_hard_cap() {
        let mut input = TextInput::default();
        input.insert(&"a".repeat(HARD_CAP + 50));
        assert_eq!(input.text().chars().count(), HARD_CAP);
    }
}
