//! The two engines side by side (issue 20): a durable stage move (the
//! write a recruiter makes all day) and loading every candidate, on sled
//! in a temporary folder and on the PostgreSQL named by
//! `HIRETERM_BENCH_POSTGRES` (or `HIRETERM_TEST_POSTGRES`, the server
//! `.ci/run` starts), in a database of the bench's own, dropped after.
//! Without either variable only sled is measured, and that is said.
//!
//! On PostgreSQL alone, a move made by one instance is timed until
//! another instance's records hold it (`heard_move`), beside reading
//! every record again, which is what that catch-up did before it read
//! only what the move touched (`catch_up_full`).
//!
//! Run: `cargo bench --bench engines`. `HIRETERM_BENCH_CANDIDATES`
//! changes the 100,000 loaded (the moves run on 2,000). Goals: a durable
//! move on PostgreSQL under 2 ms median; the load within 2x sled's.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{candidate_count, demo_options, stamp};
use criterion::{Criterion, criterion_group, criterion_main};
use hireterm::app::records::Records;
use hireterm::app::records::data::Data;
use hireterm::catalog::Catalog;
use hireterm::demo::generate;
use hireterm::domain::{Application, CandidateId, Engagement, EngagementId, Stage};
use hireterm::store::Store;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// A database of the bench's own on the PostgreSQL server, if one is
/// named; dropped with it.
struct PgDatabase {
    server: String,
    name: String,
    address: String,
}

impl PgDatabase {
    fn new(purpose: &str) -> Option<PgDatabase> {
        let server = ["HIRETERM_BENCH_POSTGRES", "HIRETERM_TEST_POSTGRES"]
            .iter()
            .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()));
        let Some(server) = server else {
            eprintln!("engines: no PostgreSQL (HIRETERM_BENCH_POSTGRES): sled only");
            return None;
        };
        let name = format!("hireterm_bench_{purpose}_{}", std::process::id());
        let mut admin = postgres::Client::connect(&server, postgres::NoTls).unwrap();
        admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap();
        let at = server.rfind('/').unwrap();
        let address = format!("{}/{name}", &server[..at]);
        Some(PgDatabase {
            server,
            name,
            address,
        })
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let mut admin = postgres::Client::connect(&self.server, postgres::NoTls).unwrap();
        let drop = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        admin.batch_execute(&drop).unwrap();
    }
}

/// Each engine's store, by name, with what keeps it (a folder, a
/// database) alive.
fn engines(purpose: &str) -> Vec<(&'static str, Store, Box<dyn std::any::Any>)> {
    let dir = tempfile::tempdir().unwrap();
    let sled = Store::open(dir.path().join("db")).unwrap();
    let mut all: Vec<(&'static str, Store, Box<dyn std::any::Any>)> =
        vec![("sled", sled, Box::new(dir))];
    if let Some(db) = PgDatabase::new(purpose) {
        let store = Store::open(&db.address).unwrap();
        all.push(("postgres", store, Box::new(db)));
    }
    all
}

/// 2,000 candidates in one engagement at Screening; its id and theirs.
fn pipeline(store: &Store) -> (EngagementId, Vec<CandidateId>) {
    let data = generate(&demo_options(2000, 0), Catalog::builtin());
    let ids = store.add_candidates(&data.candidates, &stamp()).unwrap();
    store.add_clients(&data.clients, &stamp()).unwrap();
    (engagement_of(store, &ids), ids)
}

/// An engagement with every one of `ids` at Screening; its id.
fn engagement_of(store: &Store, ids: &[CandidateId]) -> EngagementId {
    let mut job = generate(&demo_options(10, 1), Catalog::builtin())
        .engagements
        .remove(0);
    job.id = EngagementId(0);
    let job: Engagement = store.add_engagement(job, &stamp()).unwrap();
    let apps: Vec<Application> = ids
        .iter()
        .map(|id| Application::new(job.id, *id, Stage::Screening, stamp().at, "bench"))
        .collect();
    store.add_applications(&apps).unwrap();
    job.id
}

fn durable_stage_change(c: &mut Criterion) {
    let mut group = c.benchmark_group("engines");
    for (engine, store, _keep) in engines("moves") {
        let (job, ids) = pipeline(&store);
        let mut turn = 0usize;
        group.bench_function(format!("durable_stage_change/{engine}"), |b| {
            b.iter(|| {
                // Screening <-> Technical interview: every move legal.
                let candidate = ids[turn % ids.len()];
                let to = match (turn / ids.len()).is_multiple_of(2) {
                    true => Stage::TechnicalInterview,
                    false => Stage::Screening,
                };
                turn += 1;
                black_box(
                    store
                        .move_stage(job, candidate, to, None, &stamp())
                        .unwrap(),
                );
            })
        });
    }
    group.finish();
}

fn load(c: &mut Criterion) {
    let n = candidate_count();
    let data = generate(&demo_options(n, 0), Catalog::builtin());
    let mut group = c.benchmark_group("engines");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    for (engine, store, _keep) in engines("load") {
        store.add_candidates(&data.candidates, &stamp()).unwrap();
        group.bench_function(format!("load_{n}/{engine}"), |b| {
            b.iter(|| black_box(store.candidates().unwrap().len()))
        });
    }
    group.finish();
}

/// Another instance's move, from its commit until this instance's
/// records hold it; and what a full read of them costs.
fn heard_move(c: &mut Criterion) {
    let Some(db) = PgDatabase::new("heard") else {
        return;
    };
    let n = candidate_count();
    let writer = Store::open(&db.address).unwrap();
    let data = generate(&demo_options(n, 0), Catalog::builtin());
    writer.add_clients(&data.clients, &stamp()).unwrap();
    let all = writer.add_candidates(&data.candidates, &stamp()).unwrap();
    let ids = all[..2000.min(all.len())].to_vec();
    let job = engagement_of(&writer, &ids);
    let reader_store = std::sync::Arc::new(Store::open(&db.address).unwrap());
    let reader = Records::load(std::sync::Arc::clone(&reader_store), Catalog::builtin()).unwrap();
    std::thread::sleep(Duration::from_millis(500));
    let mut group = c.benchmark_group("engines");
    group.sample_size(20);
    let mut turn = 0usize;
    group.bench_function(format!("heard_move_{n}/postgres"), |b| {
        b.iter_custom(|iterations| {
            let mut took = Duration::ZERO;
            for _ in 0..iterations {
                let to = match turn.is_multiple_of(2) {
                    true => Stage::TechnicalInterview,
                    false => Stage::Screening,
                };
                let candidate = ids[turn / 2 % ids.len()];
                turn += 1;
                let (seen, _) = reader.snapshot();
                let started = Instant::now();
                writer
                    .move_stage(job, candidate, to, None, &stamp())
                    .unwrap();
                while reader.snapshot().0 == seen {
                    std::hint::spin_loop();
                }
                took += started.elapsed();
            }
            took
        })
    });
    group.sample_size(10);
    group.bench_function(format!("catch_up_full_{n}/postgres"), |b| {
        b.iter(|| black_box(Data::load(&reader_store).unwrap().candidates().len()))
    });
    group.finish();
}

criterion_group!(benches, durable_stage_change, load, heard_move);
criterion_main!(benches);
