//! Every branch of the selector: each rule selecting and not, both at
//! once, and each reason to spare (consent, the pipeline, a placement,
//! a placed card with no placement, an erased record).

use super::*;
use crate::domain::erasure::erased_image;
use crate::domain::history::UNDO_REASON;
use crate::domain::testing::candidate_with;
use crate::domain::{Consent, EngagementId, HourlyRate, PlacementId, StageChange, Terms};
use chrono::{TimeZone, Utc};

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap_or_default()
}

fn at(text: &str) -> Timestamp {
    let date = day(text);
    Utc.from_utc_datetime(&date.and_hms_opt(9, 0, 0).unwrap_or_default())
}

const TODAY: &str = "2026-12-01";

fn rules(inactive: Option<u32>, rejected: Option<u32>) -> RetentionRules {
    RetentionRules {
        inactive_days: inactive,
        rejected_days: rejected,
        ..RetentionRules::default()
    }
}

fn person(created: &str) -> Candidate {
    let mut c = candidate_with(&[("go", 3)]);
    c.created_at = at(created);
    c
}

/// An application that went to `stage` on `on` (entering a day before).
fn application(engagement: u64, stage: Stage, on: &str) -> Application {
    let entered = at(on) - chrono::Duration::days(1);
    let mut app = Application::new(
        EngagementId(engagement),
        CandidateId(1),
        Stage::Sourced,
        entered,
        "ana",
    );
    if stage != Stage::Sourced {
        app.stage = stage;
        app.history.push(StageChange {
            from: Some(Stage::Sourced),
            to: stage,
            at: at(on),
            actor: "ana".into(),
            reason: stage.is_exit().then(|| "no response".into()),
        });
    }
    app
}

