//! Tests of the agency's records the generator makes: clients, bill
//! rates, pipelines of people who fit, submittals, the promise, and
//! placements.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::agency::client_domain;
use super::*;
use crate::domain::text;
use crate::domain::{AnswerKind, ChangeKind, Fx, MoneyPolicy, Promise, PromisePolicy, match_score};
use std::collections::{HashMap, HashSet};

fn demo(candidates: usize, engagements: usize, seed: u64) -> DemoData {
    let options = DemoOptions {
        candidates,
        engagements,
        seed,
        ..DemoOptions::default()
    };
    generate(&options, Catalog::builtin())
}

fn now() -> Timestamp {
    DemoOptions::default().now
}

/// The default demo: what `hireterm demo` and `hireterm --demo` show.
fn default_demo() -> DemoData {
    generate(&DemoOptions::default(), Catalog::builtin())
}

fn card(data: &DemoData, e: EngagementId, c: CandidateId) -> Option<&Application> {
    data.applications
        .iter()
        .find(|a| a.engagement == e && a.candidate == c)
}

#[test]
fn clients_have_contacts_at_their_own_domain() {
    let data = default_demo();
    assert_eq!(data.clients.len(), CLIENTS.len());
    for client in &data.clients {
        assert_eq!(client.problems(), Vec::<String>::new(), "{client:?}");
        assert!((1..=3).contains(&client.contacts.len()), "{client:?}");
        let domain = format!("@{}", client_domain(&client.name));
        for contact in &client.contacts {
            assert!(contact.email.ends_with(&domain), "{contact:?}");
            assert!(contact.email.is_ascii());
        }
        assert!(client.created_at <= now());
    }
    assert_eq!(
        client_domain("Müller & Söhne Maschinenbau"),
        "muller-sohne-maschinenbau.example"
    );
    let noted = data.clients.iter().filter(|c| !c.notes.is_empty()).count();
    assert!(
        noted > 0 && noted < data.clients.len(),
        "{noted} with notes"
    );
    assert!(data.clients.iter().any(|c| c.contacts.len() > 1));
    let phones = data.clients.iter().flat_map(|c| &c.contacts);
    assert!(phones.clone().any(|c| c.phone.is_some()) && phones.clone().any(|c| c.phone.is_none()));
}

#[test]
fn engagements_have_owners_and_bill_rates_inside_their_budgets() {
    let data = default_demo();
    let owners: HashSet<&str> = data.engagements.iter().map(|e| e.owner.as_str()).collect();
    assert!(owners.len() >= 3 && owners.iter().all(|o| OWNERS.contains(o)));
    let billed = data
        .engagements
        .iter()
        .filter(|e| e.bill_rate.is_some())
        .count();
    assert!(
        billed * 3 >= data.engagements.len() * 2,
        "{billed} with bill rates"
    );
    let mut currencies = HashSet::new();
    for engagement in &data.engagements {
        assert_eq!(engagement.problems(), Vec::<String>::new());
        let (Some(bill), Some(budget)) = (&engagement.bill_rate, &engagement.budget) else {
            continue;
        };
        assert_eq!(bill.currency, budget.currency, "{engagement:?}");
        assert!(
            (budget.min..=budget.max).contains(&bill.amount),
            "{engagement:?}"
        );
        currencies.insert(bill.currency.as_str());
    }
    assert!(
        currencies.contains("USD") && currencies.len() >= 2,
        "{currencies:?}"
    );
}

