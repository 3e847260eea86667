//! What each field accepts, and the parsers that turn its text into a
//! value. Messages are short: they are drawn next to the field.

use crate::domain::RateRange;
use crate::domain::candidate::{MAX_FIELD_CHARS, MAX_LIST_LEN};
use crate::domain::text::{self, is_plausible_email};
use chrono::NaiveDate;

/// The rule a text field is checked by (beyond its length).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    Optional,
    Required,
    Email,
    Phone,
    TimeZone,
    /// `60-90` or `75`: whole units, minimum not above maximum.
    Range,
    /// Three letters of ISO 4217, or empty.
    Currency,
    /// `YYYY-MM-DD`, or empty.
    Date,
    /// A whole number in this range.
    Count {
        min: u32,
        max: u32,
    },
    /// Tags in the one list notation: `remote; senior`, `\;` inside a
    /// tag (see [`crate::domain::text::split_list`]).
    Tags,
}

/// Digits a phone number needs at least (a shorter one is a typo).
const MIN_PHONE_DIGITS: usize = 7;
/// Rates and budgets above this are a typo, not an hourly rate.
const MAX_RATE: u32 = 100_000;

impl Rule {
    /// What the field in focus shows beside an empty or valid value.
    pub fn hint(self) -> Option<&'static str> {
        match self {
            Rule::Tags => Some("a; b · \\; inside a tag"),
            _ => None,
        }
    }

    /// What is wrong with `text` under this rule, if anything.
    pub fn check(self, text: &str) -> Option<String> {
        let text = text.trim();
        // Tags are limited one by one, not as a line.
        if self != Rule::Tags && text.chars().count() > MAX_FIELD_CHARS {
            return Some(format!("at most {MAX_FIELD_CHARS} characters"));
        }
        if text.is_empty() {
            let needed = matches!(self, Rule::Required | Rule::Email | Rule::Count { .. });
            return needed.then(|| "required".to_string());
        }
        match self {
            Rule::Optional | Rule::Required => None,
            Rule::Email => (!is_plausible_email(text)).then(|| "not an email address".into()),
            Rule::Phone => check_phone(text),
            Rule::TimeZone => text
                .contains(char::is_whitespace)
                .then(|| "a zone like Europe/Lisbon".into()),
            Rule::Range => parse_range(text).err(),
            Rule::Currency => parse_currency(text).err(),
            Rule::Date => parse_date(text).err(),
            Rule::Count { min, max } => parse_count(text, min, max).err(),
            Rule::Tags => check_tags(text),
        }
    }
}

fn check_phone(text: &str) -> Option<String> {
    let allowed = |c: char| c.is_ascii_digit() || " +-().".contains(c);
    if !text.chars().all(allowed) {
        return Some("digits, spaces and + - ( ) . only".into());
    }
    let digits = text.chars().filter(char::is_ascii_digit).count();
    (digits < MIN_PHONE_DIGITS).then(|| format!("at least {MIN_PHONE_DIGITS} digits"))
}

fn check_tags(text: &str) -> Option<String> {
    let tags = parse_tags(text);
    if tags.len() > MAX_LIST_LEN {
        return Some(format!("at most {MAX_LIST_LEN} tags"));
    }
    tags.iter()
        .any(|t| t.chars().count() > MAX_FIELD_CHARS)
        .then(|| format!("a tag is over {MAX_FIELD_CHARS} characters"))
}

/// `60-90` → (60, 90); `75` → (75, 75); empty → `None`.
pub fn parse_range(text: &str) -> Result<Option<(u32, u32)>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let shape = || "min-max, like 60-90".to_string();
    let number = |part: &str| {
        part.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| *n <= MAX_RATE)
            .ok_or_else(shape)
    };
    let (min, max) = match text.split_once('-') {
        Some((min, max)) => (number(min)?, number(max)?),
        None => (number(text)?, number(text)?),
    };
    if min > max {
        return Err(format!("min {min} is above max {max}"));
    }
    Ok(Some((min, max)))
}

