//! Values that are amounts: a rate and its currency, a day, a margin, a
//! skill's level. Each says in words what it expected when it is not.

use super::error::ParseError;
use super::lex::{Piece, operator, text_of};
use super::written::{FieldTerm, whole};
use super::{Cmp, Day, Test};
use crate::domain::Level;
use crate::domain::rate::{MAX_RATE, currency_problem};
use chrono::NaiveDate;

/// `80`, `70eur`: a whole number, perhaps a currency code after it.
pub(crate) fn rate(term: &FieldTerm) -> Result<Test, ParseError> {
    let typed = term.folded();
    let fail = |message: String| ParseError::new(term.value_span.clone(), message);
    let digits_end = typed
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(typed.len());
    let (digits, code) = typed.split_at(digits_end);
    if digits.is_empty() || !code.chars().all(|c| c.is_ascii_alphabetic()) {
        let example = "such as `rate<=80` or `rate<=70eur`";
        return Err(fail(format!(
            "`{typed}` is not a rate; write a whole number, {example}"
        )));
    }
    let amount = whole(digits)
        .filter(|&amount| amount <= MAX_RATE)
        .ok_or_else(|| {
            fail(format!(
                "`{digits}` is above {MAX_RATE} an hour, more than any rate"
            ))
        })?;
    let currency = (!code.is_empty()).then(|| code.to_ascii_uppercase());
    if let Some(problem) = currency.as_deref().and_then(currency_problem) {
        return Err(fail(problem));
    }
    Ok(Test::Rate {
        cmp: term.cmp,
        amount,
        currency,
    })
}

/// `now`, `14d`, `2w`, `2026-12-20`.
pub(crate) fn avail(term: &FieldTerm) -> Result<Test, ParseError> {
    let typed = term.folded();
    let day = day(&typed).map_err(|message| ParseError::new(term.value_span.clone(), message))?;
    Ok(Test::Avail { cmp: term.cmp, day })
}

fn day(typed: &str) -> Result<Day, String> {
    if typed == "now" || typed == "today" {
        return Ok(Day::FromToday(0));
    }
    if let Some(days) = typed.strip_suffix('d') {
        return days_from_today(days, 1, typed);
    }
    if let Some(weeks) = typed.strip_suffix('w') {
        return days_from_today(weeks, 7, typed);
    }
    date(typed)
}

fn days_from_today(count: &str, days_each: u32, typed: &str) -> Result<Day, String> {
    let count = whole(count).ok_or_else(|| not_a_day(typed))?;
    count
        .checked_mul(days_each)
        .map(Day::FromToday)
        .ok_or_else(|| format!("`{typed}` is too far ahead"))
}

/// A date written `YYYY-MM-DD`, four digits of year, two of month and day.
fn date(typed: &str) -> Result<Day, String> {
    let shape = typed.len() == 10
        && typed.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shape {
        return Err(not_a_day(typed));
    }
    NaiveDate::parse_from_str(typed, "%Y-%m-%d")
        .map(Day::On)
        .map_err(|_| format!("`{typed}` is not a day of the calendar"))
}

fn not_a_day(typed: &str) -> String {
    format!("`{typed}` is not a day; write 14d, 2w, now or a date such as 2026-12-20")
}

/// `20%` or `20`.
pub(crate) fn margin(term: &FieldTerm) -> Result<Test, ParseError> {
    let typed = term.folded();
    let percent = whole(typed.strip_suffix('%').unwrap_or(&typed)).ok_or_else(|| {
        let message =
            format!("`{typed}` is not a margin; write a whole percentage, such as `margin<20%`");
        ParseError::new(term.value_span.clone(), message)
    })?;
    Ok(Test::Margin {
        cmp: term.cmp,
        percent,
    })
}

/// The comparison after a skill's name (`>=4`); none at all is `>=1`,
/// holding the skill.
pub(crate) fn level(term: &FieldTerm, comparison: &[Piece]) -> Result<(Cmp, Level), ParseError> {
    let Some(sign) = comparison.first() else {
        return Ok((Cmp::Ge, Level::try_from(1).unwrap_or(Level::NONE)));
    };
    let (cmp, len) = operator(comparison).unwrap_or((Cmp::Eq, 1));
    let typed = text_of(&comparison[len.min(comparison.len())..]);
    let typed = typed.trim();
    if typed.is_empty() {
        let head = term.written(term.whole());
        let message = format!("`{head}` needs a level 0-5, such as `skill:k8s>=4`");
        return Err(ParseError::new(term.whole(), message));
    }
    let level = whole(typed).and_then(|n| u8::try_from(n).ok());
    match level.and_then(|n| Level::new(n).ok()) {
        Some(level) => Ok((cmp, level)),
        None => {
            let message = format!("`{typed}` is not a level; levels go from 0 to 5");
            Err(ParseError::new(sign.at..term.value_span.end, message))
        }
    }
}
