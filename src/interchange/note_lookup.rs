//! What a notes file's names are looked up in: its candidates (by the id
//! another system gave them, our id, or email) and engagements (by id or
//! exact title), the applications a note may be about, and the notes the
//! database already holds on a candidate. A leaf of `interchange` beside
//! `notes_in`, which reads the file.
//!
//! The candidate and engagement lookups are the ones `pipeline_in` makes
//! for applications; they are kept apart for now so that both readers can
//! change on their own, and meant to be folded into one.

use super::external::ExternalIndex;
use super::layout::Layout;
use crate::domain::erasure::is_erased;
use crate::domain::text::clean_line;
use crate::domain::{Candidate, CandidateId, EngagementId, ExternalId, Note};
use crate::store::{Store, StoreError};
use std::collections::HashMap;

/// What a row's names are looked up in.
pub(super) trait Lookup {
    /// The candidate a cell names, who may take a note (not erased).
    fn candidate(&self, text: &str) -> Result<CandidateId, String>;
    fn engagement(&self, text: &str) -> Result<EngagementId, String>;
    /// Whether the candidate is in the engagement's pipeline.
    fn applied(&self, engagement: EngagementId, candidate: CandidateId) -> Result<bool, String>;
    /// The notes already stored on a candidate.
    fn notes_of(&self, candidate: CandidateId) -> Result<Vec<Note>, String>;
}

fn unreadable(error: StoreError) -> String {
    format!("the database could not be read: {error}")
}

/// The database, with its engagements' titles at hand (they are few);
/// and the stored candidates by the ids other systems gave them: the
/// layout's system, when the file is read with one (`--from`, `--map`),
/// else any system, so that such an id is never taken for one of ours.
pub(super) struct InStore<'s> {
    store: &'s Store,
    titles: Vec<(EngagementId, String)>,
    layout: Option<&'s Layout>,
    external: ExternalIndex,
    /// Without a layout: each external id that is a bare number -> its
    /// system, an index into `systems`.
    bare_ids: HashMap<u64, usize>,
    systems: Vec<String>,
}

impl<'s> InStore<'s> {
    pub(super) fn new(store: &'s Store, layout: Option<&'s Layout>) -> Result<Self, StoreError> {
        let titles = (store.engagements()?.into_iter())
            .map(|e| (e.id, clean_line(&e.title)))
            .collect();
        let mut lookup = InStore {
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
                Some(_) => lookup.external.insert(&candidate),
                None => lookup.file_bare_ids(&candidate),
            }
        }
        Ok(lookup)
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
    /// by our id. With a layout, a bare number (`48216`) is only ever
    /// that system's id: were it taken for ours, a person the first
    /// import left out would have their notes on someone else.
    fn find(&self, text: &str) -> Result<Candidate, String> {
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
}

impl Lookup for InStore<'_> {
    fn candidate(&self, text: &str) -> Result<CandidateId, String> {
        let candidate = self.find(text)?;
        if is_erased(&candidate) {
            return Err(StoreError::Erased(candidate.id).to_string());
        }
        Ok(candidate.id)
    }

    /// An id (`E3`, `3`) of an engagement on file, else an exact title
    /// that only one engagement has.
    fn engagement(&self, text: &str) -> Result<EngagementId, String> {
        let id = text.parse::<EngagementId>().ok();
        if let Some(id) = id.filter(|id| self.titles.iter().any(|(e, _)| e == id)) {
            return Ok(id);
        }
        let titled: Vec<EngagementId> = (self.titles.iter())
            .filter(|(_, title)| title == text)
            .map(|(e, _)| *e)
            .collect();
        match (titled.as_slice(), id) {
            ([one], _) => Ok(*one),
            ([], Some(id)) => Err(format!("no engagement {id}")),
            ([], None) => Err(format!("no engagement is titled `{text}`")),
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

    fn applied(&self, engagement: EngagementId, candidate: CandidateId) -> Result<bool, String> {
        let app = self.store.application(engagement, candidate);
        Ok(app.map_err(unreadable)?.is_some())
    }

    fn notes_of(&self, candidate: CandidateId) -> Result<Vec<Note>, String> {
        self.store.notes_of(candidate).map_err(unreadable)
    }
}

/// The number a text of digits alone is (`48213`; not `C12`).
fn bare_number(text: &str) -> Option<u64> {
    let text = text.trim();
    let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    digits.then(|| text.parse().ok()).flatten()
}

/// An empty database: every name is unknown.
pub(super) struct Nothing;

impl Lookup for Nothing {
    fn candidate(&self, text: &str) -> Result<CandidateId, String> {
        Err(format!("no candidate `{text}` in an empty database"))
    }

    fn engagement(&self, text: &str) -> Result<EngagementId, String> {
        Err(format!("no engagement `{text}` in an empty database"))
    }

    fn applied(&self, _: EngagementId, _: CandidateId) -> Result<bool, String> {
        Ok(false)
    }

    fn notes_of(&self, _: CandidateId) -> Result<Vec<Note>, String> {
        Ok(Vec::new())
    }
}
