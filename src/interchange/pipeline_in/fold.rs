//! Several rows of one candidate in one engagement are one application:
//! its stage history, oldest first. Other systems export stage history
//! as a row per move (Greenhouse's application stage history, Lever's
//! opportunity stage changes), so a candidate who went from a phone
//! screen to an onsite is two rows; folded, they enter the pipeline at
//! the first stage and move on to the second on its date.

use super::super::fields::Problem;
use super::lookup::{EngagementRef, Lookup};
use super::rows::Entry;
use crate::domain::{CandidateId, Stage, StageChange};
use std::collections::BTreeMap;

/// One application as the file tells it.
#[derive(Debug)]
pub(super) struct Folded {
    pub engagement: EngagementRef,
    pub candidate: CandidateId,
    /// The rows it came from.
    pub rows: usize,
    /// Its history (the last entry is its stage), or what is wrong.
    pub history: Result<Vec<StageChange>, Vec<Problem>>,
    /// The client a row named, for an engagement to create.
    pub client: Option<String>,
}

/// The rows read so far, by engagement and candidate.
#[derive(Default)]
pub(super) struct Folding {
    groups: BTreeMap<(EngagementRef, CandidateId), Vec<Entry>>,
}

impl Folding {
    pub(super) fn add(&mut self, entry: Entry) {
        let key = (entry.engagement.clone(), entry.candidate);
        self.groups.entry(key).or_default().push(entry);
    }

    /// Every application, in engagement and candidate order, checked
    /// against what the database holds.
    pub(super) fn finish(self, lookup: &dyn Lookup) -> Vec<Folded> {
        let groups = self.groups.into_iter();
        groups
            .map(|((engagement, candidate), entries)| {
                let rows = entries.len();
                let client = entries.iter().find_map(|e| e.client.clone());
                let history = already_in(lookup, &engagement, candidate, &entries)
                    .and_then(|()| history(entries));
                Folded {
                    engagement,
                    candidate,
                    rows,
                    history,
                    client,
                }
            })
            .collect()
    }
}

/// Refuses a candidate already in a stored engagement's pipeline: the
/// file's history would have to be merged into one it does not know.
fn already_in(
    lookup: &dyn Lookup,
    engagement: &EngagementRef,
    candidate: CandidateId,
    entries: &[Entry],
) -> Result<(), Vec<Problem>> {
    let EngagementRef::Stored(id) = engagement else {
        return Ok(());
    };
    let line = entries.iter().map(|e| e.line).min().unwrap_or(0);
    match lookup.stage_of(*id, candidate) {
        Ok(None) => Ok(()),
        Ok(Some(held)) => Err(vec![Problem::line(
            line,
            format!("{candidate} is already in the pipeline of {id}, at {held}"),
        )]),
        Err(message) => Err(vec![Problem::line(line, message)]),
    }
}

/// The rows as one history, by date (rows of the same time in file
/// order). A row repeating the stage before it adds nothing (a repeated
/// row, or two of the other system's stages that are one of ours); a
/// move hireterm would refuse (back more than one stage, out of an exit
/// into another exit) is a problem of its row.
fn history(mut entries: Vec<Entry>) -> Result<Vec<StageChange>, Vec<Problem>> {
    entries.sort_by_key(|e| (e.at, e.line));
    let mut history: Vec<StageChange> = Vec::with_capacity(entries.len());
    for entry in entries {
        let from = history.last().map(|last| last.to);
        match from {
            Some(from) if from == entry.stage => continue,
            Some(from) if !from.can_move_to(entry.stage) => {
                return Err(vec![illegal(&entry, from)]);
            }
            _ => history.push(StageChange {
                from,
                to: entry.stage,
                at: entry.at,
                actor: entry.actor,
                reason: None,
            }),
        }
    }
    Ok(history)
}

fn illegal(entry: &Entry, from: Stage) -> Problem {
    Problem::line(
        entry.line,
        format!(
            "{} in {} moves from {from} to {} on {}, which hireterm does not allow \
             (back one stage at most; out of an exit only into an active stage)",
            entry.candidate,
            entry.engagement,
            entry.stage,
            entry.at.format("%Y-%m-%d")
        ),
    )
}
