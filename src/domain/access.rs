//! Who may see and do what: the roles of a team on one server (issue 17)
//! and the one table that says what each may do. Everything that reads or
//! writes on a session's behalf asks [`Role::may`]; what a role may see of
//! a record, [`Role::sees_all`] and `scope.rs` (`Access`). The README's
//! table of roles is this table.

use std::fmt;

/// A session's role. A key's comes from `authorized_keys`
/// (`hireterm-role="interviewer"`), the local user's from the config.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Role {
    /// Everything, erasure, backups and restore included.
    Admin,
    /// Everything about candidates, engagements, submittals and
    /// placements; no erasure, no restore.
    Recruiter,
    /// The engagements they are assigned to: scorecards and notes on
    /// those cards; no rates, no pay, no contact details beyond the name.
    Interviewer,
    /// A client's guest (the client's name): only that client's
    /// engagements and the candidates submitted to them, as sent; answers
    /// the submittals.
    Client(String),
    /// Reads everything except pay and contact details; writes nothing.
    Viewer,
}

/// What a session may ask for. Reads of whole classes of data are acts
/// too, so that a screen, an export and a search ask the same question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Act {
    /// Email, phone and links of a candidate.
    ReadContact,
    /// Pay rates, rate expectations, spreads and margins.
    ReadPay,
    /// The agency's notes and the event log's free text.
    ReadNotes,
    /// Add or edit candidates, engagements and clients; tag; import.
    Edit,
    /// Put in a pipeline, move, reject, withdraw.
    Move,
    /// Send a profile to the client.
    Submit,
    /// Record the client's answer to a submittal.
    Answer,
    /// Place, extend, renew, end a placement.
    Place,
    Scorecard,
    Note,
    /// Export, list or report records out of the app.
    Export,
    Backup,
    Restore,
    /// Erase a person's data (a subject's request, retention).
    Erase,
    /// Delete a record entered by mistake.
    Delete,
}

impl Act {
    pub const ALL: [Act; 15] = [
        Act::ReadContact,
        Act::ReadPay,
        Act::ReadNotes,
        Act::Edit,
        Act::Move,
        Act::Submit,
        Act::Answer,
        Act::Place,
        Act::Scorecard,
        Act::Note,
        Act::Export,
        Act::Backup,
        Act::Restore,
        Act::Erase,
        Act::Delete,
    ];

    /// What it is, as a refusal says it: "an interviewer may not move
    /// cards".
    pub fn words(self) -> &'static str {
        match self {
            Act::ReadContact => "see contact details",
            Act::ReadPay => "see pay and rates",
            Act::ReadNotes => "read the agency's notes",
            Act::Edit => "edit records",
            Act::Move => "move cards",
            Act::Submit => "submit profiles to the client",
            Act::Answer => "answer submittals",
            Act::Place => "make or change placements",
            Act::Scorecard => "write scorecards",
            Act::Note => "add notes",
            Act::Export => "export records",
            Act::Backup => "take backups",
            Act::Restore => "restore a backup",
            Act::Erase => "erase a person's data",
            Act::Delete => "delete records",
        }
    }
}

impl Role {
    /// Whether the role may do `act` at all (a client's guest and an
    /// interviewer only on what they see: see [`Role::sees_all`]).
    pub fn may(&self, act: Act) -> bool {
        use Act::*;
        match self {
            Role::Admin => true,
            Role::Recruiter => !matches!(act, Restore | Erase),
            Role::Interviewer => matches!(act, ReadNotes | Scorecard | Note),
            Role::Client(_) => matches!(act, Answer),
            Role::Viewer => matches!(act, ReadNotes),
        }
    }

    /// Whether the role sees every engagement (else only the ones it is
    /// given: an interviewer's assigned, a client's own).
    pub fn sees_all(&self) -> bool {
        matches!(self, Role::Admin | Role::Recruiter | Role::Viewer)
    }

    /// `admin`, `recruiter`, `interviewer`, `client:acme`, `viewer`.
    pub fn parse(text: &str) -> Result<Role, String> {
        let text = text.trim();
        if let Some(client) = text.strip_prefix("client:") {
            let client = client.trim();
            return match client.is_empty() {
                true => Err("`client:` needs the client's name: client:acme".into()),
                false => Ok(Role::Client(client.to_string())),
            };
        }
        match text.to_ascii_lowercase().as_str() {
            "admin" => Ok(Role::Admin),
            "recruiter" => Ok(Role::Recruiter),
            "interviewer" => Ok(Role::Interviewer),
            "viewer" => Ok(Role::Viewer),
            other => Err(format!(
                "`{other}` is not a role: admin, recruiter, interviewer, client:NAME or viewer"
            )),
        }
    }

    /// The refusal a session shows when it may not do `act`.
    pub fn refusal(&self, act: Act) -> String {
        capitalised(&format!("{self} may not {}", act.words()))
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Role::Admin => f.write_str("an admin"),
            Role::Recruiter => f.write_str("a recruiter"),
            Role::Interviewer => f.write_str("an interviewer"),
            Role::Client(name) => write!(f, "{name}'s guest"),
            Role::Viewer => f.write_str("a viewer"),
        }
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The README's table, row by row: admin, recruiter, interviewer,
    /// client, viewer.
    const TABLE: [(Act, [bool; 5]); 15] = [
        (Act::ReadContact, [true, true, false, false, false]),
        (Act::ReadPay, [true, true, false, false, false]),
        (Act::ReadNotes, [true, true, true, false, true]),
        (Act::Edit, [true, true, false, false, false]),
        (Act::Move, [true, true, false, false, false]),
        (Act::Submit, [true, true, false, false, false]),
        (Act::Answer, [true, true, false, true, false]),
        (Act::Place, [true, true, false, false, false]),
        (Act::Scorecard, [true, true, true, false, false]),
        (Act::Note, [true, true, true, false, false]),
        (Act::Export, [true, true, false, false, false]),
        (Act::Backup, [true, true, false, false, false]),
        (Act::Restore, [true, false, false, false, false]),
        (Act::Erase, [true, false, false, false, false]),
        (Act::Delete, [true, true, false, false, false]),
    ];

    fn roles() -> [Role; 5] {
        [
            Role::Admin,
            Role::Recruiter,
            Role::Interviewer,
            Role::Client("Acme".into()),
            Role::Viewer,
        ]
    }

    #[test]
    fn every_role_may_exactly_what_the_table_says() {
        assert_eq!(TABLE.len(), Act::ALL.len());
        for (act, allowed) in TABLE {
            for (role, expected) in roles().iter().zip(allowed) {
                assert_eq!(role.may(act), expected, "{role} and {act:?}");
            }
        }
    }

    #[test]
    fn roles_read_back_and_mistakes_are_named() {
        assert_eq!(Role::parse(" Interviewer "), Ok(Role::Interviewer));
        assert_eq!(
            Role::parse("client:Acme Corp"),
            Ok(Role::Client("Acme Corp".into()))
        );
        assert!(
            Role::parse("client:")
                .unwrap_err()
                .contains("client's name")
        );
        assert!(
            Role::parse("boss")
                .unwrap_err()
                .contains("`boss` is not a role")
        );
    }

    #[test]
    fn a_refusal_says_what_and_to_whom() {
        let refusal = Role::Interviewer.refusal(Act::Move);
        assert_eq!(refusal, "An interviewer may not move cards");
        assert_eq!(
            Role::Client("Acme".into()).refusal(Act::ReadPay),
            "Acme's guest may not see pay and rates"
        );
    }
}
