//! Every report (`hireterm::metrics`) over 1,000,000 candidates, 100,000
//! applications with 3–6 changes each (some undone, some redone), 30,000
//! client submittals, 3,000 placements and 200 engagements, built in
//! memory (no store), for the last 30 days and all engagements (the
//! widest scope); and beside them in the same run, the naive count of the
//! funnel: a full rescan of the event log (450,000 events).
//!
//! Run: `cargo bench --bench reports`. It prints a table of medians at
//! the end; the goal is every report within 100 ms.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{Duration as Span, TimeZone, Utc};
use criterion::{Criterion, SamplingMode};
use hireterm::domain::*;
use hireterm::metrics::{Period, Records, ReportName, Scope, naive, table};
use std::hint::black_box;
use std::time::{Duration, Instant};

const CANDIDATES: u64 = 1_000_000;
const APPLICATIONS: u64 = 100_000;
const SUBMITTALS: u64 = 30_000;
const PLACEMENTS: u64 = 3_000;
const ENGAGEMENTS: u64 = 200;
const CLIENTS: u64 = 20;
const RECRUITERS: [&str; 8] = ["ana", "bo", "cy", "dee", "eli", "fay", "gus", "hal"];
/// How far back the records reach.
const DAYS: i64 = 180;

/// xorshift64*: the same records every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn recruiter(&mut self) -> &'static str {
        RECRUITERS[self.below(RECRUITERS.len() as u64) as usize]
    }
}

fn now() -> Timestamp {
    Utc.with_ymd_and_hms(2026, 6, 1, 9, 0, 0).unwrap()
}

/// A moment in the last `DAYS` days.
fn some_time(rng: &mut Rng) -> Timestamp {
    now() - Span::minutes(rng.below(DAYS as u64 * 24 * 60) as i64)
}

struct Owned {
    candidates: Vec<Candidate>,
    engagements: Vec<Engagement>,
    applications: Vec<Application>,
    submittals: Vec<Submittal>,
    placements: Vec<Placement>,
    clients: Vec<Client>,
}

impl Owned {
    fn records(&self) -> Records<'_> {
        Records {
            candidates: &self.candidates,
            engagements: &self.engagements,
            applications: self.applications.iter().collect(),
            submittals: &self.submittals,
            placements: &self.placements,
            clients: &self.clients,
        }
    }
}

fn candidate(rng: &mut Rng, id: u64) -> Candidate {
    Candidate {
        id: CandidateId(id),
        name: format!("Candidate {id}"),
        email: format!("c{id}@example.com"),
        phone: None,
        location: Location::default(),
        roles: Vec::new(),
        skills: Vec::new(),
        rate: None,
        available_from: None,
        source: Source::ALL[rng.below(Source::ALL.len() as u64) as usize],
        tags: Vec::new(),
        links: Vec::new(),
        created_at: now() - Span::minutes(rng.below(3 * 365 * 24 * 60) as i64),
        company: String::new(),
        title: String::new(),
        external_ids: Vec::new(),
        custom: Vec::new(),
        consent: None,
    }
}

fn engagement(rng: &mut Rng, id: u64) -> Engagement {
    let status = match rng.below(10) {
        0..=5 => EngagementStatus::Open,
        6 => EngagementStatus::OnHold,
        7 | 8 => EngagementStatus::Filled,
        _ => EngagementStatus::Cancelled,
    };
    Engagement {
        id: EngagementId(id),
        client: ClientId(1 + rng.below(CLIENTS)),
        owner: rng.recruiter().into(),
        title: format!("Engagement {id}"),
        role: RoleId::new("devops"),
        requirements: Vec::new(),
        headcount: 1 + rng.below(3) as u16,
        budget: None,
        bill_rate: None,
        model: HiringModel::StaffAugmentation,
        status,
        opened_at: some_time(rng),
        target_start: None,
    }
}

/// 3–6 changes: mostly forward, some exits and re-opens, some undone
/// (and a few of those redone).
fn application(rng: &mut Rng, n: u64) -> Application {
    let engagement = EngagementId(1 + n % ENGAGEMENTS);
    // Distinct for each n (7,919 is prime to a million): one application
    // per card, as the store keeps them.
    let candidate = CandidateId(1 + (n * 7_919 + 13) % CANDIDATES);
    let mut at = some_time(rng);
    let mut app = Application::new(engagement, candidate, Stage::Sourced, at, "ana");
    let changes = 3 + rng.below(4);
    while (app.history.len() as u64) < changes {
        at += Span::hours(1 + rng.below(96) as i64);
        let from = app.stage;
        let roll = rng.below(100);
        let to = match (from.next(), roll) {
            (_, 0..=9) if app.history.len() > 1 => {
                let back = app.history[app.history.len() - 1].from.unwrap_or(from);
                let _ = app.revert_to(back, at, "ana", false);
                if roll < 3 {
                    at += Span::hours(2);
                    let _ = app.revert_to(from, at, "ana", true);
                }
                continue;
            }
            (Some(next), 10..=84) => next,
            (_, 85..=94) if from.is_active() => Stage::Rejected,
            _ if from.is_exit() => Stage::Screening,
            _ => Stage::Withdrawn,
        };
        let _ = app.move_to(to, at, RECRUITERS[(n % 8) as usize], None);
    }
    app
}

