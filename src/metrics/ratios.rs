//! The ratios a staffing desk is judged on. Each conversion follows a
//! cohort: the things that happened in the period (the denominator) and
//! how many of them have gone on to the next step by now, even after the
//! period (the numerator). So a rate is never above 100 %, and the
//! rates of a recent period are still maturing.
//!
//! - **time to first submittal**: engagements opened in the period; for
//!   each, opened → its first client submittal; the median in days over
//!   those with one. **Promise broken**: of them, those whose promise
//!   (config `[promise]`: the first `count` candidates within `hours`)
//!   was met late, or is past due and unmet at the period's end.
//! - **submittal → interview**: client submittals sent in the period;
//!   of them, those the client asked to interview. Also shown as
//!   submittals per interview (sent ÷ interviewed; 3–5 is usual).
//! - **interview → offer**: client interviews requested in the period
//!   (a submittal's first interview request); of them, those whose
//!   application has reached Offer since the submittal was sent.
//! - **offer acceptance**: applications that entered Offer in the period;
//!   of them, those placed after it (placed ÷ offers).
//! - **fill rate**: engagements opened in the period; of them, those now
//!   filled.
//! - **time to fill**: engagements filled by a placement made in the
//!   period (the placement reaching its headcount: the N-th placement
//!   for a headcount of N, else its latest); opened → that placement,
//!   median and mean in days.
//! - **job-order coverage**: engagements open now (and opened before the
//!   period's end); of them, those with a client submittal sent in the
//!   period.

use super::activity::first_interview;
use super::average::{mean, median, ratio};
use super::input::{InScope, Period, Records, Scope};
use super::path::{Stay, days_between, effective_path, enters_after, last_entry_between};
use crate::domain::promise::{Promise, PromisePolicy, time_to_first_submittal};
use crate::domain::{CandidateId, Engagement, EngagementId, EngagementStatus, Placement, Stage};
use crate::domain::{Submittal, Timestamp};

/// Of `of` things, `reached` went on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Conversion {
    pub of: u64,
    pub reached: u64,
}

impl Conversion {
    /// reached ÷ of; `None` when there is nothing to divide.
    pub fn rate(&self) -> Option<f64> {
        ratio(self.reached, self.of)
    }

    /// of ÷ reached: "N submittals per interview"; `None` for none.
    pub fn per_one(&self) -> Option<f64> {
        ratio(self.of, self.reached)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct FirstSubmittal {
    /// Engagements opened in the period.
    pub opened: u64,
    /// Of them, those with a client submittal.
    pub submitted: u64,
    pub median_days: Option<f64>,
    pub promise_broken: u64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TimeToFill {
    pub filled: u64,
    pub median_days: Option<f64>,
    pub mean_days: Option<f64>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Ratios {
    pub first_submittal: FirstSubmittal,
    pub submittal_to_interview: Conversion,
    pub interview_to_offer: Conversion,
    pub offer_acceptance: Conversion,
    pub fill_rate: Conversion,
    pub time_to_fill: TimeToFill,
    pub coverage: Conversion,
}

/// Every ratio for `scope` over `period`.
pub fn ratios(records: &Records, period: Period, scope: &Scope, promise: &PromisePolicy) -> Ratios {
    let in_scope = InScope::new(records, scope);
    let sent = by_engagement(records.submittals, &in_scope, |s| (s.engagement, s.at));
    let made = by_engagement(records.placements, &in_scope, |p| {
        (p.engagement, p.started.at)
    });
    let engagements = || records.engagements.iter().filter(|e| scope.includes(e));
    let (submittal_to_interview, interviewed) = submittal_cohort(&sent, period);
    let (interview_to_offer, offer_acceptance) =
        application_cohorts(records, &in_scope, &interviewed, period);
    Ratios {
        first_submittal: first_submittal(engagements(), &sent, period, promise),
        submittal_to_interview,
        interview_to_offer,
        offer_acceptance,
        fill_rate: fill_rate(engagements(), period),
        time_to_fill: time_to_fill(engagements(), &made, period),
        coverage: coverage(engagements(), &sent, period),
    }
}

/// The records of engagements in scope, sorted by engagement, then time.
fn by_engagement<'a, T>(
    all: &'a [T],
    in_scope: &InScope,
    key: impl Fn(&T) -> (EngagementId, Timestamp),
) -> Vec<&'a T> {
    let mut kept: Vec<&T> = all.iter().filter(|t| in_scope.has(key(t).0)).collect();
    kept.sort_by_key(|t| key(t));
    kept
}

/// The part of `sorted` (by engagement) that is `engagement`'s.
fn of_engagement<'s, 'a, T>(
    sorted: &'s [&'a T],
    engagement: EngagementId,
    id: impl Fn(&T) -> EngagementId,
) -> &'s [&'a T] {
    let from = sorted.partition_point(|t| id(t) < engagement);
    let to = sorted.partition_point(|t| id(t) <= engagement);
    &sorted[from..to]
}