/// The text [`parse_range`] reads back: `60-90`, or `75`.
pub fn format_range(rate: &RateRange) -> String {
    if rate.min == rate.max {
        rate.min.to_string()
    } else {
        format!("{}-{}", rate.min, rate.max)
    }
}

/// `usd` → `USD`.
pub fn parse_currency(text: &str) -> Result<String, String> {
    let text = text.trim();
    if text.len() == 3 && text.chars().all(|c| c.is_ascii_alphabetic()) {
        Ok(text.to_ascii_uppercase())
    } else {
        Err("3 letters, like USD or EUR".into())
    }
}

/// The text [`parse_tags`] reads back: `remote; Zürich, CH; a\;b`.
pub fn format_tags(tags: &[String]) -> String {
    text::join_list(tags.iter().map(String::as_str))
}

/// `2026-07-01`; empty → `None`.
pub fn parse_date(text: &str) -> Result<Option<NaiveDate>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| "a date as YYYY-MM-DD".into())
}

pub fn parse_count(text: &str, min: u32, max: u32) -> Result<u32, String> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| format!("a number from {min} to {max}"))
}

/// `remote; senior;; Zürich, CH` → the tags, cleaned, empty and repeated
/// ones dropped.
pub fn parse_tags(line: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in text::split_list(line).iter().map(|t| text::clean_line(t)) {
        if !tag.is_empty() && !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_rule_names_what_is_wrong() {
        assert_eq!(Rule::Required.check("  "), Some("required".into()));
        assert_eq!(Rule::Optional.check(""), None);
        assert_eq!(
            Rule::Email.check("ana@x"),
            Some("not an email address".into())
        );
        assert_eq!(Rule::Email.check("ana@x.io"), None);
        assert!(Rule::Phone.check("+351 912 345 678").is_none());
        assert!(Rule::Phone.check("912 abc 678").is_some());
        assert!(Rule::Phone.check("12-34").is_some());
        assert!(Rule::TimeZone.check("Europe/Lisbon").is_none());
        assert!(Rule::TimeZone.check("Lisbon time").is_some());
        assert!(
            Rule::Optional
                .check(&"x".repeat(MAX_FIELD_CHARS + 1))
                .is_some()
        );
        assert!(Rule::Count { min: 1, max: 500 }.check("0").is_some());
        assert!(Rule::Count { min: 1, max: 500 }.check("").is_some());
        assert!(Rule::Currency.check("US").is_some());
        assert!(Rule::Date.check("2026-02-30").is_some());
    }

    #[test]
    fn ranges_dates_currencies_and_tags_parse() {
        assert_eq!(parse_range("60-90"), Ok(Some((60, 90))));
        assert_eq!(parse_range(" 75 "), Ok(Some((75, 75))));
        assert_eq!(parse_range(""), Ok(None));
        assert_eq!(parse_range("90-60"), Err("min 90 is above max 60".into()));
        assert!(parse_range("60-").is_err());
        assert_eq!(parse_currency("eur"), Ok("EUR".into()));
        assert_eq!(
            parse_date("2026-07-01"),
            Ok(NaiveDate::from_ymd_opt(2026, 7, 1))
        );
        assert_eq!(
            parse_tags("remote; senior;;remote; Zürich,  CH"),
            vec!["remote", "senior", "Zürich, CH"]
        );
        let tags = parse_tags(r"a\;b; c\\d");
        assert_eq!(tags, vec!["a;b", r"c\d"]);
        assert_eq!(parse_tags(&format_tags(&tags)), tags);
        let many = vec!["tag"; 150].join("; ");
        assert_eq!(Rule::Tags.check(&many), None, "the line may be long");
        assert!(Rule::Tags.check(&"x".repeat(MAX_FIELD_CHARS + 1)).is_some());
    }
}
