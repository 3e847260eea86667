//! Cutting a filter's text into chunks: runs of characters between
//! unquoted white space, each character remembering where it stood and
//! whether it was quoted. Quotes may sit anywhere in a chunk
//! (`city:"new york"`, `skill:"google cloud">=3`); inside them `\"` is a
//! quote and `\\` a backslash. Whether a `:` or `-` was quoted decides
//! what it means, so the parser reads pieces, not plain text.

use super::Cmp;
use super::error::ParseError;
use crate::domain::text::is_clean;
use std::ops::Range;

/// One character of a chunk, with its byte offset in the filter's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece {
    pub at: usize,
    pub ch: char,
    pub quoted: bool,
}

/// A run of characters between unquoted white space.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Chunk {
    /// From its first character to its last, quotes included.
    pub span: Range<usize>,
    pub pieces: Vec<Piece>,
}

/// The chunks of `text`, refusing control characters and a quote that is
/// never closed.
pub(crate) fn lex(text: &str) -> Result<Vec<Chunk>, ParseError> {
    if let Some((at, ch)) = text.char_indices().find(|&(_, c)| !is_clean_char(c)) {
        return Err(ParseError::control(at..at + ch.len_utf8(), ch));
    }
    let (chunks, open_quote) = lex_lenient(text);
    match open_quote {
        Some(at) => Err(ParseError::new(
            at..text.len(),
            "this `\"` is never closed; end the phrase with another `\"`",
        )),
        None => Ok(chunks),
    }
}

/// Whether a character may stand in a filter: printable, as
/// [`is_clean`] judges text that is stored and shown.
fn is_clean_char(c: char) -> bool {
    let mut buf = [0u8; 4];
    is_clean(c.encode_utf8(&mut buf), false)
}

/// The chunks of `text` as far as they go, for text still being typed: a
/// quote left open runs to the end (its offset is returned too).
pub(crate) fn lex_lenient(text: &str) -> (Vec<Chunk>, Option<usize>) {
    let mut lexer = Lexer::default();
    let mut chars = text.char_indices().peekable();
    while let Some((at, ch)) = chars.next() {
        if lexer.open_quote.is_some() {
            lexer.in_quotes(at, ch, &mut chars);
        } else if ch == '"' {
            lexer.open(at);
        } else if ch.is_whitespace() {
            lexer.finish();
        } else {
            lexer.push(at, ch, false);
        }
    }
    let open_quote = lexer.open_quote;
    lexer.close_at(text.len());
    lexer.finish();
    (lexer.chunks, open_quote)
}

#[derive(Default)]
struct Lexer {
    chunks: Vec<Chunk>,
    current: Option<Chunk>,
    open_quote: Option<usize>,
}

impl Lexer {
    fn chunk(&mut self, at: usize) -> &mut Chunk {
        self.current.get_or_insert_with(|| Chunk {
            span: at..at,
            pieces: Vec::new(),
        })
    }

    fn push(&mut self, at: usize, ch: char, quoted: bool) {
        let chunk = self.chunk(at);
        chunk.pieces.push(Piece { at, ch, quoted });
        chunk.span.end = at + ch.len_utf8();
    }

    fn open(&mut self, at: usize) {
        self.chunk(at).span.end = at + 1;
        self.open_quote = Some(at);
    }

    /// One character inside quotes: the closing quote, an escape, or text.
    fn in_quotes(
        &mut self,
        at: usize,
        ch: char,
        chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
    ) {
        match ch {
            '"' => self.close_at(at + 1),
            '\\' => match chars.next_if(|&(_, next)| next == '"' || next == '\\') {
                Some((_, escaped)) => self.push(at, escaped, true),
                None => self.push(at, ch, true),
            },
            _ => self.push(at, ch, true),
        }
    }

    fn close_at(&mut self, end: usize) {
        if self.open_quote.take().is_some() {
            self.chunk(end).span.end = end;
        }
    }

    fn finish(&mut self) {
        self.chunks.extend(self.current.take());
    }
}

/// The characters of `pieces`, quotes and escapes resolved.
pub(crate) fn text_of(pieces: &[Piece]) -> String {
    pieces.iter().map(|p| p.ch).collect()
}

/// Whether `pieces` spell `word` unquoted, ignoring ASCII case.
pub(crate) fn is_bare(pieces: &[Piece], word: &str) -> bool {
    pieces.len() == word.chars().count()
        && pieces
            .iter()
            .zip(word.chars())
            .all(|(p, c)| !p.quoted && p.ch.eq_ignore_ascii_case(&c))
}

