//! `:import FILE` in the app: the file checked first (nothing written),
//! a file with problems refused naming the first, else a question naming
//! what goes in and the engagements an applications file's job titles
//! would create (asked here; `--create-engagements` on the command line);
//! a yes writes through the records' one owner and every pane sees the
//! result, a no writes nothing. Sessions over SSH and roles that may not
//! edit are refused. Real sled, the app driven by keys.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::keys::{command, question};
use common::*;
use hireterm::app::App;
use hireterm::domain::Stage;
use hireterm::domain::access::Role;
use hireterm::store::Store;
use std::path::PathBuf;
use std::sync::Arc;

struct World {
    db: TempDb,
    store: Arc<Store>,
    file: PathBuf,
}

/// A demo database and a Greenhouse-style stage history of two of its
/// candidates in a job none of its engagements has.
fn world() -> World {
    let db = TempDb::new();
    let store = demo_store(&db, 12, 3);
    let people = store.candidates().unwrap();
    let (a, b) = (&people[0].email, &people[1].email);
    let text = format!(
        "Job,Client,Candidate Email,Stage,Entered Stage,Moved By\n\
         Senior Backend Architect,Acme Logistics,{a},Application Review,2026-04-01,Rui\n\
         Senior Backend Architect,,{a},Face to Face,2026-04-10,Ana\n\
         Senior Backend Architect,,{b},Application Review,2026-04-02,Rui\n"
    );
    let file = db.dir.path().join("history.csv");
    std::fs::write(&file, text).unwrap();
    World { db, store, file }
}

fn local_app(world: &World, role: Role) -> App {
    let mut app = app_with_role(Arc::clone(&world.store), "tester", role, 120, 40);
    app.allow_local_files();
    app
}

fn titled(store: &Store, title: &str) -> Option<hireterm::domain::Engagement> {
    let all = store.engagements().unwrap().into_iter();
    all.into_iter().find(|e| e.title == title)
}

#[test]
fn a_stage_history_is_checked_asked_and_imported_with_its_engagement() {
    let world = world();
    let mut app = local_app(&world, Role::Admin);
    let events = world.store.events().unwrap().len();
    let path = world.file.display().to_string();
    command(&mut app, &format!("import {path} --from greenhouse"));
    let asked = question(&app);
    assert_eq!(
        asked,
        "Import 2 applications from history.csv? It creates engagement `Senior Backend \
         Architect` for client Acme Logistics (role type Software Architect, opened \
         2026-04-01, no required skills yet)."
    );
    assert_eq!(
        world.store.events().unwrap().len(),
        events,
        "checking wrote"
    );
    insta::assert_snapshot!("import_question_100x24", draw(&app, 100, 24).backend());

    press(&mut app, "y");
    assert!(!app.status().is_error, "{:?}", app.status());
    assert_eq!(
        app.status().text,
        "imported 1 client, 1 engagement and 2 applications from history.csv"
    );
    let architect = titled(&world.store, "Senior Backend Architect").unwrap();
    let people = world.store.candidates().unwrap();
    let app_a = world
        .store
        .application(architect.id, people[0].id)
        .unwrap()
        .unwrap();
    assert_eq!(app_a.stage, Stage::ClientInterview);
    assert_eq!(app_a.history.len(), 2);
    // The panes see it at once: the engagement is in this session's data.
    assert!(
        app.data()
            .engagements()
            .iter()
            .any(|e| e.id == architect.id)
    );
    assert!(world.store.check().unwrap().problems.is_empty());
}

#[test]
fn a_no_writes_nothing_and_a_file_with_problems_is_refused() {
    let world = world();
    let mut app = local_app(&world, Role::Recruiter);
    let path = world.file.display().to_string();
    command(&mut app, &format!("import {path} --from greenhouse"));
    press(&mut app, "n");
    assert_eq!(app.status().text, "nothing was imported");
    assert!(titled(&world.store, "Senior Backend Architect").is_none());

    let bad = world.db.dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "job,candidate,stage,date\nX,nobody@example.com,sourced,2026-04-01\n",
    )
    .unwrap();
    command(&mut app, &format!("import {}", bad.display()));
    assert!(app.overlay().is_none(), "no question for a bad file");
    assert!(app.status().is_error);
    assert_eq!(
        app.status().text,
        format!(
            "1 of 1 rows have problems, the first: line 2, column 2 (candidate): no candidate \
             has the email nobody@example.com; nothing was imported (`hireterm import \
             --dry-run {}` lists them all)",
            bad.display()
        )
    );
    command(&mut app, "import");
    assert!(
        app.status().text.starts_with("which file?"),
        "{:?}",
        app.status()
    );
}

#[test]
fn sessions_over_ssh_and_roles_that_may_not_edit_cannot_import() {
    let world = world();
    let path = world.file.display().to_string();
    // As `hireterm serve` makes them: files are not read.
    let mut remote = app_with_role(Arc::clone(&world.store), "tester", Role::Admin, 120, 40);
    command(&mut remote, &format!("import {path}"));
    assert!(
        remote
            .status()
            .text
            .contains("a session over SSH cannot import")
    );
    let mut viewer = local_app(&world, Role::Viewer);
    command(&mut viewer, &format!("import {path}"));
    assert!(viewer.status().is_error);
    assert!(
        viewer.status().text.starts_with("A viewer may not edit"),
        "{:?}",
        viewer.status()
    );
    assert!(viewer.overlay().is_none());
    assert!(titled(&world.store, "Senior Backend Architect").is_none());
}
