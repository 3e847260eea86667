//! Undo and redo of stage moves (single, bulk, rejections, withdrawals,
//! re-openings), notes, tags and merges; the agency's loop's are in
//! `undo_agency.rs`, deletions' in `undo_delete.rs`. Each undo is itself
//! recorded in the event log (a move with the reason "undo", a removed
//! note, a `MergeUndone`), so the log audits it like any other change.

use super::App;
use crate::domain::{Application, CandidateId, EngagementId, Stage};

/// The moves one action made, as (candidate, from, to).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoveSet {
    pub engagement: EngagementId,
    pub moves: Vec<(CandidateId, Stage, Stage)>,
}

/// One undoable action.
#[derive(Debug, Clone, PartialEq)]
pub enum Undoable {
    Moves(MoveSet),
    /// A note written (undo removes it; redo writes it again).
    Note {
        note: crate::domain::Note,
    },
    /// A tag added to (or removed from) these candidates.
    Tag {
        ids: Vec<CandidateId>,
        tag: String,
        added: bool,
    },
    /// A new record merged into `existing` (undo restores the record as it
    /// was, if unchanged since; redo merges `incoming` again).
    Merge {
        existing: CandidateId,
        incoming: Box<crate::domain::Candidate>,
        event: crate::domain::EventId,
    },
    /// Cards put into a pipeline (undo takes them out while they are
    /// still only where they entered).
    Added {
        engagement: EngagementId,
        candidates: Vec<CandidateId>,
    },
    /// A submittal sent (undo takes it back while unanswered; redo sends
    /// it again, under a new id).
    Submitted {
        submittal: crate::domain::SubmittalId,
        request: Box<super::prompt::submit::SubmitRequest>,
    },
    /// A client's answer recorded, and the move to Client interview it
    /// brought, if any.
    Answered {
        submittal: crate::domain::SubmittalId,
        request: Box<super::prompt::answer::AnswerRequest>,
        moved: Option<MoveSet>,
    },
    /// A card placed on terms (undo takes the placement back).
    Placed {
        placement: crate::domain::PlacementId,
        request: super::form::placement::PlacementRequest,
    },
    /// A placement extended, renewed or ended early.
    PlacementChanged {
        placement: crate::domain::PlacementId,
        request: super::form::placement::PlacementRequest,
    },
    /// A record deleted (undo puts it back: `undo_delete.rs`).
    Deleted(Box<super::undo_delete::Deleted>),
}

/// How many actions can be undone.
const DEPTH: usize = 100;

impl App {
    /// Remembers the moves just made, from the applications' last changes;
    /// a new action forgets what could be redone.
    pub(super) fn remember_moves(
        &mut self,
        engagement: EngagementId,
        applications: &[Application],
    ) {
        let moves: Vec<_> = applications
            .iter()
            .filter_map(|a| {
                let last = a.history.last()?;
                Some((a.candidate, last.from?, last.to))
            })
            .collect();
        if moves.is_empty() {
            return;
        }
        self.remember(Undoable::Moves(MoveSet { engagement, moves }));
    }

