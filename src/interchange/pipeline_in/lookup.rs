//! What an applications file's names are looked up in: the database's
//! engagements (by id or title) and candidates (by id, email, or the id
//! another system gave them), and the stage names of ours and theirs.

use super::super::cells::stage_named;
use super::super::external::ExternalIndex;
use super::super::layout::{FileKind, Layout};
use super::super::layouts;
use crate::domain::text::clean_line;
use crate::domain::{CandidateId, EngagementId, ExternalId, Stage};
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

pub(super) fn unreadable(error: StoreError) -> String {
    format!("the database could not be read: {error}")
}

/// The database, with its engagements' titles at hand (they are few);
/// and when the file is another system's (`--from`, `--map`), that
/// layout, whose stage names it uses, and the stored candidates by their
/// ids in that system, by which it may name them.
pub(super) struct InStore<'s> {
    store: &'s Store,
    titles: Vec<(EngagementId, String)>,
    layout: Option<&'s Layout>,
    external: ExternalIndex,
    /// A title no engagement has names one to create.
    create: bool,
}

impl<'s> InStore<'s> {
    pub(super) fn new(
        store: &'s Store,
        layout: Option<&'s Layout>,
        create: bool,
    ) -> Result<InStore<'s>, StoreError> {
        let titles = store
            .engagements()?
            .into_iter()
            .map(|e| (e.id, clean_line(&e.title)))
            .collect();
        let mut external = ExternalIndex::default();
        if layout.is_some() {
            for candidate in store.each_candidate() {
                external.insert(&candidate?);
            }
        }
        Ok(InStore {
            store,
            titles,
            layout,
            external,
            create,
        })
    }

    /// The engagement titled `text` when no id matched.
    fn by_title(&self, text: &str, id: Option<EngagementId>) -> Result<EngagementRef, String> {
        let titled: Vec<EngagementId> = (self.titles.iter())
            .filter(|(_, title)| title == text)
            .map(|(e, _)| *e)
            .collect();
        match (titled.as_slice(), id) {
            ([one], _) => Ok(EngagementRef::Stored(*one)),
            ([], Some(id)) => Err(format!("no engagement {id}")),
            ([], None) if self.create => Ok(EngagementRef::New(text.into())),
            ([], None) => Err(format!(
                "no engagement is titled `{text}` (--create-engagements creates it)"
            )),
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

impl Lookup for InStore<'_> {
    fn stage(&self, text: &str) -> Result<Stage, String> {
        stage_read(text, self.layout)
    }

    /// An id (`E3`, `3`) of an engagement on file, else an exact title
    /// that only one engagement has (or none, to be created).
    fn engagement(&self, text: &str) -> Result<EngagementRef, String> {
        let id = text.parse::<EngagementId>().ok();
        if let Some(id) = id.filter(|id| self.titles.iter().any(|(e, _)| e == id)) {
            return Ok(EngagementRef::Stored(id));
        }
        self.by_title(text, id)
    }

    /// An id the other system gave them (with its layout), an id of ours
    /// (`C12`, `12`), or an email.
    fn candidate(&self, text: &str) -> Result<CandidateId, String> {
        let theirs = self.layout.map(|l| ExternalId::new(l.system.clone(), text));
        if let Some(found) = theirs.and_then(|id| self.external.find_id(&id)) {
            return Ok(found);
        }
        if text.contains('@') {
            return match self.store.candidate_by_email(text).map_err(unreadable)? {
                Some(candidate) => Ok(candidate.id),
                None => Err(format!("no candidate has the email {text}")),
            };
        }
        let id = text
            .parse::<CandidateId>()
            .map_err(|_| format!("`{text}` is neither a candidate id (C12) nor an email"))?;
        match self.store.candidate(id).map_err(unreadable)? {
            Some(_) => Ok(id),
            None => Err(format!("no candidate {id}")),
        }
    }

    fn stage_of(
        &self,
        engagement: EngagementId,
        candidate: CandidateId,
    ) -> Result<Option<Stage>, String> {
        let app = self.store.application(engagement, candidate);
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
