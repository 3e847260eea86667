//! How long the demo's people have been on file and their consents: a
//! believable share with consent, some ending within the month, some
//! long ended, a tenth on file for years; all of it the same for the
//! same options.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::tests_agency::{demo, now};
use super::*;
use crate::domain::Consent;
use chrono::TimeDelta;

#[test]
fn a_tenth_are_on_file_for_years_and_many_gave_consent() {
    let data = demo(2_000, 0, 42);
    let today = now().date_naive();
    let old: Vec<&Candidate> = (data.candidates.iter())
        .filter(|c| now() - c.created_at > TimeDelta::days(365))
        .collect();
    assert!(
        (140..=260).contains(&old.len()),
        "{} on file for years",
        old.len()
    );
    assert!(
        old.iter()
            .all(|c| now() - c.created_at >= TimeDelta::days(3 * 365 + 30))
    );
    let consents: Vec<&Consent> = data
        .candidates
        .iter()
        .filter_map(|c| c.consent.as_ref())
        .collect();
    assert!(
        (600..=900).contains(&consents.len()),
        "{} consents",
        consents.len()
    );
    assert!(consents.iter().all(|c| c.problems().is_empty()));
    let ending = consents.iter().filter(|c| c.ends_within(today, 30)).count();
    let ended = consents.iter().filter(|c| !c.holds_on(today)).count();
    assert!(
        ending >= 10 && ended >= 10,
        "{ending} ending, {ended} ended"
    );
}

#[test]
fn the_same_options_give_the_same_people_and_consents() {
    assert_eq!(demo(300, 0, 7), demo(300, 0, 7));
    assert_ne!(demo(300, 0, 7).candidates, demo(300, 0, 8).candidates);
}
