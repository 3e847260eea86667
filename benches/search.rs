//! Search latency per keystroke, as a user types "devops" and then
//! "kubernetes ja", at 100,000 and 1,000,000 candidates; beside it, the
//! naive baseline: SkimMatcherV2 over one joined line per candidate, on one
//! thread.
//!
//! Run: `cargo bench --bench search`. Set HIRETERM_BENCH_MILLION=0 to skip
//! the million.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{candidate_count, demo_options};
use criterion::Criterion;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use hireterm::catalog::Catalog;
use hireterm::demo::generate;
use hireterm::domain::Candidate;
use hireterm::search::SearchIndex;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// One keystroke at a time: each entry is the query after that keystroke.
const TYPED: [&str; 19] = [
    "d",
    "de",
    "dev",
    "devo",
    "devop",
    "devops",
    "k",
    "ku",
    "kub",
    "kube",
    "kuber",
    "kubern",
    "kuberne",
    "kubernet",
    "kuberneti",
    "kubernetes",
    "kubernetes ",
    "kubernetes j",
    "kubernetes ja",
];
/// A screenful of results.
const SCREEN: usize = 20;

fn percentile(times: &mut [Duration], p: f64) -> Duration {
    times.sort();
    times[((times.len() - 1) as f64 * p).round() as usize]
}

/// Types the whole sequence `rounds` times; every keystroke's latency.
fn keystrokes(rounds: usize, mut search: impl FnMut(&str) -> usize) -> Vec<Duration> {
    let mut times = Vec::with_capacity(rounds * TYPED.len());
    for _ in 0..rounds {
        for query in TYPED {
            let started = Instant::now();
            black_box(search(query));
            times.push(started.elapsed());
        }
    }
    times
}

fn report(name: &str, mut times: Vec<Duration>) -> Duration {
    let p50 = percentile(&mut times, 0.5);
    let p99 = percentile(&mut times, 0.99);
    println!(
        "{name}: p50 {p50:.2?}  p99 {p99:.2?}  over {} keystrokes",
        times.len()
    );
    p50
}

/// The baseline: each candidate as one line of its searchable text.
fn joined_lines(candidates: &[Candidate], catalog: &Catalog) -> Vec<String> {
    candidates
        .iter()
        .map(|c| {
            let roles: Vec<&str> = c.roles.iter().map(|r| catalog.role_name(r)).collect();
            let skills: Vec<&str> = c
                .skills
                .iter()
                .map(|s| catalog.skill_name(&s.skill))
                .collect();
            format!(
                "{} {} {} {} {} {}",
                c.name,
                c.email,
                c.location,
                roles.join(" "),
                skills.join(" "),
                c.tags.join(" ")
            )
        })
        .collect()
}

fn naive_top(matcher: &SkimMatcherV2, lines: &[String], query: &str) -> usize {
    let mut scored: Vec<(i64, usize)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, line)| matcher.fuzzy_match(line, query).map(|s| (s, i)))
        .collect();
    scored.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.truncate(SCREEN);
    scored.len()
}

fn bench_size(c: &mut Criterion, n: usize, with_baseline: bool) {
    let catalog = Catalog::builtin();
    let data = generate(&demo_options(n, 12), catalog);
    let started = Instant::now();
    let index = SearchIndex::build(&data.candidates, &data.engagements, &data.clients, catalog);
    println!("index of {n} candidates built in {:.2?}", started.elapsed());
    let ours = report(
        &format!("search {n}"),
        keystrokes(if n > 200_000 { 5 } else { 30 }, |q| {
            index.search(q, SCREEN, None).len()
        }),
    );
    let mut group = c.benchmark_group("search");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    group.bench_function(format!("keystroke_sequence_{n}"), |b| {
        b.iter(|| {
            TYPED
                .iter()
                .map(|q| index.search(q, SCREEN, None).len())
                .sum::<usize>()
        })
    });
    if with_baseline {
        let lines = joined_lines(&data.candidates, catalog);
        let matcher = SkimMatcherV2::default();
        let naive = report(
            &format!("naive baseline {n}"),
            keystrokes(2, |q| naive_top(&matcher, &lines, q)),
        );
        println!(
            "ratio naive/ours at p50: {:.0}x",
            naive.as_secs_f64() / ours.as_secs_f64()
        );
        group.bench_function(format!("naive_keystroke_sequence_{n}"), |b| {
            b.iter(|| {
                TYPED
                    .iter()
                    .map(|q| naive_top(&matcher, &lines, q))
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    bench_size(&mut criterion, candidate_count(), true);
    if std::env::var("HIRETERM_BENCH_MILLION").map_or(true, |v| v != "0") {
        bench_size(&mut criterion, 1_000_000, false);
    }
    criterion.final_summary();
}
