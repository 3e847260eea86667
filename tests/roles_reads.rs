//! What each role is shown: every pane and every detail a session can
//! reach is drawn and scanned for the demo's emails, phones and rates;
//! the palette and the filter find nothing the role may not see; a
//! client's guest gets only the candidates submitted to it, with the
//! profile as sent; the feeds hold only what the role may read.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::roles::{World, every_screen, secrets_in, select_card};
use common::*;
use hireterm::app::App;
use hireterm::app::overlay::Overlay;
use hireterm::domain::access::{Act, Role};
use hireterm::domain::{CandidateId, EventKind};
use hireterm::search::Target;
use std::collections::BTreeSet;

#[test]
fn no_screen_shows_what_the_role_may_not_see() {
    let world = World::new();
    for role in world.roles() {
        let mut app = world.app(&role);
        let text = every_screen(&mut app);
        let secrets = secrets_in(&world.store, &text);
        match role.may(Act::ReadContact) {
            true => assert!(!secrets.is_empty(), "{role} sees contacts and rates"),
            false => assert_eq!(secrets, Vec::<String>::new(), "{role}"),
        }
        if matches!(role, Role::Interviewer | Role::Viewer) {
            assert!(!text.contains("/h"), "{role} sees a rate");
        }
    }
}

#[test]
fn a_guest_gets_only_its_submitted_candidates_with_the_profile_as_sent() {
    let world = World::new();
    let guest = world.app(&Role::Client(world.client.clone()));
    let submitted: BTreeSet<CandidateId> = (world.store.submittals().unwrap().iter())
        .filter(|s| guest.data().engagement(s.engagement).is_some())
        .map(|s| s.candidate)
        .collect();
    let shown: BTreeSet<CandidateId> = guest.data().candidates().iter().map(|c| c.id).collect();
    assert_eq!(shown, submitted);
    let clients: Vec<&str> = (guest.data().agency().clients().iter())
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(clients, [world.client.as_str()]);
    assert!(
        guest.data().agency().clients()[0].notes.is_empty(),
        "no agency notes"
    );
    for c in guest.data().candidates() {
        assert!(guest.data().notes_of(c.id).is_empty());
        assert!((c.rate.is_none(), c.email.is_empty()) == (true, true));
    }
    let mut guest = guest;
    let waiting = world.store.submittal(world.waiting).unwrap().unwrap();
    select_card(&mut guest, waiting.candidate);
    press(&mut guest, "enter");
    let text = screen_text(&draw(&guest, 160, 50));
    let first = waiting.profile.lines().find(|l| l.len() > 10).unwrap();
    assert!(text.contains(first.trim()), "the profile as sent:\n{text}");
}

/// The candidate hits of a palette search.
fn found(app: &mut App, query: &str) -> Vec<CandidateId> {
    press(app, "/");
    type_text(app, query);
    let hits = match app.overlay() {
        Some(Overlay::Palette(palette)) => palette.hits.clone(),
        _ => panic!("the palette is open"),
    };
    press(app, "esc");
    (hits.into_iter())
        .filter_map(|h| match h.target {
            Target::Candidate(id) => Some(id),
            _ => None,
        })
        .collect()
}

#[test]
fn search_finds_nothing_the_role_may_not_see() {
    let world = World::new();
    let mut admin = world.app(&Role::Admin);
    let everyone = world.store.candidates().unwrap();
    for role in [Role::Interviewer, Role::Client(world.client.clone())] {
        let mut app = world.app(&role);
        let hidden = (everyone.iter())
            .find(|c| app.data().candidate(c.id).is_none())
            .unwrap();
        assert!(found(&mut admin, &hidden.name).contains(&hidden.id));
        assert!(
            !found(&mut app, &hidden.name).contains(&hidden.id),
            "{role}"
        );
        press(&mut app, "1 f");
        type_text(&mut app, &format!("\"{}\"", hidden.name));
        press(&mut app, "enter");
        assert!(
            app.candidates().order.is_empty(),
            "{role}: the filter finds no one"
        );
    }
    // An email's words: the admin's search reaches them, the viewer's not.
    let mut viewer = world.app(&Role::Viewer);
    let person = &everyone[0];
    let surname = person.name.split_whitespace().last().unwrap();
    assert!(person.email.contains("example"), "{}", person.email);
    let query = format!("{surname} example");
    assert!(found(&mut admin, &query).contains(&person.id), "{query}");
    assert!(!found(&mut viewer, &query).contains(&person.id), "{query}");
}

#[test]
fn feeds_hold_only_what_the_role_may_read() {
    let world = World::new();
    let mut guest = world.app(&Role::Client(world.client.clone()));
    press(&mut guest, "5");
    assert!(!guest.activity().is_empty());
    for event in guest.activity() {
        assert!(
            matches!(
                event.kind,
                EventKind::Submitted { .. }
                    | EventKind::SubmittalAnswered { .. }
                    | EventKind::SubmittalRetracted { .. }
            ),
            "{event:?}"
        );
    }
    let mut bob = world.app(&Role::Interviewer);
    press(&mut bob, "5");
    for event in bob.activity() {
        let candidate = event.kind.candidate();
        assert!(candidate.is_none_or(|c| bob.data().candidate(c).is_some()));
        assert!(!matches!(event.kind, EventKind::CandidateViewed { .. }));
    }
    let mut viewer = world.app(&Role::Viewer);
    press(&mut viewer, "5");
    let reasons = viewer.activity().iter().any(|e| {
        matches!(
            &e.kind,
            EventKind::StageChanged {
                reason: Some(_),
                ..
            }
        )
    });
    assert!(reasons, "a viewer reads the agency's reasons");
}

#[test]
fn opening_a_detail_is_recorded_once_a_minute() {
    let world = World::new();
    let mut bob = world.app(&Role::Interviewer);
    let card = bob.board().iter().flatten().next().unwrap().candidate.id;
    select_card(&mut bob, card);
    press(&mut bob, "enter esc enter esc enter");
    let viewed: Vec<_> = (world.store.events_of(card, 1000).unwrap().into_iter())
        .filter(|e| matches!(e.kind, EventKind::CandidateViewed { .. }))
        .collect();
    assert_eq!(viewed.len(), 1);
    assert_eq!(viewed[0].actor, "bob");
    let mut viewer = world.app(&Role::Viewer);
    select_card(&mut viewer, card);
    press(&mut viewer, "enter");
    let count = (world.store.audit_of(card).unwrap().iter())
        .filter(|e| matches!(e.kind, EventKind::CandidateViewed { .. }))
        .count();
    assert_eq!(count, 2, "each session's opening is its own");
}

#[test]
fn admins_and_recruiters_share_the_snapshot_and_viewers_share_one_copy() {
    let world = World::new();
    let at = |app: &App| app.data().candidates().as_ptr();
    let (admin, recruiter) = (world.app(&Role::Admin), world.app(&Role::Recruiter));
    let (one, two) = (world.app(&Role::Viewer), world.app(&Role::Viewer));
    assert_eq!(at(&admin), at(&recruiter), "no copy for those who see all");
    assert_eq!(at(&one), at(&two), "one copy for every viewer");
    assert_ne!(at(&one), at(&admin));
    assert!(
        one.data()
            .candidates()
            .iter()
            .all(|c| c.email.is_empty() && c.rate.is_none())
    );
}
