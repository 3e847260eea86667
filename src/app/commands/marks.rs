//! Marks on rows and cards; the actions that then apply to all of them at
//! once are in `stage.rs` and `tag.rs`.

use crate::app::App;
use crate::domain::CandidateId;

impl App {
    pub(in crate::app) fn toggle_mark(&mut self, candidate: CandidateId) {
        if !self.marks.remove(&candidate) {
            self.marks.insert(candidate);
        }
        self.say(format!("{} marked", self.marks.len()));
    }

    pub(in crate::app) fn mark_all(&mut self, candidates: Vec<CandidateId>) {
        self.marks.extend(candidates);
        self.say(format!("{} marked", self.marks.len()));
    }

    pub(in crate::app) fn clear_marks(&mut self) {
        self.marks.clear();
        self.say("marks cleared");
    }
}
