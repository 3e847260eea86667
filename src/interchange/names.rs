//! Finding the records another system's file names, for every reader of
//! such files (`pipeline_in` for applications, `notes_in` for notes):
//! candidates by the id that system gave them, by email or by our id;
//! engagements by our id or by an exact title. A leaf of `interchange`.
//!
//! A bare number is the trap: `48216` may be another system's id or our
//! C48216. With a layout (`--from`, `--map`) it is only ever that
//! system's id; without one, a number some system gave a stored person is
//! refused, naming the system, so that nothing lands on the wrong person.

use super::external::ExternalIndex;
use super::layout::Layout;
use crate::domain::text::clean_line;
use crate::domain::{Candidate, CandidateId, EngagementId, ExternalId};
use crate::store::{Store, StoreError};
use std::collections::HashMap;

/// A database error, as a row's problem.
pub(super) fn unreadable(error: StoreError) -> String {
    format!("the database could not be read: {error}")
}

/// The database's names: its engagements' titles (they are few) and
/// the stored candidates' ids in other systems.
pub(super) struct StoredNames<'s> {
    pub store: &'s Store,
    titles: Vec<(EngagementId, String)>,
    pub layout: Option<&'s Layout>,
    external: ExternalIndex,
    /// Without a layout: each external id that is a bare number -> its
    /// system, an index into `systems`.
    bare_ids: HashMap<u64, usize>,
    systems: Vec<String>,
}

impl<'s> StoredNames<'s> {
    pub(super) fn new(store: &'s Store, layout: Option<&'s Layout>) -> Result<Self, StoreError> {
        let titles = (store.engagements()?.into_iter())
            .map(|e| (e.id, clean_line(&e.title)))
            .collect();
        let mut names = StoredNames {
            store,
            titles,
            layout,
            external: ExternalIndex::default(),
            bare_ids: HashMap::new(),
            systems: Vec::new(),
        };
        for candidate in store.each_candidate() {
            let candidate = candidate?;
            match layout {
                Some(_) => names.external.insert(&candidate),
                None => names.file_bare_ids(&candidate),
            }
        }
        Ok(names)
    }

    /// Keeps the candidate's external ids that are bare numbers
    /// (`48213`): without a layout, a file could mean them as ours.
    fn file_bare_ids(&mut self, candidate: &Candidate) {
        for external in &candidate.external_ids {
            let Some(number) = bare_number(&external.id) else {
                continue;
            };
            let system = match self.systems.iter().position(|s| *s == external.system) {
                Some(known) => known,
                None => {
                    self.systems.push(external.system.clone());
                    self.systems.len() - 1
                }
            };
            self.bare_ids.entry(number).or_insert(system);
        }
    }

    fn stored(&self, id: CandidateId) -> Result<Candidate, String> {
        match self.store.candidate(id).map_err(unreadable)? {
            Some(candidate) => Ok(candidate),
            None => Err(format!("no candidate {id}")),
        }
    }

    /// A candidate by the id the layout's system gave them, by email, or
    /// by our id (see the module docs for bare numbers).
    pub(super) fn candidate(&self, text: &str) -> Result<Candidate, String> {
        if let Some(layout) = self.layout {
            let theirs = ExternalId::new(layout.system.clone(), text);
            if let Some(found) = self.external.find_id(&theirs) {
                return self.stored(found);
            }
            if bare_number(text).is_some() {
                let system = &layout.system;
                return Err(format!(
                    "no candidate has the {system} id {text} (ids of ours are written C12)"
                ));
            }
        }
        if text.contains('@') {
            return match self.store.candidate_by_email(text).map_err(unreadable)? {
                Some(candidate) => Ok(candidate),
                None => Err(format!("no candidate has the email {text}")),
            };
        }
        let id = text
            .parse::<CandidateId>()
            .map_err(|_| format!("`{text}` is neither a candidate id (C12) nor an email"))?;
        let theirs = bare_number(text).and_then(|n| self.bare_ids.get(&n));
        if let Some(system) = theirs.map(|&s| &self.systems[s]) {
            return Err(format!(
                "`{text}` is an id {system} gave a candidate: pass --from {system} to \
                 find people by those ids, or write ours as {id}"
            ));
        }
        self.stored(id)
    }

    /// An id (`E3`, `3`) of an engagement on file, else an exact title
    /// that only one engagement has. `Ok(None)`: a title none has, which
    /// `untitled` (said after the words "no engagement is titled `…`")
    /// may explain when it is an error.
    pub(super) fn engagement(&self, text: &str) -> Result<Option<EngagementId>, String> {
        let id = text.parse::<EngagementId>().ok();
        if let Some(id) = id.filter(|id| self.titles.iter().any(|(e, _)| e == id)) {
            return Ok(Some(id));
        }
        let titled: Vec<EngagementId> = (self.titles.iter())
            .filter(|(_, title)| title == text)
            .map(|(e, _)| *e)
            .collect();
        match (titled.as_slice(), id) {
            ([one], _) => Ok(Some(*one)),
            ([], Some(id)) => Err(format!("no engagement {id}")),
            ([], None) => Ok(None),
            (many, _) => {
                let ids: Vec<String> = many.iter().map(ToString::to_string).collect();
                Err(format!(
                    "{} engagements are titled `{text}` ({}): name one by its id",
                    many.len(),
                    ids.join(", ")
                ))
            }
        }
    }
}

/// The number a text of digits alone is (`48213`; not `C12`).
fn bare_number(text: &str) -> Option<u64> {
    let text = text.trim();
    let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    digits.then(|| text.parse().ok()).flatten()
}
