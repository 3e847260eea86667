//! What the app does while a large database's candidates are still read
//! behind its first screen (`records/loading.rs`): My work, the boards
//! and a candidate's detail work at once; what needs every candidate
//! (the table, search and the command line, filter, the matrix, the
//! bench, the reports, the feeds, adding or merging people) says how far
//! the read has come and waits. Nothing blocks a key: each is answered.

use super::records::LoadState;
use super::{Action, App, Pane};
use crate::domain::text::grouped;

impl App {
    /// How far the read of every candidate has come; `None` once this
    /// session's records hold them all.
    pub fn load_state(&self) -> Option<LoadState> {
        if self.data.is_complete() {
            return None;
        }
        let done = LoadState::Reading { read: 1, of: 1 };
        Some(self.records.load_state().unwrap_or(done))
    }

    /// True, with the reason said, when `action` needs every candidate
    /// and they are not all read yet.
    pub(super) fn waits_for_candidates(&mut self, action: Action) -> bool {
        let Some(state) = self.load_state() else {
            return false;
        };
        let waits = match self.overlay.is_some() {
            true => false,
            false if self.pane_waits_for_candidates() => !works_anywhere(action),
            false => needs_all(action),
        };
        if waits {
            self.complain(format!(
                "{} (until then: My work, the pipeline, a person's detail)",
                waiting_text(&state)
            ));
        }
        waits
    }

    /// Whether the pane as it shows draws from every candidate: all but
    /// My work, the pipeline and one candidate's detail do.
    pub fn pane_waits_for_candidates(&self) -> bool {
        match (self.pane, self.candidates.detail) {
            (Pane::Candidates, Some(_)) => false,
            (pane, _) => !matches!(pane, Pane::Home | Pane::Pipeline),
        }
    }
}

/// What the screen says while the candidates are read.
pub fn waiting_text(state: &LoadState) -> String {
    match state {
        LoadState::Reading { read, of } => format!(
            "reading every candidate: {} % ({} of {})",
            read * 100 / (*of).max(1),
            grouped(*read as i64),
            grouped(*of as i64)
        ),
        LoadState::Failed(why) => format!("the candidates could not all be read: {why}"),
        LoadState::Opening => "opening the database: every file is checked".to_string(),
    }
}

/// Keys that work on any pane: leaving it, help, quitting.
fn works_anywhere(action: Action) -> bool {
    use Action::*;
    matches!(
        action,
        Quit | Help
            | NextPane
            | PrevPane
            | ShowHome
            | ShowCandidates
            | ShowPipeline
            | ShowSkills
            | ShowAttention
            | ShowActivity
            | ShowBench
            | ShowReports
            | Back
            | ChooseEngagement
    )
}

/// Keys that open what searches or counts every candidate.
fn needs_all(action: Action) -> bool {
    use Action::*;
    matches!(
        action,
        Search | CommandLine | Filter | AddCandidate | AddToPipeline | Merge | SaveView
    )
}
