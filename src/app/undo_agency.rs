//! Undo and redo of the agency's loop: cards added to a pipeline,
//! submittals, the client's answers, placements and their changes. Each
//! undo is a write of its own, audited in the event log.

use super::App;
use super::form::placement::PlacementRequest;
use super::undo::{MoveSet, Undoable};
use crate::domain::{CandidateId, EngagementId, PlacementId, Stage, SubmittalId};
use crate::store::SubmittalDraft;

impl App {
    /// `Ok` with the action as it now stands (redone records have new
    /// ids), `Err` with it unchanged when the store refused.
    pub(super) fn replay_agency(
        &mut self,
        action: Undoable,
        redo: bool,
    ) -> Result<Undoable, Undoable> {
        let verb = if redo { "redid" } else { "undid" };
        let done = match &action {
            Undoable::Added {
                engagement,
                candidates,
            } => self
                .replay_added(*engagement, candidates, redo)
                .then(|| action.clone()),
            Undoable::Submitted { submittal, request } => self
                .replay_submitted(*submittal, request, redo)
                .map(|submittal| Undoable::Submitted {
                    submittal,
                    request: request.clone(),
                }),
            Undoable::Answered {
                submittal,
                request,
                moved,
            } => self
                .replay_answered(*submittal, request, moved.as_ref(), redo)
                .then(|| action.clone()),
            Undoable::Placed { placement, request } => self
                .replay_placed(*placement, request, redo)
                .map(|placement| Undoable::Placed {
                    placement,
                    request: request.clone(),
                }),
            Undoable::PlacementChanged { placement, request } => self
                .replay_placement_change(*placement, request, redo)
                .then(|| action.clone()),
            Undoable::Deleted(deleted) => self
                .replay_deleted(deleted, redo)
                .map(|now| Undoable::Deleted(Box::new(now))),
            _ => None,
        };
        match done {
            Some(done) => {
                if self.status.text.is_empty() {
                    self.say(format!("{verb} it"));
                }
                Ok(done)
            }
            None => Err(action),
        }
    }

    fn replay_added(
        &mut self,
        engagement: EngagementId,
        candidates: &[CandidateId],
        redo: bool,
    ) -> bool {
        let by = self.writer();
        let written = match redo {
            true => self
                .records
                .open_applications(&by, engagement, candidates, Stage::Sourced)
                .map(|(_, snapshot)| snapshot),
            false => self
                .records
                .remove_applications(&by, engagement, candidates)
                .map(|((), snapshot)| snapshot),
        };
        self.took_or_complain(written, || match redo {
            true => format!("redid: {} back in {engagement}", candidates.len()),
            false => format!("undid: {} taken out of {engagement}", candidates.len()),
        })
    }

    fn replay_submitted(
        &mut self,
        submittal: SubmittalId,
        request: &super::prompt::submit::SubmitRequest,
        redo: bool,
    ) -> Option<SubmittalId> {
        let by = self.writer();
        if !redo {
            let written = self.records.retract_submittal(&by, submittal, false);
            let taken = written.map(|(_, snapshot)| snapshot);
            return self
                .took_or_complain(taken, || format!("undid: {submittal} taken back"))
                .then_some(submittal);
        }
        let draft = SubmittalDraft {
            engagement: request.engagement,
            candidate: request.candidate,
            to: request.to.clone(),
            bill_rate: request.bill_rate.clone(),
            profile: request.profile.clone(),
        };
        let written = self.records.submit(&by, draft);
        let id = written.as_ref().ok().map(|(s, _)| s.id);
        let taken = written.map(|(_, snapshot)| snapshot);
        self.took_or_complain(taken, || "redid the submittal".to_string())
            .then_some(id)
            .flatten()
    }

    fn replay_answered(
        &mut self,
        submittal: SubmittalId,
        request: &super::prompt::answer::AnswerRequest,
        moved: Option<&MoveSet>,
        redo: bool,
    ) -> bool {
        let by = self.writer();
        if redo {
            let written = self
                .records
                .answer_submittal(&by, submittal, request.kind, request.reason.clone())
                .map(|(_, snapshot)| snapshot);
            let done =
                self.took_or_complain(written, || format!("redid the answer to {submittal}"));
            return done && moved.is_none_or(|set| self.replay_moves(set, true));
        }
        if let Some(set) = moved
            && !self.replay_moves(set, false)
        {
            return false;
        }
        let written = self
            .records
            .retract_submittal(&by, submittal, true)
            .map(|(_, snapshot)| snapshot);
        self.took_or_complain(written, || format!("undid the answer to {submittal}"))
    }

    fn replay_placed(
        &mut self,
        placement: PlacementId,
        request: &PlacementRequest,
        redo: bool,
    ) -> Option<PlacementId> {
        let by = self.writer();
        match (redo, request) {
            (false, _) => {
                let written = self
                    .records
                    .unplace(&by, placement)
                    .map(|(_, snapshot)| snapshot);
                self.took_or_complain(written, || format!("undid: {placement} taken back"))
                    .then_some(placement)
            }
            (
                true,
                PlacementRequest::Place {
                    engagement,
                    candidate,
                    terms,
                },
            ) => {
                let written = self
                    .records
                    .place(&by, *engagement, *candidate, terms.clone());
                let id = written.as_ref().ok().map(|(p, _)| p.placement.id);
                let taken = written.map(|(_, snapshot)| snapshot);
                self.took_or_complain(taken, || "redid the placement".to_string())
                    .then_some(id)
                    .flatten()
            }
            (true, PlacementRequest::Change { .. }) => None,
        }
    }

    fn replay_placement_change(
        &mut self,
        placement: PlacementId,
        request: &PlacementRequest,
        redo: bool,
    ) -> bool {
        let by = self.writer();
        let written = match (redo, request) {
            (false, _) => self.records.undo_placement_change(&by, placement),
            (true, PlacementRequest::Change { edit, .. }) => {
                self.records.change_placement(&by, placement, edit.clone())
            }
            (true, PlacementRequest::Place { .. }) => return false,
        };
        let taken = written.map(|(_, snapshot)| snapshot);
        self.took_or_complain(taken, || {
            format!(
                "{} the change to {placement}",
                if redo { "redid" } else { "undid" }
            )
        })
    }

    /// Takes a write's snapshot in and says `done`, or says why not.
    fn took_or_complain(
        &mut self,
        written: crate::store::Result<super::records::Snapshot>,
        done: impl FnOnce() -> String,
    ) -> bool {
        match written {
            Ok(snapshot) => {
                self.adopt(snapshot);
                self.say(done());
                true
            }
            Err(error) => {
                self.complain(error.to_string());
                false
            }
        }
    }
}
