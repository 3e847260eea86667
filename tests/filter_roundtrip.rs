//! Property tests of the filter language: any filter prints as text that
//! parses back to the same filter, and any text at all either parses to
//! a filter that survives the same round or fails with an error that
//! points inside the text and shows no control character.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use hireterm::catalog::Catalog;
use hireterm::domain::rate::MAX_RATE;
use hireterm::domain::text::is_clean;
use hireterm::domain::{EngagementId, Level, Source, Stage};
use hireterm::filter::{Cmp, Day, Filter, Group, Term, Test, parse, token_at};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

/// Characters a filter may hold, with the ones that mean something in
/// it (quotes, backslashes, signs, spaces) drawn often.
fn character() -> impl Strategy<Value = char> {
    let syntax = vec![
        ' ', '"', '\\', '-', ':', '=', '<', '>', '%', '*', 'o', 'r', 'é', '東',
    ];
    prop_oneof![
        2 => any::<char>().prop_filter("printable", |c| is_clean(&c.to_string(), false)),
        2 => select(syntax),
        1 => proptest::char::range('a', 'z'),
    ]
}

/// A text value as the parser keeps it: trimmed, lower case, not empty.
fn text() -> impl Strategy<Value = String> {
    let words = ["or", "any", "-x", "tag:hot", "new york", "\"", "a\\\"b"];
    let free = vec(character(), 1..10).prop_map(|cs| fold(&cs.into_iter().collect::<String>()));
    prop_oneof![4 => free, 1 => select(words.to_vec()).prop_map(String::from)]
        .prop_filter("not empty", |text| !text.is_empty())
}

fn fold(text: &str) -> String {
    text.trim().to_lowercase()
}

fn cmp() -> impl Strategy<Value = Cmp> {
    select(vec![Cmp::Lt, Cmp::Le, Cmp::Eq, Cmp::Ge, Cmp::Gt])
}

fn day() -> impl Strategy<Value = Day> {
    let date = (1i32..=9999, 1u32..=366)
        .prop_filter_map("a day of the year", |(y, d)| NaiveDate::from_yo_opt(y, d));
    prop_oneof![
        any::<u32>().prop_map(Day::FromToday),
        (0u32..30).prop_map(Day::FromToday),
        date.prop_map(Day::On),
    ]
}

fn currency() -> impl Strategy<Value = String> {
    vec(proptest::char::range('A', 'Z'), 3).prop_map(|cs| cs.into_iter().collect())
}

/// Tests that name something known: catalog entries, stages, sources.
fn named() -> impl Strategy<Value = Test> {
    let catalog = Catalog::builtin();
    let roles: Vec<_> = catalog.roles().iter().map(|r| r.id.clone()).collect();
    let skills: Vec<_> = catalog.skills().iter().map(|s| s.id.clone()).collect();
    let level = (0u8..=Level::MAX).prop_map(|l| Level::new(l).unwrap());
    prop_oneof![
        select(roles).prop_map(Test::Role),
        (select(skills), cmp(), level).prop_map(|(skill, cmp, level)| Test::Skill {
            skill,
            cmp,
            level
        }),
        select(Stage::ALL.to_vec()).prop_map(Test::Stage),
        select(Source::ALL.to_vec()).prop_map(Test::Source),
        any::<u64>().prop_map(|n| Test::Engagement(EngagementId(n))),
        any::<bool>().prop_map(Test::Placed),
        any::<bool>().prop_map(Test::Waiting),
    ]
}

/// Tests of amounts and of free text.
fn valued() -> impl Strategy<Value = Test> {
    prop_oneof![
        (cmp(), 0..=MAX_RATE, option::of(currency())).prop_map(|(cmp, amount, currency)| {
            Test::Rate {
                cmp,
                amount,
                currency,
            }
        }),
        (cmp(), day()).prop_map(|(cmp, day)| Test::Avail { cmp, day }),
        (cmp(), any::<u32>()).prop_map(|(cmp, percent)| Test::Margin { cmp, percent }),
        text().prop_map(Test::TimeZone),
        text().prop_map(Test::Country),
        text().prop_map(Test::City),
        text().prop_map(Test::Client),
        text().prop_map(Test::Tag),
        option::of(text()).prop_map(Test::Submitted),
        text().prop_map(Test::Word),
    ]
}

fn filter() -> impl Strategy<Value = Filter> {
    let term = (any::<bool>(), prop_oneof![named(), valued()])
        .prop_map(|(negated, test)| Term { negated, test });
    let group = vec(term, 1..4).prop_map(|any_of| Group { any_of });
    vec(group, 0..5).prop_map(|groups| Filter { groups })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn printing_then_parsing_gives_the_same_filter(filter in filter()) {
        let text = filter.to_string();
        let parsed = parse(&text, Catalog::builtin());
        prop_assert_eq!(parsed.as_ref(), Ok(&filter), "printed as {}", text);
    }

    #[test]
    fn any_text_parses_to_a_stable_filter_or_a_clean_error(
        chars in vec(prop_oneof![character(), any::<char>()], 0..40)
    ) {
        let text: String = chars.into_iter().collect();
        match parse(&text, Catalog::builtin()) {
            Ok(filter) => {
                let again = parse(&filter.to_string(), Catalog::builtin());
                prop_assert_eq!(again.as_ref(), Ok(&filter), "from {:?}", text);
            }
            Err(error) => {
                prop_assert!(text.get(error.span.clone()).is_some(), "{:?} {:?}", text, error);
                let shown = error.to_string();
                prop_assert!(is_clean(&shown, false), "{:?}", shown);
            }
        }
        for cursor in 0..=text.len() + 1 {
            if let Some((span, _, so_far)) = token_at(&text, cursor) {
                prop_assert!(text.get(span).is_some());
                prop_assert!(text.contains(so_far));
            }
        }
    }
}
