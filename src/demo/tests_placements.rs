//! Tests of the agency's records the generator makes, continued: the
//! promise, placements, filled engagements, and writing it all.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::tests_agency::{card, default_demo, demo, now};
use super::*;
use crate::domain::{ChangeKind, MoneyPolicy, Promise, PromisePolicy};
use crate::store::Store;
use std::collections::HashSet;

#[test]
fn promises_are_met_on_time_late_pending_and_breached() {
    let policy = PromisePolicy::default();
    for data in [default_demo(), demo(2_000, 4, 9)] {
        let mut seen = HashSet::new();
        for engagement in &data.engagements {
            let state = match policy.promise(engagement, &data.submittals, now()) {
                Promise::Met { on_time: true, .. } => "on time",
                Promise::Met { on_time: false, .. } => "late",
                Promise::Pending { .. } => "pending",
                Promise::Breached { .. } => "breached",
            };
            seen.insert(state);
        }
        assert_eq!(seen.len(), 4, "{seen:?}");
    }
}

#[test]
fn placements_are_on_placed_cards_with_valid_terms_and_margins() {
    let data = default_demo();
    let money = MoneyPolicy::default();
    let today = now().date_naive();
    let placed = data
        .applications
        .iter()
        .filter(|a| a.stage == Stage::Placed);
    assert_eq!(placed.count(), data.placements.len(), "one each");
    let mut thin = 0;
    for (index, p) in data.placements.iter().enumerate() {
        assert_eq!(p.id.0, index as u64 + 1);
        let app = card(&data, p.engagement, p.candidate).expect("on a card");
        assert_eq!(app.stage, Stage::Placed);
        assert_eq!(app.history.last().map(|c| c.at), Some(p.started.at));
        let mut at = p.started.at;
        for change in p.history() {
            assert_eq!(change.terms.problem(), None, "{p:?}");
            assert!(at <= change.at && change.at <= now(), "{p:?}");
            at = change.at;
            let margin = money.margin(&change.terms.bill, &change.terms.pay).unwrap();
            assert!(margin.spread > 0.0, "bill above pay: {p:?}");
        }
        let terms = p.terms();
        let pay = data.candidates[p.candidate.0 as usize - 1].rate.as_ref();
        if let Some(rate) = pay.filter(|r| r.currency == terms.pay.currency) {
            assert!((rate.min..=rate.max).contains(&terms.pay.amount) || !p.changes.is_empty());
        }
        thin += usize::from(
            money
                .margin(&terms.bill, &terms.pay)
                .unwrap()
                .is_below(20.0),
        );
    }
    assert!(
        thin >= 1 && thin * 2 < data.placements.len(),
        "{thin} below the floor"
    );
    let ending = |days| {
        data.placements
            .iter()
            .filter(|p| !p.is_ended_early() && p.ends_within(today, days))
            .count()
    };
    assert!(ending(30) >= 3, "{} ending within 30 days", ending(30));
    assert!(
        (1..=2).contains(&ending(7)),
        "{} ending within 7 days",
        ending(7)
    );
    assert!(data.placements.iter().any(|p| p.ends_on().is_none()));
    let kinds = |kind| {
        let changed = data.placements.iter();
        changed
            .filter(|p| p.changes.iter().any(|c| c.kind == kind))
            .count()
    };
    assert!(kinds(ChangeKind::Extended) >= 1);
    assert_eq!(kinds(ChangeKind::Renewed), 1);
    assert_eq!(kinds(ChangeKind::EndedEarly), 1);
    let early = data.placements.iter().find(|p| p.is_ended_early()).unwrap();
    assert!(
        early
            .latest()
            .reason
            .as_deref()
            .is_some_and(|r| !r.is_empty())
    );
}

#[test]
fn engagements_whose_headcount_is_placed_are_filled() {
    for data in [default_demo(), demo(2_000, 12, 7), demo(100, 3, 1)] {
        let today = now().date_naive();
        for engagement in &data.engagements {
            let seats = data
                .placements
                .iter()
                .filter(|p| p.engagement == engagement.id && p.holds_a_seat(today))
                .count();
            let full = seats >= usize::from(engagement.headcount);
            match engagement.status {
                EngagementStatus::Filled => assert!(full, "{engagement:?}"),
                EngagementStatus::Open => assert!(!full, "{engagement:?}"),
                _ => {}
            }
        }
        assert!(
            data.engagements[..2]
                .iter()
                .all(|e| e.status == EngagementStatus::Open)
        );
    }
    let filled = default_demo()
        .engagements
        .into_iter()
        .filter(|e| e.status == EngagementStatus::Filled);
    assert!(filled.count() >= 1);
}

#[test]
fn the_demo_is_written_after_other_records_and_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("db")).unwrap();
    let stamp = Stamp::new(now(), "demo");
    // Records already there: every generated id must be remapped.
    let first = demo(40, 1, 3);
    let mut client = first.clients[0].clone();
    client.name = "Earlier Client".into();
    let client = store.add_client(client, &stamp).unwrap();
    let mut candidate = first.candidates[0].clone();
    candidate.email = "earlier@example.com".into();
    let candidate = store.add_candidate(candidate, &stamp).unwrap();
    let mut engagement = first.engagements[0].clone();
    engagement.client = client.id;
    let engagement = store.add_engagement(engagement, &stamp).unwrap();
    store
        .open_applications(engagement.id, &[candidate.id], &stamp)
        .unwrap();
    let draft = crate::store::SubmittalDraft {
        engagement: engagement.id,
        candidate: candidate.id,
        to: vec![client.contacts[0].email.clone()],
        bill_rate: None,
        profile: "Earlier".into(),
    };
    store.submit(draft, &stamp).unwrap();

    let data = demo(300, 6, 5);
    let written = write(&store, data.clone(), &stamp).unwrap();
    assert_eq!(
        (written.clients, written.submittals, written.placements),
        (
            data.clients.len(),
            data.submittals.len(),
            data.placements.len()
        )
    );
    assert!(written.submittals > 0 && written.placements > 0);
    let report = store.check().unwrap();
    assert_eq!(report.problems, Vec::<String>::new());
    let submittals = store.submittals().unwrap();
    assert_eq!(submittals.len(), data.submittals.len() + 1);
    for (stored, made) in submittals[1..].iter().zip(&data.submittals) {
        assert_eq!(stored.id.0, made.id.0 + 1);
        assert_eq!(stored.engagement.0, made.engagement.0 + 1);
        assert_eq!(stored.candidate.0, made.candidate.0 + 1);
        assert_eq!(stored.client.0, made.client.0 + 1);
    }
    assert_eq!(store.placements().unwrap().len(), data.placements.len());
    assert_eq!(
        store.next_ids().unwrap().0.0,
        data.submittals.len() as u64 + 2
    );
}
