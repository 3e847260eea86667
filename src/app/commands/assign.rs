//! Interviewers: `I` on the pipeline asks for a name and assigns that
//! interviewer to the engagement shown (`-name` takes them off); an
//! interviewer's sessions then see it.

use crate::app::App;
use crate::app::overlay::Overlay;
use crate::app::prompt::assign::{AssignPrompt, AssignRequest};

impl App {
    pub(in crate::app) fn open_assign(&mut self) {
        let Some(engagement) = self.engagement else {
            return self.complain("no engagement chosen: press e to choose one");
        };
        let assigned = self.data.agency().interviewers(engagement).to_vec();
        self.overlay = Some(Overlay::Assign(AssignPrompt::new(engagement, assigned)));
    }

    /// The prompt confirmed: the assignment written.
    pub(in crate::app) fn assign(&mut self, request: AssignRequest) {
        self.overlay = None;
        let AssignRequest {
            engagement,
            name,
            remove,
        } = request;
        let written = (self.records).assign_interviewer(&self.writer(), engagement, &name, remove);
        match written {
            Ok((assignment, snapshot)) => {
                self.adopt(snapshot);
                let done = if remove { "taken off" } else { "assigned to" };
                let all = match assignment.interviewers.is_empty() {
                    true => "none".to_string(),
                    false => assignment.interviewers.join(", "),
                };
                self.say(format!(
                    "{name} {done} {engagement}; its interviewers: {all}"
                ));
            }
            Err(error) => self.complain(error.to_string()),
        }
    }
}
