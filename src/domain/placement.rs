//! Placements: a candidate placed in an engagement, on terms (start and
//! end dates, bill and pay rates) that change over its life: an extension
//! moves the end date at the same rates, a renewal sets new dates and
//! rates, an early end stops it with a reason. Every change is kept.

use super::ids::{CandidateId, EngagementId, PlacementId};
use super::money::HourlyRate;
use super::time::{self, Timestamp};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The terms a placement runs on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Terms {
    #[serde(with = "time::days")]
    pub start: NaiveDate,
    /// `None`: open-ended.
    #[serde(with = "time::days::option")]
    pub end: Option<NaiveDate>,
    /// What the client pays an hour.
    pub bill: HourlyRate,
    /// What the developer earns an hour.
    pub pay: HourlyRate,
}

impl Terms {
    /// What is wrong with the terms, if anything.
    pub fn problem(&self) -> Option<String> {
        if let Some(end) = self.end
            && end < self.start
        {
            return Some(format!("the end {end} is before the start {}", self.start));
        }
        self.bill
            .problem()
            .map(|p| format!("bill rate: {p}"))
            .or_else(|| self.pay.problem().map(|p| format!("pay rate: {p}")))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChangeKind {
    Started,
    /// A new end date, the same rates.
    Extended,
    /// New dates and new rates.
    Renewed,
    /// Stopped before its end.
    EndedEarly,
}

impl ChangeKind {
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::Started => "placed",
            ChangeKind::Extended => "extended",
            ChangeKind::Renewed => "renewed",
            ChangeKind::EndedEarly => "ended early",
        }
    }
}

/// One change of a placement's terms, as it happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacementChange {
    pub kind: ChangeKind,
    /// The terms from this change on.
    pub terms: Terms,
    pub reason: Option<String>,
    #[serde(with = "time::millis")]
    pub at: Timestamp,
    pub by: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Placement {
    pub id: PlacementId,
    pub engagement: EngagementId,
    pub candidate: CandidateId,
    /// The placement as it was made.
    pub started: PlacementChange,
    /// Every change since, oldest first; the last one's terms stand.
    pub changes: Vec<PlacementChange>,
}

/// Why a change to a placement cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct PlacementRefused(pub String);

/// Whether terms from `start` to `end` (none: open-ended) run on `day`.
pub fn runs_on(start: NaiveDate, end: Option<NaiveDate>, day: NaiveDate) -> bool {
    start <= day && end.is_none_or(|end| day <= end)
}

/// Whether an `end` falls between `day` and `days` days after it.
pub fn ends_within(end: Option<NaiveDate>, day: NaiveDate, days: i64) -> bool {
    end.is_some_and(|end| end >= day && (end - day).num_days() <= days)
}

impl Placement {
    pub fn new(
        id: PlacementId,
        (engagement, candidate): (EngagementId, CandidateId),
        terms: Terms,
        stamp: (Timestamp, &str),
    ) -> Result<Placement, PlacementRefused> {
        if let Some(problem) = terms.problem() {
            return Err(PlacementRefused(problem));
        }
        Ok(Placement {
            id,
            engagement,
            candidate,
            started: change(ChangeKind::Started, terms, None, stamp),
            changes: Vec::new(),
        })
    }

