//! Interviewers assigned to engagements: a tree of their own (engagement
//! id -> the names), so that the engagement's record keeps its schema.
//! Each change is written with its event, in one transaction, flushed.

use super::Store;
use super::error::{Result, StoreError};
use super::tx;
use crate::domain::scope::{Assignment, same_name};
use crate::domain::text::clean_line;
use crate::domain::{EngagementId, EventKind, Stamp};
use crate::store::kv::Transactional;

/// Longest interviewer name (as a key's user name).
const MAX_NAME: usize = 64;
/// Most interviewers on one engagement.
const MAX_INTERVIEWERS: usize = 50;

impl Store {
    /// Assigns `interviewer` to `engagement`, or (`remove`) takes them off
    /// it; the engagement's interviewers as they now stand.
    pub fn assign_interviewer(
        &self,
        engagement: EngagementId,
        interviewer: &str,
        remove: bool,
        stamp: &Stamp,
    ) -> Result<Assignment> {
        self.ensure_writable()?;
        let name = interviewer_name(interviewer)?;
        let trees = (
            &self.assignments,
            &self.engagements,
            &self.meta,
            &self.events,
            &self.event_index,
        );
        let stored =
            trees.transaction(|(assignments, engagements, meta, events, event_index)| {
                if engagements.get(engagement.to_key())?.is_none() {
                    return tx::abort(StoreError::NoEngagement(engagement));
                }
                let now = tx::get::<Assignment>(assignments, &engagement.to_key())?;
                let now = now.unwrap_or(Assignment {
                    engagement,
                    interviewers: Vec::new(),
                });
                let changed = match changed(now, &name, remove) {
                    Ok(changed) => changed,
                    Err(problem) => return tx::abort(StoreError::Invalid(vec![problem])),
                };
                match changed.interviewers.is_empty() {
                    true => assignments.remove(engagement.to_key()).map(|_| ())?,
                    false => tx::put(assignments, &engagement.to_key(), &changed)?,
                }
                let kind = EventKind::InterviewerAssigned {
                    engagement,
                    interviewer: name.clone(),
                    removed: remove,
                };
                tx::append_event(events, event_index, meta, stamp, kind)?;
                Ok(changed)
            })?;
        self.flush()?;
        Ok(stored)
    }

    /// Every engagement's interviewers, in engagement order.
    pub fn assignments(&self) -> Result<Vec<Assignment>> {
        self.load_all(&self.assignments)
    }

    /// One engagement's interviewers (none assigned: an empty list).
    pub fn assignment(&self, engagement: EngagementId) -> Result<Assignment> {
        let stored = self.get_record(&self.assignments, &engagement.to_key())?;
        Ok(stored.unwrap_or(Assignment {
            engagement,
            interviewers: Vec::new(),
        }))
    }
}

/// The name cleaned, or why it cannot be one.
fn interviewer_name(given: &str) -> Result<String> {
    let name = clean_line(given).trim().to_string();
    let problem = match name.chars().count() {
        0 => "an interviewer needs a name (their user name)",
        n if n > MAX_NAME => "an interviewer's name is at most 64 characters",
        _ => return Ok(name),
    };
    Err(StoreError::Invalid(vec![problem.to_string()]))
}

/// The assignment with `name` added (or removed), or why not.
fn changed(
    mut now: Assignment,
    name: &str,
    remove: bool,
) -> std::result::Result<Assignment, String> {
    let engagement = now.engagement;
    match (remove, now.has(name)) {
        (false, true) => Err(format!("{name} is already assigned to {engagement}")),
        (true, false) => Err(format!("{name} is not assigned to {engagement}")),
        (false, false) if now.interviewers.len() >= MAX_INTERVIEWERS => Err(format!(
            "{engagement} has {MAX_INTERVIEWERS} interviewers, the most it may have"
        )),
        (false, false) => {
            now.interviewers.push(name.to_string());
            Ok(now)
        }
        (true, true) => {
            now.interviewers.retain(|n| !same_name(n, name));
            Ok(now)
        }
    }
}

impl Store {
    /// `check`: every assignment decodes, sits under its engagement's key
    /// and names an engagement on file.
    pub(super) fn check_assignments(
        &self,
        engagements: &super::decoded::Decoded<crate::domain::Engagement>,
        problems: &mut Vec<String>,
    ) -> Result<usize> {
        let assignments: super::decoded::Decoded<Assignment> =
            super::decoded::scan(&self.assignments, problems)?;
        for (key, a) in &assignments {
            if key.as_slice() != a.engagement.to_key() {
                problems.push(format!(
                    "assignments of {}: stored under the key of another engagement",
                    a.engagement
                ));
            }
            if !engagements.iter().any(|(_, e)| e.id == a.engagement) {
                problems.push(format!(
                    "assignments of {}: no such engagement",
                    a.engagement
                ));
            }
        }
        Ok(assignments.len())
    }
}
