//! Unit tests of the demo's names: nearly unique, as a real file's are.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::people::person;
use super::*;
use std::collections::HashMap;

/// How many carry each name as written (a romanisation in brackets
/// aside: "王芳" and "王芳 (Wang Fang)" read as the same person).
fn tally<'a>(names: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
    let mut counts = HashMap::new();
    for name in names {
        let written = name.split(" (").next().unwrap_or(name);
        *counts.entry(written).or_insert(0) += 1;
    }
    counts
}

#[test]
fn at_two_thousand_no_full_name_appears_more_than_twice() {
    let options = DemoOptions {
        candidates: 2_000,
        engagements: 1,
        ..DemoOptions::default()
    };
    let data = generate(&options, Catalog::builtin());
    let counts = tally(data.candidates.iter().map(|c| c.name.as_str()));
    let mut worst: Vec<(&str, usize)> = counts.into_iter().filter(|(_, n)| *n > 2).collect();
    worst.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    worst.truncate(10);
    assert!(worst.is_empty(), "names seen more than twice: {worst:?}");
}

/// The name generator alone (a person's contact details, not a whole
/// demo): of 100,000 people, fewer than 8 in 100 repeat a name someone
/// before them has (a real file of that size repeats some too), and no
/// name is carried by more than a handful.
#[test]
fn at_a_hundred_thousand_few_people_repeat_a_name() {
    const COUNT: usize = 100_000;
    let names: Vec<String> = (0..COUNT)
        .map(|index| {
            let mut rng = Rng::new(42, KIND_CANDIDATE, index as u64);
            person(index as u64 + 1, &mut rng).name
        })
        .collect();
    let counts = tally(names.iter().map(String::as_str));
    let repeats = COUNT - counts.len();
    let most = counts.values().max().copied().unwrap_or(0);
    assert!(
        repeats * 100 < COUNT * 8,
        "{repeats} of {COUNT} repeat a name someone before them has"
    );
    assert!(most <= 8, "one name is carried by {most}");
}
