//! A note or an answer from the command line by a role that does not see
//! everything: an interviewer's only on the cards of the engagements
//! assigned to them, a client guest's only to its own client's
//! submittals (the rest of the local role's check is `access.rs`).

use crate::domain::access::Role;
use crate::domain::scope::Access;
use crate::domain::{CandidateId, EngagementId, SubmittalId};
use crate::store::Store;
use color_eyre::eyre::{Result, bail};

/// The local user's access, acting as `actor`.
pub fn local(actor: &str) -> Access {
    Access::new(super::config_access::load_role().0, actor)
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