fn submittal(rng: &mut Rng, id: u64, engagements: &[Engagement]) -> Submittal {
    let engagement = &engagements[rng.below(ENGAGEMENTS) as usize];
    let at = some_time(rng);
    let mut answers = Vec::new();
    let kind = match rng.below(10) {
        0..=2 => Some(AnswerKind::InterviewRequested),
        3..=5 => Some(AnswerKind::Rejected),
        6 => Some(AnswerKind::OnHold),
        _ => None,
    };
    if let Some(kind) = kind {
        let when = at + Span::hours(1 + rng.below(120) as i64);
        answers.push(Answer {
            kind,
            reason: None,
            at: when,
            by: rng.recruiter().into(),
        });
    }
    Submittal {
        id: SubmittalId(id),
        engagement: engagement.id,
        candidate: CandidateId(1 + rng.below(CANDIDATES)),
        client: engagement.client,
        to: Vec::new(),
        at,
        by: rng.recruiter().into(),
        bill_rate: None,
        profile: String::new(),
        answers,
    }
}

fn placement(rng: &mut Rng, id: u64) -> Placement {
    let at = some_time(rng);
    let currency = if rng.below(5) == 0 { "EUR" } else { "USD" };
    let pay = 50 + rng.below(30) as u32;
    let terms = Terms {
        start: at.date_naive(),
        end: (rng.below(2) == 0).then(|| at.date_naive() + chrono::Days::new(180)),
        bill: HourlyRate::new(pay + 15 + rng.below(30) as u32, currency),
        pay: HourlyRate::new(pay, currency),
    };
    let card = (
        EngagementId(1 + rng.below(ENGAGEMENTS)),
        CandidateId(1 + rng.below(CANDIDATES)),
    );
    Placement::new(PlacementId(id), card, terms, (at, rng.recruiter())).unwrap()
}

fn build() -> Owned {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let engagements: Vec<Engagement> = (1..=ENGAGEMENTS)
        .map(|id| engagement(&mut rng, id))
        .collect();
    let clients = (1..=CLIENTS)
        .map(|id| Client {
            id: ClientId(id),
            name: format!("Client {id}"),
            contacts: Vec::new(),
            notes: String::new(),
            created_at: now() - Span::days(400),
        })
        .collect();
    Owned {
        candidates: (1..=CANDIDATES).map(|id| candidate(&mut rng, id)).collect(),
        applications: (0..APPLICATIONS)
            .map(|n| application(&mut rng, n))
            .collect(),
        submittals: (1..=SUBMITTALS)
            .map(|id| submittal(&mut rng, id, &engagements))
            .collect(),
        placements: (1..=PLACEMENTS).map(|id| placement(&mut rng, id)).collect(),
        engagements,
        clients,
    }
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

/// Times `work` under criterion, keeping each iteration's time.
fn timed(c: &mut Criterion, name: &str, mut work: impl FnMut()) -> Vec<Duration> {
    let mut times = Vec::new();
    let mut group = c.benchmark_group("reports");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    group.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let started = Instant::now();
                work();
                let took = started.elapsed();
                times.push(took);
                total += took;
            }
            total
        })
    });
    group.finish();
    times
}

fn main() {
    let started = Instant::now();
    let owned = build();
    let events: usize = owned.applications.iter().map(|a| a.history.len()).sum();
    println!(
        "built {} candidates, {} applications ({events} changes), {} submittals, {} placements, \
         {} engagements in {:.1?}",
        owned.candidates.len(),
        owned.applications.len(),
        owned.submittals.len(),
        owned.placements.len(),
        owned.engagements.len(),
        started.elapsed()
    );
    let mut criterion = Criterion::default().configure_from_args();
    let today = now().date_naive();
    let period = Period::last_days(today, 30);
    let policy = Policy::default();
    let mut rows: Vec<(String, Duration)> = Vec::new();

    let mut times = timed(&mut criterion, "records", || {
        black_box(owned.records());
    });
    rows.push(("records (the application list)".into(), median(&mut times)));
    let records = owned.records();
    for name in ReportName::ALL {
        let mut times = timed(&mut criterion, name.key(), || {
            black_box(table(name, &records, period, &Scope::All, &policy));
        });
        rows.push((name.key().into(), median(&mut times)));
    }
    let client = Scope::Client(ClientId(3));
    let mut times = timed(&mut criterion, "funnel-client", || {
        black_box(table(
            ReportName::Funnel,
            &records,
            period,
            &client,
            &policy,
        ));
    });
    rows.push(("funnel, one client's scope".into(), median(&mut times)));

    let log = naive::event_log(&records.applications);
    let mut times = timed(&mut criterion, "naive-funnel", || {
        black_box(naive::funnel(&log, &owned.engagements, period, &Scope::All));
    });
    rows.push((
        format!("naive funnel (rescan of {} events)", log.len()),
        median(&mut times),
    ));
    let ours = hireterm::metrics::funnel(&records, period, &Scope::All);
    assert_eq!(
        ours.stages.iter().map(|s| s.entered).collect::<Vec<_>>(),
        naive::funnel(&log, &owned.engagements, period, &Scope::All)
            .stages
            .iter()
            .map(|s| s.entered)
            .collect::<Vec<_>>(),
        "the naive count agrees"
    );
    criterion.final_summary();

    println!(
        "\n{:<44} {:>10}",
        "report (last 30 days, all engagements)", "median"
    );
    for (name, took) in &rows {
        println!("{name:<44} {:>10}", format!("{took:.2?}"));
    }
}
