//! `hireterm erase`: a person's data removed for good (a subject's
//! request), then the database rewritten so that no old version of it
//! remains in sled's files. Admins only.

use super::context::find_candidate;
use super::output::line;
use crate::domain::Stamp;
use crate::domain::access::{Act, Role};
use crate::store::{Store, backups};
use clap::Args;
use color_eyre::eyre::{Result, bail};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Debug, Clone, Args)]
pub struct EraseArgs {
    /// The candidate, as C12, 12, or an email address.
    #[arg(long)]
    pub candidate: String,
    /// Why (kept in the event log: a request's reference, say).
    #[arg(long)]
    pub reason: String,
}

/// The local user's role. Until the config names one, the local user is
/// the database's owner: an admin.
fn local_role() -> Role {
    Role::Admin
}

pub fn erase(path: &Path, args: &EraseArgs, stamp: &Stamp) -> Result<ExitCode> {
    let role = local_role();
    if !role.may(Act::Erase) {
        bail!(role.refusal(Act::Erase));
    }
    let started = Instant::now();
    let store = Store::open(path)?;
    let erased = find_candidate(&store, &args.candidate)
        .and_then(|id| Ok((id, store.erase_candidate(id, &args.reason, stamp)?)));
    let (id, event) = match erased {
        Ok(done) => done,
        Err(error) => {
            store.close()?;
            return Err(error);
        }
    };
    line(format!(
        "erased {id}: now \"{}\" (event {event}, by {})",
        crate::domain::erasure::erased_name(id),
        stamp.actor
    ));
    store.compact()?.close()?;
    line(format!(
        "rewrote the database so that no earlier version remains ({:.1}s in all)",
        started.elapsed().as_secs_f64()
    ));
    tell_copies(path);
    Ok(ExitCode::SUCCESS)
}

/// Backups taken before the erasure still hold the person's data.
fn tell_copies(path: &Path) {
    let copies = backups::copies_of(path);
    if copies.is_empty() {
        line("no backups of this database were found beside it");
        return;
    }
    line(format!(
        "{} copies taken before still hold this person's data; erase or delete them too:",
        copies.len()
    ));
    for copy in copies {
        line(format!("  {}", copy.display()));
    }
}
