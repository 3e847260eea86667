//! Import benchmark: a 100,000-row CSV (the demo generator's candidates,
//! written by the exporter) imported into a fresh empty database.
//!
//! Run: `cargo bench --bench import`. Set `HIRETERM_BENCH_CANDIDATES` to
//! change the 100,000 default. Peak memory: `benches/import-memory.sh`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{candidate_count, fill, stamp};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use hireterm::interchange::{ImportOptions, ImportSource, export, import};
use hireterm::store::Store;
use std::time::Duration;

fn import_csv(c: &mut Criterion) {
    let n = candidate_count();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("candidates.csv");
    {
        let source = Store::open(dir.path().join("source")).unwrap();
        fill(&source, n, 0);
        let out = std::fs::File::create(&file).unwrap();
        assert_eq!(export::export_csv_candidates(&source, out).unwrap(), n);
    }
    let input = ImportSource::Csv(file);
    let mut group = c.benchmark_group("import");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(60));
    group.bench_function(format!("csv_{n}_into_empty"), |b| {
        b.iter_batched(
            || tempfile::tempdir().unwrap(),
            |target| {
                let store = Store::open(target.path().join("db")).unwrap();
                let report = import(&store, &input, &ImportOptions::default(), &stamp()).unwrap();
                assert_eq!(report.written.map(|w| w.candidates), Some(n));
                drop(store);
                target
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, import_csv);
criterion_main!(benches);
