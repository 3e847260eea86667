//! Erasing a person from the app (`X`, `:erase C12`; admins only): the
//! prompt that explains it and asks for a reason and the id typed back,
//! then the erasure, which no undo can take back. The database's files
//! are rewritten when it is next closed (`store/compact.rs`). And the
//! other side: a new candidate who matches an erased person is added only
//! after a yes (`ask_before_adding_erased`).

use crate::app::App;
use crate::app::overlay::Overlay;
use crate::app::pending::Pending;
use crate::app::prompt::confirm::Confirm;
use crate::app::prompt::erase::{ErasePrompt, EraseRequest};
use crate::domain::access::Act;
use crate::domain::erasure::is_erased;
use crate::domain::text::clean_line;
use crate::domain::{Candidate, CandidateId};

impl App {
    /// `X`: the candidate in the detail, else under the cursor.
    pub(in crate::app) fn open_erase_here(&mut self) {
        let here = match self.candidates.detail {
            Some(detail) => Some(detail.candidate),
            None => self.candidates.selected(&self.data).map(|c| c.id),
        };
        match here {
            Some(id) => self.ask_erase(id),
            None => self.complain("no candidate selected"),
        }
    }

    /// `:erase C12`.
    pub(in crate::app) fn erase_by_id(&mut self, text: &str) {
        match clean_line(text).parse::<CandidateId>() {
            Ok(id) => self.ask_erase(id),
            Err(why) => self.complain(format!("{why}; :erase takes a candidate's id")),
        }
    }

    /// The erase prompt, for an admin and a person not erased yet.
    fn ask_erase(&mut self, id: CandidateId) {
        if !self.may(Act::Erase) {
            let refusal = self.role().refusal(Act::Erase);
            return self.complain(refusal);
        }
        let Some(candidate) = self.data.candidate(id) else {
            return self.complain(format!("there is no candidate {id}"));
        };
        if is_erased(candidate) {
            return self.complain(format!("{id} is erased already"));
        }
        let prompt = ErasePrompt::new(id, clean_line(&candidate.name));
        self.overlay = Some(Overlay::Erase(prompt));
    }

    /// The prompt's request: the erasure, in one transaction.
    pub(in crate::app) fn erase(&mut self, request: EraseRequest) {
        self.overlay = None;
        let id = request.candidate;
        let written = self
            .records
            .erase_candidate(&self.writer(), id, &request.reason);
        match written {
            Ok((_, snapshot)) => {
                // An undo or a redo of what came before could bring the
                // person's data back (a note's text, a merge's record).
                self.undo.clear();
                self.redo.clear();
                self.take_in_candidate(snapshot, id);
                self.refresh_feeds();
                self.say(format!(
                    "erased {id}; the database is rewritten when it is closed"
                ));
            }
            Err(error) => self.complain(format!("nothing was erased: {error}")),
        }
    }

    /// A new candidate in the form who matches an erased person (their
    /// email or phone): the question before adding them again. True when
    /// it was asked (or the look failed): nothing is saved yet.
    pub(in crate::app) fn ask_before_adding_erased(&mut self, candidate: &Candidate) -> bool {
        // A role that may not add is refused by the write; the question
        // would tell it who was erased.
        if !self.may(Act::Edit) {
            return false;
        }
        let found = self.records.store().and_then(|s| s.erased_match(candidate));
        let found = match found {
            Ok(Some(found)) => found,
            Ok(None) => return false,
            Err(error) => {
                self.form_refused(error.to_string());
                return true;
            }
        };
        let Some(Overlay::CandidateForm(form)) = self.overlay.take() else {
            return false;
        };
        let question = format!("{found}; add them again? (their tombstone is removed)");
        let pending = Pending::AddErased {
            candidate: Box::new(candidate.clone()),
            form,
        };
        self.overlay = Some(Overlay::Confirm(Confirm::new(question, pending)));
        true
    }
}
