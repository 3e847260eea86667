//! What every report reads: the records (borrowed, never copied), the
//! period (whole UTC days) and the scope (which engagements count).

use crate::domain::{
    Application, Candidate, CandidateId, Client, ClientId, Engagement, EngagementId, Placement,
    Submittal, Timestamp,
};
use chrono::{Datelike, Days, NaiveDate, NaiveTime};
use std::fmt;

/// The records the reports read, as the app's snapshot (`Data`) or the
/// store holds them.
#[derive(Debug, Clone)]
pub struct Records<'a> {
    /// In id order (a candidate is found by binary search).
    pub candidates: &'a [Candidate],
    /// In id order, as the snapshot keeps them (else found by a scan).
    pub engagements: &'a [Engagement],
    /// Every application, in any order.
    pub applications: Vec<&'a Application>,
    pub submittals: &'a [Submittal],
    pub placements: &'a [Placement],
    /// In id order (else found by a scan).
    pub clients: &'a [Client],
}

impl Records<'_> {
    pub fn candidate(&self, id: CandidateId) -> Option<&Candidate> {
        let at = self.candidates.binary_search_by_key(&id, |c| c.id).ok()?;
        Some(&self.candidates[at])
    }

    pub fn engagement(&self, id: EngagementId) -> Option<&Engagement> {
        find(self.engagements, id, |e| e.id)
    }

    pub fn client(&self, id: ClientId) -> Option<&Client> {
        find(self.clients, id, |c| c.id)
    }
}

/// A binary search where the records are in id order, else a scan.
fn find<T, K: Ord + Copy>(records: &[T], id: K, key: impl Fn(&T) -> K) -> Option<&T> {
    match records.binary_search_by_key(&id, &key) {
        Ok(at) => Some(&records[at]),
        Err(_) => records.iter().find(|r| key(r) == id),
    }
}

/// A span of whole UTC days, both ends included. Every report counts what
/// happened from the first instant of `since` to the last of `until`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    since: NaiveDate,
    until: NaiveDate,
    /// `since` at 00:00 UTC.
    start: Timestamp,
    /// The day after `until` at 00:00 UTC (excluded).
    end: Timestamp,
}

/// How many days the default period covers.
pub const DEFAULT_DAYS: u32 = 30;

/// A period that ends before it starts.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the period starts on {since}, after it ends on {until}")]
pub struct BackwardPeriod {
    pub since: NaiveDate,
    pub until: NaiveDate,
}

impl Period {
    /// From `since` to `until`, both included.
    pub fn new(since: NaiveDate, until: NaiveDate) -> Result<Period, BackwardPeriod> {
        if since > until {
            return Err(BackwardPeriod { since, until });
        }
        Ok(Period::spanning(since, until))
    }

    /// The `days` days ending with `today` (`today` included): the
    /// default is [`DEFAULT_DAYS`].
    pub fn last_days(today: NaiveDate, days: u32) -> Period {
        let back = Days::new(u64::from(days.max(1) - 1));
        let since = today.checked_sub_days(back).unwrap_or(NaiveDate::MIN);
        Period::spanning(since, today)
    }

    /// `since` to `until`, which the caller has put in order.
    fn spanning(since: NaiveDate, until: NaiveDate) -> Period {
        let midnight = |day: NaiveDate| day.and_time(NaiveTime::MIN).and_utc();
        Period {
            since,
            until,
            start: midnight(since),
            end: until.succ_opt().map_or(Timestamp::MAX_UTC, midnight),
        }
    }

    pub fn since(&self) -> NaiveDate {
        self.since
    }

    pub fn until(&self) -> NaiveDate {
        self.until
    }

    /// The first instant of the period.
    pub fn start(&self) -> Timestamp {
        self.start
    }

    /// The first instant after the period.
    pub fn end(&self) -> Timestamp {
        self.end
    }

    pub fn contains(&self, at: Timestamp) -> bool {
        self.start <= at && at < self.end
    }

    pub fn contains_day(&self, day: NaiveDate) -> bool {
        self.since <= day && day <= self.until
    }

    /// How many days it covers (1 for a single day).
    pub fn days(&self) -> i64 {
        (self.until - self.since).num_days() + 1
    }

    /// Its length in calendar months: each month it touches counts the
    /// share of that month's days it covers (May 1–31 is 1; May 17 to
    /// June 15 is 15/31 + 15/30). A monthly goal times this is the
    /// period's goal.
    pub fn months(&self) -> f64 {
        let mut months = 0.0;
        let mut day = self.since;
        while day <= self.until {
            let first = day.with_day(1).unwrap_or(day);
            let next = first.checked_add_months(chrono::Months::new(1));
            let Some(next) = next else { break };
            let month_days = (next - first).num_days() as f64;
            let last = self.until.min(next.pred_opt().unwrap_or(next));
            months += ((last - day).num_days() + 1) as f64 / month_days;
            day = next;
        }
        months
    }
}

