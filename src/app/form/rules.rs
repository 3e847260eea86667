//! What each field accepts, and the parsers that turn its text into a
//! value. The rules themselves are the domain's (the store applies the
//! same ones): a field only reads its text and asks the domain about the
//! value. Messages are drawn next to the field.

use crate::domain::RateRange;
use crate::domain::candidate::{MAX_FIELD_CHARS, MAX_LIST_LEN, phone_problem, range_problem};
use crate::domain::codes::{currency_code_problem, zone_problem};
use crate::domain::engagement::{MAX_HEADCOUNT, headcount_problem};
use crate::domain::text::{self, is_plausible_email};
use chrono::NaiveDate;

/// The rule a text field is checked by (beyond its length).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    Optional,
    Required,
    Email,
    /// Anything with enough digits: `+44 (0)20 7946 0958 ext. 12`.
    Phone,
    /// An IANA time zone (`Europe/Lisbon`), or empty.
    TimeZone,
    /// `60-90` or `75`: whole units, minimum not above maximum.
    Range,
    /// A code ISO 4217 knows, or empty.
    Currency,
    /// `YYYY-MM-DD`, or empty.
    Date,
    /// An engagement's headcount, required.
    Headcount,
    /// An hourly rate, `95` (in the form's currency) or `95 EUR`; or
    /// empty.
    Rate,
    /// A required hourly rate.
    RequiredRate,
    /// A client's contacts in the list notation:
    /// `Jane Roe <jane@acme.com> +1 555 0100; Li Wei <li@acme.cn>`.
    Contacts,
    /// `YYYY-MM-DD`, required.
    RequiredDate,
    /// Tags in the one list notation: `remote; senior`, `\;` inside a
    /// tag (see [`crate::domain::text::split_list`]).
    Tags,
}

impl Rule {
    /// Whether the rule is one that typed values meet and stored ones need
    /// not (an IANA zone, an ISO 4217 currency): a record an older
    /// hireterm stored keeps its value through an edit of other fields.
    pub fn of_input(self) -> bool {
        matches!(
            self,
            Rule::TimeZone | Rule::Currency | Rule::Rate | Rule::RequiredRate
        )
    }

    /// What the field in focus shows beside an empty or valid value.
    pub fn hint(self) -> Option<&'static str> {
        match self {
            Rule::Tags => Some("a; b · \\; inside a tag"),
            Rule::TimeZone => Some("like Europe/Lisbon"),
            _ => None,
        }
    }

    /// What is wrong with `text` under this rule, if anything.
    pub fn check(self, text: &str) -> Option<String> {
        let text = text.trim();
        // Tags are limited one by one, not as a line.
        if !matches!(self, Rule::Tags | Rule::Contacts) && text.chars().count() > MAX_FIELD_CHARS {
            return Some(format!("at most {MAX_FIELD_CHARS} characters"));
        }
        if text.is_empty() {
            let needed = matches!(
                self,
                Rule::Required
                    | Rule::Email
                    | Rule::Headcount
                    | Rule::RequiredRate
                    | Rule::RequiredDate
            );
            return needed.then(|| "required".to_string());
        }
        match self {
            Rule::Optional | Rule::Required => None,
            Rule::TimeZone => zone_problem(text),
            Rule::Email => (!is_plausible_email(text)).then(|| "not an email address".into()),
            Rule::Phone => phone_problem(text),
            Rule::Range => match parse_range(text) {
                Ok(range) => range.and_then(|(min, max)| range_problem(min, max)),
                Err(shape) => Some(shape),
            },
            Rule::Currency => currency_code_problem(&parse_currency(text)),
            Rule::Date => parse_date(text).err(),
            Rule::Headcount => parse_headcount(text).err(),
            Rule::Rate | Rule::RequiredRate => crate::domain::HourlyRate::parse(text, "USD").err(),
            Rule::Contacts => parse_contacts(text).err(),
            Rule::RequiredDate => parse_date(text).err(),
            Rule::Tags => check_tags(text),
        }
    }
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

