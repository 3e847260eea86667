//! Everything the store can refuse, worded for the person at the keyboard.

use super::codec::CodecError;
use super::space;
use crate::domain::{CandidateId, EngagementId, IllegalMove};
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}", locked(path, latest_backup.as_deref()))]
    Locked {
        path: PathBuf,
        /// The newest backup the app took of it, to read instead.
        latest_backup: Option<PathBuf>,
    },
    #[error("{}", damaged(path, detail))]
    Damaged { path: PathBuf, detail: String },
    #[error("{}", disk_full(path, *needed))]
    DiskFull {
        /// The file or folder being written (empty until the store's
        /// caller says which database it was).
        path: PathBuf,
        /// Roughly how much more room the write needs.
        needed: u64,
    },
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
    #[error("cannot use {path}: {}", space::in_words(source))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the storage engine failed: {}", sled_words(.0))]
    Sled(sled::Error),
    /// Something only a database folder (sled) can do, asked of one on
    /// PostgreSQL.
    #[error("{what} works on a database folder; {address} is on PostgreSQL")]
    NeedsFolder { what: &'static str, address: String },
    /// PostgreSQL could not be reached or refused a statement.
    #[error("{0}")]
    Postgres(#[from] super::postgres::PgError),
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
    /// An erased record takes no personal data again: an undo or redo
    /// kept in another session, or an edit begun before the erasure,
    /// would otherwise write it back.
    #[error(
        "{0} was erased: the record takes no personal data again (add the person anew, with \
         --allow-erased, if they come back)"
    )]
    Erased(CandidateId),
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
    /// The session's role may not do this, or not to this record: nothing
    /// was written (see `domain/access.rs`).
    #[error("{0}")]
    Forbidden(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl From<sled::Error> for StoreError {
    /// A full disk is told as such, never as damage or a storage failure.
    fn from(error: sled::Error) -> StoreError {
        match &error {
            sled::Error::Io(io) if space::is_disk_full(io) => StoreError::DiskFull {
                path: PathBuf::new(),
                needed: space::WRITE_HEADROOM,
            },
            _ => StoreError::Sled(error),
        }
    }
}

impl StoreError {
    /// Names the database a path-less error came from (a full disk found
    /// deep in sled), so that the message can say which disk.
    pub fn at(self, database: &std::path::Path) -> StoreError {
        match self {
            StoreError::DiskFull { path, needed } if path.as_os_str().is_empty() => {
                StoreError::DiskFull {
                    path: database.to_path_buf(),
                    needed,
                }
            }
            other => other,
        }
    }

    /// True when the disk is full: nothing was damaged, and the same
    /// write may succeed once there is room.
    pub fn is_disk_full(&self) -> bool {
        match self {
            StoreError::DiskFull { .. } => true,
            StoreError::Io { source, .. } => space::is_disk_full(source),
            StoreError::AtRecord { source, .. } => source.is_disk_full(),
            _ => false,
        }
    }
}

impl StoreError {
    /// An I/O error met at `path`: a full disk is told as one (with the
    /// headroom a write needs), whatever call reported it.
    pub fn io_at(path: &std::path::Path, source: std::io::Error) -> StoreError {
        if space::is_disk_full(&source) {
            return StoreError::DiskFull {
                path: path.to_path_buf(),
                needed: space::WRITE_HEADROOM,
            };
        }
        StoreError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// The database at `path` is held by another process; the message
    /// names the newest backup taken from the app, if there is one.
    pub fn locked(path: &std::path::Path) -> StoreError {
        StoreError::Locked {
            path: path.to_path_buf(),
            latest_backup: super::backups::latest(path),
        }
    }
}

/// Even a command that only reads waits for the app that holds the
/// database: say so, and what to do instead.
fn locked(path: &std::path::Path, backup: Option<&std::path::Path>) -> String {
    let read = match backup {
        Some(backup) => format!(
            "read its latest backup meanwhile (hireterm stats --db {})",
            backup.display()
        ),
        None => "read a backup meanwhile (ctrl-b in the app writes one)".into(),
    };
    format!(
        "the database at {} is in use by another hireterm process, and an open app \
         holds it even to read (stats, export and check too); close it there, run \
         `hireterm serve` instead so that the team shares it, or {read}",
        path.display()
    )
}

fn damaged(path: &std::path::Path, detail: &str) -> String {
    let advice = match super::backups::latest(path) {
        Some(backup) => format!(
            "restore the latest backup with `hireterm --db {} restore {} --force`",
            path.display(),
            backup.display()
        ),
        None => "restore a backup (none was found beside it), or move the folder aside to \
                 start afresh"
            .to_string(),
    };
    format!(
        "the database at {} is damaged and was not opened: {detail}. Nothing in it was \
         changed. To go on, {advice}",
        path.display()
    )
}

fn disk_full(path: &std::path::Path, needed: u64) -> String {
    let place = if path.as_os_str().is_empty() {
        "the database".to_string()
    } else {
        path.display().to_string()
    };
    let free = space::free_bytes(path).map_or_else(String::new, |free| {
        format!(" ({} free)", space::human(free))
    });
    format!(
        "the disk holding {place} is full{free}: free at least {} and try again \
         (nothing already saved was lost)",
        space::human(needed)
    )
}

/// sled's errors, without its debug formatting and backtraces.
fn sled_words(error: &sled::Error) -> String {
    match error {
        sled::Error::Io(io) => space::in_words(io),
        sled::Error::Corruption { .. } => "it found damaged data in its files".to_string(),
        other => other.to_string(),
    }
}