impl fmt::Display for Period {
    /// `2026-05-03 to 2026-06-01`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} to {}", self.since, self.until)
    }
}

/// Which engagements a report counts; everything else (applications,
/// submittals, placements, candidates) is counted through its engagement.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub enum Scope {
    #[default]
    All,
    /// The engagements of one client.
    Client(ClientId),
    /// One engagement.
    Engagement(EngagementId),
    /// The engagements a recruiter owns (their owner, whatever the case).
    /// What is credited to whom is the recruiters report's business: in
    /// it, each event on these engagements goes to whoever did it.
    Recruiter(String),
}

impl Scope {
    /// Whether `engagement` is one the scope counts.
    pub fn includes(&self, engagement: &Engagement) -> bool {
        match self {
            Scope::All => true,
            Scope::Client(id) => engagement.client == *id,
            Scope::Engagement(id) => engagement.id == *id,
            Scope::Recruiter(name) => same_person(&engagement.owner, name),
        }
    }

    /// `all engagements`, `client Acme Corp (CL2)`, `engagement E3
    /// (Platform engineers)`, `engagements of ana`.
    pub fn label(&self, records: &Records) -> String {
        match self {
            Scope::All => "all engagements".into(),
            Scope::Client(id) => match records.client(*id) {
                Some(client) => format!("client {} ({id})", client.name),
                None => format!("client {id}"),
            },
            Scope::Engagement(id) => match records.engagement(*id) {
                Some(engagement) => format!("engagement {id} ({})", engagement.title),
                None => format!("engagement {id}"),
            },
            Scope::Recruiter(name) => format!("engagements of {}", name.trim()),
        }
    }
}

/// Whether two recruiter names are one person: whatever the case, as an
/// engagement's owner is compared; an empty name is nobody.
pub fn same_person(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    !a.is_empty() && (a == b || a.to_lowercase() == b.to_lowercase())
}

/// The engagements in scope, looked up by id (a binary search; all of
/// them without one for [`Scope::All`]).
pub(super) struct InScope {
    all: bool,
    /// Sorted.
    ids: Vec<EngagementId>,
}

impl InScope {
    pub(super) fn new(records: &Records, scope: &Scope) -> InScope {
        let mut ids: Vec<EngagementId> = records
            .engagements
            .iter()
            .filter(|e| scope.includes(e))
            .map(|e| e.id)
            .collect();
        ids.sort_unstable();
        InScope {
            all: *scope == Scope::All,
            ids,
        }
    }

    pub(super) fn has(&self, engagement: EngagementId) -> bool {
        self.all || self.ids.binary_search(&engagement).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default()
    }

    #[test]
    fn a_period_holds_its_whole_first_and_last_days() {
        let period = Period::new(day(5, 1), day(5, 31)).unwrap();
        let at = |m, d, h| day(m, d).and_hms_opt(h, 0, 0).unwrap_or_default().and_utc();
        assert!(period.contains(at(5, 1, 0)) && period.contains(at(5, 31, 23)));
        assert!(!period.contains(at(4, 30, 23)) && !period.contains(at(6, 1, 0)));
        assert_eq!(period.days(), 31);
        assert!(Period::new(day(5, 2), day(5, 1)).is_err());
        assert_eq!(
            BackwardPeriod {
                since: day(5, 2),
                until: day(5, 1)
            }
            .to_string(),
            "the period starts on 2026-05-02, after it ends on 2026-05-01"
        );
    }

    #[test]
    fn the_last_30_days_end_today() {
        let period = Period::last_days(day(6, 1), DEFAULT_DAYS);
        assert_eq!((period.since(), period.until()), (day(5, 3), day(6, 1)));
        assert_eq!(period.to_string(), "2026-05-03 to 2026-06-01");
    }

    #[test]
    fn months_count_the_share_of_each_month_covered() {
        let may = Period::new(day(5, 1), day(5, 31)).unwrap();
        assert!((may.months() - 1.0).abs() < 1e-9);
        let across = Period::new(day(5, 17), day(6, 15)).unwrap();
        assert!((across.months() - (15.0 / 31.0 + 15.0 / 30.0)).abs() < 1e-9);
        let quarter = Period::new(day(1, 1), day(3, 31)).unwrap();
        assert!((quarter.months() - 3.0).abs() < 1e-9);
    }

    #[test]
    fn recruiters_are_the_same_whatever_the_case() {
        assert!(same_person("Ana", " ana "));
        assert!(!same_person("", ""));
        assert!(!same_person("ana", "bo"));
    }
}
