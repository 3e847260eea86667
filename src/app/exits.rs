//! Taking cards off the board (reject, withdraw: the reason prompt) and
//! putting them back (re-open), and the attention pane's jumps.

use super::list::Motion;
use super::overlay::{Overlay, RejectPrompt};
use super::{Action, App, Key, KeyCode, Pane, pipeline};
use crate::domain::{CandidateId, Stage, text};
/// Longest free text accepted in a prompt.
const MAX_PROMPT_CHARS: usize = 200;

impl App {
    /// Puts a candidate's most recently exited application back in the
    /// stage it left.
    pub(super) fn reopen(&mut self, candidate: CandidateId) {
        let exited = self
            .data
            .applications_of(candidate)
            .into_iter()
            .filter(|a| a.stage.is_exit())
            .max_by_key(|a| a.entered_stage_at())
            .and_then(|a| Some((a.engagement, a.history.last()?.from?)));
        let Some((engagement, stage)) = exited else {
            return self.complain("no rejected or withdrawn application to re-open");
        };
        let reason = Some("re-opened".to_string());
        match self
            .store
            .move_stage(engagement, candidate, stage, reason, &self.stamp())
        {
            Ok(application) => {
                self.remember_moves(engagement, std::slice::from_ref(&application));
                self.write_data(|data| data.put_application(application));
                self.after_pipeline_change();
                self.say(format!("re-opened in {engagement} at {stage}"));
            }
            Err(error) => self.complain(error.to_string()),
        }
    }

    pub(super) fn open_exit(&mut self, exit: Stage, candidate: CandidateId, name: String) {
        self.open_exit_for(exit, vec![candidate], name);
    }

    pub(super) fn open_exit_for(
        &mut self,
        exit: Stage,
        candidates: Vec<CandidateId>,
        name: String,
    ) {
        let Some(engagement) = self.engagement else {
            return;
        };
        self.overlay = Some(Overlay::Reject(RejectPrompt {
            exit,
            engagement,
            candidates,
            name,
            reason: 0,
            detail: String::new(),
        }));
    }

    /// The rejection prompt takes keys directly: arrows pick a reason,
    /// typing adds detail, Enter rejects, Esc cancels.
    pub(super) fn reject_prompt_key(&mut self, key: Key) {
        let Some(Overlay::Reject(prompt)) = &mut self.overlay else {
            return;
        };
        match key.code {
            KeyCode::Esc => {
                self.overlay = None;
                self.say("rejection cancelled");
            }
            KeyCode::Enter => self.confirm_reject(),
            KeyCode::Up => prompt.reason = prompt.reason.saturating_sub(1),
            KeyCode::Down => prompt.reason = (prompt.reason + 1).min(prompt.reasons().len() - 1),
            KeyCode::Backspace => {
                prompt.detail.pop();
            }
            KeyCode::Char(c) if !key.mods.ctrl && !key.mods.alt => {
                push_text(&mut prompt.detail, &c.to_string())
            }
            _ => {}
        }
    }

    pub(super) fn paste(&mut self, pasted: &str) {
        match &mut self.overlay {
            Some(Overlay::Reject(prompt)) => push_text(&mut prompt.detail, pasted),
            Some(Overlay::Palette(_)) => self.paste_into_palette(pasted),
            Some(Overlay::Note(_)) => self.paste_into_note(pasted),
            Some(Overlay::CandidateForm(_) | Overlay::EngagementForm(_)) => {
                self.paste_into_form(pasted)
            }
            _ => {}
        }
    }

    fn confirm_reject(&mut self) {
        let Some(Overlay::Reject(prompt)) = self.overlay.take() else {
            return;
        };
        let reason = prompt.full_reason();
        let stamp = self.stamp();
        let moves: Vec<(CandidateId, Stage)> = prompt
            .candidates
            .iter()
            .map(|c| (*c, prompt.exit))
            .collect();
        match self
            .store
            .move_many(prompt.engagement, &moves, Some(reason.clone()), &stamp)
        {
            Ok(applications) => {
                self.remember_moves(prompt.engagement, &applications);
                for application in applications {
                    self.write_data(|data| data.put_application(application));
                }
                self.marks.clear();
                self.after_pipeline_change();
                let verb = if prompt.exit == Stage::Withdrawn {
                    "withdrawn"
                } else {
                    "rejected"
                };
                self.say(format!("{} {verb}: {reason}", prompt.name));
            }
            Err(error) => self.complain(error.to_string()),
        }
    }

    pub(super) fn attention_update(&mut self, action: Action) {
        let items = super::attention::items(&self.data, &self.aging, self.clock.now());
        if let Some(motion) = Motion::from_action(action) {
            return self
                .attention
                .cursor
                .apply(motion, items.len(), self.page_rows());
        }
        if action != Action::Open {
            return;
        }
        match items
            .get(self.attention.cursor.selected)
            .map(|i| &i.concern)
        {
            Some(super::attention::Concern::Stuck {
                engagement,
                candidate,
                ..
            }) => self.jump_to_card(*engagement, *candidate),
            Some(super::attention::Concern::Breached { engagement, .. }) => {
                self.engagement = Some(*engagement);
                self.pipeline = Default::default();
                self.marks.clear();
                self.rebuild_matrix();
                self.pane = Pane::Pipeline;
            }
            None => {}
        }
    }

    /// Shows an engagement's board with the cursor on one candidate's card.
    pub(super) fn jump_to_card(
        &mut self,
        engagement: crate::domain::EngagementId,
        candidate: CandidateId,
    ) {
        self.engagement = Some(engagement);
        self.pipeline = Default::default();
        self.marks.clear();
        self.rebuild_matrix();
        self.pane = Pane::Pipeline;
        let Some(e) = self.engagement() else { return };
        let board = pipeline::board(&self.data, e, self.clock.now());
        for (column, cards) in board.iter().enumerate() {
            if let Some(index) = cards.iter().position(|c| c.candidate.id == candidate) {
                self.pipeline.column = column;
                self.pipeline.cards[column].selected = index;
                let page = self.page_rows();
                self.pipeline.clamp(&board, page);
            }
        }
    }
}

/// Appends typed or pasted text, cleaned and within the length limit.
fn push_text(field: &mut String, typed: &str) {
    let room = MAX_PROMPT_CHARS.saturating_sub(field.chars().count());
    field.extend(text::clean(typed, false).chars().take(room));
}
