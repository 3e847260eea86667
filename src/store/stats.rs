//! `stats`: counts for a quick look, from the counters kept in the same
//! transactions as the records (`counts.rs`), never from the records.
//!
//! Opening sled costs more than reading the counters (half a second at a
//! million candidates), so a clean close also leaves the figures beside
//! the database (`stats_file.rs`), and `stats` reads them from there
//! without opening it when nothing has changed since.

use super::Store;
use super::counts;
use super::error::Result;
use crate::domain::placement;
use crate::domain::{EngagementStatus, Placement, RoleId, Stage};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub candidates: usize,
    pub engagements: usize,
    pub applications: usize,
    pub events: usize,
    /// Applications by current stage, in pipeline order.
    pub by_stage: Vec<(Stage, usize)>,
    /// Candidates by primary role type, most first.
    pub by_role: Vec<(RoleId, usize)>,
    pub by_status: Vec<(EngagementStatus, usize)>,
    pub clients: usize,
    pub submittals: usize,
    /// Submittals the client has answered for good (interview requested
    /// or rejected); the rest await an answer (none yet, or on hold).
    pub submittals_answered: usize,
    pub placements: usize,
    /// Placements running on the day the stats are for.
    pub placements_active: usize,
    /// Placements whose end falls within the days asked of that day.
    pub placements_ending: usize,
}

impl Stats {
    /// Submittals still awaiting the client's answer.
    pub fn submittals_waiting(&self) -> usize {
        self.submittals - self.submittals_answered
    }
}

/// What the stats are made of, whatever the day: the counters, and each
/// placement's start and end (which placements run depends on the day;
/// they are few).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Figures {
    totals: [usize; 8],
    by_stage: Vec<(Stage, usize)>,
    by_role: Vec<(RoleId, usize)>,
    by_status: Vec<(EngagementStatus, usize)>,
    placements: Vec<Span>,
}

/// The start and end (none: open-ended) of a placement's standing terms.
type Span = (NaiveDate, Option<NaiveDate>);

impl Figures {
    /// The stats as of `today`, placements ending within `ending_days`.
    pub(super) fn on(&self, today: NaiveDate, ending_days: i64) -> Stats {
        let [
            candidates,
            engagements,
            applications,
            events,
            clients,
            submittals,
            answered,
            placed,
        ] = self.totals;
        let active = |&&(start, end): &&Span| placement::runs_on(start, end, today);
        let ending = |&&(_, end): &&Span| placement::ends_within(end, today, ending_days);
        Stats {
            candidates,
            engagements,
            applications,
            events,
            by_stage: self.by_stage.clone(),
            by_role: self.by_role.clone(),
            by_status: self.by_status.clone(),
            clients,
            submittals,
            submittals_answered: answered,
            placements: placed,
            placements_active: self.placements.iter().filter(active).count(),
            placements_ending: self.placements.iter().filter(ending).count(),
        }
    }
}

fn span(placement: &Placement) -> Span {
    let terms = placement.terms();
    (terms.start, terms.end)
}

impl Store {
    /// [`Store::stats_on`] today (the system's date, UTC), with the
    /// default window for placements ending soon.
    pub fn stats(&self) -> Result<Stats> {
        let days = crate::domain::Policy::default().ending_days;
        self.stats_on(chrono::Utc::now().date_naive(), days)
    }

    /// Counts for a quick look; placements active as of `today`, and
    /// ending within `ending_days` of it.
    pub fn stats_on(&self, today: NaiveDate, ending_days: i64) -> Result<Stats> {
        Ok(self.figures()?.on(today, ending_days))
    }

    /// The counters and the placements' dates, as they stand.
    pub(super) fn figures(&self) -> Result<Figures> {
        let counters = counts::read::stored(&self.meta)?;
        Ok(Figures {
            totals: counts::read::totals(&counters),
            by_stage: counts::read::by_stage(&counters),
            by_role: counts::read::by_role(&counters),
            by_status: counts::read::by_status(&counters),
            placements: self.placements()?.iter().map(span).collect(),
        })
    }
}
