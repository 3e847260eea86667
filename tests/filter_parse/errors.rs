//! Every error of the filter language: where it points (a byte range of
//! the text), what it says, and what it suggests.

use hireterm::catalog::Catalog;
use hireterm::filter::{ParseError, parse};
use std::ops::Range;

fn error(text: &str) -> ParseError {
    match parse(text, Catalog::builtin()) {
        Ok(filter) => panic!("{text} parsed, as {filter}"),
        Err(error) => error,
    }
}

/// The error's span, its words, and its suggestion.
fn check(text: &str, span: Range<usize>, words: &str, suggestion: Option<&str>) {
    let error = error(text);
    assert_eq!(error.span, span, "{text}: {error}");
    assert_eq!(error.to_string(), words, "{text}");
    assert_eq!(error.suggestion.as_deref(), suggestion, "{text}");
}

#[test]
fn an_unknown_field_suggests_the_nearest() {
    let words = "`skil:` is not a field; did you mean `skill:`?";
    check("skil:k8s", 0..5, words, Some("skill:"));
    let words = "`Rat<=` is not a field; did you mean `rate<=`?";
    check("role:devops Rat<=80", 12..17, words, Some("rate<="));
    check(
        "-eng:E3",
        1..5,
        "`eng:` is not a field; did you mean `engagement:`?",
        Some("engagement:"),
    );
    check("banana:1", 0..7, "`banana:` is not a field", None);
}

#[test]
fn an_unknown_skill_or_role_suggests_the_nearest() {
    let words = "`kubernets` is not a skill; did you mean `kubernetes`?";
    check("skill:kubernets>=4", 6..15, words, Some("kubernetes"));
    check(
        "role:devop",
        5..10,
        "`devop` is not a role; did you mean `devops`?",
        Some("devops"),
    );
    let words = "`platfrom engineer` is not a role; did you mean `\"platform engineer\"`?";
    check(
        "role:\"platfrom engineer\"",
        5..24,
        words,
        Some("\"platform engineer\""),
    );
}

#[test]
fn a_field_without_a_value_says_what_it_needs() {
    check(
        "rate<=",
        0..6,
        "`rate<=` needs a number, such as `rate<=80`",
        None,
    );
    check(
        "tag:\"\"",
        0..6,
        "`tag:` needs a value, such as `tag:hot`",
        None,
    );
    check(
        "x avail>",
        2..8,
        "`avail>` needs a day, such as `avail<=14d`",
        None,
    );
    check(
        "skill:",
        0..6,
        "`skill:` needs a skill, such as `skill:k8s>=4`",
        None,
    );
    let words = "`skill:` needs a skill before the level, such as `skill:k8s>=4`";
    check("skill:>=4", 0..9, words, None);
}

#[test]
fn a_field_that_does_not_compare_says_so() {
    let words = "`country` does not compare; write `country:` and a value, such as `country:PT`";
    check("country<PT", 7..8, words, None);
    let words = "`skill` compares the level after the skill, such as `skill:k8s>=4`";
    check("skill>=k8s", 5..7, words, None);
}

#[test]
fn skill_levels_are_zero_to_five() {
    let words = "`skill:k8s>=` needs a level 0-5, such as `skill:k8s>=4`";
    check("skill:k8s>=", 0..11, words, None);
    check(
        "skill:k8s>=9",
        9..12,
        "`9` is not a level; levels go from 0 to 5",
        None,
    );
    check(
        "skill:k8s=high",
        9..14,
        "`high` is not a level; levels go from 0 to 5",
        None,
    );
}

#[test]
fn rates_are_whole_numbers_in_a_currency() {
    let words = "`abc` is not a rate; write a whole number, such as `rate<=80` or `rate<=70eur`";
    check("rate<=abc", 6..9, words, None);
    let words = "`80.5` is not a rate; write a whole number, such as `rate<=80` or `rate<=70eur`";
    check("rate<=80.5", 6..10, words, None);
    let words = "`200000` is above 100000 an hour, more than any rate";
    check("rate<=200000", 6..12, words, None);
    let words = "currency `EURO` is not a 3-letter code like USD";
    check("rate<=70euro", 6..12, words, None);
}

