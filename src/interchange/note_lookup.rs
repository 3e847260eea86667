//! What a notes file's names are looked up in: its candidates (by the id
//! another system gave them, our id, or email) and engagements (by id or
//! exact title), the applications a note may be about, and the notes the
//! database already holds on a candidate. A leaf of `interchange` beside
//! `notes_in`, which reads the file.
//!
//! The candidates and engagements are found as `pipeline_in` finds them
//! (`names.rs`).

use super::layout::Layout;
use super::names::{StoredNames, unreadable};
use crate::domain::erasure::is_erased;
use crate::domain::{CandidateId, EngagementId, Note};
use crate::store::{Store, StoreError};

/// What a row's names are looked up in.
pub(super) trait Lookup {
    /// The candidate a cell names, who may take a note (not erased).
    fn candidate(&self, text: &str) -> Result<CandidateId, String>;
    fn engagement(&self, text: &str) -> Result<EngagementId, String>;
    /// Whether the candidate is in the engagement's pipeline.
    fn applied(&self, engagement: EngagementId, candidate: CandidateId) -> Result<bool, String>;
    /// The notes already stored on a candidate.
    fn notes_of(&self, candidate: CandidateId) -> Result<Vec<Note>, String>;
}

/// The database's names (shared with `pipeline_in`: `names.rs`).
pub(super) struct InStore<'s>(StoredNames<'s>);

impl<'s> InStore<'s> {
    pub(super) fn new(store: &'s Store, layout: Option<&'s Layout>) -> Result<Self, StoreError> {
        StoredNames::new(store, layout).map(InStore)
    }
}

impl Lookup for InStore<'_> {
    fn candidate(&self, text: &str) -> Result<CandidateId, String> {
        let candidate = self.0.candidate(text)?;
        if is_erased(&candidate) {
            return Err(StoreError::Erased(candidate.id).to_string());
        }
        Ok(candidate.id)
    }

    fn engagement(&self, text: &str) -> Result<EngagementId, String> {
        self.0
            .engagement(text)?
            .ok_or_else(|| format!("no engagement is titled `{text}`"))
    }

    fn applied(&self, engagement: EngagementId, candidate: CandidateId) -> Result<bool, String> {
        let app = self.0.store.application(engagement, candidate);
        Ok(app.map_err(unreadable)?.is_some())
    }

    fn notes_of(&self, candidate: CandidateId) -> Result<Vec<Note>, String> {
        self.0.store.notes_of(candidate).map_err(unreadable)
    }
}

/// An empty database: every name is unknown.
pub(super) struct Nothing;

impl Lookup for Nothing {
    fn candidate(&self, text: &str) -> Result<CandidateId, String> {
        Err(format!("no candidate `{text}` in an empty database"))
    }

    fn engagement(&self, text: &str) -> Result<EngagementId, String> {
        Err(format!("no engagement `{text}` in an empty database"))
    }

    fn applied(&self, _: EngagementId, _: CandidateId) -> Result<bool, String> {
        Ok(false)
    }

    fn notes_of(&self, _: CandidateId) -> Result<Vec<Note>, String> {
        Ok(Vec::new())
    }
}