fn placement(engagement: u64, start: &str, end: Option<&str>) -> Placement {
    let rate = HourlyRate::new(90, "USD");
    let terms = Terms {
        start: day(start),
        end: end.map(day),
        bill: rate.clone(),
        pay: HourlyRate::new(60, "USD"),
    };
    Placement::new(
        PlacementId(4),
        (EngagementId(engagement), CandidateId(1)),
        terms,
        (at(start), "ana"),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

fn run<'a>(
    candidate: &'a Candidate,
    last: Option<&str>,
    apps: &'a [Application],
    placements: &'a [Placement],
    rules: RetentionRules,
) -> Selection {
    let one = Person {
        candidate,
        last_activity: last.map(at),
        applications: apps.iter().collect(),
        placements: placements.iter().collect(),
    };
    select([one], &rules, day(TODAY))
}

fn reasons(selection: &Selection) -> Vec<String> {
    let all = selection.selected.iter().map(|s| &s.matches);
    let all = all.chain(selection.spared.iter().map(|s| &s.matches));
    all.flatten().map(|m| m.reason.clone()).collect()
}

#[test]
fn no_rules_select_no_one() {
    let old = person("2010-01-01");
    assert_eq!(
        run(&old, None, &[], &[], RetentionRules::default()),
        Selection::default()
    );
    assert!(!RetentionRules::default().any() && rules(Some(1), None).any());
}

#[test]
fn the_inactivity_rule_counts_from_the_last_activity_else_the_record() {
    let c = person("2022-01-01");
    let selected = run(&c, Some("2023-11-02"), &[], &[], rules(Some(1095), None));
    assert_eq!(selected.selected.len(), 1);
    assert_eq!(
        reasons(&selected),
        ["no activity since 2023-11-02 (1,125 days; rule: 1,095)"]
    );
    assert_eq!(selected.selected[0].matches[0].days, 1125);
    let recent = run(&c, Some("2024-12-02"), &[], &[], rules(Some(1095), None));
    assert!(recent.selected.is_empty() && recent.spared.is_empty());
    let on_the_day = run(&c, Some("2023-12-02"), &[], &[], rules(Some(1095), None));
    assert_eq!(on_the_day.selected.len(), 1, "1,095 days exactly is enough");
    let never = run(&c, None, &[], &[], rules(Some(1095), None));
    assert_eq!(
        reasons(&never),
        ["no activity since 2022-01-01 (1,795 days; rule: 1,095)"]
    );
    let young = person("2025-06-01");
    assert!(
        run(&young, None, &[], &[], rules(Some(1095), None))
            .selected
            .is_empty()
    );
}

#[test]
fn the_rejection_rule_needs_every_application_ended_that_long_ago() {
    let c = person("2024-01-01");
    let ended = [
        application(3, Stage::Rejected, "2025-10-01"),
        application(5, Stage::Withdrawn, "2025-11-20"),
    ];
    let selection = run(&c, Some("2025-11-20"), &ended, &[], rules(None, Some(365)));
    assert_eq!(
        reasons(&selection),
        [
            "every application ended, the last withdrawn on 2025-11-20 in E5; nothing since \
          (376 days; rule: 365)"
        ]
    );
    let later = run(&c, Some("2026-02-01"), &ended, &[], rules(None, Some(365)));
    assert!(later.selected.is_empty(), "a note since restarts the clock");
    let later = run(&c, Some("2025-11-25"), &ended, &[], rules(None, Some(300)));
    assert_eq!(
        reasons(&later),
        [
            "every application ended, the last withdrawn on 2025-11-20 in E5; last activity \
          2025-11-25 (371 days; rule: 300)"
        ]
    );
    assert!(
        run(&c, None, &[], &[], rules(None, Some(1)))
            .selected
            .is_empty(),
        "none applied"
    );
}

#[test]
fn the_exit_counts_from_when_it_stands_not_from_an_undone_one() {
    let c = person("2024-01-01");
    let mut app = application(3, Stage::Rejected, "2025-01-01");
    // Undone, then rejected again much later: the later exit counts.
    app.history.push(StageChange {
        from: Some(Stage::Rejected),
        to: Stage::Sourced,
        at: at("2025-01-02"),
        actor: "ana".into(),
        reason: Some(UNDO_REASON.into()),
    });
    app.history.push(StageChange {
        from: Some(Stage::Sourced),
        to: Stage::Rejected,
        at: at("2026-06-01"),
        actor: "ana".into(),
        reason: Some("rate".into()),
    });
    let selection = run(&c, None, &[app], &[], rules(None, Some(365)));
    assert!(selection.selected.is_empty(), "{selection:?}");
}

#[test]
fn both_rules_may_select_one_person() {
    let c = person("2020-01-01");
    let ended = [application(3, Stage::Rejected, "2022-05-01")];
    let selection = run(&c, None, &ended, &[], rules(Some(1095), Some(365)));
    let rules: Vec<Rule> = selection.selected[0]
        .matches
        .iter()
        .map(|m| m.rule)
        .collect();
    assert_eq!(rules, [Rule::Inactive, Rule::Rejected]);
    assert_eq!(
        (Rule::Inactive.label(), Rule::Rejected.key()),
        ("inactive", "erase_after_rejected_days")
    );
}

#[test]
fn a_consent_that_holds_spares_and_one_that_ended_does_not() {
    let mut c = person("2020-01-01");
    c.consent = Some(Consent::for_days(day("2025-01-01"), 730, "sign-up form"));
    let spared = run(&c, None, &[], &[], rules(Some(1095), None));
    assert!(spared.selected.is_empty());
    assert_eq!(spared.spared[0].why, "consent holds until 2027-01-01");
    c.consent = Some(Consent::for_days(day("2024-01-01"), 730, "sign-up form"));
    assert_eq!(
        run(&c, None, &[], &[], rules(Some(1095), None))
            .selected
            .len(),
        1
    );
}

#[test]
fn the_pipeline_and_a_placement_spare_until_they_end() {
    let c = person("2020-01-01");
    let rule = rules(Some(1095), None);
    let stale = [application(3, Stage::Screening, "2022-01-01")];
    let kept = run(&c, Some("2022-01-01"), &stale, &[], rule);
    assert_eq!(kept.spared[0].why, "in the pipeline of E3 (Screening)");
    let placed = [application(3, Stage::Placed, "2022-01-01")];
    let running = [placement(3, "2022-01-10", None)];
    let kept = run(&c, Some("2022-01-01"), &placed, &running, rule);
    assert_eq!(kept.spared[0].why, "placed in E3 (P4, open-ended)");
    let ended = [placement(3, "2022-01-10", Some("2022-12-31"))];
    let gone = run(&c, Some("2022-01-01"), &placed, &ended, rule);
    assert_eq!((gone.selected.len(), gone.spared.len()), (1, 0));
    let kept = run(&c, Some("2022-01-01"), &placed, &[], rule);
    assert_eq!(kept.spared[0].why, "placed in E3 (no placement on record)");
    let later = [placement(3, "2022-01-10", Some("2027-01-31"))];
    let kept = run(&c, Some("2022-01-01"), &placed, &later, rule);
    assert_eq!(kept.spared[0].why, "placed in E3 (P4, until 2027-01-31)");
}

#[test]
fn an_erased_record_is_not_looked_at_again() {
    let erased = erased_image(&person("2010-01-01"));
    let selection = run(&erased, None, &[], &[], rules(Some(1), Some(1)));
    assert_eq!(selection, Selection::default());
}

#[test]
fn audit_and_consent_events_are_not_activity() {
    let id = CandidateId(1);
    assert!(counts_as_activity(&EventKind::CandidateUpdated {
        candidate: id
    }));
    assert!(!counts_as_activity(&EventKind::CandidateViewed {
        candidate: id
    }));
    assert!(!counts_as_activity(&EventKind::ConsentWithdrawn {
        candidate: id
    }));
}

#[test]
fn numbers_are_grouped_in_thousands() {
    let cases = [
        (0, "0"),
        (999, "999"),
        (1000, "1,000"),
        (1_234_567, "1,234,567"),
        (-1130, "-1,130"),
    ];
    for (n, text) in cases {
        assert_eq!(grouped(n), text);
    }
}
