//! The numbers a staffing desk is run on, as pure functions over the
//! records: the funnel per stage, the ratios (time to first submittal,
//! submittal to interview, interview to offer, offer acceptance, fill
//! rate, time to fill, coverage), source effectiveness, margin by client
//! and by engagement, recruiters against their goals, and weekly trends.
//! Each takes the records ([`Records`], borrowed), a [`Period`] and a
//! [`Scope`] (and the policy where it needs one), reads every record at
//! most a few times, and returns its own typed result; [`table`] turns
//! any of them into the [`Table`] that `hireterm report` prints and the
//! Reports pane draws, so both show the same numbers. Every definition
//! is in its file's header and in the README ("Reports and their
//! formulas"). Imports only `domain`.
//!
//! Building [`Records`] from the app's snapshot:
//! `Data::report_records` (in `app/records/reports.rs`).

mod activity;
mod average;
mod drill;
mod funnel;
mod input;
mod margin;
pub mod naive;
mod path;
mod ratios;
mod recruiters;
mod sources;
mod table;
mod tables;
mod trends;

#[cfg(test)]
mod testing;
#[cfg(test)]
mod tests_ratios;

pub use activity::{Activity, ActivityKind, first_interview};
pub use funnel::{Funnel, StageFunnel, funnel};
pub use input::{BackwardPeriod, DEFAULT_DAYS, Period, Records, Scope, same_person};
pub use margin::{MarginBy, MarginRow, Margins, margins};
pub use path::{Stay, effective_path};
pub use ratios::{Conversion, FirstSubmittal, Ratios, TimeToFill, ratios};
pub use recruiters::{RecruiterRow, Recruiters, Tally, recruiters};
pub use sources::{SourceRow, Sources, sources};
pub use table::{Cell, Column, NONE_SHOWN, Row, Table};
pub use trends::{MIN_WEEKS, Trends, Week, trends};

use crate::domain::Policy;

/// Every report, by the name `hireterm report NAME` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportName {
    Funnel,
    Ratios,
    Sources,
    MarginByClient,
    MarginByEngagement,
    Recruiters,
    Trends,
}

impl ReportName {
    pub const ALL: [ReportName; 7] = [
        ReportName::Funnel,
        ReportName::Ratios,
        ReportName::Sources,
        ReportName::MarginByClient,
        ReportName::MarginByEngagement,
        ReportName::Recruiters,
        ReportName::Trends,
    ];

    /// The name on the command line and in JSON.
    pub fn key(self) -> &'static str {
        match self {
            ReportName::Funnel => "funnel",
            ReportName::Ratios => "ratios",
            ReportName::Sources => "sources",
            ReportName::MarginByClient => "margin",
            ReportName::MarginByEngagement => "margin-engagements",
            ReportName::Recruiters => "recruiters",
            ReportName::Trends => "trends",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            ReportName::Funnel => "Funnel",
            ReportName::Ratios => "Ratios",
            ReportName::Sources => "Source effectiveness",
            ReportName::MarginByClient => "Margin by client",
            ReportName::MarginByEngagement => "Margin by engagement",
            ReportName::Recruiters => "Recruiters against goal",
            ReportName::Trends => "Weekly trends",
        }
    }

    /// One line saying what it shows (`hireterm report --list`).
    pub fn description(self) -> &'static str {
        match self {
            ReportName::Funnel => {
                "per stage: entered, pass-through to a later stage, days in stage"
            }
            ReportName::Ratios => {
                "time to first submittal, conversion rates, fill rate, time to fill, coverage"
            }
            ReportName::Sources => "per source: candidates added, submitted, interviewed, placed",
            ReportName::MarginByClient => {
                "per client and currency: spread per hour, total and average, margin %"
            }
            ReportName::MarginByEngagement => "the same per engagement",
            ReportName::Recruiters => {
                "per recruiter: submittals, interviews, placements against the monthly goal"
            }
            ReportName::Trends => "per week: submittals, client interviews, placements",
        }
    }

    /// The report called `key` (as [`ReportName::key`] writes it, any case).
    pub fn named(key: &str) -> Option<ReportName> {
        let key = key.trim();
        ReportName::ALL
            .into_iter()
            .find(|name| name.key().eq_ignore_ascii_case(key))
    }
}

/// The report `name` as a table: computed for `scope` over `period`
/// under `policy` (its promise, money settings and goals).
pub fn table(
    name: ReportName,
    records: &Records,
    period: Period,
    scope: &Scope,
    policy: &Policy,
) -> Table {
    let body = body(name, records, period, scope, policy);
    Table {
        report: name.key(),
        title: name.title().into(),
        period,
        scope: scope.label(records),
        columns: body.columns,
        rows: body.rows,
        notes: body.notes,
    }
}

fn body(
    name: ReportName,
    records: &Records,
    period: Period,
    scope: &Scope,
    policy: &Policy,
) -> tables::Body {
    let scope_term = drill::scope_term(scope, records);
    let scope_term = scope_term.as_deref();
    let by = match name {
        ReportName::MarginByEngagement => MarginBy::Engagement,
        _ => MarginBy::Client,
    };
    match name {
        ReportName::Funnel => tables::funnel(&funnel(records, period, scope), scope_term),
        ReportName::Ratios => tables::ratios(
            &ratios(records, period, scope, &policy.promise),
            policy.promise.hours,
        ),
        ReportName::Sources => tables::sources(&sources(records, period, scope), scope_term),
        ReportName::MarginByClient | ReportName::MarginByEngagement => {
            tables::margins(&margins(records, period, scope, &policy.money, by))
        }
        ReportName::Recruiters => {
            tables::recruiters(&recruiters(records, period, scope, &policy.goals))
        }
        ReportName::Trends => tables::trends(&trends(records, period, scope)),
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{World, jan};
    use super::*;

    #[test]
    fn names_read_back_and_every_report_has_a_table() {
        let world = World::new();
        let records = world.records();
        for name in ReportName::ALL {
            assert_eq!(ReportName::named(&name.key().to_uppercase()), Some(name));
            let table = table(name, &records, jan(1, 31), &Scope::All, &Policy::default());
            assert_eq!(table.report, name.key());
            for row in &table.rows {
                assert_eq!(row.cells.len(), table.columns.len(), "{}", name.key());
            }
        }
        assert_eq!(ReportName::named("funel"), None);
    }
}
