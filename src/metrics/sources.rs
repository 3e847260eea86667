//! Source effectiveness: for each source a candidate came from, how many
//! were added in the period, and how many were submitted to a client,
//! interviewed by one, and placed in it (each a count of distinct
//! candidates with that activity in the period; see `activity.rs`).
//!
//! Under a scope other than all engagements, "added" counts the
//! candidates added in the period who have an application in an
//! engagement in scope; the other counts go through the engagement of
//! the submittal or placement. **Yield** = placed ÷ submitted, both of
//! the period.

use super::activity::{ActivityKind, activities};
use super::average::ratio;
use super::input::{InScope, Period, Records, Scope};
use crate::domain::{CandidateId, Source};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceRow {
    pub source: Source,
    pub added: u64,
    pub submitted: u64,
    pub interviewed: u64,
    pub placed: u64,
}

impl SourceRow {
    /// placed ÷ submitted; `None` when none was submitted.
    pub fn yield_rate(&self) -> Option<f64> {
        ratio(self.placed, self.submitted)
    }
}

/// A row per source, in `Source::ALL` order, empty ones included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sources {
    pub rows: Vec<SourceRow>,
}

pub fn sources(records: &Records, period: Period, scope: &Scope) -> Sources {
    let in_scope = InScope::new(records, scope);
    let mut rows: Vec<SourceRow> = Source::ALL
        .iter()
        .map(|&source| SourceRow {
            source,
            added: 0,
            submitted: 0,
            interviewed: 0,
            placed: 0,
        })
        .collect();
    let slot = |source: Source| Source::ALL.iter().position(|s| *s == source);
    for source in added(records, period, scope, &in_scope) {
        if let Some(i) = slot(source) {
            rows[i].added += 1;
        }
    }
    for (kind, candidate) in distinct_done(records, period, &in_scope) {
        let Some(i) = records.candidate(candidate).and_then(|c| slot(c.source)) else {
            continue;
        };
        let row = &mut rows[i];
        match kind {
            ActivityKind::Submittal => row.submitted += 1,
            ActivityKind::Interview => row.interviewed += 1,
            ActivityKind::Placement => row.placed += 1,
        }
    }
    Sources { rows }
}

/// Each candidate once per kind of activity they had in the period.
fn distinct_done(
    records: &Records,
    period: Period,
    in_scope: &InScope,
) -> Vec<(ActivityKind, CandidateId)> {
    let mut done: Vec<(ActivityKind, CandidateId)> = activities(records, in_scope)
        .filter(|a| period.contains(a.at))
        .map(|a| (a.kind, a.candidate))
        .collect();
    done.sort_unstable();
    done.dedup();
    done
}

/// The source of each candidate added in the period: every candidate's
/// for all engagements (one pass, no allocation per candidate), else
/// those with an application in scope (each once).
fn added(records: &Records, period: Period, scope: &Scope, in_scope: &InScope) -> Vec<Source> {
    if *scope == Scope::All {
        return records
            .candidates
            .iter()
            .filter(|c| period.contains(c.created_at))
            .map(|c| c.source)
            .collect();
    }
    let mut ids: Vec<CandidateId> = records
        .applications
        .iter()
        .filter(|a| in_scope.has(a.engagement))
        .map(|a| a.candidate)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids.iter()
        .filter_map(|&id| records.candidate(id))
        .filter(|c| period.contains(c.created_at))
        .map(|c| c.source)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::{World, jan, usd};
    use super::*;
    use crate::domain::Stage::*;
    use crate::domain::{AnswerKind, ClientId};

    fn row(sources: &Sources, source: Source) -> SourceRow {
        let found = sources.rows.iter().find(|r| r.source == source);
        *found.unwrap_or_else(|| panic!("{source:?}"))
    }

    fn world() -> World {
        let mut world = World::new();
        world.client(2, "Globex");
        world.engagement(2, 2, "bo", 1);
        world.candidate(1, Source::Referral, 2);
        world.candidate(2, Source::Referral, 3);
        world.candidate(3, Source::JobBoard, 4);
        world.candidate(4, Source::JobBoard, 25);
        world.app(1, 1, &[(Screening, 5, None)]);
        world.app(2, 3, &[(Screening, 5, None)]);
        // Candidate 1 twice to E1: one submitted candidate.
        let first = world.submit(1, 1, 6, "ana");
        world.submit(1, 1, 7, "ana");
        world.answer(first, AnswerKind::InterviewRequested, 8, "ana");
        world.submit(2, 3, 6, "bo");
        world.place(1, 1, 12, "ana", usd(100, 70));
        world
    }

    #[test]
    fn each_source_counts_distinct_candidates_by_activity() {
        let sources = sources(&world().records(), jan(1, 20), &Scope::All);
        let referral = row(&sources, Source::Referral);
        assert_eq!(
            (
                referral.added,
                referral.submitted,
                referral.interviewed,
                referral.placed
            ),
            (2, 1, 1, 1)
        );
        assert_eq!(referral.yield_rate(), Some(1.0));
        let board = row(&sources, Source::JobBoard);
        assert_eq!(
            (board.added, board.submitted, board.placed),
            (1, 1, 0),
            "one added later"
        );
        assert_eq!(row(&sources, Source::Github).yield_rate(), None);
        assert_eq!(sources.rows.len(), Source::ALL.len());
    }

    #[test]
    fn a_scope_counts_the_candidates_in_its_pipelines() {
        let sources = sources(&world().records(), jan(1, 20), &Scope::Client(ClientId(2)));
        assert_eq!(row(&sources, Source::Referral).added, 0);
        let board = row(&sources, Source::JobBoard);
        assert_eq!((board.added, board.submitted), (1, 1));
    }
}