/// Where a field term's name ends and its operator begins, when the
/// pieces start with an unquoted name of letters and an operator
/// (`rate<=80`, `skil:x`); `None` for a plain word (`"tag:hot"`, `10:30`).
pub(crate) fn split_field(pieces: &[Piece]) -> Option<(usize, Cmp, usize)> {
    let at = pieces
        .iter()
        .position(|p| !p.quoted && matches!(p.ch, ':' | '=' | '<' | '>'))?;
    let name = &pieces[..at];
    let letters = name.iter().all(|p| !p.quoted && p.ch.is_ascii_alphabetic());
    if at == 0 || !letters {
        return None;
    }
    let (cmp, len) = operator(&pieces[at..])?;
    Some((at, cmp, len))
}

/// The comparison the pieces open with and how many pieces it takes:
/// `<=`, `>=`, `<`, `>`, and `=` or `:` for equality.
pub(crate) fn operator(pieces: &[Piece]) -> Option<(Cmp, usize)> {
    let unquoted = |i: usize| pieces.get(i).filter(|p| !p.quoted).map(|p| p.ch);
    let or_equal = unquoted(1) == Some('=');
    match (unquoted(0)?, or_equal) {
        ('<', true) => Some((Cmp::Le, 2)),
        ('>', true) => Some((Cmp::Ge, 2)),
        ('<', false) => Some((Cmp::Lt, 1)),
        ('>', false) => Some((Cmp::Gt, 1)),
        (':' | '=', _) => Some((Cmp::Eq, 1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<(String, Range<usize>)> {
        let chunks = lex(text).unwrap_or_default();
        chunks
            .iter()
            .map(|c| (text_of(&c.pieces), c.span.clone()))
            .collect()
    }

    #[test]
    fn white_space_outside_quotes_separates_chunks() {
        assert_eq!(
            texts(" a  city:\"new york\" b"),
            vec![
                ("a".into(), 1..2),
                ("city:new york".into(), 4..19),
                ("b".into(), 20..21)
            ]
        );
    }

    #[test]
    fn escapes_inside_quotes_resolve() {
        assert_eq!(texts(r#""say \"hi\" \\ \x""#)[0].0, r#"say "hi" \ \x"#);
    }

    #[test]
    fn quoted_characters_are_marked() {
        let chunks = lex(r#"a"-:"b"#).unwrap_or_default();
        let quoted: Vec<bool> = chunks[0].pieces.iter().map(|p| p.quoted).collect();
        assert_eq!(quoted, vec![false, true, true, false]);
    }

    #[test]
    fn empty_quotes_make_an_empty_chunk() {
        assert_eq!(texts(r#""""#), vec![(String::new(), 0..2)]);
    }

    #[test]
    fn an_open_quote_is_refused_but_lenient_lexing_runs_on() {
        let error = lex(r#"a "new yo"#).err();
        assert_eq!(error.map(|e| e.span), Some(2..9));
        let (chunks, open) = lex_lenient(r#"a "new yo"#);
        assert_eq!(open, Some(2));
        assert_eq!(text_of(&chunks[1].pieces), "new yo");
        assert_eq!(chunks[1].span, 2..9);
    }

    #[test]
    fn control_characters_are_refused_where_they_stand() {
        let error = lex("tag:hot\u{1b}[2J").err();
        assert_eq!(error.map(|e| e.span), Some(7..8));
        let error = lex("é\u{202e}x").err();
        assert_eq!(error.map(|e| e.span), Some(2..5));
    }

    fn field(text: &str) -> Option<(usize, Cmp, usize)> {
        split_field(&lex(text).unwrap_or_default()[0].pieces)
    }

    #[test]
    fn a_name_of_letters_and_an_operator_make_a_field() {
        assert_eq!(field("rate<=80"), Some((4, Cmp::Le, 2)));
        assert_eq!(field("skill:k8s>=4"), Some((5, Cmp::Eq, 1)));
        assert_eq!(field("tag:=x"), Some((3, Cmp::Eq, 1)));
        assert_eq!(field("avail>now"), Some((5, Cmp::Gt, 1)));
        assert_eq!(field("Rate>=1"), Some((4, Cmp::Ge, 2)));
    }

    #[test]
    fn anything_else_is_a_word() {
        assert_eq!(field("10:30"), None);
        assert_eq!(field(":x"), None);
        assert_eq!(field(r#""tag:hot""#), None);
        assert_eq!(field(r#"tag":"hot"#), None);
        assert_eq!(field("c++"), None);
    }

    #[test]
    fn bare_words_match_unquoted_only() {
        let chunks = lex(r#"OR "or""#).unwrap_or_default();
        assert!(is_bare(&chunks[0].pieces, "or"));
        assert!(!is_bare(&chunks[1].pieces, "or"));
    }
}
