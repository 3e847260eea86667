//! `hireterm erase`: a person's data removed for good (a subject's
//! request), then the database rewritten so that no old version of it
//! remains in sled's files. Admins only.

use super::context::find_candidate;
use super::output::line;
use crate::domain::access::{Act, Role};
use crate::domain::erasure::{erased_name, is_erased};
use crate::domain::{CandidateId, Stamp};
use crate::store::Store;
use clap::Args;
use color_eyre::eyre::{Result, WrapErr, bail};
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
    let erased =
        find_candidate(&store, &args.candidate).and_then(|id| erase_one(&store, id, args, stamp));
    let id = match erased {
        Ok(id) => id,
        Err(error) => {
            store.close()?;
            return Err(error);
        }
    };
    store
        .compact()
        .wrap_err_with(|| {
            format!(
                "{id} was erased, but the database could not be rewritten, so earlier versions \
             of their data may remain in its files; run this command again once the cause \
             is mended"
            )
        })?
        .close()?;
    line(format!(
        "rewrote the database so that no earlier version remains ({:.1}s in all)",
        started.elapsed().as_secs_f64()
    ));
    super::copies::tell_copies(path, "this person's");
    Ok(ExitCode::SUCCESS)
}

/// Erases the candidate, or says they already were: the rewrite that
/// follows is then run again (it may have failed the first time).
fn erase_one(
    store: &Store,
    id: CandidateId,
    args: &EraseArgs,
    stamp: &Stamp,
) -> Result<CandidateId> {
    let erased = store.candidate(id)?.is_some_and(|c| is_erased(&c));
    if erased {
        line(format!(
            "{id} is already erased; rewriting the database again"
        ));
        return Ok(id);
    }
    let event = store.erase_candidate(id, &args.reason, stamp)?;
    line(format!(
        "erased {id}: now \"{}\" (event {event}, by {})",
        erased_name(id),
        stamp.actor
    ));
    Ok(id)
}
