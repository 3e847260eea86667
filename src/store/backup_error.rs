//! What `backup` and `restore` can refuse, worded for the person at the
//! keyboard: each says what was found, that nothing was changed, and what
//! to do next.

use super::error::StoreError;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A copy between engines (a backup of PostgreSQL, a restore into
    /// it) that did not happen; its words say nothing was copied.
    #[error(transparent)]
    NotCopied(#[from] super::copy::CopyError),
    #[error(
        "cannot write a backup into {path}: it already holds files; \
         a backup goes into a new or empty folder"
    )]
    TargetNotEmpty { path: PathBuf },
    #[error(
        "the backup written to {path} did not come out whole ({detail}), so it was removed; \
         the database was not changed. Run `hireterm check` on the database, then try again"
    )]
    CopyDiffers { path: PathBuf, detail: String },
    #[error("{path} is not a finished backup: {detail}. Nothing was restored")]
    Unfinished { path: PathBuf, detail: String },
    #[error(
        "the backup at {path} is damaged: {detail}. Nothing was restored; \
         restore an older backup"
    )]
    Damaged { path: PathBuf, detail: String },
    #[error(
        "the backup at {path} does not pass `check` ({} problems; the first: {}). \
         Nothing was restored; restore an older backup",
        problems.len(),
        problems.first().map_or("", String::as_str)
    )]
    FailsCheck {
        path: PathBuf,
        problems: Vec<String>,
    },
    #[error(
        "the database at {path} holds {records} records; pass --force to replace it \
         (it will be kept beside it, renamed)"
    )]
    HoldsRecords { path: PathBuf, records: usize },
    #[error(
        "the PostgreSQL database at {address} holds {what}; pass --force to replace them \
         (they will be kept in a schema of their own, named hireterm_replaced_ and the time)"
    )]
    HoldsRecordsThere { address: String, what: String },
    #[error("{error}. Nothing was restored: the database at {path} is as it was")]
    NotRestored { path: PathBuf, error: StoreError },
    #[error(
        "could not put the restored copy at {path} ({error}), nor move the database back \
         from {aside}, where it is whole: rename {aside} to {path} to have it back"
    )]
    Stranded {
        path: PathBuf,
        aside: PathBuf,
        error: Box<BackupError>,
    },
    #[error(
        "could not open the database at {path} to see what it holds ({error}); \
         pass --force to replace it (it will be kept beside it, renamed)"
    )]
    ExistingUnreadable { path: PathBuf, error: StoreError },
}

pub type Result<T, E = BackupError> = std::result::Result<T, E>;
