//! What the benchmarks share: the data set, the bare sled baseline, and
//! folder helpers.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use chrono::{TimeZone, Utc};
use hireterm::catalog::Catalog;
use hireterm::demo::{DemoOptions, generate, write};
use hireterm::domain::{Candidate, Stamp, Timestamp};
use hireterm::store::Store;
use std::path::Path;
use std::time::Duration;

/// 100,000 unless `HIRETERM_BENCH_CANDIDATES` says otherwise.
pub fn candidate_count() -> usize {
    std::env::var("HIRETERM_BENCH_CANDIDATES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000)
}

/// The fixed "now" every benchmark's data is generated around.
pub fn now() -> Timestamp {
    Utc.with_ymd_and_hms(2026, 6, 1, 9, 0, 0).unwrap()
}

pub fn stamp() -> Stamp {
    Stamp::new(now(), "bench")
}

pub fn demo_options(candidates: usize, engagements: usize) -> DemoOptions {
    DemoOptions {
        candidates,
        engagements,
        seed: 7,
        now: now(),
    }
}

/// Fills `store` with demo data, as `hireterm demo` does.
pub fn fill(store: &Store, candidates: usize, engagements: usize) {
    let data = generate(&demo_options(candidates, engagements), Catalog::builtin());
    write(store, data, &stamp()).unwrap();
}

/// A bare scan: sled's iterator and bincode's decode of each payload, with
/// none of the store's envelope checks.
pub fn bare_scan(db: &sled::Db) -> Vec<Candidate> {
    let tree = db.open_tree("candidates").unwrap();
    let config = bincode::config::standard();
    tree.iter()
        .map(|entry| {
            let (_, bytes) = entry.unwrap();
            let payload = &bytes[10..bytes.len() - 4];
            bincode::serde::decode_from_slice(payload, config)
                .unwrap()
                .0
        })
        .collect()
}

/// sled's lock lingers briefly after a handle is dropped in this process.
pub fn open_retrying(path: &Path) -> sled::Db {
    loop {
        match sled::open(path) {
            Ok(db) => return db,
            Err(_) => std::thread::sleep(Duration::from_millis(1)),
        }
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &to.join(entry.file_name()));
        } else {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}
