//! A person's consent to be kept, set and seen: `hireterm consent` records
//! and withdraws it (each an event) and refuses viewers and interviewers;
//! in the app, `c` in the detail records and withdraws it through the
//! records' guard (refused to a viewer and an interviewer, by key and
//! below the screen), the detail says it, and Attention lists a consent
//! ending within the month. The app's tests run on sled and on
//! PostgreSQL (`common/engines.rs`); the command's stays on a folder, as
//! it runs the binary and compares the folder's files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::engines::{EngineDb, each_engine};
use common::roles::{World, select_card};
use common::*;
use hireterm::app::App;
use hireterm::app::attention::Concern;
use hireterm::app::records::writes::Writer;
use hireterm::domain::access::Role;
use hireterm::domain::scope::Access;
use hireterm::domain::{CandidateId, Consent, EventKind};
use hireterm::store::StoreError;

fn day(text: &str) -> chrono::NaiveDate {
    text.parse().unwrap()
}

/// Runs the binary with `role` as the local user's.
fn run_as(db: &TempDb, config: &std::path::Path, role: &str, args: &[&str]) -> (bool, String) {
    std::fs::write(
        config.join("config.toml"),
        format!("[access]\nrole = \"{role}\"\n"),
    )
    .unwrap();
    let out = hireterm()
        .env("HIRETERM_CONFIG_DIR", config)
        .arg("--db")
        .arg(db.path())
        .args(args)
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    (out.status.success(), format!("{stdout}{stderr}"))
}

// On sled only: it runs the binary on a folder and compares the folder's
// files to see that a refused command wrote nothing.
#[test]
fn the_command_records_and_withdraws_consent_and_refuses_who_may_not_edit() {
    let db = TempDb::new();
    drop(demo_store(&db, 20, 2));
    let config = tempfile::tempdir().unwrap();
    let given = [
        "consent",
        "C3",
        "--given",
        "2026-12-01",
        "--source",
        "email of 1 Dec",
    ];
    for role in ["viewer", "interviewer"] {
        let before = snapshot_files(&db.path());
        let (ok, said) = run_as(&db, config.path(), role, &given);
        assert!(
            !ok && said.contains("may not edit records"),
            "{role}: {said}"
        );
        assert_eq!(snapshot_files(&db.path()), before, "{role} changed nothing");
    }
    let (ok, said) = run_as(&db, config.path(), "recruiter", &given);
    assert!(ok, "{said}");
    assert!(
        said.contains("consent given 2026-12-01 (email of 1 Dec), holds until 2028-11-30"),
        "{said}"
    );
    let until = [
        "consent",
        "C3",
        "--given",
        "2026-12-01",
        "--source",
        "form",
        "--until",
        "2027-01-31",
    ];
    assert!(run_as(&db, config.path(), "admin", &until).0);
    let store = db.open();
    let consent = store
        .candidate(CandidateId(3))
        .unwrap()
        .unwrap()
        .consent
        .unwrap();
    assert_eq!(
        (consent.given_on, consent.until),
        (day("2026-12-01"), day("2027-01-31"))
    );
    let last = store.events().unwrap().pop().unwrap();
    assert_eq!(
        last.kind,
        EventKind::ConsentRecorded {
            candidate: CandidateId(3),
            consent
        }
    );
    drop(store);
    let withdraw = ["consent", "C3", "--withdraw"];
    let (ok, said) = run_as(&db, config.path(), "recruiter", &withdraw);
    assert!(ok && said.contains("consent withdrawn"), "{said}");
    let (ok, said) = run_as(&db, config.path(), "recruiter", &withdraw);
    assert!(
        !ok && said.contains("C3 has no consent on record: nothing to withdraw"),
        "{said}"
    );
    let backwards = [
        "consent",
        "C3",
        "--given",
        "2026-12-01",
        "--source",
        "x",
        "--until",
        "2026-01-01",
    ];
    let (ok, said) = run_as(&db, config.path(), "admin", &backwards);
    assert!(
        !ok && said.contains("consent ends on 2026-01-01 before it was given on 2026-12-01"),
        "{said}"
    );
    let store = db.open();
    assert_eq!(
        store.candidate(CandidateId(3)).unwrap().unwrap().consent,
        None
    );
    let last = store.events().unwrap().pop().unwrap();
    assert_eq!(
        last.kind,
        EventKind::ConsentWithdrawn {
            candidate: CandidateId(3)
        }
    );
}

/// The detail of the first card of the world's board.
fn open_card(world: &World<EngineDb>, app: &mut App) -> CandidateId {
    let card = world.store.pipeline(world.engagement).unwrap()[0].candidate;
    select_card(app, card);
    press(app, "enter");
    assert_eq!(app.candidates().detail.map(|d| d.candidate), Some(card));
    card
}

fn screen(app: &App) -> String {
    let (width, height) = app.size();
    screen_text(&draw(app, width, height))
}

