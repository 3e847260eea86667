//! What a yes to a question goes on to do (see `prompt/confirm.rs`).

use super::prompt::submit::SubmitRequest;
use crate::domain::{CandidateId, EngagementId, Stage};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    /// Put a card that left an engagement back at the stage it left.
    Reopen {
        engagement: EngagementId,
        candidate: CandidateId,
        stage: Stage,
    },
    /// Send a profile although the client had this person recently.
    Submit(SubmitRequest),
}
