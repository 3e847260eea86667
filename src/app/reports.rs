//! The Reports pane's state: which report, over which period and scope,
//! and its numbers. The numbers are the `metrics` module's, computed when
//! the pane is shown and again when the records change while it shows;
//! never at start, so the first frame does not wait for them.

use super::list::ListCursor;
use super::records::data::Data;
use crate::domain::Policy;
use crate::metrics::{self, Funnel, Period, ReportName, Scope, Table, Trends};
use chrono::NaiveDate;

/// The periods `p` steps through, in days back from today.
pub const PERIODS: [u32; 4] = [7, 30, 90, 365];

/// The reports `h` and `l` step through. The weekly trends are drawn
/// above each of them, as sparklines.
pub const SHOWN: [ReportName; 6] = [
    ReportName::Funnel,
    ReportName::Ratios,
    ReportName::Sources,
    ReportName::MarginByClient,
    ReportName::MarginByEngagement,
    ReportName::Recruiters,
];

#[derive(Debug, Clone)]
pub struct ReportsState {
    /// Which of [`SHOWN`].
    report: usize,
    days: u32,
    /// Which of the scopes [`scopes`] lists.
    scope: usize,
    pub cursor: ListCursor,
    numbers: Option<Numbers>,
}

impl Default for ReportsState {
    fn default() -> Self {
        ReportsState {
            report: 0,
            days: metrics::DEFAULT_DAYS,
            scope: 0,
            cursor: ListCursor::default(),
            numbers: None,
        }
    }
}

/// What the pane draws: the report's table, and the funnel and trends
/// drawn as charts beside it.
#[derive(Debug, Clone)]
pub struct Numbers {
    pub table: Table,
    /// For the bars, drawn on the funnel report only (and only counted
    /// then).
    pub funnel: Option<Funnel>,
    pub trends: Trends,
    /// The scope's place among how many (`s` steps through them).
    pub scope_at: (usize, usize),
}

impl ReportsState {
    pub fn report(&self) -> ReportName {
        SHOWN[self.report]
    }

    pub fn days(&self) -> u32 {
        self.days
    }

    pub fn numbers(&self) -> Option<&Numbers> {
        self.numbers.as_ref()
    }

    /// The next (or previous) report; the cursor goes back to the top.
    pub fn step_report(&mut self, step: isize) {
        self.report = wrap(self.report, step, SHOWN.len());
        self.cursor = ListCursor::default();
    }

    pub fn step_period(&mut self, step: isize) {
        let at = PERIODS.iter().position(|d| *d == self.days).unwrap_or(1);
        self.days = PERIODS[wrap(at, step, PERIODS.len())];
    }

    /// The next (or previous) scope of `count`.
    pub fn step_scope(&mut self, step: isize, count: usize) {
        self.scope = wrap(self.scope, step, count.max(1));
        self.cursor = ListCursor::default();
    }

    /// Computes the numbers for the state as it is, from `data`.
    pub fn compute(&mut self, data: &Data, policy: &Policy, today: NaiveDate, page: usize) {
        let records = data.report_records();
        let scopes = scopes(data);
        self.scope = self.scope.min(scopes.len() - 1);
        let scope = &scopes[self.scope];
        let period = Period::last_days(today, self.days);
        let table = metrics::table(self.report(), &records, period, scope, policy);
        self.cursor.clamp(table.rows.len(), page);
        self.numbers = Some(Numbers {
            table,
            funnel: (self.report() == ReportName::Funnel)
                .then(|| metrics::funnel(&records, period, scope)),
            trends: metrics::trends(&records, period, scope),
            scope_at: (self.scope, scopes.len()),
        });
    }

    /// The filter behind the selected row, if it has one.
    pub fn selected_filter(&self) -> Option<&str> {
        let numbers = self.numbers.as_ref()?;
        let row = numbers.table.rows.get(self.cursor.selected)?;
        row.filter.as_deref()
    }
}

/// Every scope the pane offers, in the order `s` steps through them:
/// everything, each client, each recruiter who owns an engagement, each
/// engagement.
pub fn scopes(data: &Data) -> Vec<Scope> {
    let mut owners: Vec<&str> = data.engagements().iter().map(|e| e.owner.trim()).collect();
    owners.sort_unstable();
    owners.dedup();
    let clients = data.agency().clients().iter().map(|c| Scope::Client(c.id));
    let recruiters = owners.into_iter().map(|o| Scope::Recruiter(o.to_string()));
    let engagements = data.engagements().iter().map(|e| Scope::Engagement(e.id));
    std::iter::once(Scope::All)
        .chain(clients)
        .chain(recruiters)
        .chain(engagements)
        .collect()
}

fn wrap(at: usize, step: isize, count: usize) -> usize {
    (at as isize + step).rem_euclid(count as isize) as usize
}
