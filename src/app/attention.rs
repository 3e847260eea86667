//! The "Needs attention" pane: every application past its stage's aging
//! threshold and every engagement that broke its 48-hour shortlist
//! promise, the latest first.

use super::list::ListCursor;
use super::records::data::Data;
use crate::domain::time::days_between;
use crate::domain::{
    AgingPolicy, CandidateId, EngagementId, Shortlist, Stage, Timestamp, shortlist,
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Concern {
    /// An application past its stage's threshold.
    Stuck {
        engagement: EngagementId,
        candidate: CandidateId,
        stage: Stage,
        days_in_stage: i64,
    },
    /// An engagement without its shortlist after 48 hours.
    Breached {
        engagement: EngagementId,
        have: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub concern: Concern,
    /// When it became a concern.
    pub since: Timestamp,
}

/// Everything that needs attention now, the most recent concern first.
pub fn items(data: &Data, policy: &AgingPolicy, now: Timestamp) -> Vec<Item> {
    let mut items = Vec::new();
    for engagement in data.engagements() {
        let pipeline = data.pipeline(engagement.id);
        if engagement.status == crate::domain::EngagementStatus::Open
            && let Shortlist::Breached { have, due } = shortlist(engagement, pipeline, now)
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
        for app in pipeline {
            if let Some(since) = policy.overdue_since(app, now) {
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
    items.sort_by_key(|item| std::cmp::Reverse(item.since));
    items
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AttentionState {
    pub cursor: ListCursor,
}
