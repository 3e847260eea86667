//! The command line under the local user's role (`[access]` in
//! config.toml, admin by default): each command is the act it asks for
//! (`domain/access.rs`), refused in words before the database is opened
//! when the role may not; a note or an answer, which a role that does not
//! see everything may make on its own records, is checked against the
//! record too. Commands that print records count as exporting them.

use super::Command;
use super::agency::AgencyCommand;
use super::client::ClientCommand;
use super::engagement::EngagementCommand;
use super::place::PlacementCommand;
use crate::domain::access::{Act, Role};
use crate::domain::scope::Access;
use crate::domain::{CandidateId, EngagementId, SubmittalId};
use crate::store::Store;
use color_eyre::eyre::{Result, bail};

/// The local user's access, acting as `actor`.
pub fn local(actor: &str) -> Access {
    Access::new(super::config_access::load_role().0, actor)
}

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
        Command::Backup(_) | Command::Check => Act::Backup,
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
        // The server gives each key its own role.
        Command::Serve(_) => return None,
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

/// A note on a candidate (of an engagement): an interviewer only on the
/// cards of the engagements assigned to them.
pub fn reaches_card(
    store: &Store,
    access: &Access,
    candidate: CandidateId,
    engagement: Option<EngagementId>,
) -> Result<()> {
    if access.sees_all() {
        return Ok(());
    }
    let mut given = Vec::new();
    for assignment in store.assignments()? {
        if access.role == Role::Interviewer && assignment.has(&access.user) {
            given.push(assignment.engagement);
        }
    }
    let reached = match engagement {
        Some(e) => given.contains(&e) && store.application(e, candidate)?.is_some(),
        None => {
            let mut any = false;
            for e in given {
                any = any || store.application(e, candidate)?.is_some();
            }
            any
        }
    };
    let what = engagement.map_or(candidate.to_string(), |e| format!("{candidate} in {e}"));
    match reached {
        true => Ok(()),
        false => bail!("{}", access.not_theirs(&what)),
    }
}

/// An answer to a submittal: a client's guest only to its own client's.
pub fn reaches_submittal(store: &Store, access: &Access, submittal: SubmittalId) -> Result<()> {
    if access.sees_all() {
        return Ok(());
    }
    let Some(sent) = store.submittal(submittal)? else {
        bail!("no submittal {submittal}; `hireterm submittals` lists them");
    };
    let client = store
        .client(sent.client)?
        .map(|c| c.name)
        .unwrap_or_default();
    match access.sees_engagement(&client, &[]) && !matches!(access.role, Role::Interviewer) {
        true => Ok(()),
        false => bail!("{}", access.not_theirs(&submittal.to_string())),
    }
}
