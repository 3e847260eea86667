//! Which commands may create the database they are pointed at. A mistyped
//! `--db` must not leave a new, empty database behind and report on it
//! as if it were the real one: the commands that only read, or that
//! change records a new database cannot hold, refuse a missing one and
//! name its path. The app (and `serve`, the app for a team), `demo`,
//! `add`, `import`, `restore` and `client add` (a new agency's first
//! record) start a database where there is none.

use super::Command;
use super::agency::AgencyCommand;
use super::client::ClientCommand;
use color_eyre::eyre::{Result, bail};
use std::path::Path;

/// Whether `command` (`None`: the app) may create a missing database.
/// Every command is named, so that a new one has to be decided on.
pub fn may_create(command: Option<&Command>) -> bool {
    let Some(command) = command else {
        return true;
    };
    match command {
        Command::Add(_)
        | Command::Demo(_)
        | Command::Import(_)
        | Command::Restore(_)
        | Command::Serve(_) => true,
        Command::Agency(agency) => agency_may_create(agency),
        Command::Backup(_)
        | Command::Copy(_)
        | Command::Unmerge { .. }
        | Command::Move(_)
        | Command::Reject(_)
        | Command::Note(_)
        | Command::Export(_)
        | Command::List(_)
        | Command::Search(_)
        | Command::Stats(_)
        | Command::Report(_)
        | Command::Check
        | Command::Erase(_)
        | Command::Retention(_)
        | Command::Consent(_)
        | Command::Audit(_)
        | Command::Delete(_)
        | Command::Completions(_)
        | Command::Man => false,
    }
}

fn agency_may_create(command: &AgencyCommand) -> bool {
    match command {
        AgencyCommand::Client(client) => matches!(client.command, ClientCommand::Add(_)),
        AgencyCommand::Engagement(_)
        | AgencyCommand::Pipeline(_)
        | AgencyCommand::Submit(_)
        | AgencyCommand::Answer(_)
        | AgencyCommand::Submittals(_)
        | AgencyCommand::Profile(_)
        | AgencyCommand::Place(_)
        | AgencyCommand::Placement(_)
        | AgencyCommand::Bench(_) => false,
    }
}

/// Refuses a missing database for a command that may not create one;
/// for one that may, says whether it is about to (true: created).
/// `list` and `report` read their arguments first (a bad filter is told
/// as such, with or without a database) and check when they open it
/// ([`refuse_missing`], through `with_existing_store`).
pub fn check(path: &Path, command: Option<&Command>) -> Result<bool> {
    if crate::store::is_database(path)
        || matches!(command, Some(Command::List(_) | Command::Report(_)))
    {
        return Ok(false);
    }
    if !may_create(command) {
        refuse_missing(path)?;
    }
    Ok(true)
}

/// Refuses a path that holds no database, naming it.
pub fn refuse_missing(path: &Path) -> Result<()> {
    if !crate::store::is_database(path) {
        bail!(
            "no database at {}: check --db (or HIRETERM_DB). `hireterm demo`, `hireterm add`, \
             `hireterm import` or the app (`hireterm`) create one",
            crate::store::shown(path)
        );
    }
    Ok(())
}

/// What the app and `serve` say when they started a new database.
pub fn created_notice(path: &Path) -> String {
    format!(
        "created a new database at {} (no database was there)",
        crate::store::shown(path)
    )
}
