//! What the filter line's cursor stands on, for completion: a field's
//! name being typed, or a value after a known field.

use super::FIELDS;
use super::lex::{lex_lenient, split_field};
use std::ops::Range;

/// The part of `text` the cursor (a byte offset) is in or just after, as
/// `(span, field, so_far)`:
///
/// - a word or field name being typed: `(span of the word, None, text
///   from its start to the cursor)`; `ski|` → `(0..3, None, "ski")`, for
///   completing field names and words;
/// - a value after a known field: `(span of the value, Some(field),
///   value from its start to the cursor)`; `skill:ku|` →
///   `(6..8, Some("skill"), "ku")`; a skill's value runs on to its
///   comparison (`k8s>=`).
///
/// A leading `-` is left out of the span; quotes are kept in `so_far` as
/// typed, and a quote not yet closed is allowed. `None` where the cursor
/// touches no term (in white space, empty text), after an unknown field's
/// operator, or off a character boundary. The text is taken as typed:
/// control characters are not refused here, so clean `so_far` before
/// showing it.
pub fn token_at(text: &str, cursor: usize) -> Option<(Range<usize>, Option<&'static str>, &str)> {
    if !text.is_char_boundary(cursor) {
        return None;
    }
    let (chunks, _) = lex_lenient(text);
    let chunk = chunks
        .into_iter()
        .find(|c| c.span.start <= cursor && cursor <= c.span.end)?;
    let negated = chunk
        .pieces
        .first()
        .is_some_and(|p| p.ch == '-' && !p.quoted);
    let pieces = &chunk.pieces[usize::from(negated)..];
    let start = (chunk.span.start + usize::from(negated)).min(cursor);
    let Some((name_len, _, op_len)) = split_field(pieces) else {
        return Some((start..chunk.span.end, None, text.get(start..cursor)?));
    };
    let op_start = pieces[name_len].at;
    if cursor <= op_start {
        return Some((start..op_start, None, text.get(start..cursor)?));
    }
    let value_start = (op_start + op_len).min(cursor);
    let name = text.get(start..op_start)?;
    let field = FIELDS.iter().find(|f| f.name.eq_ignore_ascii_case(name))?;
    let so_far = text.get(value_start..cursor)?;
    Some((value_start..chunk.span.end, Some(field.name), so_far))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_being_typed_is_a_field_name_to_complete() {
        assert_eq!(token_at("ski", 3), Some((0..3, None, "ski")));
        assert_eq!(token_at("role:devops sk", 14), Some((12..14, None, "sk")));
        assert_eq!(token_at("-ta", 3), Some((1..3, None, "ta")));
    }

    #[test]
    fn a_value_after_a_field_names_the_field() {
        assert_eq!(token_at("skill:ku", 8), Some((6..8, Some("skill"), "ku")));
        assert_eq!(token_at("skill:", 6), Some((6..6, Some("skill"), "")));
        assert_eq!(token_at("rate<=8 x", 7), Some((6..7, Some("rate"), "8")));
        assert_eq!(token_at("-Tag:h", 6), Some((5..6, Some("tag"), "h")));
        let open = "city:\"new yo";
        assert_eq!(
            token_at(open, open.len()),
            Some((5..12, Some("city"), "\"new yo"))
        );
    }

    #[test]
    fn the_cursor_inside_a_term_sees_up_to_itself() {
        assert_eq!(
            token_at("skill:kube", 8),
            Some((6..10, Some("skill"), "ku"))
        );
        assert_eq!(token_at("skill:kube", 3), Some((0..5, None, "ski")));
    }

    #[test]
    fn nothing_under_the_cursor_is_none() {
        assert_eq!(token_at("", 0), None);
        assert_eq!(token_at("a  b", 2), None);
        assert_eq!(token_at("skil:x", 6), None);
        assert_eq!(token_at("é", 1), None);
        assert_eq!(token_at("a", 5), None);
    }
}