/// `60-90` → (60, 90); `75` → (75, 75); empty → `None`. Only the shape is
/// checked here; whether the numbers make a rate is the domain's
/// [`range_problem`].
pub fn parse_range(text: &str) -> Result<Option<(u32, u32)>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let number = |part: &str| {
        part.trim()
            .parse::<u32>()
            .map_err(|_| "min-max, like 60-90".to_string())
    };
    Ok(Some(match text.split_once('-') {
        Some((min, max)) => (number(min)?, number(max)?),
        None => (number(text)?, number(text)?),
    }))
}

/// The text [`parse_range`] reads back: `60-90`, or `75`.
pub fn format_range(rate: &RateRange) -> String {
    if rate.min == rate.max {
        rate.min.to_string()
    } else {
        format!("{}-{}", rate.min, rate.max)
    }
}

/// `usd ` → `USD`; the domain's [`currency_code_problem`] says if it is one.
pub fn parse_currency(text: &str) -> String {
    text.trim().to_uppercase()
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

/// `12` → 12, within the domain's [`headcount_problem`].
pub fn parse_headcount(text: &str) -> Result<u16, String> {
    let count = text
        .trim()
        .parse::<u16>()
        .map_err(|_| format!("a whole number from 1 to {MAX_HEADCOUNT}"))?;
    headcount_problem(count).map_or(Ok(count), Err)
}

/// `Jane Roe <jane@acme.com>; Li Wei <li@acme.cn> +86 10 1234 5678` → the
/// contacts, each as the domain reads one.
pub fn parse_contacts(line: &str) -> Result<Vec<crate::domain::Contact>, String> {
    let items = text::split_list(line);
    let items = items.iter().map(|t| t.trim()).filter(|t| !t.is_empty());
    items.map(crate::domain::Contact::parse).collect()
}

/// The text [`parse_contacts`] reads back.
pub fn format_contacts(contacts: &[crate::domain::Contact]) -> String {
    let lines: Vec<String> = contacts.iter().map(ToString::to_string).collect();
    text::join_list(lines.iter().map(String::as_str))
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

/// The text [`parse_tags`] reads back: `remote; Zürich, CH; a\;b`.
pub fn format_tags(tags: &[String]) -> String {
    text::join_list(tags.iter().map(String::as_str))
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
        assert!(Rule::Phone.check("+44 (0)20 7946 0958 ext. 12").is_none());
        assert!(Rule::Phone.check("12-34").is_some());
        assert!(Rule::TimeZone.check("UTC +1").is_some(), "an IANA zone");
        assert!(Rule::TimeZone.check("Asia/Kolkata").is_none());
        assert!(
            Rule::Optional
                .check(&"x".repeat(MAX_FIELD_CHARS + 1))
                .is_some()
        );
        assert!(Rule::Headcount.check("0").is_some());
        assert!(Rule::Headcount.check("").is_some());
        assert!(Rule::Headcount.check("600").is_none());
        assert!(Rule::Headcount.check("10001").is_some());
        assert!(Rule::Currency.check("US").is_some());
        assert!(Rule::Currency.check("chf").is_none());
        assert!(Rule::Currency.check("XYZ").is_some(), "ISO 4217");
        assert!(Rule::Date.check("2026-02-30").is_some());
    }

    #[test]
    fn ranges_take_the_domains_limits() {
        assert_eq!(Rule::Range.check("250-300"), None);
        assert_eq!(Rule::Range.check("100000"), None);
        assert_eq!(Rule::Range.check("100001"), range_problem(100_001, 100_001));
        assert_eq!(
            Rule::Range.check("90-60"),
            Some("rate minimum 90 is above maximum 60".into())
        );
    }

    #[test]
    fn ranges_dates_currencies_and_tags_parse() {
        assert_eq!(parse_range("60-90"), Ok(Some((60, 90))));
        assert_eq!(parse_range(" 75 "), Ok(Some((75, 75))));
        assert_eq!(parse_range(""), Ok(None));
        assert_eq!(parse_range("90-60"), Ok(Some((90, 60))), "shape only");
        assert!(parse_range("60-").is_err());
        assert_eq!(parse_currency(" eur"), "EUR");
        assert_eq!(parse_headcount("600"), Ok(600));
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