#[test]
fn days_are_counts_or_dates() {
    let words = "`soon` is not a day; write 14d, 2w, now or a date such as 2026-12-20";
    check("avail<=soon", 7..11, words, None);
    let words = "`2026-02-30` is not a day of the calendar";
    check("avail<=2026-02-30", 7..17, words, None);
    check(
        "avail<=999999999w",
        7..17,
        "`999999999w` is too far ahead",
        None,
    );
    let words = "`abc` is not a margin; write a whole percentage, such as `margin<20%`";
    check("margin<abc", 7..10, words, None);
}

#[test]
fn unknown_stages_and_sources_list_the_valid_ones() {
    let words = "`scrning` is not a stage: sourced, screening, technical, client, offer, \
                 placed, rejected, withdrawn; did you mean `screening`?";
    check("stage:scrning", 6..13, words, Some("screening"));
    let error = error("stage:interview");
    assert!(
        error
            .message
            .contains("Technical interview or Client interview"),
        "{error}"
    );
    let words = "`refferal` is not a source: referral, linkedin, job-board, agency, inbound, \
                 event, github, other; did you mean `referral`?";
    check("source:refferal", 7..15, words, Some("referral"));
}

#[test]
fn engagements_and_yes_or_no() {
    let words = "`X3` is not an engagement; write its id, such as E3";
    check("engagement:X3", 11..13, words, None);
    check(
        "placed:ye",
        7..9,
        "`ye` is not yes or no; did you mean `yes`?",
        Some("yes"),
    );
    check("placed:maybe", 7..12, "`maybe` is not yes or no", None);
    check(
        "waiting:n0",
        8..10,
        "`n0` is not yes or no; did you mean `no`?",
        Some("no"),
    );
    check(
        "waiting:",
        0..8,
        "`waiting:` needs yes or no, such as `waiting:yes`",
        None,
    );
    check(
        "waiting>=yes",
        7..9,
        "`waiting` does not compare; write `waiting:` and a value, such as `waiting:yes`",
        None,
    );
}

#[test]
fn or_needs_a_term_on_each_side() {
    let words = "`or` needs a term on each side, such as `tag:hot or tag:warm`";
    check("or tag:hot", 0..2, words, None);
    check("tag:hot OR", 8..10, words, None);
    check("tag:hot or or tag:x", 11..13, words, None);
}

#[test]
fn a_dash_needs_one_term() {
    check(
        "- tag:hot",
        0..1,
        "`-` needs a term after it, such as `-tag:hot`",
        None,
    );
    check(
        "--tag:hot",
        1..2,
        "one `-` negates a term; a second cannot undo it",
        None,
    );
}

#[test]
fn quotes_must_close_and_hold_something() {
    let words = "this `\"` is never closed; end the phrase with another `\"`";
    check("city:\"new york", 5..14, words, None);
    let words = "empty quotes match nothing; write a word or phrase between them";
    check("a \"\"", 2..4, words, None);
}

#[test]
fn control_characters_are_refused_and_shown_escaped() {
    for (text, span, escaped) in [
        ("tag:hot\u{1b}[31m", 7..8, "\\u{1b}"),
        ("a\tb", 1..2, "\\t"),
        ("é\u{202e}", 2..5, "\\u{202e}"),
        ("\u{7}", 0..1, "\\u{7}"),
    ] {
        let error = error(text);
        assert_eq!(error.span, span, "{}", error);
        let shown = error.to_string();
        assert!(
            shown.starts_with(&format!("`{escaped}` is a control")),
            "{shown}"
        );
        assert!(shown.chars().all(|c| !c.is_control()), "{shown}");
    }
}

#[test]
fn the_underline_sits_under_the_fault() {
    let text = "role:devops skil:k8s";
    assert_eq!(error(text).underline(text), "            ^^^^^");
}
