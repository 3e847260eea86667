//! Tagging: `#` asks for a tag and puts it on the candidate in the detail
//! view, or on every marked one (else the row or card under the cursor),
//! in one transaction that `u` can undo.

use crate::app::overlay::Overlay;
use crate::app::prompt::tag::TagPrompt;
use crate::app::undo::Undoable;
use crate::app::{App, Pane};
use crate::domain::CandidateId;

impl App {
    pub(in crate::app) fn open_tag_prompt(&mut self) {
        let candidates = self.tag_targets();
        if candidates.is_empty() {
            return self.complain("open a candidate, or select or mark cards, to tag");
        }
        self.overlay = Some(Overlay::Tag(TagPrompt::new(candidates)));
    }

    /// The marks, else the candidate in the detail view, the card under
    /// the cursor, or the table row under the cursor.
    fn tag_targets(&self) -> Vec<CandidateId> {
        let in_detail = self.pane == Pane::Candidates && self.candidates.detail.is_some();
        if !self.marks.is_empty() && !in_detail {
            return self.marks.iter().copied().collect();
        }
        if self.pane == Pane::Candidates && !in_detail {
            let row = self.candidates.selected(&self.data);
            return row.map(|c| vec![c.id]).unwrap_or_default();
        }
        self.note_target_here()
            .map(|t| vec![t.candidate])
            .unwrap_or_default()
    }

    /// The tag prompt confirmed.
    pub(in crate::app) fn tag(&mut self, ids: Vec<CandidateId>, tag: String) {
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

    /// Adds or removes a tag in the store and on screen; how many changed.
    pub(in crate::app) fn apply_tag(
        &mut self,
        ids: &[CandidateId],
        tag: &str,
        remove: bool,
    ) -> Option<usize> {
        match self.records.retag(&self.writer(), ids, tag, remove) {
            Ok((changed, snapshot)) => {
                self.adopt(snapshot);
                Some(changed.len())
            }
            Err(error) => {
                self.complain(error.to_string());
                None
            }
        }
    }
}
