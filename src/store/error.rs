//! Everything the store can refuse, worded for the person at the keyboard.

use super::codec::CodecError;
use crate::domain::{CandidateId, EngagementId, IllegalMove};
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "the database at {path} is in use by another hireterm process; \
         close it there (or serve it to the team with `hireterm serve`) and try again"
    )]
    Locked { path: PathBuf },
    #[error(
        "the database at {path} is damaged and was not opened ({detail}); nothing in it was \
         changed. Restore a backup, or move the folder aside to start afresh"
    )]
    Damaged { path: PathBuf, detail: String },
    #[error(
        "the database at {path} was written by a newer hireterm (schema {found}, this one reads up to {supported})"
    )]
    NewerSchema {
        path: PathBuf,
        found: u16,
        supported: u16,
    },
    #[error("{path} is not a hireterm database folder: {detail}")]
    NotADatabase { path: PathBuf, detail: String },
    #[error("cannot use {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("storage error: {0}")]
    Sled(#[from] sled::Error),
    #[error("stored {tree} record {key} is unreadable: {error}")]
    Corrupt {
        tree: &'static str,
        key: String,
        error: CodecError,
    },
    #[error("a record could not be encoded: {0}")]
    Encode(CodecError),
    #[error("email {email} already belongs to candidate {existing}")]
    DuplicateEmail {
        email: String,
        existing: CandidateId,
    },
    #[error("no candidate {0}")]
    NoCandidate(CandidateId),
    #[error("no engagement {0}")]
    NoEngagement(EngagementId),
    #[error("no client {0}")]
    NoClient(crate::domain::ClientId),
    #[error("no submittal {0}")]
    NoSubmittal(crate::domain::SubmittalId),
    #[error("no placement {0}")]
    NoPlacement(crate::domain::PlacementId),
    #[error(
        "candidate {candidate} is already in the pipeline of engagement {engagement}, at {stage}"
    )]
    AlreadyInPipeline {
        engagement: EngagementId,
        candidate: CandidateId,
        stage: crate::domain::Stage,
    },
    #[error("candidate {candidate} is not in the pipeline of engagement {engagement}")]
    NoApplication {
        engagement: EngagementId,
        candidate: CandidateId,
    },
    #[error("candidate {candidate} is already in the pipeline of engagement {engagement}")]
    AlreadyApplied {
        engagement: EngagementId,
        candidate: CandidateId,
    },
    #[error(transparent)]
    IllegalMove(#[from] IllegalMove),
    #[error("event {0} is not a merge")]
    NotAMerge(crate::domain::EventId),
    #[error("candidate {candidate} has changed since merge {merge}; undo those changes first")]
    ChangedSinceMerge {
        candidate: CandidateId,
        merge: crate::domain::EventId,
    },
    #[error("record {}: {source}", .index + 1)]
    AtRecord {
        /// 0-based position in the input.
        index: usize,
        source: Box<StoreError>,
    },
    #[error("invalid record: {}", .0.join("; "))]
    Invalid(Vec<String>),
    #[error(
        "no {kind} id is left to give: ids go up to {max}, the largest whole number \
         every JSON reader keeps exact, so that an export holds every id",
        max = crate::domain::ids::MAX_ID
    )]
    IdsUsedUp { kind: String },
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
