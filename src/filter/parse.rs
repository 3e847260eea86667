//! Reading a filter's text into a [`Filter`]: chunks into terms, `-` into
//! negation, `or` into groups of alternatives, field terms into tests.
//! The first thing wrong stops the reading with a [`ParseError`] that
//! points at it.

use super::error::ParseError;
use super::lex::{Chunk, Piece, is_bare, lex, split_field, text_of};
use super::suggest::nearest;
use super::value::test_for;
use super::written::{FieldTerm, fold};
use super::{Cmp, FIELDS, Filter, Group, Term, Test};
use crate::catalog::Catalog;
use std::ops::Range;

/// The filter `text` says, with roles and skills named by any alias in
/// `catalog`. Empty text is the filter that lets everyone through.
///
/// ```
/// use hireterm::catalog::Catalog;
/// use hireterm::filter::parse;
/// let catalog = Catalog::builtin();
/// let filter = parse("role:sre skill:K8S>=4 rate<=80", catalog).unwrap_or_default();
/// assert_eq!(filter.to_string(), "role:devops skill:kubernetes>=4 rate<=80");
/// let error = parse("skil:k8s", catalog).err();
/// assert_eq!(
///     error.map(|e| e.to_string()).as_deref(),
///     Some("`skil:` is not a field; did you mean `skill:`?")
/// );
/// ```
pub fn parse(text: &str, catalog: &Catalog) -> Result<Filter, ParseError> {
    let mut groups: Vec<Group> = Vec::new();
    let mut pending_or: Option<Range<usize>> = None;
    for chunk in lex(text)? {
        if is_bare(&chunk.pieces, "or") {
            if groups.is_empty() || pending_or.is_some() {
                return Err(lonely_or(chunk.span));
            }
            pending_or = Some(chunk.span);
            continue;
        }
        let term = term(text, &chunk, catalog)?;
        match (pending_or.take(), groups.last_mut()) {
            (Some(_), Some(group)) => group.any_of.push(term),
            _ => groups.push(Group { any_of: vec![term] }),
        }
    }
    match pending_or {
        Some(span) => Err(lonely_or(span)),
        None => Ok(Filter { groups }),
    }
}

fn lonely_or(span: Range<usize>) -> ParseError {
    ParseError::new(
        span,
        "`or` needs a term on each side, such as `tag:hot or tag:warm`",
    )
}

/// One chunk as a term: perhaps a `-`, then a field term or a word.
fn term(text: &str, chunk: &Chunk, catalog: &Catalog) -> Result<Term, ParseError> {
    let (negated, pieces) = negation(chunk)?;
    let span = chunk.span.start + usize::from(negated)..chunk.span.end;
    let test = match split_field(pieces) {
        Some(split) => test_for(&field_term(text, pieces, span, split)?, catalog)?,
        None => word(pieces, span)?,
    };
    Ok(Term { negated, test })
}

/// Whether the chunk opens with an unquoted `-`, and the pieces after it.
fn negation(chunk: &Chunk) -> Result<(bool, &[Piece]), ParseError> {
    let Some((first, rest)) = chunk.pieces.split_first() else {
        return Ok((false, &chunk.pieces));
    };
    if first.ch != '-' || first.quoted {
        return Ok((false, &chunk.pieces));
    }
    match rest.first() {
        None => {
            let message = "`-` needs a term after it, such as `-tag:hot`";
            Err(ParseError::new(chunk.span.clone(), message))
        }
        Some(second) if second.ch == '-' && !second.quoted => {
            let message = "one `-` negates a term; a second cannot undo it";
            Err(ParseError::new(second.at..second.at + 1, message))
        }
        Some(_) => Ok((true, rest)),
    }
}

/// The parts of a field term, once its name is known to be a field's.
fn field_term<'a>(
    text: &'a str,
    pieces: &'a [Piece],
    span: Range<usize>,
    (name_len, cmp, op_len): (usize, Cmp, usize),
) -> Result<FieldTerm<'a>, ParseError> {
    let op_start = pieces[name_len].at;
    let value_start = op_start + op_len; // operators are ASCII
    let name = text_of(&pieces[..name_len]);
    let head = span.start..value_start;
    let Some(field) = FIELDS.iter().find(|f| f.name.eq_ignore_ascii_case(&name)) else {
        return Err(not_a_field(text, &name, head, op_start));
    };
    Ok(FieldTerm {
        text,
        field,
        cmp,
        head,
        operator: op_start..value_start,
        value: &pieces[name_len + op_len..],
        value_span: value_start..span.end,
    })
}

/// "`skil:` is not a field; did you mean `skill:`?", the operator kept
/// as written.
fn not_a_field(text: &str, name: &str, head: Range<usize>, op_start: usize) -> ParseError {
    let written = text.get(head.clone()).unwrap_or(name);
    let operator = text.get(op_start..head.end).unwrap_or(":");
    let suggestion = nearest(name, FIELDS.iter().map(|f| f.name));
    ParseError::new(head, format!("`{written}` is not a field"))
        .suggesting(suggestion.map(|field| format!("{field}{operator}")))
}

/// A plain word or quoted phrase, for the fuzzy search.
fn word(pieces: &[Piece], span: Range<usize>) -> Result<Test, ParseError> {
    let word = fold(&text_of(pieces));
    if word.is_empty() {
        let message = "empty quotes match nothing; write a word or phrase between them";
        return Err(ParseError::new(span, message));
    }
    Ok(Test::Word(word))
}
