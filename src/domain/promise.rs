//! The 48-hour promise: the first candidates reach the client within 48
//! hours of the engagement opening. It is measured where the client sees
//! it: by client submittals, the first few (3 unless configured) distinct
//! candidates sent. Weekends do not count towards the 48 hours unless
//! configured to (an engagement opened on Friday morning is due on
//! Tuesday morning).

use super::engagement::Engagement;
use super::submittal::Submittal;
use super::time::Timestamp;
use chrono::{Datelike, Duration, NaiveTime, Weekday};

/// What the promise is; `[promise]` in config.toml.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PromisePolicy {
    /// How many candidates make the shortlist.
    pub count: usize,
    /// Within how many hours of opening.
    pub hours: i64,
    /// Saturdays and Sundays (UTC) do not count.
    pub skip_weekends: bool,
}

impl Default for PromisePolicy {
    fn default() -> Self {
        PromisePolicy {
            count: 3,
            hours: 48,
            skip_weekends: true,
        }
    }
}

/// Where an engagement stands against its promise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Promise {
    /// The shortlist reached the client at `at`; late if after the due
    /// time.
    Met { at: Timestamp, on_time: bool },
    /// Not yet met, and not yet due.
    Pending { have: usize, due: Timestamp },
    /// Not met, and past due.
    Breached { have: usize, due: Timestamp },
}

impl Promise {
    /// `met`, `met late`, `2/3 · 13h left`, `breached 1/3`.
    pub fn describe(&self, count: usize, now: Timestamp) -> String {
        match *self {
            Promise::Met { on_time: true, .. } => "shortlist met".into(),
            Promise::Met { on_time: false, .. } => "shortlist met late".into(),
            Promise::Pending { have, due } => {
                let left = (due - now).num_hours().max(0);
                format!("shortlist {have}/{count} · {left}h left")
            }
            Promise::Breached { have, .. } => format!("shortlist breached {have}/{count}"),
        }
    }
}

impl PromisePolicy {
    /// When an engagement opened at `opened` is due.
    pub fn due(&self, opened: Timestamp) -> Timestamp {
        if !self.skip_weekends {
            return opened + Duration::hours(self.hours);
        }
        let mut at = opened;
        let mut left = Duration::hours(self.hours);
        while left > Duration::zero() {
            if is_weekend(at) {
                at = next_monday(at);
                continue;
            }
            let step = left.min(next_saturday(at) - at);
            at += step;
            left -= step;
        }
        at
    }

    /// Where `engagement` stands, from its submittals (any order, any
    /// engagement's: only its own count).
    pub fn promise<'a>(
        &self,
        engagement: &Engagement,
        submittals: impl IntoIterator<Item = &'a Submittal>,
        now: Timestamp,
    ) -> Promise {
        let due = self.due(engagement.opened_at);
        let firsts = first_per_candidate(engagement, submittals);
        match firsts.get(self.count.max(1) - 1) {
            Some(&at) => Promise::Met {
                at,
                on_time: at <= due,
            },
            None if now <= due => Promise::Pending {
                have: firsts.len(),
                due,
            },
            None => Promise::Breached {
                have: firsts.len(),
                due,
            },
        }
    }
}

/// How long the first submittal took from the engagement opening.
pub fn time_to_first_submittal<'a>(
    engagement: &Engagement,
    submittals: impl IntoIterator<Item = &'a Submittal>,
) -> Option<Duration> {
    let first = first_per_candidate(engagement, submittals)
        .first()
        .copied()?;
    Some(first - engagement.opened_at)
}

/// When each candidate was first submitted for `engagement`, earliest
/// first.
fn first_per_candidate<'a>(
    engagement: &Engagement,
    submittals: impl IntoIterator<Item = &'a Submittal>,
) -> Vec<Timestamp> {
    let mut mine: Vec<&Submittal> = submittals
        .into_iter()
        .filter(|s| s.engagement == engagement.id)
        .collect();
    mine.sort_by_key(|s| s.at);
    let mut seen = Vec::new();
    let mut firsts = Vec::new();
    for s in mine {
        if !seen.contains(&s.candidate) {
            seen.push(s.candidate);
            firsts.push(s.at);
        }
    }
    firsts
}

fn is_weekend(at: Timestamp) -> bool {
    matches!(at.weekday(), Weekday::Sat | Weekday::Sun)
}

