//! Re-filtering per keystroke as a manager types the daily question,
//! `role:devops skill:k8s>=4 rate<=80 avail<=14d tz:Europe/*`, one
//! character at a time, at 100,000 and 1,000,000 candidates. Each
//! keystroke parses the whole line and, when it parses, selects the
//! candidates (a line that does not parse yet, such as `role:`, only
//! parses: the app keeps showing the last result). Beside it in the same
//! run, the naive baseline: parse and test every candidate from scratch.
//!
//! Run: `cargo bench --bench filter`. HIRETERM_BENCH_MILLION=0 skips the
//! million; HIRETERM_BENCH_CANDIDATES sets the first size.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{candidate_count, demo_options, now};
use hireterm::app::filtering::{Finder, naive};
use hireterm::app::records::agency::Agency;
use hireterm::app::records::data::Data;
use hireterm::catalog::Catalog;
use hireterm::demo::generate;
use hireterm::domain::Policy;
use hireterm::filter::parse;
use hireterm::search::SearchIndex;
use std::hint::black_box;
use std::time::{Duration, Instant};

const QUESTION: &str = "role:devops skill:k8s>=4 rate<=80 avail<=14d tz:Europe/*";

fn percentile(times: &mut [Duration], p: f64) -> Duration {
    times.sort();
    times[((times.len() - 1) as f64 * p).round() as usize]
}

/// Every prefix of the question, as typed.
fn keystrokes() -> Vec<&'static str> {
    (1..=QUESTION.len()).map(|n| &QUESTION[..n]).collect()
}

fn report(name: &str, mut times: Vec<Duration>) -> (Duration, Duration) {
    let p50 = percentile(&mut times, 0.5);
    let p99 = percentile(&mut times, 0.99);
    let max = *times.last().unwrap();
    println!(
        "{name}: p50 {p50:.2?}  p99 {p99:.2?}  max {max:.2?}  over {} keystrokes",
        times.len()
    );
    (p50, p99)
}

fn snapshot(n: usize) -> Data {
    let generated = generate(&demo_options(n, 12), Catalog::builtin());
    let agency = Agency::from_records(
        generated.clients,
        generated.submittals,
        generated.placements,
    );
    Data::from_records(
        generated.candidates,
        generated.engagements,
        generated.applications,
        Vec::new(),
        agency,
    )
}

fn bench_size(n: usize, rounds: usize, naive_rounds: usize) {
    let catalog = Catalog::builtin();
    let data = snapshot(n);
    let policy = Policy::default();
    let today = now().date_naive();
    let started = Instant::now();
    let search = SearchIndex::build(
        data.candidates(),
        data.engagements(),
        data.agency().clients(),
        catalog,
    );
    let mut finder = Finder::build(&data, &policy, today);
    println!(
        "{n} candidates: search and filter index built in {:.2?}",
        started.elapsed()
    );
    let mut times = Vec::new();
    let mut slowest: Vec<(Duration, &str)> = Vec::new();
    let mut found = 0;
    for _ in 0..rounds {
        finder.forget();
        for line in keystrokes() {
            let started = Instant::now();
            if let Ok(filter) = parse(line, catalog) {
                found = black_box(finder.select(&filter, &data, &policy, &search)).count_ones(..);
            }
            times.push(started.elapsed());
            slowest.push((started.elapsed(), line));
        }
    }
    println!("{n}: the daily question finds {found}");
    slowest.sort_by_key(|entry| std::cmp::Reverse(entry.0));
    for (took, line) in slowest.iter().take(4) {
        println!("  slow keystroke: {took:.2?} at {line:?}");
    }
    let (ours, _) = report(&format!("filter {n}"), times);
    if naive_rounds == 0 {
        return;
    }
    let mut naive_times = Vec::new();
    for _ in 0..naive_rounds {
        for line in keystrokes() {
            let started = Instant::now();
            if let Ok(filter) = parse(line, catalog) {
                black_box(naive::select(&filter, &data, &policy, today).len());
            }
            naive_times.push(started.elapsed());
        }
    }
    let (naive, _) = report(&format!("naive baseline {n}"), naive_times);
    println!(
        "ratio naive/ours at p50: {:.0}x",
        naive.as_secs_f64() / ours.as_secs_f64().max(1e-9)
    );
}

fn main() {
    bench_size(candidate_count(), 20, 1);
    if std::env::var("HIRETERM_BENCH_MILLION").map_or(true, |v| v != "0") {
        bench_size(1_000_000, 5, 0);
    }
}