#[test]
fn pipelines_hold_people_who_fit_and_the_best_go_furthest() {
    let data = default_demo();
    let fx = Fx::default();
    let score = |app: &Application| {
        let engagement = &data.engagements[app.engagement.0 as usize - 1];
        match_score(
            &data.candidates[app.candidate.0 as usize - 1],
            engagement,
            &fx,
        )
    };
    let past = |stage: Stage| stage > Stage::Screening && !stage.is_exit();
    let mut scores: Vec<u8> = data
        .applications
        .iter()
        .filter(|a| past(a.stage))
        .map(|a| score(a).score)
        .collect();
    scores.sort_unstable();
    assert!(scores.len() >= 20, "{} past Screening", scores.len());
    let median = scores[scores.len() / 2];
    assert!(median >= 60, "median {median} of {scores:?}");
    for app in data
        .applications
        .iter()
        .filter(|a| a.stage == Stage::Placed)
    {
        assert!(score(app).qualified, "{app:?}");
    }
    // Most cards are qualified; the few who are not stay early.
    let qualified = data.applications.iter().filter(|a| score(a).qualified);
    let qualified = qualified.count();
    assert!(
        qualified * 3 >= data.applications.len() * 2,
        "{qualified} of {}",
        data.applications.len()
    );
    let weak: Vec<&Application> = data
        .applications
        .iter()
        .filter(|a| !score(a).qualified)
        .collect();
    assert!(!weak.is_empty());
    let early = weak.iter().filter(|a| !past(a.stage)).count();
    assert!(early * 10 >= weak.len() * 9, "{early} of {}", weak.len());
}

#[test]
fn submittals_go_to_the_client_s_contacts_for_cards_of_the_engagement() {
    let data = default_demo();
    assert!(!data.submittals.is_empty());
    for (index, s) in data.submittals.iter().enumerate() {
        assert_eq!(s.id.0, index as u64 + 1, "ids in order sent");
        let app = card(&data, s.engagement, s.candidate).expect("on a card");
        let engagement = &data.engagements[s.engagement.0 as usize - 1];
        assert_eq!(s.client, engagement.client);
        let client = &data.clients[s.client.0 as usize - 1];
        assert!(!s.to.is_empty());
        assert!(s.to.iter().all(|to| client.contact(to).is_some()), "{s:?}");
        assert!(app.history[0].at <= s.at && s.at <= now(), "{s:?}");
        assert!(s.at >= engagement.opened_at);
        let bill = s.bill_rate.as_ref().expect("a bill rate");
        assert!(bill.problem().is_none());
        assert!(
            text::is_clean(&s.profile, true) && s.profile.len() < 1000,
            "{:?}",
            s.profile
        );
        assert!(
            s.profile
                .starts_with(&data.candidates[s.candidate.0 as usize - 1].name)
        );
        for answer in &s.answers {
            assert!(s.at <= answer.at && answer.at <= now(), "{s:?}");
            let rejected = answer.kind == AnswerKind::Rejected;
            assert_eq!(rejected, answer.reason.is_some(), "{answer:?}");
        }
        if s.answer()
            .is_some_and(|a| a.kind == AnswerKind::InterviewRequested)
        {
            let asked = s.answer().map(|a| a.at);
            let client = |s: Stage| s >= Stage::ClientInterview && !s.is_exit();
            let entered = app.history.iter().find(|c| client(c.to));
            assert!(entered.is_some_and(|c| Some(c.at) >= asked), "{s:?}");
        }
    }
    // Every card at or past Technical interview was sent; a client
    // interview follows a request for one.
    let sent: HashSet<(EngagementId, CandidateId)> = data
        .submittals
        .iter()
        .map(|s| (s.engagement, s.candidate))
        .collect();
    for app in &data.applications {
        let key = (app.engagement, app.candidate);
        if app.stage >= Stage::TechnicalInterview && !app.stage.is_exit() {
            assert!(sent.contains(&key), "{app:?}");
        }
    }
    let from_screening = data
        .submittals
        .iter()
        .filter(|s| card(&data, s.engagement, s.candidate).unwrap().stage == Stage::Screening);
    assert!(from_screening.count() > 0);
}

#[test]
fn clients_answer_some_hold_some_decline_and_some_are_overdue() {
    let data = default_demo();
    let mut kinds: HashMap<Option<AnswerKind>, usize> = HashMap::new();
    for s in &data.submittals {
        *kinds.entry(s.answer().map(|a| a.kind)).or_default() += 1;
    }
    for kind in [None].into_iter().chain(AnswerKind::ALL.map(Some)) {
        assert!(
            kinds.get(&kind).copied().unwrap_or(0) > 0,
            "{kind:?}: {kinds:?}"
        );
    }
    let waiting = data.submittals.iter().filter(|s| s.answer().is_none());
    let (overdue, recent): (Vec<_>, Vec<_>) =
        waiting.partition(|s| s.answer_overdue_since(3, now()).is_some());
    assert!(!overdue.is_empty() && !recent.is_empty());
}

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
