//! The app's saved views: it starts with the views it is given, and
//! saving one puts it in place of the view of its name and hands it to
//! the frontend's saver; a saver that fails says why and the view stays
//! for the session.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::app::{App, AppOptions, Keymap, ViewSaver};
use hireterm::domain::FixedClock;
use hireterm::filter::{ColumnKey, View, default_views};
use std::sync::{Arc, Mutex};

fn app_saving_with(db: &TempDb, saver: ViewSaver) -> App {
    let options = AppOptions {
        actor: "tester".into(),
        clock: Arc::new(FixedClock(now())),
        keymap: Keymap::defaults(),
        policy: Default::default(),
        notice: None,
        session: 0,
        views: default_views(),
        save_view: Some(saver),
        role: hireterm::domain::access::Role::Admin,
    };
    App::new(demo_store(db, 20, 1), options).unwrap()
}

fn view(name: &str, filter: &str) -> View {
    View {
        name: name.into(),
        filter: filter.into(),
        sort: ColumnKey::Rate,
        descending: true,
        columns: vec![ColumnKey::Name, ColumnKey::Rate],
    }
}

#[test]
fn saving_replaces_the_view_of_its_name_and_calls_the_saver() {
    let db = TempDb::new();
    let written: Arc<Mutex<Vec<View>>> = Arc::default();
    let into = Arc::clone(&written);
    let mut app = app_saving_with(
        &db,
        Arc::new(move |v: &View| {
            into.lock().unwrap().push(v.clone());
            Ok(())
        }),
    );
    assert_eq!(app.saved_views(), default_views());
    let bench = view("DevOps Bench", "role:devops rate<=70");
    app.save_view(bench.clone()).unwrap();
    app.save_view(view("cheap", "rate<=50")).unwrap();
    let names: Vec<&str> = app.saved_views().iter().map(|v| v.name.as_str()).collect();
    let expected = [
        "available this week",
        "DevOps Bench",
        "submitted and waiting",
        "cheap",
    ];
    assert_eq!(names, expected);
    assert_eq!(app.saved_views()[1], bench);
    assert_eq!(*written.lock().unwrap(), [bench, view("cheap", "rate<=50")]);
}

#[test]
fn a_saver_that_fails_says_why_and_the_view_stays_for_the_session() {
    let db = TempDb::new();
    let mut app = app_saving_with(&db, Arc::new(|_: &View| Err("the disk is full".into())));
    let error = app.save_view(view("cheap", "rate<=50"));
    assert_eq!(error, Err("the disk is full".to_string()));
    assert_eq!(app.saved_views().last(), Some(&view("cheap", "rate<=50")));
}
