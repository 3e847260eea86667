//! `y`: the email of the candidate under the cursor to the clipboard (see
//! `clipboard.rs`); `y` again at once, their phone, then their profile
//! link, then round again. Said in the status bar; off in config.toml.

use crate::app::clipboard::osc52;
use crate::app::{App, Pane};
use crate::domain::{Candidate, CandidateId};

impl App {
    pub(in crate::app) fn copy(&mut self) {
        let Some(id) = self.copy_target() else {
            return self.complain("no candidate selected");
        };
        if !self.policy.terminal.clipboard {
            return self.complain("copying is off: [terminal] clipboard = false in config.toml");
        }
        let Some(candidate) = self.data.candidate(id) else {
            return;
        };
        let choices = copyable(candidate);
        let step = match self.copy_step {
            Some((last, step)) if last == id => (step + 1) % choices.len(),
            _ => 0,
        };
        let text = choices[step].1.clone();
        let next = choices[(step + 1) % choices.len()].0;
        self.terminal_out.extend(osc52(&text));
        self.copy_step = Some((id, step));
        self.say(format!("copied {text} · y again: {next}"));
    }

    /// The candidate `y` copies from, where the user is.
    fn copy_target(&self) -> Option<CandidateId> {
        let in_detail = self.candidates.detail.map(|d| d.candidate);
        match self.pane {
            Pane::Candidates => in_detail.or(self.candidates.selected(&self.data).map(|c| c.id)),
            Pane::Pipeline => self.selected_card().map(|card| card.candidate),
            Pane::Skills => self.matrix_selected(),
            Pane::Bench => self.bench_selected(),
            _ => None,
        }
    }
}

/// What `y` goes through: the email, then the phone and the first link
/// where they have them.
fn copyable(c: &Candidate) -> Vec<(&'static str, String)> {
    let mut choices = vec![("email", c.email.clone())];
    choices.extend(c.phone.clone().map(|phone| ("phone", phone)));
    choices.extend(c.links.first().map(|link| ("profile link", link.clone())));
    choices
}