fn submittals_of<'s, 'a>(sent: &'s [&'a Submittal], id: EngagementId) -> &'s [&'a Submittal] {
    of_engagement(sent, id, |s| s.engagement)
}

fn first_submittal<'a>(
    opened: impl Iterator<Item = &'a Engagement>,
    sent: &[&Submittal],
    period: Period,
    promise: &PromisePolicy,
) -> FirstSubmittal {
    let mut figures = FirstSubmittal::default();
    let mut days = Vec::new();
    for engagement in opened.filter(|e| period.contains(e.opened_at)) {
        figures.opened += 1;
        let own = submittals_of(sent, engagement.id);
        if let Some(took) = time_to_first_submittal(engagement, own.iter().copied()) {
            days.push(took.num_milliseconds().max(0) as f64 / 86_400_000.0);
        }
        let kept = promise.promise(engagement, own.iter().copied(), period.end());
        if matches!(
            kept,
            Promise::Met { on_time: false, .. } | Promise::Breached { .. }
        ) {
            figures.promise_broken += 1;
        }
    }
    figures.submitted = days.len() as u64;
    figures.median_days = median(&mut days);
    figures
}

/// A submittal the client asked to interview: its application, and when
/// it was sent.
type Interviewed = ((EngagementId, CandidateId), Timestamp);

/// Submittal → interview, and the submittals interviewed in the period
/// (their application and when they were sent), sorted.
fn submittal_cohort(sent: &[&Submittal], period: Period) -> (Conversion, Vec<Interviewed>) {
    let mut conversion = Conversion::default();
    let mut interviewed = Vec::new();
    for submittal in sent {
        let interview = first_interview(submittal);
        if period.contains(submittal.at) {
            conversion.of += 1;
            conversion.reached += u64::from(interview.is_some());
        }
        if interview.is_some_and(|a| period.contains(a.at)) {
            interviewed.push(((submittal.engagement, submittal.candidate), submittal.at));
        }
    }
    interviewed.sort_unstable();
    (conversion, interviewed)
}

/// Interview → offer (over `interviewed`) and offer acceptance, in one
/// pass over the applications.
fn application_cohorts(
    records: &Records,
    in_scope: &InScope,
    interviewed: &[Interviewed],
    period: Period,
) -> (Conversion, Conversion) {
    let mut to_offer = Conversion {
        of: interviewed.len() as u64,
        reached: 0,
    };
    let mut accepted = Conversion::default();
    let mut path: Vec<Stay> = Vec::with_capacity(16);
    for app in records
        .applications
        .iter()
        .filter(|a| in_scope.has(a.engagement))
    {
        effective_path(&app.history, &mut path);
        let key = (app.engagement, app.candidate);
        let from = interviewed.partition_point(|(k, _)| *k < key);
        for (_, sent) in interviewed[from..].iter().take_while(|(k, _)| *k == key) {
            to_offer.reached += u64::from(enters_after(&path, Stage::Offer, *sent));
        }
        if let Some(offer) = last_entry_between(&path, Stage::Offer, period.start(), period.end()) {
            accepted.of += 1;
            accepted.reached += u64::from(enters_after(&path, Stage::Placed, offer.entered));
        }
    }
    (to_offer, accepted)
}

fn fill_rate<'a>(engagements: impl Iterator<Item = &'a Engagement>, period: Period) -> Conversion {
    let mut conversion = Conversion::default();
    for engagement in engagements.filter(|e| period.contains(e.opened_at)) {
        conversion.of += 1;
        conversion.reached += u64::from(engagement.status == EngagementStatus::Filled);
    }
    conversion
}

fn time_to_fill<'a>(
    engagements: impl Iterator<Item = &'a Engagement>,
    made: &[&Placement],
    period: Period,
) -> TimeToFill {
    let mut days = Vec::new();
    for engagement in engagements.filter(|e| e.status == EngagementStatus::Filled) {
        let own = of_engagement(made, engagement.id, |p| p.engagement);
        let seat = usize::from(engagement.headcount.max(1));
        let Some(filling) = own.get(seat - 1).or(own.last()) else {
            continue;
        };
        if period.contains(filling.started.at) {
            days.push(days_between(engagement.opened_at, filling.started.at));
        }
    }
    TimeToFill {
        filled: days.len() as u64,
        mean_days: mean(&days),
        median_days: median(&mut days),
    }
}

fn coverage<'a>(
    engagements: impl Iterator<Item = &'a Engagement>,
    sent: &[&Submittal],
    period: Period,
) -> Conversion {
    let mut conversion = Conversion::default();
    let open =
        engagements.filter(|e| e.status == EngagementStatus::Open && e.opened_at < period.end());
    for engagement in open {
        conversion.of += 1;
        let own = submittals_of(sent, engagement.id);
        conversion.reached += u64::from(own.iter().any(|s| period.contains(s.at)));
    }
    conversion
}
