//! Printing a filter as its canonical text: catalog ids for roles and
//! skills, `:` after a field, `=` inside a skill's comparison, quotes only
//! where a value needs them, `or` between alternatives. Parsing what this
//! prints gives back the same filter (`tests/filter_roundtrip.rs`).

use super::{Cmp, Day, Filter, Group, Term, Test};
use crate::domain::{Source, Stage};
use std::fmt;

impl fmt::Display for Filter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, group) in self.groups.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{group}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Group {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, term) in self.any_of.iter().enumerate() {
            if i > 0 {
                f.write_str(" or ")?;
            }
            write!(f, "{term}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negated {
            f.write_str("-")?;
        }
        write!(f, "{}", self.test)
    }
}

impl fmt::Display for Test {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Test::Role(role) => write!(f, "role:{}", name(role.as_str())),
            Test::Skill { skill, cmp, level } => {
                write!(f, "skill:{}", name(skill.as_str()))?;
                match (cmp, level.get()) {
                    (Cmp::Ge, 1) => Ok(()), // `skill:k8s` alone
                    (cmp, level) => write!(f, "{}{level}", cmp.symbol()),
                }
            }
            Test::Rate {
                cmp,
                amount,
                currency,
            } => {
                let code = currency.as_deref().unwrap_or_default().to_lowercase();
                write!(f, "rate{}{amount}{code}", head(*cmp))
            }
            Test::Avail { cmp, day } => write!(f, "avail{}{}", head(*cmp), DayText(*day)),
            Test::TimeZone(zone) => write!(f, "tz:{}", value(zone)),
            Test::Country(country) => write!(f, "country:{}", value(country)),
            Test::City(city) => write!(f, "city:{}", value(city)),
            Test::Stage(stage) => write!(f, "stage:{}", stage_word(*stage)),
            Test::Engagement(id) => write!(f, "engagement:{id}"),
            Test::Client(client) => write!(f, "client:{}", value(client)),
            Test::Tag(tag) => write!(f, "tag:{}", value(tag)),
            Test::Source(source) => write!(f, "source:{}", source_word(*source)),
            Test::Placed(placed) => write!(f, "placed:{}", yes_or_no(*placed)),
            Test::Submitted(None) => f.write_str("submitted:any"),
            Test::Submitted(Some(client)) => write!(f, "submitted:{}", submitted(client)),
            Test::Waiting(waiting) => write!(f, "waiting:{}", yes_or_no(*waiting)),
            Test::Margin { cmp, percent } => write!(f, "margin{}{percent}%", head(*cmp)),
            Test::Word(text) => f.write_str(&word(text)),
        }
    }
}

/// A client after `submitted:`; the client named "any" is quoted, since
/// a bare `any` means any client.
fn submitted(client: &str) -> String {
    if client.eq_ignore_ascii_case("any") {
        quoted(client)
    } else {
        value(client)
    }
}

fn yes_or_no(yes: bool) -> &'static str {
    if yes { "yes" } else { "no" }
}

/// The operator after a field's name: `:` for equality, else the sign.
fn head(cmp: Cmp) -> &'static str {
    match cmp {
        Cmp::Eq => ":",
        other => other.symbol(),
    }
}

struct DayText(Day);

impl fmt::Display for DayText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Day::FromToday(0) => f.write_str("now"),
            Day::FromToday(days) => write!(f, "{days}d"),
            Day::On(date) => write!(f, "{}", date.format("%Y-%m-%d")),
        }
    }
}

/// How a stage is written in a filter: the first word of its label,
/// which the CLI's stage names accept (`technical`, `client`).
pub(crate) fn stage_word(stage: Stage) -> String {
    let label = stage.label();
    label.split(' ').next().unwrap_or(label).to_lowercase()
}

/// How a source is written in a filter: its label, a hyphen for a space
/// (`job-board`), which the importer's source names accept.
pub(crate) fn source_word(source: Source) -> String {
    source.label().replace(' ', "-")
}

/// A value after a field: bare unless it is empty or holds white space
/// or a quote.
pub(crate) fn value(text: &str) -> String {
    let plain = !text.is_empty() && !text.chars().any(|c| c.is_whitespace() || c == '"');
    if plain {
        text.to_string()
    } else {
        quoted(text)
    }
}

/// A role or skill name: as [`value`], and quoted where a comparison sign
/// would end it.
pub(crate) fn name(text: &str) -> String {
    if text.contains(['<', '>', '=']) {
        quoted(text)
    } else {
        value(text)
    }
}

/// A plain word: quoted where it would read as something else, such as
/// a field term (`tag:hot`), a negation (`-x`) or the word `or`.
fn word(text: &str) -> String {
    let special = text.starts_with('-')
        || text.eq_ignore_ascii_case("or")
        || text.contains([':', '=', '<', '>']);
    if special { quoted(text) } else { value(text) }
}

/// `"text"`, its quotes and backslashes escaped.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        if matches!(ch, '"' | '\\') {
            out.push('\\');
        }
        out.push(ch);
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_quoted_only_when_they_need_it() {
        assert_eq!(value("lisbon"), "lisbon");
        assert_eq!(value("new york"), "\"new york\"");
        assert_eq!(value(r#"say "hi" \o/"#), r#""say \"hi\" \\o/""#);
        assert_eq!(value(""), "\"\"");
        assert_eq!(name("a>=b"), "\"a>=b\"");
    }

    #[test]
    fn words_that_read_as_syntax_are_quoted() {
        assert_eq!(word("or"), "\"or\"");
        assert_eq!(word("-x"), "\"-x\"");
        assert_eq!(word("tag:hot"), "\"tag:hot\"");
        assert_eq!(word("c++"), "c++");
        assert_eq!(word(r"a\b"), r"a\b");
    }

    #[test]
    fn stages_and_sources_print_as_one_word() {
        assert_eq!(stage_word(Stage::TechnicalInterview), "technical");
        assert_eq!(source_word(Source::JobBoard), "job-board");
    }
}
