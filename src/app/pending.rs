//! What a yes to a question goes on to do (see `prompt/confirm.rs`).

use super::form::candidate::CandidateForm;
use super::prompt::submit::SubmitRequest;
use crate::domain::{Candidate, CandidateId, ClientId, EngagementId, Note, Stage};

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
    /// Delete a record entered by mistake.
    Delete(Doomed),
    /// Add a person who matches an erased one; a no goes back to the form.
    AddErased {
        candidate: Box<Candidate>,
        form: Box<CandidateForm>,
    },
    /// Import a checked file (`:import`, `commands/import.rs`).
    Import(ImportRequest),
}

/// A file to import, as the command line named it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRequest {
    pub path: std::path::PathBuf,
    /// `--from SYSTEM`: the layout to read it with; else recognised.
    pub from: Option<String>,
}

/// A record a question asks to delete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Doomed {
    Candidate(CandidateId),
    Engagement(EngagementId),
    Client(ClientId),
    Note(Note),
}
