//! Adding people to a pipeline: `p` on the candidates table (the marks,
//! or the row), a candidate's detail, the skill matrix or the bench picks
//! the engagement (the one shown first) and puts them in at Sourced. One
//! already on its board is refused with the stage they are at; one who
//! left it earlier is offered a re-open.

use crate::app::overlay::Overlay;
use crate::app::pending::Pending;
use crate::app::prompt::confirm::Confirm;
use crate::app::prompt::picker::Picker;
use crate::app::undo::Undoable;
use crate::app::{App, Pane};
use crate::domain::{CandidateId, EngagementId, Stage};

impl App {
    /// `p`: the picker for the people where the user is.
    pub(in crate::app) fn open_add_to_pipeline(&mut self) {
        let candidates = self.pipeline_targets();
        if candidates.is_empty() {
            return self.complain("select or mark someone to add to a pipeline");
        }
        if self.data.engagements().is_empty() {
            return self.complain("there are no engagements yet: A on the pipeline pane adds one");
        }
        let title = match candidates.len() {
            1 => "Add to the pipeline of".to_string(),
            n => format!("Add {n} marked to the pipeline of"),
        };
        let picker = Picker::new(&title, self.data.engagements(), self.engagement);
        self.overlay = Some(Overlay::AddToPipeline { picker, candidates });
    }

    /// The marks, else the candidate under the cursor of the pane shown.
    fn pipeline_targets(&self) -> Vec<CandidateId> {
        let in_detail = self.candidates.detail.map(|d| d.candidate);
        if in_detail.is_none() && !self.marks.is_empty() {
            return self.marks.iter().copied().collect();
        }
        let here = match self.pane {
            Pane::Candidates => in_detail.or(self.candidates.selected(&self.data).map(|c| c.id)),
            Pane::Skills => self.matrix_selected(),
            Pane::Bench => self.bench_selected(),
            _ => None,
        };
        here.into_iter().collect()
    }

    pub(in crate::app) fn matrix_selected(&self) -> Option<CandidateId> {
        let row = self.matrix.order.get(self.matrix.rows.selected)?;
        self.data.candidates().get(*row as usize).map(|c| c.id)
    }

    pub(in crate::app) fn bench_selected(&self) -> Option<CandidateId> {
        let row = self.views.bench().get(self.bench.cursor.selected)?;
        self.data
            .candidates()
            .get(row.candidate as usize)
            .map(|c| c.id)
    }

    /// The picker's choice: the new ones in at Sourced; the others named.
    pub(in crate::app) fn add_to_pipeline(
        &mut self,
        engagement: EngagementId,
        candidates: Vec<CandidateId>,
    ) {
        self.overlay = None;
        let pipeline = self.data.pipeline(engagement);
        let held = |c: &CandidateId| pipeline.iter().find(|a| a.candidate == *c).map(|a| a.stage);
        let (fresh, there): (Vec<CandidateId>, Vec<CandidateId>) =
            candidates.iter().partition(|c| held(c).is_none());
        let left: Vec<(CandidateId, Stage)> =
            there.iter().filter_map(|c| Some((*c, held(c)?))).collect();
        if fresh.is_empty() {
            return self.refuse_added(engagement, &left);
        }
        let written =
            self.records
                .open_applications(&self.writer(), engagement, &fresh, Stage::Sourced);
        match written {
            Ok((_, snapshot)) => {
                self.remember(Undoable::Added {
                    engagement,
                    candidates: fresh.clone(),
                });
                self.marks.clear();
                self.adopt(snapshot);
                self.say(self.added_summary(engagement, fresh.len(), &left));
            }
            Err(error) => self.complain(error.to_string()),
        }
    }

    /// "3 added to E3 at Sourced · Ana Lima is at Screening already".
    fn added_summary(
        &self,
        engagement: EngagementId,
        added: usize,
        left: &[(CandidateId, Stage)],
    ) -> String {
        let mut text = format!("{added} added to {engagement} at Sourced · u undoes");
        for (candidate, stage) in left {
            text.push_str(&format!(
                " · {} is at {stage} already",
                self.name_of(*candidate)
            ));
        }
        text
    }

    /// Nobody new: one who left earlier is offered a re-open; the others
    /// are named with their stage.
    fn refuse_added(&mut self, engagement: EngagementId, left: &[(CandidateId, Stage)]) {
        if let [(candidate, stage)] = left
            && stage.is_exit()
            && let Some(back) = self.stage_left(engagement, *candidate)
        {
            let question = format!(
                "{} left {engagement} at {stage}. Re-open at {back}? (y/n)",
                self.name_of(*candidate)
            );
            let pending = Pending::Reopen {
                engagement,
                candidate: *candidate,
                stage: back,
            };
            self.overlay = Some(Overlay::Confirm(Confirm::new(question, pending)));
            return;
        }
        let named: Vec<String> = left
            .iter()
            .map(|(c, stage)| format!("{} is at {stage}", self.name_of(*c)))
            .collect();
        self.complain(format!("already in {engagement}: {}", named.join(" · ")));
    }

    /// The stage a card that left its engagement was at before it left.
    fn stage_left(&self, engagement: EngagementId, candidate: CandidateId) -> Option<Stage> {
        let app = self
            .data
            .pipeline(engagement)
            .iter()
            .find(|a| a.candidate == candidate)?;
        app.history.last()?.from.filter(|s| s.is_active())
    }

    pub(in crate::app) fn name_of(&self, candidate: CandidateId) -> String {
        self.data
            .candidate(candidate)
            .map_or_else(|| candidate.to_string(), |c| c.name.clone())
    }

    /// A yes to a question.
    pub(in crate::app) fn go_ahead(&mut self, pending: Pending) {
        self.overlay = None;
        match pending {
            Pending::Reopen {
                engagement,
                candidate,
                stage,
            } => self.reopen_at(engagement, candidate, stage),
            Pending::Submit(request) => self.record_submittal(request),
            Pending::Delete(doomed) => self.delete(doomed),
            Pending::AddErased { candidate, form } => {
                self.overlay = Some(Overlay::CandidateForm(form));
                self.save_candidate_as(*candidate, true);
            }
            Pending::Import(request) => self.run_import(request),
        }
    }

    /// A no to a question: nothing is done (a form that asked goes back
    /// to its fields).
    pub(in crate::app) fn decline(&mut self) {
        let Some(Overlay::Confirm(question)) = self.overlay.take() else {
            return;
        };
        match question.then {
            Pending::AddErased { form, .. } => {
                self.overlay = Some(Overlay::CandidateForm(form));
                self.say("back to the form: nothing was saved");
            }
            Pending::Delete(_) => self.say("nothing was deleted"),
            Pending::Import(_) => self.say("nothing was imported"),
            Pending::Reopen { .. } | Pending::Submit(_) => self.say("nothing was changed"),
        }
    }
}
