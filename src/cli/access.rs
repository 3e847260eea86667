//! The command line under the local user's role (`[access]` in
//! config.toml, admin by default): each command is the act it asks for
//! (`domain/access.rs`), refused in words before the database is opened
//! when the role may not. Commands that print records count as exporting
//! them. (A note or an answer, which a role that does not see everything
//! may make on its own records, is checked against the record too:
//! `access_scope.rs`.)

use super::Command;
use super::agency::AgencyCommand;
use super::client::ClientCommand;
use super::engagement::EngagementCommand;
use super::place::PlacementCommand;
use crate::domain::access::Act;
use color_eyre::eyre::{Result, bail};

/// Refuses a command the local role may not run (and says, once, what is
/// wrong with a bad `[access]` section).
pub fn gate(command: &Command) -> Result<()> {
    let (role, notice) = super::config_access::load_role();
    if let Some(notice) = notice {
        super::output::warn(notice);
    }
    match act_of(command) {
        Some(act) if !role.may(act) => bail!("{}", role.refusal(act)),
        _ => Ok(()),
    }
}

fn act_of(command: &Command) -> Option<Act> {
    Some(match command {
        Command::Add(_) | Command::Unmerge { .. } | Command::Import(_) | Command::Demo(_) => {
            Act::Edit
        }
        // A copy holds every record, as a backup does.
        Command::Backup(_) | Command::Copy(_) | Command::Check => Act::Backup,
        Command::Restore(_) => Act::Restore,
        Command::Move(_) | Command::Reject(_) => Act::Move,
        Command::Note(_) => Act::Note,
        Command::Export(_)
        | Command::List(_)
        | Command::Search(_)
        | Command::Stats(_)
        | Command::Report(_)
        | Command::Audit(_) => Act::Export,
        Command::Agency(command) => agency_act(command),
        Command::Erase(_) | Command::Retention(_) => Act::Erase,
        Command::Consent(_) => Act::Edit,
        Command::Delete(_) => Act::Delete,
        // The server gives each key its own role; completions and the
        // man page read no records.
        Command::Serve(_) | Command::Completions(_) | Command::Man => return None,
    })
}

fn agency_act(command: &AgencyCommand) -> Act {
    match command {
        AgencyCommand::Client(args) => match args.command {
            ClientCommand::Add(_) | ClientCommand::Edit(_) => Act::Edit,
            ClientCommand::List { .. } | ClientCommand::Show { .. } => Act::Export,
        },
        AgencyCommand::Engagement(args) => match args.command {
            EngagementCommand::Add(_) | EngagementCommand::Assign(_) => Act::Edit,
            EngagementCommand::List { .. } => Act::Export,
        },
        AgencyCommand::Pipeline(_) => Act::Move,
        AgencyCommand::Submit(_) => Act::Submit,
        AgencyCommand::Answer(_) => Act::Answer,
        AgencyCommand::Submittals(_) | AgencyCommand::Profile(_) | AgencyCommand::Bench(_) => {
            Act::Export
        }
        AgencyCommand::Place(_) => Act::Place,
        AgencyCommand::Placement(args) => match args.command {
            PlacementCommand::List { .. } => Act::Export,
            _ => Act::Place,
        },
    }
}
