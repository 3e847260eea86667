//! A session's access: its role (see `access.rs`, the table of what each
//! may do) and who it is, which decides the engagements a role that does
//! not see everything is given: an interviewer's assigned ones, a client
//! guest's own client's. The app, the store's callers and the command line
//! all ask this one place.

use super::access::{Act, Role};
/// Names (of clients, of interviewers) compare as client names do:
/// cleaned, whatever their case and accents.
pub use super::client::same_name;
use serde::{Deserialize, Serialize};

/// Who acts, with what role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Access {
    pub role: Role,
    /// The user as the event log names them (an interviewer is assigned
    /// by this name).
    pub user: String,
}

impl Access {
    pub fn new(role: Role, user: impl Into<String>) -> Access {
        Access {
            role,
            user: user.into(),
        }
    }

    /// Everything, as the local user of a database has by default.
    pub fn admin(user: impl Into<String>) -> Access {
        Access::new(Role::Admin, user)
    }

    pub fn may(&self, act: Act) -> bool {
        self.role.may(act)
    }

    /// Whether the role sees every record (admin, recruiter, viewer).
    pub fn sees_all(&self) -> bool {
        self.role.sees_all()
    }

    /// Whether this session sees an engagement of the client named
    /// `client`, with these interviewers assigned (names compared
    /// whatever their case).
    pub fn sees_engagement(&self, client: &str, interviewers: &[String]) -> bool {
        match &self.role {
            Role::Interviewer => interviewers.iter().any(|name| same_name(name, &self.user)),
            Role::Client(own) => same_name(client, own),
            _ => true,
        }
    }

    /// Whether the role may see everything about records it sees, its
    /// money and contacts included: then nothing needs redacting.
    pub fn sees_everything(&self) -> bool {
        self.sees_all()
            && [Act::ReadContact, Act::ReadPay, Act::ReadNotes]
                .into_iter()
                .all(|act| self.may(act))
    }

    /// The refusal when `what` (an engagement, a submittal) is not among
    /// the ones this session is given.
    pub fn not_theirs(&self, what: &str) -> String {
        match &self.role {
            Role::Interviewer => format!(
                "{what} is not in an engagement {} is assigned to",
                self.user
            ),
            Role::Client(name) => format!("{what} is not {name}'s"),
            _ => format!("{what} is not on file"),
        }
    }
}

/// The interviewers assigned to one engagement: a record of its own, so
/// that the engagement's schema stays as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    pub engagement: super::ids::EngagementId,
    /// In the order they were assigned; never two of the same name.
    pub interviewers: Vec<String>,
}

impl Assignment {
    /// Whether `name` is among the interviewers (whatever the case).
    pub fn has(&self, name: &str) -> bool {
        self.interviewers.iter().any(|n| same_name(n, name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_role_is_given_its_own_engagements() {
        let bob = Access::new(Role::Interviewer, "Bob");
        let assigned = vec!["carla".to_string(), "bob".to_string()];
        assert!(bob.sees_engagement("Acme", &assigned));
        assert!(!bob.sees_engagement("Acme", &["carla".to_string()]));
        let guest = Access::new(Role::Client("acme corp".into()), "jane");
        assert!(guest.sees_engagement("ACME Corp", &[]));
        assert!(!guest.sees_engagement("Acme", &[]));
        assert!(Access::new(Role::Viewer, "v").sees_engagement("x", &[]));
    }

    #[test]
    fn only_admins_and_recruiters_see_everything_unredacted() {
        let sees = |role| Access::new(role, "x").sees_everything();
        assert!(sees(Role::Admin) && sees(Role::Recruiter));
        assert!(!sees(Role::Viewer) && !sees(Role::Interviewer));
        assert!(!sees(Role::Client("a".into())));
    }
}
