//! Store benchmarks: bulk insert, open + load beside a bare sled scan, and
//! the durable writes a recruiter makes all day: a stage change, adding a
//! candidate to a pipeline, recording a submittal.
//!
//! Run: `cargo bench --bench store`; one group of them with a regex, such
//! as `cargo bench --bench store -- 'pipeline_add|submit'`. Set
//! `HIRETERM_BENCH_CANDIDATES` to change the 100,000 default.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{bare_scan, candidate_count, copy_dir, demo_options, fill, open_retrying, stamp};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use hireterm::catalog::Catalog;
use hireterm::demo::generate;
use hireterm::domain::{CandidateId, EngagementId, HourlyRate, Stage, SubmittalId};
use hireterm::store::{Store, SubmittalDraft};
use std::cell::Cell;
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
    // The demo's clients, ids 1..=k in a new store: the engagement's is one.
    store.add_clients(&data.clients, &stamp()).unwrap();
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

/// A store filled as `hireterm demo --candidates 2000` fills one, and its
/// first engagement, whose pipeline the writes below go to.
fn demo_store() -> (tempfile::TempDir, Store, EngagementId) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("db")).unwrap();
    fill(&store, 2000, 12);
    (dir, store, EngagementId(1))
}

/// One candidate into a pipeline of a realistic database (open_applications,
/// flushed before it returns). The card is taken out again before the next
/// one goes in, outside the timing, so the pipeline keeps its size.
fn pipeline_add(c: &mut Criterion) {
    let (_dir, store, job) = demo_store();
    let on_board: Vec<CandidateId> = store
        .pipeline(job)
        .unwrap()
        .iter()
        .map(|a| a.candidate)
        .collect();
    let outside: Vec<CandidateId> = store
        .candidates()
        .unwrap()
        .iter()
        .map(|c| c.id)
        .filter(|id| !on_board.contains(id))
        .collect();
    let added: Cell<Option<CandidateId>> = Cell::new(None);
    let mut turn = 0usize;
    let mut group = c.benchmark_group("store");
    group.bench_function("pipeline_add", |b| {
        b.iter_batched(
            || {
                if let Some(previous) = added.take() {
                    store
                        .remove_applications(job, &[previous], &stamp())
                        .unwrap();
                }
                turn += 1;
                outside[turn % outside.len()]
            },
            |candidate| {
                let opened = store
                    .open_applications(job, &[candidate], &stamp())
                    .unwrap();
                added.set(Some(candidate));
                black_box(opened)
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

/// A profile sent to the client (Store::submit, flushed before it
/// returns). The submittal is taken back before the next is sent, outside
/// the timing, so the tree keeps its size.
fn submit(c: &mut Criterion) {
    let (_dir, store, job) = demo_store();
    let engagement = store.engagement(job).unwrap().unwrap();
    let client = store.client(engagement.client).unwrap().unwrap();
    let to = vec![client.contacts[0].email.clone()];
    let cards: Vec<CandidateId> = store
        .pipeline(job)
        .unwrap()
        .iter()
        .filter(|a| a.stage.is_active())
        .map(|a| a.candidate)
        .collect();
    let profile = "Ana Silva\nDevOps Developer · Lisbon, Portugal\n\
                   Skills: Kubernetes 4/5, Go 3/5, Terraform 4/5, AWS 3/5, Linux 4/5\n\
                   Available from 2026-07-01\nRate: $95/h"
        .to_string();
    let sent: Cell<Option<SubmittalId>> = Cell::new(None);
    let mut turn = 0usize;
    let mut group = c.benchmark_group("store");
    group.bench_function("submit", |b| {
        b.iter_batched(
            || {
                if let Some(previous) = sent.take() {
                    store.retract_submittal(previous, false, &stamp()).unwrap();
                }
                turn += 1;
                SubmittalDraft {
                    engagement: job,
                    candidate: cards[turn % cards.len()],
                    to: to.clone(),
                    bill_rate: Some(HourlyRate::usd(95)),
                    profile: profile.clone(),
                }
            },
            |draft| {
                let submittal = store.submit(draft, &stamp()).unwrap();
                sent.set(Some(submittal.id));
                black_box(submittal)
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(
    benches,
    bulk_insert,
    load,
    durable_stage_change,
    pipeline_add,
    submit
);
criterion_main!(benches);