    pub(super) fn remember(&mut self, action: Undoable) {
        self.undo.push(action);
        if self.undo.len() > DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    pub(super) fn undo_last(&mut self) {
        let Some(action) = self.undo.pop() else {
            return self.complain("nothing to undo");
        };
        match self.replay(action, false) {
            Ok(done) => self.redo.push(done),
            Err(kept) => self.undo.push(kept),
        }
    }

    pub(super) fn redo_last(&mut self) {
        let Some(action) = self.redo.pop() else {
            return self.complain("nothing to redo");
        };
        match self.replay(action, true) {
            Ok(done) => self.undo.push(done),
            Err(kept) => self.redo.push(kept),
        }
    }

    /// Undoes (`redo` false) or redoes an action: `Ok` with the action as
    /// it now stands (a re-written note has a new id), `Err` with it
    /// unchanged when the store refused.
    fn replay(&mut self, action: Undoable, redo: bool) -> Result<Undoable, Undoable> {
        let verb = if redo { "redid" } else { "undid" };
        let done = match &action {
            Undoable::Moves(set) => self.replay_moves(set, redo),
            Undoable::Note { note } => {
                return match self.replay_note(note, redo) {
                    Some(note) => Ok(Undoable::Note { note }),
                    None => Err(action),
                };
            }
            Undoable::Merge {
                existing,
                incoming,
                event,
            } => {
                return match self.replay_merge(*existing, incoming, *event, redo) {
                    Some(event) => Ok(Undoable::Merge {
                        existing: *existing,
                        incoming: incoming.clone(),
                        event,
                    }),
                    None => Err(action),
                };
            }
            Undoable::Tag { ids, tag, added } => {
                let remove = *added != redo;
                let done = self.apply_tag(ids, tag, remove).is_some();
                if done {
                    self.say(format!("{verb} tag {tag}"));
                }
                done
            }
            _ => return self.replay_agency(action, redo),
        };
        if done { Ok(action) } else { Err(action) }
    }

    pub(super) fn replay_moves(&mut self, set: &MoveSet, redo: bool) -> bool {
        let reverts: Vec<_> = if redo {
            set.moves.clone()
        } else {
            set.moves
                .iter()
                .map(|&(c, from, to)| (c, to, from))
                .collect()
        };
        let done = self.apply_reverts(set.engagement, &reverts, redo);
        if done {
            let said = self.describe_reverts(&reverts, redo);
            self.say(said);
        }
        done
    }

    /// `undid: Ana Lima back to Screening`, or `3 moves undone: Ana Lima
    /// back to Screening, …` (the first few named); `redid: Ana Lima to
    /// Offer` for a redo.
    fn describe_reverts(&self, reverts: &[(CandidateId, Stage, Stage)], redo: bool) -> String {
        const NAMED: usize = 3;
        let way = if redo { "to" } else { "back to" };
        let each: Vec<String> = reverts
            .iter()
            .take(NAMED)
            .map(|&(candidate, _, to)| {
                let name = self
                    .data
                    .candidate(candidate)
                    .map_or_else(|| candidate.to_string(), |c| c.name.clone());
                format!("{name} {way} {to}")
            })
            .collect();
        let more = match reverts.len().saturating_sub(NAMED) {
            0 => String::new(),
            n => format!(", and {n} more"),
        };
        match (reverts.len(), redo) {
            (1, false) => format!("undid: {}", each.join("")),
            (1, true) => format!("redid: {}", each.join("")),
            (n, false) => format!("{n} moves undone: {}{more}", each.join(", ")),
            (n, true) => format!("{n} moves redone: {}{more}", each.join(", ")),
        }
    }

    /// (candidate, expected stage, target stage) in one transaction.
    fn apply_reverts(
        &mut self,
        engagement: EngagementId,
        reverts: &[(CandidateId, Stage, Stage)],
        redo: bool,
    ) -> bool {
        match self
            .records
            .revert_many(&self.writer(), engagement, reverts, redo)
        {
            Ok((_, snapshot)) => {
                self.adopt(snapshot);
                true
            }
            Err(error) => {
                self.complain(error.to_string());
                false
            }
        }
    }
}

impl App {
    /// Removes the note (undo) or writes it again under a new id (redo);
    /// the note as it now stands, or `None` when the store refused.
    fn replay_note(
        &mut self,
        note: &crate::domain::Note,
        redo: bool,
    ) -> Option<crate::domain::Note> {
        let by = self.writer();
        let outcome = if redo {
            self.records
                .add_note(&by, note.candidate, note.engagement, &note.text)
        } else {
            self.records
                .remove_note(&by, note.candidate, note.id)
                .map(|((), snapshot)| (note.clone(), snapshot))
        };
        match outcome {
            Ok((note, snapshot)) => {
                self.adopt(snapshot);
                self.say(if redo {
                    "redid the note"
                } else {
                    "undid the note"
                });
                Some(note)
            }
            Err(error) => {
                self.complain(error.to_string());
                None
            }
        }
    }
}

impl App {
    /// Takes a merge back (the store refuses if the record changed since)
    /// or merges again; the merge event as it now stands, or `None` when
    /// the store refused.
    fn replay_merge(
        &mut self,
        existing: CandidateId,
        incoming: &crate::domain::Candidate,
        event: crate::domain::EventId,
        redo: bool,
    ) -> Option<crate::domain::EventId> {
        let by = self.writer();
        let outcome = if redo {
            self.records
                .merge_candidate(&by, existing, incoming)
                .map(|(merged, snapshot)| ((merged.candidate, merged.event), snapshot))
        } else {
            self.records
                .undo_merge(&by, event)
                .map(|(restored, snapshot)| ((restored, event), snapshot))
        };
        match outcome {
            Ok(((candidate, event), snapshot)) => {
                let name = candidate.name.clone();
                self.take_in_candidate(snapshot, candidate.id);
                let verb = if redo { "redid" } else { "undid" };
                self.say(format!("{verb} the merge into {name} ({existing})"));
                Some(event)
            }
            Err(error) => {
                self.complain(error.to_string());
                None
            }
        }
    }
}
