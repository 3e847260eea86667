//! Store benchmarks: bulk insert, open + load beside a bare sled scan, and a
//! durable stage change.
//!
//! Run: `cargo bench --bench store`. Set `HIRETERM_BENCH_CANDIDATES` to
//! change the 100,000 default.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{bare_scan, candidate_count, copy_dir, demo_options, open_retrying, stamp};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use hireterm::catalog::Catalog;
use hireterm::demo::generate;
use hireterm::domain::Stage;
use hireterm::store::Store;
use std::hint::black_box;
use std::time::Duration;

fn bulk_insert(c: &mut Criterion) {
    let n = candidate_count();
    let data = generate(&demo_options(n, 0), Catalog::builtin());
    let mut group = c.benchmark_group("store");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(40));
    group.bench_function(format!("bulk_insert_{n}"), |b| {
        b.iter_batched(
            || tempfile::tempdir().unwrap(),
            |dir| {
                let store = Store::open(dir.path().join("db")).unwrap();
                store.add_candidates(&data.candidates, &stamp()).unwrap();
                drop(store);
                dir
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

fn load(c: &mut Criterion) {
    let n = candidate_count();
    let dir = tempfile::tempdir().unwrap();
    let ours = dir.path().join("ours");
    let bare = dir.path().join("bare");
    {
        let store = Store::open(&ours).unwrap();
        let data = generate(&demo_options(n, 0), Catalog::builtin());
        store.add_candidates(&data.candidates, &stamp()).unwrap();
    }
    copy_dir(&ours, &bare);
    let mut group = c.benchmark_group("store");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));

    let store = Store::open(&ours).unwrap();
    let raw = sled::open(&bare).unwrap();
    assert_eq!(bare_scan(&raw).len(), n);
    group.bench_function(format!("load_{n}/store_candidates"), |b| {
        b.iter(|| black_box(store.candidates().unwrap().len()))
    });
    group.bench_function(format!("load_{n}/bare_sled_scan_bincode"), |b| {
        b.iter(|| black_box(bare_scan(&raw).len()))
    });
    drop(store);
    drop(raw);

    // Cold: open the folder, then load. The store's open includes the
    // clean-close check (a checksum of every file).
    group.bench_function(format!("open_and_load_{n}/store"), |b| {
        b.iter(|| {
            let store = Store::open(&ours).unwrap();
            black_box(store.candidates().unwrap().len())
        })
    });
    group.bench_function(format!("open_and_load_{n}/bare_sled"), |b| {
        b.iter(|| {
            let raw = open_retrying(&bare);
            black_box(bare_scan(&raw).len())
        })
    });
    group.finish();
}

fn durable_stage_change(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("db")).unwrap();
    let data = generate(&demo_options(2000, 0), Catalog::builtin());
    let ids = store.add_candidates(&data.candidates, &stamp()).unwrap();
    let job = hireterm::domain::Engagement {
        id: hireterm::domain::EngagementId(0),
        ..generate(&demo_options(10, 1), Catalog::builtin())
            .engagements
            .remove(0)
    };
    let job = store.add_engagement(job, &stamp()).unwrap();
    let apps: Vec<_> = ids
        .iter()
        .map(|id| {
            let mut app = hireterm::domain::Application::new(
                job.id,
                *id,
                Stage::Screening,
                stamp().at,
                "bench",
            );
            app.candidate = *id;
            app
        })
        .collect();
    store.add_applications(&apps).unwrap();
    let mut turn = 0usize;
    let mut group = c.benchmark_group("store");
    group.bench_function("durable_stage_change", |b| {
        b.iter(|| {
            // Each application alternates Screening <-> Technical interview,
            // so histories grow slowly and every move is legal.
            let candidate = ids[turn % ids.len()];
            let to = if (turn / ids.len()).is_multiple_of(2) {
                Stage::TechnicalInterview
            } else {
                Stage::Screening
            };
            turn += 1;
            black_box(
                store
                    .move_stage(job.id, candidate, to, None, &stamp())
                    .unwrap(),
            );
        })
    });
    group.finish();
}

criterion_group!(benches, bulk_insert, load, durable_stage_change);
criterion_main!(benches);
