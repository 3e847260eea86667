//! A field term as written (`rate<=80`, `skill:"google cloud">=3`): its
//! field, comparison, value pieces and where each part sits in the text,
//! so that a value's parser can point at the part at fault.

use super::lex::{Piece, text_of};
use super::{Cmp, Field};
use std::ops::Range;

pub(crate) struct FieldTerm<'a> {
    /// The whole filter's text.
    pub text: &'a str,
    pub field: &'static Field,
    pub cmp: Cmp,
    /// The name and operator: `rate<=`.
    pub head: Range<usize>,
    /// The operator alone: `<=`.
    pub operator: Range<usize>,
    /// What follows the operator, quotes resolved.
    pub value: &'a [Piece],
    /// From after the operator to the end of the term, quotes included.
    pub value_span: Range<usize>,
}

impl FieldTerm<'_> {
    /// The text at `span` as written; it holds no control characters,
    /// since the lexer refuses them first.
    pub fn written(&self, span: Range<usize>) -> &str {
        self.text.get(span).unwrap_or_default()
    }

    /// The whole term, from its name to its end.
    pub fn whole(&self) -> Range<usize> {
        self.head.start..self.value_span.end
    }

    /// The value, quotes resolved.
    pub fn value_text(&self) -> String {
        text_of(self.value)
    }

    /// The value as text values are kept: [`fold`]ed.
    pub fn folded(&self) -> String {
        fold(&self.value_text())
    }
}

/// How text values are kept and compared: trimmed, lower case.
pub(crate) fn fold(text: &str) -> String {
    text.trim().to_lowercase()
}

/// `80` → 80; `None` for anything but ASCII digits that fit a `u32`.
pub(crate) fn whole(digits: &str) -> Option<u32> {
    let all_digits = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    all_digits.then(|| digits.parse().ok()).flatten()
}
