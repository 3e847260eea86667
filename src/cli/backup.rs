//! `hireterm backup` and `hireterm restore`.

use super::output::line;
use crate::store::Store;
use clap::Args;
use color_eyre::eyre::Result;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Clone, Args)]
pub struct BackupArgs {
    /// A new (or empty) folder for the copy.
    pub path: PathBuf,
}

#[derive(Debug, Clone, Args)]
pub struct RestoreArgs {
    /// A folder written by `hireterm backup` (only read, never changed).
    pub path: PathBuf,
    /// Replace a database that already holds records (a folder is kept
    /// beside, renamed; on PostgreSQL the records are kept in a schema of
    /// their own; never deleted).
    #[arg(long)]
    pub force: bool,
}

pub fn backup(store: &Store, args: &BackupArgs) -> Result<ExitCode> {
    store.backup_to(&args.path)?;
    line(format!(
        "backed up {} to {} (checked)",
        store.path().display(),
        args.path.display()
    ));
    Ok(ExitCode::SUCCESS)
}

/// Replaces the database at `target` with a checked copy of a backup. A
/// database in use, or holding records without `--force`, is refused; a
/// replaced one is moved aside, not deleted.
pub fn restore(target: &Path, args: &RestoreArgs) -> Result<ExitCode> {
    let restored = crate::store::restore(&args.path, target, args.force)?;
    if let Some(aside) = &restored.aside {
        line(format!("kept the previous database at {}", aside.display()));
    }
    if let Some(schema) = &restored.set_aside {
        line(format!(
            "kept the previous records in the schema {schema} of the same database"
        ));
    }
    line(format!(
        "restored {} from {} (taken {} from {})",
        crate::store::shown(target),
        args.path.display(),
        restored.taken,
        restored.source
    ));
    Ok(ExitCode::SUCCESS)
}
