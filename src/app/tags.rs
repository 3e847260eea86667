//! Tagging: `#` asks for a tag and puts it on the candidate in the detail
//! view, or on every marked card (else the card under the cursor), in one
//! transaction that `u` can undo.

use super::overlay::Overlay;
use super::undo::Undoable;
use super::{App, Key, KeyCode, Pane};
use crate::domain::{CandidateId, text};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagPrompt {
    pub candidates: Vec<CandidateId>,
    pub text: String,
}

const MAX_TAG: usize = 60;

impl App {
    pub(super) fn open_tag_prompt(&mut self) {
        let candidates = self.tag_targets();
        if candidates.is_empty() {
            return self.complain("open a candidate, or select or mark cards, to tag");
        }
        self.overlay = Some(Overlay::Tag(TagPrompt {
            candidates,
            text: String::new(),
        }));
    }

    /// The marks, else the candidate in the detail view, the card under
    /// the cursor, or the table row under the cursor.
    fn tag_targets(&self) -> Vec<CandidateId> {
        let in_detail = self.pane == Pane::Candidates && self.candidates.detail.is_some();
        if !self.marks.is_empty() && !in_detail {
            return self.marks.iter().copied().collect();
        }
        if self.pane == Pane::Candidates && !in_detail {
            return self
                .candidates
                .selected(&self.data)
                .map(|c| vec![c.id])
                .unwrap_or_default();
        }
        self.note_target_here()
            .map(|t| vec![t.candidate])
            .unwrap_or_default()
    }

    pub(super) fn tag_prompt_key(&mut self, key: Key) {
        let Some(Overlay::Tag(prompt)) = &mut self.overlay else {
            return;
        };
        match key.code {
            KeyCode::Esc => self.overlay = None,
            KeyCode::Enter => {
                let (ids, tag) = (prompt.candidates.clone(), text::clean_line(&prompt.text));
                self.overlay = None;
                if let Some(changed) = self.apply_tag(&ids, &tag, false) {
                    self.marks.clear();
                    self.remember(Undoable::Tag {
                        ids,
                        tag: tag.clone(),
                        added: true,
                    });
                    self.say(format!("tagged {changed} candidate(s) {tag}"));
                }
            }
            KeyCode::Backspace => {
                prompt.text.pop();
            }
            KeyCode::Char(c)
                if !key.mods.ctrl && !key.mods.alt && prompt.text.chars().count() < MAX_TAG =>
            {
                prompt.text.push_str(&text::clean(&c.to_string(), false));
            }
            _ => {}
        }
    }

    /// Adds or removes a tag in the store and on screen; how many changed.
    pub(super) fn apply_tag(
        &mut self,
        ids: &[CandidateId],
        tag: &str,
        remove: bool,
    ) -> Option<usize> {
        match self.store.retag(ids, tag, remove, &self.stamp()) {
            Ok(changed) => {
                let count = changed.len();
                let ids: Vec<CandidateId> = changed.iter().map(|c| c.id).collect();
                self.refresh_candidates(&ids);
                self.refresh_feeds();
                Some(count)
            }
            Err(error) => {
                self.complain(error.to_string());
                None
            }
        }
    }
}
