//! What an applications file's names are looked up in: the database's
//! engagements (by id or title) and candidates (by id, email, or the id
//! another system gave them), and the stage names of ours and theirs.

use super::super::cells::stage_named;
use super::super::layout::{FileKind, Layout};
use super::super::layouts;
use super::super::names::{StoredNames, unreadable};
use crate::domain::{CandidateId, EngagementId, Stage};
use crate::store::{Store, StoreError};
use std::rc::Rc;

/// The engagement a row names: one on file, or one the import is to
/// create by its title (`--create-engagements`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum EngagementRef {
    Stored(EngagementId),
    New(Rc<str>),
}

impl std::fmt::Display for EngagementRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EngagementRef::Stored(id) => write!(f, "{id}"),
            EngagementRef::New(title) => write!(f, "the new engagement `{title}`"),
        }
    }
}

/// A stage by our name, else as another system names it: the layout's
/// value map (`--from`, `--map`), then the names most systems use
/// (`Phone Screen`, `Onsite`, `Hired`: `assets/layouts/spreadsheet.toml`).
pub(super) fn stage_read(text: &str, layout: Option<&Layout>) -> Result<Stage, String> {
    stage_named(text).or_else(|ours| {
        (layout.and_then(|l| l.stage(text)))
            .or_else(|| layouts::spreadsheet(FileKind::Csv).stage(text))
            .ok_or(ours)
    })
}

/// What a row's names are looked up in.
pub(super) trait Lookup {
    fn engagement(&self, text: &str) -> Result<EngagementRef, String>;
    fn candidate(&self, text: &str) -> Result<CandidateId, String>;
    /// A stage, ours or another system's.
    fn stage(&self, text: &str) -> Result<Stage, String> {
        stage_read(text, None)
    }
    /// The stage the candidate is at in the engagement's pipeline, if
    /// they are in it.
    fn stage_of(
        &self,
        engagement: EngagementId,
        candidate: CandidateId,
    ) -> Result<Option<Stage>, String>;
}

/// The database's names (shared with `notes_in`: `names.rs`), the
/// layout whose stage names the file uses, and whether a title none has
/// names an engagement to create.
pub(super) struct InStore<'s> {
    names: StoredNames<'s>,
    create: bool,
}

impl<'s> InStore<'s> {
    pub(super) fn new(
        store: &'s Store,
        layout: Option<&'s Layout>,
        create: bool,
    ) -> Result<InStore<'s>, StoreError> {
        let names = StoredNames::new(store, layout)?;
        Ok(InStore { names, create })
    }
}

impl Lookup for InStore<'_> {
    fn stage(&self, text: &str) -> Result<Stage, String> {
        stage_read(text, self.names.layout)
    }

    fn engagement(&self, text: &str) -> Result<EngagementRef, String> {
        match self.names.engagement(text)? {
            Some(id) => Ok(EngagementRef::Stored(id)),
            None if self.create => Ok(EngagementRef::New(text.into())),
            None => Err(format!(
                "no engagement is titled `{text}` (--create-engagements creates it)"
            )),
        }
    }

    fn candidate(&self, text: &str) -> Result<CandidateId, String> {
        self.names.candidate(text).map(|c| c.id)
    }

    fn stage_of(
        &self,
        engagement: EngagementId,
        candidate: CandidateId,
    ) -> Result<Option<Stage>, String> {
        let app = self.names.store.application(engagement, candidate);
        Ok(app.map_err(unreadable)?.map(|a| a.stage))
    }
}

/// An empty database: every name is unknown.
pub(super) struct Nothing;

impl Lookup for Nothing {
    fn engagement(&self, text: &str) -> Result<EngagementRef, String> {
        Err(format!("no engagement `{text}` in an empty database"))
    }

    fn candidate(&self, text: &str) -> Result<CandidateId, String> {
        Err(format!("no candidate `{text}` in an empty database"))
    }

    fn stage_of(&self, _: EngagementId, _: CandidateId) -> Result<Option<Stage>, String> {
        Ok(None)
    }
}
