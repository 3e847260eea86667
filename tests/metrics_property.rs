//! The funnel (`metrics::funnel`, over each application's effective path)
//! agrees with the naive count straight over the event log
//! (`metrics::naive`, an event per history entry by
//! `EventKind::for_change`) for random histories: moves forward, back,
//! to an exit and re-opened, undone and redone as the app does it, and
//! stray undos that cancel nothing; random periods and scopes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use hireterm::domain::*;
use hireterm::metrics::{Funnel, Period, Records, Scope, funnel, naive};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Op {
    /// To the n-th stage the application may move to.
    Move(u8),
    Undo,
    Redo,
    /// An undo to any other stage, which cancels no move.
    StrayUndo(u8),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        5 => any::<u8>().prop_map(Op::Move),
        2 => Just(Op::Undo),
        1 => Just(Op::Redo),
        1 => any::<u8>().prop_map(Op::StrayUndo),
    ]
}

/// (engagement 1-3, start hour, [(op, hours after the last)])
type Plan = (u64, u32, Vec<(Op, u16)>);

fn plan() -> impl Strategy<Value = Plan> {
    (
        1..=3u64,
        0..24 * 40u32,
        prop::collection::vec((op(), 1..72u16), 0..8),
    )
}

fn engagement(id: u64, client: u64, owner: &str) -> Engagement {
    Engagement {
        id: EngagementId(id),
        client: ClientId(client),
        owner: owner.into(),
        title: format!("E{id}"),
        role: RoleId::new("devops"),
        requirements: Vec::new(),
        headcount: 1,
        budget: None,
        bill_rate: None,
        model: HiringModel::StaffAugmentation,
        status: EngagementStatus::Open,
        opened_at: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
        target_start: None,
    }
}

/// Moves made (from, to), the last on top.
type Moves = Vec<(Stage, Stage)>;

/// Plays the plan as the app would: moves by the rules, undo and redo of
/// the last move while the card is where it left it.
fn application(candidate: u64, (engagement, start, ops): &Plan) -> Application {
    let base = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let mut at = base + Duration::hours(i64::from(*start));
    let mut app = Application::new(
        EngagementId(*engagement),
        CandidateId(candidate),
        Stage::Sourced,
        at,
        "ana",
    );
    let (mut undo, mut redo): (Moves, Moves) = (vec![], vec![]);
    for (op, gap) in ops {
        at += Duration::hours(i64::from(*gap));
        let from = app.stage;
        match op {
            Op::Move(n) => {
                let legal: Vec<Stage> = Stage::ALL
                    .into_iter()
                    .filter(|s| from.can_move_to(*s))
                    .collect();
                let to = legal[usize::from(*n) % legal.len()];
                app.move_to(to, at, "ana", None).unwrap();
                undo.push((from, to));
                redo.clear();
            }
            Op::Undo => {
                if let Some((back, to)) = undo.pop().filter(|(_, to)| *to == from) {
                    app.revert_to(back, at, "ana", false).unwrap();
                    redo.push((back, to));
                }
            }
            Op::Redo => {
                if let Some((back, to)) = redo.pop().filter(|(back, _)| *back == from) {
                    app.revert_to(to, at, "ana", true).unwrap();
                    undo.push((back, to));
                }
            }
            Op::StrayUndo(n) => {
                let other: Vec<Stage> = Stage::ALL.into_iter().filter(|s| *s != from).collect();
                app.revert_to(other[usize::from(*n) % other.len()], at, "ana", false)
                    .unwrap();
                undo.clear();
                redo.clear();
            }
        }
    }
    app
}

fn scope(n: u8) -> Scope {
    match n % 5 {
        0 => Scope::All,
        1 => Scope::Client(ClientId(1)),
        2 => Scope::Engagement(EngagementId(2)),
        3 => Scope::Recruiter("ANA".into()),
        _ => Scope::Engagement(EngagementId(9)),
    }
}

fn agree(ours: &Funnel, naive: &Funnel) -> Result<(), TestCaseError> {
    for (a, b) in ours.stages.iter().zip(&naive.stages) {
        prop_assert_eq!(a.stage, b.stage);
        prop_assert_eq!(
            (a.entered, a.finished, a.forward),
            (b.entered, b.finished, b.forward),
            "{}",
            a.stage
        );
        prop_assert_eq!(a.median_days, b.median_days, "{}", a.stage);
        let close = match (a.mean_days, b.mean_days) {
            (Some(x), Some(y)) => (x - y).abs() < 1e-9,
            (x, y) => x == y,
        };
        prop_assert!(
            close,
            "{}: mean {:?} vs {:?}",
            a.stage,
            a.mean_days,
            b.mean_days
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_funnel_agrees_with_a_direct_count_over_the_event_log(
        plans in prop::collection::vec(plan(), 1..30),
        since in 0..45u64,
        days in 0..45u64,
        scope_pick in any::<u8>(),
    ) {
        let engagements = vec![engagement(1, 1, "ana"), engagement(2, 2, "bo"), engagement(3, 1, "Ana")];
        let applications: Vec<Application> = plans
            .iter()
            .enumerate()
            .map(|(n, plan)| application(n as u64 + 1, plan))
            .collect();
        let records = Records {
            candidates: &[],
            engagements: &engagements,
            applications: applications.iter().collect(),
            submittals: &[],
            placements: &[],
            clients: &[],
        };
        let first = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(since);
        let period = Period::new(first, first + chrono::Days::new(days)).unwrap();
        let scope = scope(scope_pick);
        let log = naive::event_log(&records.applications);
        agree(&funnel(&records, period, &scope), &naive::funnel(&log, &engagements, period, &scope))?;
    }
}
