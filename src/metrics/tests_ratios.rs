//! The ratios' definitions, on small hand-built histories.

use super::input::Scope;
use super::ratios::*;
use super::testing::{World, jan, usd};
use crate::domain::Stage::*;
use crate::domain::{AnswerKind, EngagementStatus, PromisePolicy};

/// One candidate within 48 hours, weekends counting.
fn promise() -> PromisePolicy {
    PromisePolicy {
        count: 1,
        hours: 48,
        skip_weekends: false,
    }
}

fn of(world: &World, since: u32, until: u32) -> Ratios {
    ratios(&world.records(), jan(since, until), &Scope::All, &promise())
}

#[test]
fn no_submittals_give_no_ratios_rather_than_nan() {
    let world = World::new();
    let ratios = of(&world, 1, 31);
    assert_eq!(
        ratios.submittal_to_interview,
        Conversion { of: 0, reached: 0 }
    );
    assert_eq!(ratios.submittal_to_interview.rate(), None);
    assert_eq!(ratios.submittal_to_interview.per_one(), None);
    assert_eq!(ratios.first_submittal.opened, 1);
    assert_eq!(ratios.first_submittal.median_days, None);
    assert_eq!(
        ratios.first_submittal.promise_broken, 1,
        "unmet and past due"
    );
    assert_eq!(ratios.coverage, Conversion { of: 1, reached: 0 });
    assert_eq!(ratios.offer_acceptance.rate(), None);
    assert_eq!(ratios.time_to_fill.median_days, None);
}

#[test]
fn first_submittal_and_the_promise() {
    let mut world = World::new();
    world.engagement(2, 1, "bo", 2);
    world.engagement(3, 1, "bo", 3);
    world.submit(1, 1, 2, "ana"); // a day after opening: kept
    world.submit(2, 2, 6, "bo"); // four days: broken
    world.submit(2, 3, 3, "bo"); // but this one was earlier: kept
    let first = of(&world, 1, 31).first_submittal;
    assert_eq!((first.opened, first.submitted), (3, 2));
    assert_eq!(first.median_days, Some(1.0));
    assert_eq!(first.promise_broken, 1, "E3 never had one");
    let before = of(&world, 1, 3).first_submittal;
    assert_eq!(before.promise_broken, 0, "E3 was not yet due on day 3");
}

#[test]
fn submittals_per_interview_follow_the_submittals_of_the_period() {
    let mut world = World::new();
    for candidate in 1..=4 {
        world.submit(1, candidate, 5, "ana");
    }
    world.answer(0, AnswerKind::InterviewRequested, 20, "ana");
    world.answer(1, AnswerKind::Rejected, 6, "ana");
    let ratios = of(&world, 1, 10);
    assert_eq!(
        ratios.submittal_to_interview,
        Conversion { of: 4, reached: 1 }
    );
    assert_eq!(ratios.submittal_to_interview.rate(), Some(0.25));
    assert_eq!(ratios.submittal_to_interview.per_one(), Some(4.0));
    assert_eq!(
        ratios.interview_to_offer.of, 0,
        "the interview came after day 10"
    );
}

#[test]
fn interview_to_offer_follows_the_interviews_to_their_application() {
    let mut world = World::new();
    world.app(
        1,
        1,
        &[
            (Screening, 1, None),
            (ClientInterview, 4, None),
            (Offer, 8, None),
        ],
    );
    world.app(
        1,
        2,
        &[
            (Screening, 1, None),
            (ClientInterview, 4, None),
            (Rejected, 8, None),
        ],
    );
    let first = world.submit(1, 1, 2, "ana");
    let second = world.submit(1, 2, 2, "ana");
    world.answer(first, AnswerKind::InterviewRequested, 4, "ana");
    world.answer(second, AnswerKind::OnHold, 3, "ana");
    world.answer(second, AnswerKind::InterviewRequested, 4, "ana");
    world.answer(second, AnswerKind::Rejected, 8, "ana");
    let ratios = of(&world, 1, 31);
    assert_eq!(
        ratios.submittal_to_interview,
        Conversion { of: 2, reached: 2 },
        "rejected after it"
    );
    assert_eq!(ratios.interview_to_offer, Conversion { of: 2, reached: 1 });
}

#[test]
fn offer_acceptance_is_placed_over_offers_with_undone_placements_left_out() {
    let mut world = World::new();
    world.app(1, 1, &[(Offer, 3, None), (Placed, 5, None)]);
    world.app(
        1,
        2,
        &[
            (Offer, 3, None),
            (Placed, 5, None),
            (Offer, 6, Some("undo")),
        ],
    );
    world.app(1, 3, &[(Offer, 3, None), (Withdrawn, 4, None)]);
    let ratios = of(&world, 1, 31);
    assert_eq!(ratios.offer_acceptance, Conversion { of: 3, reached: 1 });
}

#[test]
fn fill_rate_and_time_to_fill() {
    let mut world = World::new();
    world.engagement(2, 1, "bo", 2);
    world.engagement_mut(1).status = EngagementStatus::Filled;
    world.engagement_mut(1).headcount = 2;
    world.place(1, 1, 5, "ana", usd(100, 70));
    world.place(1, 2, 11, "ana", usd(100, 70));
    world.place(1, 3, 20, "ana", usd(100, 70)); // after the fill: a replacement
    let ratios = of(&world, 1, 31);
    assert_eq!(ratios.fill_rate, Conversion { of: 2, reached: 1 });
    assert_eq!(ratios.time_to_fill.filled, 1);
    assert_eq!(
        ratios.time_to_fill.median_days,
        Some(10.0),
        "the second placement filled it"
    );
    assert_eq!(
        of(&world, 12, 31).time_to_fill.filled,
        0,
        "filled before the period"
    );
}

#[test]
fn coverage_counts_open_engagements_with_a_submittal_in_the_period() {
    let mut world = World::new();
    world.engagement(2, 1, "bo", 2);
    world.engagement(3, 1, "bo", 2);
    world.engagement_mut(3).status = EngagementStatus::OnHold;
    world.submit(1, 1, 3, "ana");
    world.submit(2, 1, 1, "bo");
    world.submit(3, 1, 3, "bo");
    let ratios = of(&world, 2, 31);
    assert_eq!(
        ratios.coverage,
        Conversion { of: 2, reached: 1 },
        "E2's was before"
    );
}
