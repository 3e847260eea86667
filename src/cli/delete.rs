//! `hireterm delete`: a record entered by mistake taken out, refused
//! while other records depend on it. Each deletion is in the event log.

use super::context::find_candidate;
use super::output::line;
use crate::domain::access::{Act, Role};
use crate::domain::{ClientId, EngagementId, NoteId, Stamp};
use crate::store::Store;
use clap::Subcommand;
use color_eyre::eyre::{Result, bail};
use std::process::ExitCode;

#[derive(Debug, Clone, Subcommand)]
pub enum DeleteArgs {
    /// A candidate in no pipeline (their notes go with them).
    Candidate {
        /// As C12, 12, or an email address.
        candidate: String,
    },
    /// An engagement with no applications.
    Engagement { engagement: EngagementId },
    /// A note, by its id (N5).
    Note { note: NoteId },
    /// A client with no engagements and no submittals.
    Client { client: ClientId },
}

/// The local user's role: the database's owner, an admin, until the
/// config names another.
fn local_role() -> Role {
    Role::Admin
}

pub fn delete(store: &Store, args: &DeleteArgs, stamp: &Stamp) -> Result<ExitCode> {
    let role = local_role();
    if !role.may(Act::Delete) {
        bail!(role.refusal(Act::Delete));
    }
    let said = match args {
        DeleteArgs::Candidate { candidate } => {
            let id = find_candidate(store, candidate)?;
            let deleted = store.delete_candidate(id, stamp)?;
            let notes = deleted.notes.len();
            format!("deleted {id} {} and {notes} notes", deleted.candidate.name)
        }
        DeleteArgs::Engagement { engagement } => {
            let deleted = store.delete_engagement(*engagement, stamp)?;
            format!("deleted {engagement} {}", deleted.title)
        }
        DeleteArgs::Note { note } => {
            let deleted = store.delete_note(*note, stamp)?;
            format!("deleted note {note} of {}", deleted.candidate)
        }
        DeleteArgs::Client { client } => {
            let deleted = store.delete_client(*client, stamp)?;
            format!("deleted {client} {}", deleted.name)
        }
    };
    line(crate::domain::text::clean_line(&said));
    Ok(ExitCode::SUCCESS)
}
