//! `hireterm backup` and `hireterm restore`.

use super::output::line;
use crate::store::Store;
use clap::Args;
use color_eyre::eyre::{Result, WrapErr, bail};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Clone, Args)]
pub struct BackupArgs {
    /// A new (or empty) folder for the copy.
    pub path: PathBuf,
}

#[derive(Debug, Clone, Args)]
pub struct RestoreArgs {
    /// A folder written by `hireterm backup`.
    pub path: PathBuf,
    /// Replace a database that already holds records (it is kept beside,
    /// renamed, never deleted).
    #[arg(long)]
    pub force: bool,
}

pub fn backup(store: &Store, args: &BackupArgs) -> Result<ExitCode> {
    store.backup_to(&args.path)?;
    line(format!(
        "backed up {} to {}",
        store.path().display(),
        args.path.display()
    ));
    Ok(ExitCode::SUCCESS)
}

/// Copies a backup into the database folder. A folder that is in use, or
/// holds records without `--force`, is refused; a replaced one is moved
/// aside, not deleted.
pub fn restore(target: &Path, args: &RestoreArgs) -> Result<ExitCode> {
    let source = Store::open(&args.path)
        .wrap_err_with(|| format!("cannot read the backup at {}", args.path.display()))?;
    if target.exists() {
        let records = {
            let existing = Store::open(target)?;
            existing.candidate_count() + existing.engagements()?.len()
        };
        if records > 0 && !args.force {
            bail!(
                "the database at {} holds {records} records; pass --force to replace it \
                 (it will be kept beside it, renamed)",
                target.display()
            );
        }
        let aside = aside_path(target);
        // The store above is closed; sled may hold its lock a moment longer.
        std::thread::sleep(std::time::Duration::from_millis(200));
        std::fs::rename(target, &aside)
            .wrap_err_with(|| format!("cannot move {} aside", target.display()))?;
        line(format!("kept the previous database at {}", aside.display()));
    }
    source.backup_to(target)?;
    line(format!(
        "restored {} from {}",
        target.display(),
        args.path.display()
    ));
    Ok(ExitCode::SUCCESS)
}

fn aside_path(target: &Path) -> PathBuf {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
    let mut name = target
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(format!(".before-restore-{stamp}"));
    target.with_file_name(name)
}
