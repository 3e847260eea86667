//! App-level work on 100,000 candidates that must never freeze the screen:
//! sorting the candidates table by each column, moving the cursor, and
//! what each change of the records works out again (the views, My work).
//!
//! Run: `cargo bench --bench app` (HIRETERM_BENCH_CANDIDATES overrides the
//! count).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::candidate_count;

use chrono::{TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use hireterm::app::attention::Item;
use hireterm::app::home::Home;
use hireterm::app::views::Views;
use hireterm::app::{App, AppOptions, Input, Key, Keymap};
use hireterm::catalog::Catalog;
use hireterm::demo::{DemoOptions, generate, write};
use hireterm::domain::{FixedClock, Stamp};
use hireterm::store::Store;
use std::sync::Arc;
use std::time::Duration;

fn sorting(c: &mut Criterion) {
    let n = candidate_count();
    let now = Utc.with_ymd_and_hms(2026, 6, 1, 9, 0, 0).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("db")).unwrap();
    let options = DemoOptions {
        candidates: n,
        engagements: 12,
        seed: 7,
        now,
    };
    write(
        &store,
        generate(&options, Catalog::builtin()),
        &Stamp::new(now, "bench"),
    )
    .unwrap();
    let options = AppOptions {
        session: 0,
        actor: "bench".into(),
        clock: Arc::new(FixedClock(now)),
        keymap: Keymap::defaults(),
        policy: Default::default(),
        notice: None,
        views: hireterm::filter::default_views(),
        save_view: None,
        role: hireterm::domain::access::Role::Admin,
    };
    let mut app = App::new(Arc::new(store), options).unwrap();
    app.handle_input(Input::Resize(200, 60));
    // From My work, the first screen, to the candidates table.
    app.handle_input(Input::Key(Key::char('1')));
    let mut group = c.benchmark_group("app");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    // `s` moves the sort to the next column: seven presses visit them all.
    group.bench_function(format!("sort_next_column_{n}"), |b| {
        b.iter(|| app.handle_input(Input::Key(Key::char('s'))))
    });
    group.bench_function(format!("reverse_sort_{n}"), |b| {
        b.iter(|| app.handle_input(Input::Key(Key::char('r'))))
    });
    // The name order every snapshot holds (Data::rank_names): worked out
    // when the records load, and again after a rename or a new candidate.
    group.bench_function(format!("name_order_{n}"), |b| {
        b.iter(|| hireterm::domain::candidate::rank_by_name(app.data().candidates()))
    });
    group.bench_function(format!("cursor_move_{n}"), |b| {
        b.iter(|| app.handle_input(Input::Key(Key::char('j'))))
    });
    // What every change of the records costs each session: the board, My
    // work (as one of the demo's recruiters) and the bench (the worst
    // case: the bench on screen; elsewhere its rows are not worked out),
    // again; and My work alone. The attention list is made once per
    // change for all the sessions sharing the records (`attention_once`).
    let owner = app.data().engagements()[0].owner.clone();
    group.bench_function(format!("attention_once_{n}"), |b| {
        b.iter(|| hireterm::app::attention::items(app.data(), app.policy(), now))
    });
    let attention: Arc<[Item]> =
        hireterm::app::attention::items(app.data(), app.policy(), now).into();
    group.bench_function(format!("views_per_change_{n}"), |b| {
        let settings = (app.policy(), Some(app.bench()), owner.as_str());
        b.iter(|| {
            Views::compute(
                app.data(),
                app.engagement(),
                settings,
                (Arc::clone(&attention), now),
            )
        })
    });
    group.bench_function(format!("my_work_{n}"), |b| {
        let attention = app.views().attention();
        b.iter(|| Home::compute(app.data(), app.policy(), attention, &owner, now))
    });
    group.finish();
}

criterion_group!(benches, sorting);
criterion_main!(benches);
