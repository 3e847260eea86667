//! One line of typed text with a cursor: what every prompt, the palette
//! and every form field edit. It takes the text-editing actions
//! ([`TextInput::apply`]); whatever comes in, typed or pasted, is cleaned
//! first, so no control character ever reaches the state (or, from there,
//! the screen).

use super::action::Action;
use crate::domain::text;

/// A line of text and a cursor, counted in characters, held to a limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    cursor: usize,
    limit: usize,
    /// Pasted line breaks are kept (a note), else they become spaces.
    breaks: bool,
}

/// A hard cap on what a form field holds. It sits well above the fields'
/// own limits (the longest valid value is a candidate's 200 tags of 200
/// characters, with their separators), so that a stored value always loads
/// whole and an over-long paste is kept and reported by validation, not
/// silently cut, while memory stays bounded.
pub const HARD_CAP: usize = 50_000;

impl Default for TextInput {
    fn default() -> Self {
        TextInput::limited(HARD_CAP)
    }
}

impl TextInput {
    /// A field holding `value`, cleaned, with the cursor at its end.
    pub fn new(value: &str) -> TextInput {
        let mut input = TextInput {
            text: text::clean_line(&flatten(value))
                .chars()
                .take(HARD_CAP)
                .collect(),
            ..TextInput::default()
        };
        input.end();
        input
    }

    /// An empty line that takes at most `limit` characters.
    pub fn limited(limit: usize) -> TextInput {
        TextInput {
            text: String::new(),
            cursor: 0,
            limit,
            breaks: false,
        }
    }

    /// Keeps the line breaks of pasted text (a note written inline).
    pub fn keeping_breaks(mut self) -> TextInput {
        self.breaks = true;
        self
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

    /// The cursor's position in bytes of [`TextInput::text`].
    pub fn cursor_byte(&self) -> usize {
        self.byte_at(self.cursor)
    }

    /// Puts `with` (cleaned, as typed text is) in place of the bytes
    /// `range` of the text, the cursor after it (a completion taken).
    /// Returns the bytes it took; nothing changes when `range` is not on
    /// character boundaries within the text.
    pub fn replace(&mut self, range: std::ops::Range<usize>, with: &str) -> usize {
        if self.text.get(range.clone()).is_none() {
            return 0;
        }
        self.text.replace_range(range.clone(), "");
        self.cursor = self.text[..range.start].chars().count();
        let before = self.text.len();
        self.insert(with);
        self.text.len() - before
    }

    /// Applies a text-editing action (or a typed character); false when
    /// `action` is not one, so the caller can use it otherwise.
    pub fn apply(&mut self, action: Action) -> bool {
        match action {
            Action::Insert(c) => self.insert(c.encode_utf8(&mut [0; 4])),
            Action::CursorLeft => self.left(),
            Action::CursorRight => self.right(),
            Action::WordLeft => self.cursor = self.word_start(),
            Action::WordRight => self.cursor = self.word_end(),
            Action::LineStart => self.home(),
            Action::LineEnd => self.end(),
            Action::DeleteBack => self.backspace(),
            Action::DeleteForward => self.delete(),
            Action::DeleteWordBack => self.delete_word_back(),
            Action::ClearLine => self.clear(),
            _ => return false,
        }
        true
    }

    /// Inserts typed or pasted text at the cursor. Tabs become spaces, and
    /// so do line breaks unless kept (a pasted address stays one line);
    /// control characters, bidi overrides and zero-width characters are
    /// dropped.
    pub fn insert(&mut self, typed: &str) {
        let clean = match self.breaks {
            true => text::clean(&typed.replace('\r', ""), true),
            false => text::clean(&flatten(typed), false),
        };
        let room = self.limit.saturating_sub(self.text.chars().count());
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
        if self.cursor < self.len() {
            let at = self.byte_at(self.cursor);
            self.text.remove(at);
        }
    }

    /// Removes the word before the cursor (and the spaces after it).
    pub fn delete_word_back(&mut self) {
        let start = self.word_start();
        let (from, to) = (self.byte_at(start), self.byte_at(self.cursor));
        self.text.replace_range(from..to, "");
        self.cursor = start;
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.len());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.len();
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    /// The value as stored: trimmed, runs of spaces folded.
    pub fn value(&self) -> String {
        text::clean_line(&self.text)
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    /// Where the word before the cursor starts (skipping spaces first).
    fn word_start(&self) -> usize {
        let chars: Vec<char> = self.text.chars().take(self.cursor).collect();
        let mut at = chars.len();
        while at > 0 && chars[at - 1].is_whitespace() {
            at -= 1;
        }
        while at > 0 && !chars[at - 1].is_whitespace() {
            at -= 1;
        }
        at
    }

    /// Where the word after the cursor ends (skipping spaces first).
    fn word_end(&self) -> usize {
        let chars: Vec<char> = self.text.chars().collect();
        let mut at = self.cursor;
        while at < chars.len() && chars[at].is_whitespace() {
            at += 1;
        }
        while at < chars.len() && !chars[at].is_whitespace() {
            at += 1;
        }
        at
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
    fn words_move_and_delete_and_limits_hold() {
        let mut input = TextInput::default();
        input.insert("ana  silva lima");
        input.apply(Action::WordLeft);
        assert_eq!(input.cursor(), 11);
        input.apply(Action::WordLeft);
        input.apply(Action::DeleteWordBack);
        assert_eq!((input.text(), input.cursor()), ("silva lima", 0));
        input.apply(Action::WordRight);
        assert_eq!(input.cursor(), 5);
        input.apply(Action::ClearLine);
        assert!(input.is_empty());
        let mut short = TextInput::limited(3);
        for c in "abcd".chars() {
            assert!(short.apply(Action::Insert(c)));
        }
        assert_eq!(short.text(), "abc");
        assert!(!short.apply(Action::Up), "not a text action");
        let mut note = TextInput::limited(100).keeping_breaks();
        note.insert("one\r\ntwo\u{1b}[2J");
        assert_eq!(note.text(), "one\ntwo[2J");
    }

    #[test]
    fn a_replaced_range_leaves_the_cursor_after_the_new_text() {
        let mut input = TextInput::new("ski rate<=80");
        assert_eq!(input.cursor_byte(), 12);
        assert_eq!(input.replace(0..3, "skill:"), 6);
        assert_eq!((input.text(), input.cursor()), ("skill: rate<=80", 6));
        assert_eq!(input.replace(0..40, "x"), 0, "out of the text");
        assert_eq!(input.replace(7..7, "é\u{1b}"), 2, "cleaned");
        assert_eq!((input.text(), input.cursor_byte()), ("skill: érate<=80", 9));
    }

    #[test]
    fn a_paste_stops_at_the_hard_cap() {
        let mut input = TextInput::default();
        input.insert(&"a".repeat(HARD_CAP + 50));
        assert_eq!(input.text().chars().count(), HARD_CAP);
    }
}
