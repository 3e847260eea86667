//! The filter language's parser, term by term: every field, every
//! comparison, negation, `or` and quotes, and the canonical text each
//! filter prints. Errors are in `filter_parse/errors.rs`; every catalog,
//! stage and source name in `filter_parse/names.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "filter_parse/errors.rs"]
mod errors;
#[path = "filter_parse/names.rs"]
mod names;

use chrono::NaiveDate;
use hireterm::catalog::Catalog;
use hireterm::domain::{EngagementId, Level, RoleId, SkillId, Source, Stage};
use hireterm::filter::{Cmp, Day, Filter, Group, Term, Test, parse};

/// The filter `text` parses to; panics with the error in words.
pub fn filter(text: &str) -> Filter {
    parse(text, Catalog::builtin()).unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// The one test `text` makes, not negated.
pub fn one(text: &str) -> Test {
    let mut filter = filter(text);
    assert_eq!(filter.groups.len(), 1, "{text}");
    let term = filter.groups.remove(0).any_of.remove(0);
    assert!(!term.negated, "{text}");
    term.test
}

fn skill(id: &str, cmp: Cmp, level: u8) -> Test {
    let level = Level::new(level).unwrap();
    Test::Skill {
        skill: SkillId::new(id),
        cmp,
        level,
    }
}

fn rate(cmp: Cmp, amount: u32, currency: Option<&str>) -> Test {
    Test::Rate {
        cmp,
        amount,
        currency: currency.map(String::from),
    }
}

fn word(text: &str) -> Test {
    Test::Word(text.into())
}

fn term(negated: bool, test: Test) -> Term {
    Term { negated, test }
}

#[test]
fn roles_resolve_through_any_alias() {
    for text in [
        "role:devops",
        "role:SRE",
        "role=\"site reliability engineer\"",
    ] {
        assert_eq!(one(text), Test::Role(RoleId::new("devops")), "{text}");
    }
}

#[test]
fn skills_compare_their_level() {
    assert_eq!(one("skill:k8s>=4"), skill("kubernetes", Cmp::Ge, 4));
    assert_eq!(one("skill:k8s=3"), skill("kubernetes", Cmp::Eq, 3));
    assert_eq!(one("skill:K8S<2"), skill("kubernetes", Cmp::Lt, 2));
    assert_eq!(one("skill=kubernetes<=5"), skill("kubernetes", Cmp::Le, 5));
    assert_eq!(one("skill:k8s>0"), skill("kubernetes", Cmp::Gt, 0));
    assert_eq!(
        one("skill:\"google cloud\">=3"),
        skill("google_cloud", Cmp::Ge, 3)
    );
}

#[test]
fn a_skill_alone_means_holding_it() {
    assert_eq!(one("skill:k8s"), skill("kubernetes", Cmp::Ge, 1));
    assert_eq!(filter("skill:k8s").to_string(), "skill:kubernetes");
}

#[test]
fn rates_take_every_comparison_and_a_currency() {
    assert_eq!(one("rate<=80"), rate(Cmp::Le, 80, None));
    assert_eq!(one("rate<80"), rate(Cmp::Lt, 80, None));
    assert_eq!(one("rate>=60"), rate(Cmp::Ge, 60, None));
    assert_eq!(one("rate>60"), rate(Cmp::Gt, 60, None));
    assert_eq!(one("rate:70"), rate(Cmp::Eq, 70, None));
    assert_eq!(one("rate=70"), rate(Cmp::Eq, 70, None));
    assert_eq!(one("rate<=70eur"), rate(Cmp::Le, 70, Some("EUR")));
    assert_eq!(one("RATE<=70Usd"), rate(Cmp::Le, 70, Some("USD")));
}

#[test]
fn availability_is_days_from_today_or_a_date() {
    let avail = |cmp, day| Test::Avail { cmp, day };
    assert_eq!(one("avail<=14d"), avail(Cmp::Le, Day::FromToday(14)));
    assert_eq!(one("avail<=2w"), avail(Cmp::Le, Day::FromToday(14)));
    assert_eq!(one("avail<=now"), avail(Cmp::Le, Day::FromToday(0)));
    assert_eq!(one("avail>Today"), avail(Cmp::Gt, Day::FromToday(0)));
    let date = NaiveDate::from_ymd_opt(2026, 12, 20).unwrap();
    assert_eq!(one("avail<=2026-12-20"), avail(Cmp::Le, Day::On(date)));
}

#[test]
fn days_past_the_calendar_end_resolve_to_its_last_day() {
    let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    assert_eq!(Day::FromToday(u32::MAX).resolve(today), NaiveDate::MAX);
    assert_eq!(
        Day::FromToday(14).resolve(today),
        NaiveDate::from_ymd_opt(2026, 6, 15).unwrap()
    );
}

#[test]
fn places_and_tags_are_kept_folded() {
    assert_eq!(one("tz:Europe/*"), Test::TimeZone("europe/*".into()));
    assert_eq!(one("country:PT"), Test::Country("pt".into()));
    assert_eq!(one("city:lisbon"), Test::City("lisbon".into()));
    assert_eq!(one("city:\" New York \""), Test::City("new york".into()));
    assert_eq!(
        one("client:\"Acme Corp\""),
        Test::Client("acme corp".into())
    );
    assert_eq!(one("tag:Hot"), Test::Tag("hot".into()));
    assert_eq!(one("tag:a:b"), Test::Tag("a:b".into()));
}

#[test]
fn stages_are_named_as_the_cli_names_them() {
    assert_eq!(one("stage:screening"), Test::Stage(Stage::Screening));
    assert_eq!(
        one("stage:technical"),
        Test::Stage(Stage::TechnicalInterview)
    );
    assert_eq!(one("stage:tech"), Test::Stage(Stage::TechnicalInterview));
    assert_eq!(
        one("stage:\"client interview\""),
        Test::Stage(Stage::ClientInterview)
    );
}

#[test]
fn engagements_sources_and_placements() {
    for text in ["engagement:E3", "engagement:3", "engagement:e3"] {
        assert_eq!(one(text), Test::Engagement(EngagementId(3)), "{text}");
    }
    assert_eq!(one("source:referral"), Test::Source(Source::Referral));
    for text in [
        "source:job-board",
        "source:\"job board\"",
        "source:JobBoard",
    ] {
        assert_eq!(one(text), Test::Source(Source::JobBoard), "{text}");
    }
    for (text, placed) in [
        ("yes", true),
        ("no", false),
        ("TRUE", true),
        ("false", false),
    ] {
        assert_eq!(one(&format!("placed:{text}")), Test::Placed(placed));
        assert_eq!(one(&format!("waiting:{text}")), Test::Waiting(placed));
    }
}

#[test]
fn submitted_takes_a_client_or_any() {
    assert_eq!(one("submitted:acme"), Test::Submitted(Some("acme".into())));
    assert_eq!(one("submitted:ANY"), Test::Submitted(None));
    assert_eq!(
        one("submitted:\"any\""),
        Test::Submitted(Some("any".into()))
    );
    assert_eq!(filter("submitted:\"any\"").to_string(), "submitted:\"any\"");
}

#[test]
fn margins_take_an_optional_percent_sign() {
    let margin = |cmp, percent| Test::Margin { cmp, percent };
    assert_eq!(one("margin<20%"), margin(Cmp::Lt, 20));
    assert_eq!(one("margin<20"), margin(Cmp::Lt, 20));
    assert_eq!(one("margin>=15%"), margin(Cmp::Ge, 15));
}

#[test]
fn plain_words_and_quoted_phrases_search() {
    assert_eq!(one("Lisbon"), word("lisbon"));
    assert_eq!(one("\"São Paulo\""), word("são paulo"));
    assert_eq!(one("10:30"), word("10:30"));
    assert_eq!(one("\"tag:hot\""), word("tag:hot"));
    assert_eq!(one("\"or\""), word("or"));
    assert_eq!(one(r#""say \"hi\"""#), word("say \"hi\""));
}

#[test]
fn a_dash_negates_any_term() {
    let negated = |text: &str| filter(text).groups[0].any_of[0].clone();
    assert_eq!(negated("-tag:hot"), term(true, Test::Tag("hot".into())));
    assert_eq!(negated("-lisbon"), term(true, word("lisbon")));
    assert_eq!(negated("-\"new york\""), term(true, word("new york")));
    assert_eq!(negated("-or"), term(true, word("or")));
    assert_eq!(negated("\"-x\""), term(false, word("-x")));
}

#[test]
fn or_joins_alternatives_tighter_than_the_space() {
    let group = |words: &[&str]| Group {
        any_of: words.iter().map(|w| term(false, word(w))).collect(),
    };
    assert_eq!(filter("a or b OR c").groups, vec![group(&["a", "b", "c"])]);
    assert_eq!(
        filter("a b or c d").groups,
        vec![group(&["a"]), group(&["b", "c"]), group(&["d"])]
    );
}

#[test]
fn empty_text_lets_everyone_through() {
    assert_eq!(filter(""), Filter::default());
    assert_eq!(filter("  "), Filter::default());
    assert_eq!(Filter::default().to_string(), "");
}

#[test]
fn the_daily_question_reads_and_prints() {
    let text = "role:sre skill:k8s>=4 rate<=80 avail<=2w tz:Europe/*";
    let parsed = filter(text);
    let tests: Vec<Test> = parsed
        .groups
        .iter()
        .map(|g| g.any_of[0].test.clone())
        .collect();
    assert_eq!(tests[0], Test::Role(RoleId::new("devops")));
    assert_eq!(tests[1], skill("kubernetes", Cmp::Ge, 4));
    assert_eq!(tests[2], rate(Cmp::Le, 80, None));
    assert_eq!(
        tests[3],
        Test::Avail {
            cmp: Cmp::Le,
            day: Day::FromToday(14)
        }
    );
    assert_eq!(tests[4], Test::TimeZone("europe/*".into()));
    let canonical = "role:devops skill:kubernetes>=4 rate<=80 avail<=14d tz:europe/*";
    assert_eq!(parsed.to_string(), canonical);
    assert_eq!(filter(canonical), parsed);
}

#[test]
fn printing_is_canonical() {
    let cases = [
        ("rate<=70EUR", "rate<=70eur"),
        ("rate=70", "rate:70"),
        ("margin<20", "margin<20%"),
        ("source:\"job board\"", "source:job-board"),
        ("stage:\"client interview\"", "stage:client"),
        ("engagement:3", "engagement:E3"),
        ("placed:true", "placed:yes"),
        ("WAITING:false", "waiting:no"),
        ("city:\"new york\" -\"or\"", "city:\"new york\" -\"or\""),
        ("\"a\\\\b c\"", "\"a\\\\b c\""),
        ("avail>=0d", "avail>=now"),
        ("avail<=2w", "avail<=14d"),
    ];
    for (text, printed) in cases {
        assert_eq!(filter(text).to_string(), printed, "{text}");
    }
}