/// Runs `test` on a world of its own on each engine.
fn on_each_engine(test: impl Fn(&World<EngineDb>)) {
    for db in each_engine() {
        eprintln!("on {}", db.engine());
        test(&World::on(db));
    }
}

#[test]
fn c_in_the_detail_records_and_withdraws_and_the_detail_says_so() {
    on_each_engine(records_and_withdraws_in_the_detail);
}

fn records_and_withdraws_in_the_detail(world: &World<EngineDb>) {
    let mut app = world.app(&Role::Recruiter);
    let card = open_card(world, &mut app);
    press(&mut app, "c");
    type_text(&mut app, "sign-up form");
    press(&mut app, "enter");
    assert!(!app.status().is_error, "{}", app.status().text);
    let kept = world
        .store
        .candidate(card)
        .unwrap()
        .unwrap()
        .consent
        .unwrap();
    assert_eq!(
        (kept.given_on, kept.until),
        (day("2026-06-01"), day("2028-05-31"))
    );
    assert!(
        screen(&app)
            .contains("Consent     given 2026-06-01 (sign-up form), holds until 2028-05-31")
    );
    assert!(
        screen(&app).contains("consent given 2026-06-01 (sign-up form), holds until 2028-05-31"),
        "the detail's activity"
    );
    press(&mut app, "c down down down enter");
    assert_eq!(world.store.candidate(card).unwrap().unwrap().consent, None);
    assert!(screen(&app).contains("Consent     no consent on record"));
    assert_eq!(app.status().text, format!("{card}: consent withdrawn"));
}

#[test]
fn a_viewer_and_an_interviewer_are_refused_by_key_and_below_the_screen() {
    on_each_engine(viewer_and_interviewer_refused);
}

fn viewer_and_interviewer_refused(world: &World<EngineDb>) {
    for role in [Role::Viewer, Role::Interviewer] {
        let mut app = world.app(&role);
        let card = open_card(world, &mut app);
        let events = world.events();
        press(&mut app, "c");
        assert!(app.overlay().is_none(), "{role}: no prompt");
        assert!(app.status().is_error && app.status().text.ends_with("may not edit records"));
        let writer = Writer {
            origin: 9,
            stamp: stamp(),
            access: Access::new(role.clone(), "someone"),
        };
        let consent = Consent::for_days(day("2026-06-01"), 30, "forged");
        match world.records.set_consent(&writer, card, Some(consent)) {
            Err(StoreError::Forbidden(why)) => {
                assert!(why.ends_with("may not edit records"), "{why}")
            }
            Err(other) => panic!("{role}: not refused but {other}"),
            Ok(_) => panic!("{role}: not refused"),
        }
        assert_eq!(world.events(), events, "{role}: nothing written");
    }
}

/// A consent ending in 12 days on the first card's person.
fn ending_soon(world: &World<EngineDb>) -> CandidateId {
    let card = world.store.pipeline(world.engagement).unwrap()[0].candidate;
    let consent = Consent::for_days(day("2024-06-13"), 730, "phone call");
    assert_eq!(consent.until, day("2026-06-13"));
    world
        .records
        .set_consent(&Writer::admin(1, stamp()), card, Some(consent))
        .unwrap();
    card
}

#[test]
fn attention_lists_a_consent_ending_within_the_month_and_enter_opens_the_person() {
    on_each_engine(attention_lists_an_ending_consent);
}

fn attention_lists_an_ending_consent(world: &World<EngineDb>) {
    let card = ending_soon(world);
    let mut app = world.app(&Role::Recruiter);
    let name = world.store.candidate(card).unwrap().unwrap().name;
    let list = app.views().attention();
    let at = list
        .iter()
        .position(|item| {
            item.concern
                == Concern::ConsentEnding {
                    candidate: card,
                    until: day("2026-06-13"),
                }
        })
        .expect("the consent is in Attention");
    press(&mut app, "4");
    press(&mut app, &"j ".repeat(at));
    let shown = screen(&app);
    assert!(
        shown.contains(&format!("✉ consent ends in 12 days: {name} (2026-06-13")),
        "{shown}"
    );
    press(&mut app, "enter");
    assert_eq!(app.candidates().detail.map(|d| d.candidate), Some(card));
    assert!(screen(&app).contains("(phone call), ends 2026-06-13  ✉ in 12 days"));
}

#[test]
fn the_detail_with_a_consent_and_the_prompt_snapshots() {
    on_each_engine(detail_and_prompt_snapshots);
}

fn detail_and_prompt_snapshots(world: &World<EngineDb>) {
    ending_soon(world);
    let mut app = app_on_records(
        std::sync::Arc::clone(&world.records),
        "ana",
        Role::Admin,
        80,
        24,
    );
    common::roles::show_engagement(&mut app, world.engagement);
    open_card(world, &mut app);
    insta::assert_snapshot!("detail_consent_80x24", draw(&app, 80, 24).backend());
    press(&mut app, "c");
    type_text(&mut app, "email of 1 June");
    insta::assert_snapshot!("consent_prompt_80x24", draw(&app, 80, 24).backend());
}
