//! Tests of the agency's records the generator makes: clients, bill
//! rates, pipelines of people who fit, submittals (more in
//! tests_placements.rs).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::agency::client_domain;
use super::*;
use crate::domain::text;
use crate::domain::{AnswerKind, Fx, match_score};
use std::collections::{HashMap, HashSet};

pub(super) fn demo(candidates: usize, engagements: usize, seed: u64) -> DemoData {
    let options = DemoOptions {
        candidates,
        engagements,
        seed,
        ..DemoOptions::default()
    };
    generate(&options, Catalog::builtin())
}

pub(super) fn now() -> Timestamp {
    DemoOptions::default().now
}

/// The default demo: what `hireterm demo` and `hireterm --demo` show.
pub(super) fn default_demo() -> DemoData {
    generate(&DemoOptions::default(), Catalog::builtin())
}

pub(super) fn card(data: &DemoData, e: EngagementId, c: CandidateId) -> Option<&Application> {
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
