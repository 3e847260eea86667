//! What is wrong with a filter's text, in words: where (a byte range the
//! app can underline), what, and the nearest thing that would do.

use std::fmt;
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

/// A filter that does not parse. Shown as one line:
/// "`skil:` is not a field; did you mean `skill:`?".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// Byte offsets into the filter's text of the part at fault.
    pub span: Range<usize>,
    /// What is wrong, in words; never holds a control character.
    pub message: String,
    /// Text that would do in place of `span`, when something close exists.
    pub suggestion: Option<String>,
}

impl ParseError {
    pub(crate) fn new(span: Range<usize>, message: impl Into<String>) -> Self {
        ParseError {
            span,
            message: message.into(),
            suggestion: None,
        }
    }

    pub(crate) fn suggesting(mut self, suggestion: Option<String>) -> Self {
        self.suggestion = suggestion;
        self
    }

    /// A character that must not reach a terminal, named by its escape.
    pub(crate) fn control(span: Range<usize>, ch: char) -> Self {
        ParseError::new(
            span,
            format!(
                "`{}` is a control or invisible character; a filter cannot hold one",
                escaped(ch)
            ),
        )
    }

    /// A line of carets under the part at fault, for showing below `text`
    /// in a monospace font: `          ^^^^^`. Widths are terminal cells.
    pub fn underline(&self, text: &str) -> String {
        let start = self.span.start.min(text.len());
        let end = self.span.end.clamp(start, text.len());
        let (before, at) = match (text.get(..start), text.get(start..end)) {
            (Some(before), Some(at)) => (before, at),
            _ => return String::new(),
        };
        let pad = before.width();
        format!("{}{}", " ".repeat(pad), "^".repeat(at.width().max(1)))
    }
}

/// `\u{1b}`, `\t`: a character written so that a terminal shows it
/// instead of obeying it.
fn escaped(ch: char) -> String {
    match ch {
        '\t' => "\\t".into(),
        '\n' => "\\n".into(),
        '\r' => "\\r".into(),
        c => format!("\\u{{{:x}}}", u32::from(c)),
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        match &self.suggestion {
            Some(suggestion) => write!(f, "; did you mean `{suggestion}`?"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for ParseError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suggestion_is_asked_as_a_question() {
        let error =
            ParseError::new(5..10, "`skil:` is not a field").suggesting(Some("skill:".into()));
        assert_eq!(
            error.to_string(),
            "`skil:` is not a field; did you mean `skill:`?"
        );
    }

    #[test]
    fn control_characters_are_named_by_their_escape() {
        let message = ParseError::control(0..1, '\u{1b}').to_string();
        assert!(message.starts_with("`\\u{1b}` is a control"), "{message}");
        assert!(!message.contains('\u{1b}'));
        let tab = ParseError::control(0..1, '\t').to_string();
        assert!(tab.starts_with("`\\t`"), "{tab}");
    }

    #[test]
    fn the_underline_counts_terminal_cells() {
        let error = ParseError::new(7..12, "x");
        assert_eq!(error.underline("東京 skil:k8s"), "     ^^^^^");
        let at_end = ParseError::new(3..3, "x");
        assert_eq!(at_end.underline("abc"), "   ^");
    }
}
