//! The "Needs attention" pane: every application past its stage's aging
//! threshold, every open engagement that broke its 48-hour promise, every
//! submittal whose client answer is overdue, every placement ending
//! soon, and every consent to be kept that ends soon (`[retention]
//! consent_warning_days`); the latest concern first.

use super::list::ListCursor;
use super::records::data::Data;
use crate::domain::time::days_between;
use crate::domain::{
    CandidateId, EngagementId, EngagementStatus, PlacementId, Policy, Promise, Stage, SubmittalId,
    Timestamp,
};
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Concern {
    /// An application past its stage's threshold.
    Stuck {
        engagement: EngagementId,
        candidate: CandidateId,
        stage: Stage,
        days_in_stage: i64,
    },
    /// An open engagement whose shortlist did not reach the client in time.
    Breached {
        engagement: EngagementId,
        have: usize,
    },
    /// A submittal the client has not answered within the days allowed.
    Unanswered {
        submittal: SubmittalId,
        engagement: EngagementId,
        candidate: CandidateId,
    },
    /// A placement ending within the days set (`[placements]`).
    Ending {
        placement: PlacementId,
        engagement: EngagementId,
        candidate: CandidateId,
        on: NaiveDate,
    },
    /// A person's consent to be kept, ending within the days set: time to
    /// ask them again, before the retention rules apply.
    ConsentEnding {
        candidate: CandidateId,
        until: NaiveDate,
    },
}

impl Concern {
    /// The card it is about, if it is about one.
    pub fn card(&self) -> Option<(EngagementId, CandidateId)> {
        match *self {
            Concern::Stuck {
                engagement,
                candidate,
                ..
            }
            | Concern::Unanswered {
                engagement,
                candidate,
                ..
            }
            | Concern::Ending {
                engagement,
                candidate,
                ..
            } => Some((engagement, candidate)),
            Concern::Breached { .. } | Concern::ConsentEnding { .. } => None,
        }
    }

    /// The engagement it is about; `None` for a person's consent.
    pub fn engagement(&self) -> Option<EngagementId> {
        match *self {
            Concern::Stuck { engagement, .. }
            | Concern::Breached { engagement, .. }
            | Concern::Unanswered { engagement, .. }
            | Concern::Ending { engagement, .. } => Some(engagement),
            Concern::ConsentEnding { .. } => None,
        }
    }

    /// The person whose record it is about, when it is not a card's.
    pub fn person(&self) -> Option<CandidateId> {
        match *self {
            Concern::ConsentEnding { candidate, .. } => Some(candidate),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub concern: Concern,
    /// When it became a concern.
    pub since: Timestamp,
}

/// Everything that needs attention now, the most recent concern first.
pub fn items(data: &Data, policy: &Policy, now: Timestamp) -> Vec<Item> {
    let mut items = Vec::new();
    breached(data, policy, now, &mut items);
    stuck(data, policy, now, &mut items);
    unanswered(data, policy, now, &mut items);
    ending(data, policy, now, &mut items);
    consents_ending(data, policy, now, &mut items);
    items.sort_by_key(|item| std::cmp::Reverse(item.since));
    items
}

fn breached(data: &Data, policy: &Policy, now: Timestamp, items: &mut Vec<Item>) {
    let submittals = data.agency().submittals();
    for engagement in data.engagements() {
        if engagement.status != EngagementStatus::Open {
            continue;
        }
        if let Promise::Breached { have, due } = policy.promise.promise(engagement, submittals, now)
        {
            let concern = Concern::Breached {
                engagement: engagement.id,
                have,
            };
            items.push(Item {
                concern,
                since: due,
            });
        }
    }
}

fn stuck(data: &Data, policy: &Policy, now: Timestamp, items: &mut Vec<Item>) {
    for engagement in data.engagements() {
        for app in data.pipeline(engagement.id) {
            if let Some(since) = policy.aging.overdue_since(app, now) {
                let entered = app.entered_stage_at().unwrap_or(now);
                let concern = Concern::Stuck {
                    engagement: app.engagement,
                    candidate: app.candidate,
                    stage: app.stage,
                    days_in_stage: days_between(entered, now),
                };
                items.push(Item { concern, since });
            }
        }
    }
}

fn unanswered(data: &Data, policy: &Policy, now: Timestamp, items: &mut Vec<Item>) {
    for s in data.agency().submittals() {
        if let Some(since) = s.answer_overdue_since(policy.answer_days, now) {
            let concern = Concern::Unanswered {
                submittal: s.id,
                engagement: s.engagement,
                candidate: s.candidate,
            };
            items.push(Item { concern, since });
        }
    }
}

fn ending(data: &Data, policy: &Policy, now: Timestamp, items: &mut Vec<Item>) {
    let today = now.date_naive();
    for p in data.agency().placements() {
        if !p.is_ended_early()
            && p.ends_within(today, policy.ending_days)
            && let Some(on) = p.ends_on()
        {
            let concern = Concern::Ending {
                placement: p.id,
                engagement: p.engagement,
                candidate: p.candidate,
                on,
            };
            let since =
                now - chrono::Duration::days((on - today).num_days().min(policy.ending_days));
            items.push(Item { concern, since });
        }
    }
}

/// Consents ending within `consent_warning_days`: one pass over the
/// candidates with a date compare each, cheap at every snapshot.
fn consents_ending(data: &Data, policy: &Policy, now: Timestamp, items: &mut Vec<Item>) {
    let days = policy.retention.consent_warning_days;
    if days == 0 {
        return;
    }
    let today = now.date_naive();
    for c in data.candidates() {
        let Some(consent) = c.consent.as_ref().filter(|k| k.ends_within(today, days)) else {
            continue;
        };
        let concern = Concern::ConsentEnding {
            candidate: c.id,
            until: consent.until,
        };
        let warned_from = consent.until - chrono::Days::new(u64::from(days));
        let since = now - chrono::Duration::days((today - warned_from).num_days().max(0));
        items.push(Item { concern, since });
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AttentionState {
    pub cursor: ListCursor,
}
