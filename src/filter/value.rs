//! The value of a field term: which comparisons each field takes, what
//! an empty value should have held, and the values that need no catalog
//! or arithmetic (places, tags, clients, engagements, yes or no).

use super::error::ParseError;
use super::lex::is_bare;
use super::suggest::nearest;
use super::written::FieldTerm;
use super::{Cmp, Test, known, measure};
use crate::catalog::Catalog;
use crate::domain::EngagementId;

/// The test a field term makes, or what is wrong with it.
pub(crate) fn test_for(term: &FieldTerm, catalog: &Catalog) -> Result<Test, ParseError> {
    check_operator(term)?;
    if term.folded().is_empty() {
        return Err(needs_value(term));
    }
    Ok(match term.field.name {
        "role" => known::role(term, catalog)?,
        "skill" => known::skill(term, catalog)?,
        "rate" => measure::rate(term)?,
        "avail" => measure::avail(term)?,
        "margin" => measure::margin(term)?,
        "stage" => known::stage(term)?,
        "source" => known::source(term)?,
        "engagement" => engagement(term)?,
        "placed" => Test::Placed(yes_or_no(term)?),
        "waiting" => Test::Waiting(yes_or_no(term)?),
        "submitted" => submitted(term),
        "tz" => Test::TimeZone(term.folded()),
        "country" => Test::Country(term.folded()),
        "city" => Test::City(term.folded()),
        "client" => Test::Client(term.folded()),
        "tag" => Test::Tag(term.folded()),
        other => return Err(ParseError::new(term.head.clone(), unread(other))),
    })
}

/// Only a field in [`super::FIELDS`] without a reader here gets this; a
/// test parses every field's example, so none should.
fn unread(name: &str) -> String {
    format!("`{name}` is a field this version cannot read yet")
}

/// Rates, days and margins compare with any sign; a skill compares its
/// level after its name; the rest only equal.
fn check_operator(term: &FieldTerm) -> Result<(), ParseError> {
    let compared = matches!(term.field.name, "rate" | "avail" | "margin");
    if compared || term.cmp == Cmp::Eq {
        return Ok(());
    }
    let message = match term.field.name {
        "skill" => "`skill` compares the level after the skill, such as `skill:k8s>=4`".into(),
        name => format!(
            "`{name}` does not compare; write `{name}:` and a value, such as `{}`",
            term.field.example
        ),
    };
    Err(ParseError::new(term.operator.clone(), message))
}

/// "`rate<=` needs a number, such as `rate<=80`".
fn needs_value(term: &FieldTerm) -> ParseError {
    let what = match term.field.name {
        "role" => "a role",
        "skill" => "a skill",
        "rate" => "a number",
        "avail" => "a day",
        "margin" => "a percentage",
        "tz" => "a time zone",
        "engagement" => "an engagement",
        "placed" | "waiting" => "yes or no",
        "submitted" => "a client or any",
        "client" => "a client",
        _ => "a value",
    };
    let head = term.written(term.head.clone());
    let message = format!("`{head}` needs {what}, such as `{}`", term.field.example);
    ParseError::new(term.whole(), message)
}

fn engagement(term: &FieldTerm) -> Result<Test, ParseError> {
    let typed = term.value_text();
    let typed = typed.trim();
    typed
        .parse::<EngagementId>()
        .map(Test::Engagement)
        .map_err(|_| {
            let message = format!("`{typed}` is not an engagement; write its id, such as E3");
            ParseError::new(term.value_span.clone(), message)
        })
}

/// `placed:yes`, `waiting:no`: `true` for yes.
fn yes_or_no(term: &FieldTerm) -> Result<bool, ParseError> {
    const WORDS: [&str; 4] = ["yes", "no", "true", "false"];
    let typed = term.folded();
    match typed.as_str() {
        "yes" | "true" => Ok(true),
        "no" | "false" => Ok(false),
        _ => Err(ParseError::new(
            term.value_span.clone(),
            format!("`{typed}` is not yes or no"),
        )
        .suggesting(nearest(&typed, WORDS))),
    }
}

/// A bare `any` is any client; `"any"` in quotes, a client named so.
fn submitted(term: &FieldTerm) -> Test {
    if is_bare(term.value, "any") {
        Test::Submitted(None)
    } else {
        Test::Submitted(Some(term.folded()))
    }
}