fn midnight_in(at: Timestamp, days: i64) -> Timestamp {
    (at.date_naive() + Duration::days(days))
        .and_time(NaiveTime::MIN)
        .and_utc()
}

fn next_monday(at: Timestamp) -> Timestamp {
    let days = 7 - i64::from(at.weekday().num_days_from_monday());
    midnight_in(at, days)
}

fn next_saturday(at: Timestamp) -> Timestamp {
    let days = 5 - i64::from(at.weekday().num_days_from_monday());
    midnight_in(at, days)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::engagement_with;
    use crate::domain::{CandidateId, ClientId, EngagementId, SubmittalId};
    use chrono::{TimeZone, Utc};

    /// 2026-01-05 is a Monday.
    fn t(day: u32, hour: u32) -> Timestamp {
        Utc.with_ymd_and_hms(2026, 1, day, hour, 0, 0)
            .single()
            .unwrap_or_default()
    }

    fn opened(at: Timestamp) -> Engagement {
        let mut e = engagement_with(&[]);
        e.opened_at = at;
        e
    }

    fn sent(candidate: u64, at: Timestamp) -> Submittal {
        Submittal {
            id: SubmittalId(candidate),
            engagement: EngagementId(1),
            candidate: CandidateId(candidate),
            client: ClientId(1),
            to: Vec::new(),
            at,
            by: "ana".into(),
            bill_rate: None,
            profile: String::new(),
            answers: Vec::new(),
        }
    }

    #[test]
    fn forty_eight_weekday_hours_skip_the_weekend() {
        let policy = PromisePolicy::default();
        assert_eq!(policy.due(t(5, 9)), t(7, 9), "Monday to Wednesday");
        assert_eq!(policy.due(t(9, 9)), t(13, 9), "Friday to Tuesday");
        assert_eq!(
            policy.due(t(10, 10)),
            t(14, 0),
            "from Saturday: Monday 0:00 on"
        );
        let calendar = PromisePolicy {
            skip_weekends: false,
            ..policy
        };
        assert_eq!(calendar.due(t(9, 9)), t(11, 9), "Friday to Sunday");
    }

    #[test]
    fn met_met_late_pending_and_breached() {
        let policy = PromisePolicy::default();
        let job = opened(t(9, 9)); // Friday; due Tuesday 9:00
        let on_time = [sent(1, t(9, 12)), sent(2, t(12, 10)), sent(3, t(13, 8))];
        assert_eq!(
            policy.promise(&job, &on_time, t(20, 0)),
            Promise::Met {
                at: t(13, 8),
                on_time: true
            }
        );
        let late = [sent(1, t(9, 12)), sent(2, t(12, 10)), sent(3, t(13, 10))];
        let met_late = policy.promise(&job, &late, t(20, 0));
        assert_eq!(
            met_late,
            Promise::Met {
                at: t(13, 10),
                on_time: false
            }
        );
        assert_eq!(met_late.describe(3, t(20, 0)), "shortlist met late");
        let pending = policy.promise(&job, &late[..2], t(12, 20));
        assert_eq!(
            pending,
            Promise::Pending {
                have: 2,
                due: t(13, 9)
            }
        );
        assert_eq!(pending.describe(3, t(12, 20)), "shortlist 2/3 · 13h left");
        let breached = policy.promise(&job, &late[..2], t(13, 10));
        assert_eq!(
            breached,
            Promise::Breached {
                have: 2,
                due: t(13, 9)
            }
        );
        assert_eq!(breached.describe(3, t(13, 10)), "shortlist breached 2/3");
    }

    #[test]
    fn a_candidate_sent_twice_counts_once_and_other_engagements_not_at_all() {
        let policy = PromisePolicy::default();
        let job = opened(t(5, 9));
        let mut other = sent(4, t(5, 10));
        other.engagement = EngagementId(2);
        let twice = [
            sent(1, t(5, 10)),
            sent(1, t(5, 11)),
            sent(2, t(5, 12)),
            other,
        ];
        assert_eq!(
            policy.promise(&job, &twice, t(6, 0)),
            Promise::Pending {
                have: 2,
                due: t(7, 9)
            }
        );
        assert_eq!(
            time_to_first_submittal(&job, &twice),
            Some(Duration::hours(1))
        );
        assert_eq!(time_to_first_submittal(&job, &[]), None);
    }
}