    /// What makes the record unfit to store: a start that is not one,
    /// terms that do not hold, names or reasons with control characters.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.started.kind != ChangeKind::Started
            || self.changes.iter().any(|c| c.kind == ChangeKind::Started)
        {
            problems.push("a placement starts once, with its first change".into());
        }
        let ended = self
            .changes
            .iter()
            .position(|c| c.kind == ChangeKind::EndedEarly);
        if ended.is_some_and(|at| at + 1 < self.changes.len()) {
            problems.push("nothing changes a placement after it ended early".into());
        }
        for change in self.history() {
            problems.extend(change.terms.problem());
            let texts = [Some(&change.by), change.reason.as_ref()];
            if texts
                .into_iter()
                .flatten()
                .any(|t| !super::text::is_clean(t, false))
            {
                problems.push("a name or reason holds control characters".into());
            }
        }
        problems
    }

    /// The change that stands: the last one, else the start.
    pub fn latest(&self) -> &PlacementChange {
        self.changes.last().unwrap_or(&self.started)
    }

    /// Every change, the start first.
    pub fn history(&self) -> impl Iterator<Item = &PlacementChange> {
        std::iter::once(&self.started).chain(&self.changes)
    }

    /// The terms that stand.
    pub fn terms(&self) -> &Terms {
        &self.latest().terms
    }

    pub fn is_ended_early(&self) -> bool {
        self.latest().kind == ChangeKind::EndedEarly
    }

    /// The day it ends (or ended), if it has an end.
    pub fn ends_on(&self) -> Option<NaiveDate> {
        self.terms().end
    }

    /// Whether it runs on `day` (started, not yet ended).
    pub fn is_active(&self, day: NaiveDate) -> bool {
        runs_on(self.terms().start, self.terms().end, day)
    }

    /// Whether it has not ended by `day` (it runs, or starts later): what
    /// counts towards an engagement's headcount.
    pub fn holds_a_seat(&self, day: NaiveDate) -> bool {
        self.terms().end.is_none_or(|end| day <= end)
    }

    /// Whether it ends between `day` and `days` days after it.
    pub fn ends_within(&self, day: NaiveDate, days: i64) -> bool {
        ends_within(self.ends_on(), day, days)
    }

    /// A new end date at the same rates.
    pub fn extend(
        &mut self,
        end: Option<NaiveDate>,
        stamp: (Timestamp, &str),
    ) -> Result<(), PlacementRefused> {
        let mut terms = self.terms().clone();
        if terms.end.is_some() && end.is_some() && end <= terms.end {
            return Err(PlacementRefused(format!(
                "an extension ends after {}",
                terms.end.map_or(String::new(), |e| e.to_string())
            )));
        }
        terms.end = end;
        self.push(ChangeKind::Extended, terms, None, stamp)
    }

    /// New dates and rates from `terms.start` on.
    pub fn renew(
        &mut self,
        terms: Terms,
        stamp: (Timestamp, &str),
    ) -> Result<(), PlacementRefused> {
        self.push(ChangeKind::Renewed, terms, None, stamp)
    }

    /// Ends on `day`, before the end agreed.
    pub fn end_early(
        &mut self,
        day: NaiveDate,
        reason: &str,
        stamp: (Timestamp, &str),
    ) -> Result<(), PlacementRefused> {
        if self.is_ended_early() {
            return Err(PlacementRefused("the placement has ended already".into()));
        }
        if reason.trim().is_empty() {
            return Err(PlacementRefused("an early end needs a reason".into()));
        }
        let mut terms = self.terms().clone();
        if terms.end.is_some_and(|end| day > end) {
            return Err(PlacementRefused(format!("{day} is after the agreed end")));
        }
        terms.end = Some(day);
        self.push(
            ChangeKind::EndedEarly,
            terms,
            Some(reason.trim().to_string()),
            stamp,
        )
    }

    /// Takes the last change back (an undo); refused for the first.
    pub fn undo_last(&mut self) -> Result<PlacementChange, PlacementRefused> {
        self.changes
            .pop()
            .ok_or_else(|| PlacementRefused("nothing to take back but the placement".into()))
    }

    fn push(
        &mut self,
        kind: ChangeKind,
        terms: Terms,
        reason: Option<String>,
        stamp: (Timestamp, &str),
    ) -> Result<(), PlacementRefused> {
        if kind != ChangeKind::EndedEarly && self.is_ended_early() {
            return Err(PlacementRefused("the placement has ended early".into()));
        }
        if let Some(problem) = terms.problem() {
            return Err(PlacementRefused(problem));
        }
        self.changes.push(change(kind, terms, reason, stamp));
        Ok(())
    }
}

fn change(
    kind: ChangeKind,
    terms: Terms,
    reason: Option<String>,
    (at, by): (Timestamp, &str),
) -> PlacementChange {
    PlacementChange {
        kind,
        terms,
        reason,
        at,
        by: by.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::at;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default()
    }

    fn terms(start: NaiveDate, end: Option<NaiveDate>, bill: u32, pay: u32) -> Terms {
        Terms {
            start,
            end,
            bill: HourlyRate::usd(bill),
            pay: HourlyRate::usd(pay),
        }
    }

    fn placed() -> Placement {
        let t = terms(day(2, 1), Some(day(3, 31)), 100, 70);
        Placement::new(
            PlacementId(1),
            (EngagementId(1), CandidateId(2)),
            t,
            (at(1), "ana"),
        )
        .unwrap()
    }

    #[test]
    fn terms_need_an_end_after_the_start_and_sane_rates() {
        assert!(
            terms(day(2, 1), Some(day(1, 31)), 100, 70)
                .problem()
                .is_some()
        );
        assert!(terms(day(2, 1), None, 100, 70).problem().is_none());
        assert!(terms(day(2, 1), None, 100_001, 70).problem().is_some());
        let bad = terms(day(2, 1), Some(day(1, 1)), 1, 1);
        let refused = Placement::new(
            PlacementId(1),
            (EngagementId(1), CandidateId(2)),
            bad,
            (at(1), "x"),
        );
        assert!(refused.is_err());
    }

    #[test]
    fn an_extension_keeps_the_rates_and_a_renewal_changes_them() {
        let mut p = placed();
        assert!(
            p.extend(Some(day(3, 1)), (at(2), "ana")).is_err(),
            "not shorter"
        );
        p.extend(Some(day(6, 30)), (at(2), "ana")).unwrap();
        assert_eq!(
            (p.ends_on(), p.terms().bill.amount),
            (Some(day(6, 30)), 100)
        );
        p.renew(terms(day(7, 1), Some(day(12, 31)), 110, 75), (at(3), "bo"))
            .unwrap();
        assert_eq!((p.terms().start, p.terms().pay.amount), (day(7, 1), 75));
        let kinds: Vec<ChangeKind> = p.history().map(|c| c.kind).collect();
        assert_eq!(
            kinds,
            [
                ChangeKind::Started,
                ChangeKind::Extended,
                ChangeKind::Renewed
            ]
        );
        assert_eq!(p.latest().by, "bo");
        p.extend(None, (at(4), "ana")).unwrap();
        assert_eq!(p.ends_on(), None, "open-ended now");
    }

    #[test]
    fn an_early_end_needs_a_reason_and_stops_further_changes() {
        let mut p = placed();
        assert!(p.end_early(day(3, 1), " ", (at(2), "ana")).is_err());
        assert!(
            p.end_early(day(4, 1), "budget cut", (at(2), "ana"))
                .is_err(),
            "after the end"
        );
        p.end_early(day(3, 1), "budget cut", (at(2), "ana"))
            .unwrap();
        assert!(p.is_ended_early());
        assert_eq!(p.ends_on(), Some(day(3, 1)));
        assert!(p.extend(Some(day(9, 1)), (at(3), "ana")).is_err());
        assert_eq!(p.undo_last().unwrap().kind, ChangeKind::EndedEarly);
        assert_eq!(p.ends_on(), Some(day(3, 31)), "undone");
        assert!(p.undo_last().is_err(), "the placement itself stays");
    }

    #[test]
    fn activity_and_ending_soon_read_the_standing_terms() {
        let p = placed();
        assert!(!p.is_active(day(1, 31)) && p.is_active(day(2, 1)) && p.is_active(day(3, 31)));
        assert!(!p.is_active(day(4, 1)));
        assert!(p.holds_a_seat(day(1, 1)) && !p.holds_a_seat(day(4, 1)));
        assert!(p.ends_within(day(3, 1), 30) && !p.ends_within(day(2, 1), 30));
        assert!(!p.ends_within(day(4, 1), 30), "ended already");
    }
}
