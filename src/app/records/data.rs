//! The records on screen: loaded from the store once, then kept in step
//! with every write the app makes (by `Records`, the one owner of writes,
//! in the order the store committed them).
//!
//! Every part sits behind its own `Arc`, so a snapshot is cheap to copy and
//! sessions share one: a write copies only the part it changes (one
//! pipeline for a card move), and the old snapshot lives on until the last
//! session drawing from it has moved to the new one.

mod edits;
mod partial;

use super::agency::Agency;
use crate::domain::{
    Application, Candidate, CandidateId, Engagement, EngagementId, Note, Stage, Timestamp,
};
use crate::store::{Result, Store};
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

#[derive(Clone)]
pub struct Data {
    /// Every candidate, in id order (so lookups are a binary search).
    /// Shared with the search index while it is built in the background.
    candidates: Arc<Vec<Candidate>>,
    engagements: Arc<Vec<Engagement>>,
    /// Each engagement's pipeline, by candidate id.
    pipelines: Arc<HashMap<EngagementId, Arc<Vec<Application>>>>,
    /// Per candidate (parallel to `candidates`): the stage of the
    /// application that moved last, and when.
    latest: Arc<Vec<Option<(Stage, Timestamp)>>>,
    /// Per candidate: its place in case-insensitive name order, so that
    /// every sort can break ties by name with one integer comparison.
    name_rank: Arc<Vec<u32>>,
    /// The candidates (their indices) in that order: the candidates
    /// table's default rows, shared by every session showing them rather
    /// than copied into each (400 KB apiece at 100,000 candidates).
    by_name: Arc<Vec<u32>>,
    /// Notes by candidate, oldest first.
    notes: Arc<HashMap<CandidateId, Vec<Note>>>,
    /// Clients, submittals and placements.
    agency: Agency,
    /// `None` once every candidate is read. Before (a large database's
    /// first screen, `partial.rs`), only the candidates the pipelines,
    /// submittals and placements name are here, and this holds the ids
    /// of those written since, whose versions here are newer than what
    /// the background read may have seen.
    partial: Option<Arc<BTreeSet<CandidateId>>>,
}

/// Which parts of the records differ between two snapshots.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Changed {
    pub candidates: bool,
    /// Candidates were added (not only edited).
    pub candidate_count: bool,
    pub engagements: bool,
    pub pipelines: bool,
    pub notes: bool,
    /// Clients, submittals or placements.
    pub agency: bool,
    pub clients: bool,
}

impl Changed {
    pub fn any(self) -> bool {
        self.candidates || self.engagements || self.pipelines || self.notes || self.agency
    }
}

impl Data {
    pub fn load(store: &Store) -> Result<Data> {
        Data::load_reporting(store, &mut |_, _| {})
    }

    /// [`Data::load`], telling `report` how many candidates of how many
    /// are read (every few thousand, and once at the end): what a large
    /// database's loading screen shows.
    pub fn load_reporting(store: &Store, report: &mut dyn FnMut(usize, usize)) -> Result<Data> {
        let total = store.candidate_count();
        let mut candidates = store.all_candidates(&mut |read| report(read, total.max(read)))?;
        candidates.shrink_to_fit();
        report(candidates.len(), candidates.len());
        Ok(Data::from_records(
            candidates,
            store.engagements()?,
            store.applications()?,
            store.notes()?,
            Agency::load(store)?,
        ))
    }

    /// A snapshot of records read elsewhere (the store, or generated data
    /// for a benchmark); candidates and engagements in id order.
    pub fn from_records(
        candidates: Vec<Candidate>,
        engagements: Vec<Engagement>,
        applications: Vec<Application>,
        all_notes: Vec<Note>,
        agency: Agency,
    ) -> Data {
        let mut pipelines: HashMap<EngagementId, Vec<Application>> = HashMap::new();
        for app in applications {
            pipelines.entry(app.engagement).or_default().push(app);
        }
        let mut notes: HashMap<CandidateId, Vec<Note>> = HashMap::new();
        for note in all_notes {
            notes.entry(note.candidate).or_default().push(note);
        }
        let apps: Vec<(CandidateId, Stage, Timestamp)> =
            pipelines.values().flatten().map(moved).collect();
        let mut data = Data {
            agency,
            partial: None,
            notes: Arc::new(notes),
            latest: Arc::new(vec![None; candidates.len()]),
            name_rank: Arc::default(),
            by_name: Arc::default(),
            candidates: Arc::new(candidates),
            engagements: Arc::new(engagements),
            pipelines: Arc::new(
                pipelines
                    .into_iter()
                    .map(|(id, apps)| (id, Arc::new(apps)))
                    .collect(),
            ),
        };
        data.rank_names();
        for (candidate, stage, at) in apps {
            data.note_move(candidate, stage, at);
        }
        data
    }

    /// Keeps `latest` at the candidate's most recent move.
    fn note_move(&mut self, candidate: CandidateId, stage: Stage, at: Timestamp) {
        if let Some(index) = self.index_of(candidate) {
            let slot = &mut Arc::make_mut(&mut self.latest)[index];
            if slot.is_none_or(|(_, seen)| at >= seen) {
                *slot = Some((stage, at));
            }
        }
    }

    pub fn candidates(&self) -> &[Candidate] {
        &self.candidates
    }

    /// The candidates, shared rather than copied (for the search index).
    pub fn shared_candidates(&self) -> Arc<Vec<Candidate>> {
        Arc::clone(&self.candidates)
    }

    pub fn engagements(&self) -> &[Engagement] {
        &self.engagements
    }

    pub fn index_of(&self, id: CandidateId) -> Option<usize> {
        self.candidates.binary_search_by_key(&id, |c| c.id).ok()
    }

    pub fn candidate(&self, id: CandidateId) -> Option<&Candidate> {
        self.index_of(id).map(|i| &self.candidates[i])
    }

    pub fn engagement(&self, id: EngagementId) -> Option<&Engagement> {
        self.engagements.iter().find(|e| e.id == id)
    }

    /// One engagement's applications, by candidate id.
    pub fn pipeline(&self, id: EngagementId) -> &[Application] {
        self.pipelines.get(&id).map_or(&[], |apps| apps.as_slice())
    }

    /// Every application of one candidate, across engagements.
    pub fn applications_of(&self, id: CandidateId) -> Vec<&Application> {
        let mut apps: Vec<&Application> = self
            .pipelines
            .values()
            .flat_map(|apps| apps.iter())
            .filter(|a| a.candidate == id)
            .collect();
        apps.sort_by_key(|a| a.engagement);
        apps
    }

    /// Takes in a candidate the store has just added or rewritten, keeping
    /// id order and the name ranks; true when it is new. (Indices into
    /// the candidates may shift: a caller holding some rebuilds them.)
    pub fn upsert_candidate(&mut self, candidate: Candidate) -> bool {
        self.touch(candidate.id);
        let candidates = Arc::make_mut(&mut self.candidates);
        let (inserted, renamed) = match candidates.binary_search_by_key(&candidate.id, |c| c.id) {
            Ok(index) => {
                let renamed = candidates[index].name != candidate.name;
                candidates[index] = candidate;
                (false, renamed)
            }
            Err(index) => {
                candidates.insert(index, candidate);
                Arc::make_mut(&mut self.latest).insert(index, None);
                (true, true)
            }
        };
        if renamed {
            self.rank_names();
        }
        inserted
    }

    /// Recomputes the name order (`name_rank` and `by_name`).
    fn rank_names(&mut self) {
        let rank = crate::domain::candidate::rank_by_name(&self.candidates);
        let mut by_name = vec![0u32; rank.len()];
        for (index, &place) in rank.iter().enumerate() {
            by_name[place as usize] = index as u32;
        }
        self.name_rank = Arc::new(rank);
        self.by_name = Arc::new(by_name);
    }

    /// Takes in an engagement the store has just added or rewritten,
    /// keeping id order; true when it is new.
    pub fn upsert_engagement(&mut self, engagement: Engagement) -> bool {
        let engagements = Arc::make_mut(&mut self.engagements);
        match engagements.binary_search_by_key(&engagement.id, |e| e.id) {
            Ok(index) => {
                engagements[index] = engagement;
                false
            }
            Err(index) => {
                engagements.insert(index, engagement);
                true
            }
        }
    }

    /// Takes in a note the store has just written (ids grow, so it is the
    /// newest of its candidate's).
    pub fn add_note(&mut self, note: Note) {
        let all = Arc::make_mut(&mut self.notes);
        all.entry(note.candidate).or_default().push(note);
    }

    /// Drops a note the store has just removed.
    pub fn remove_note(&mut self, candidate: CandidateId, id: crate::domain::NoteId) {
        let all = Arc::make_mut(&mut self.notes);
        if let Some(notes) = all.get_mut(&candidate) {
            notes.retain(|n| n.id != id);
            if notes.is_empty() {
                all.remove(&candidate);
            }
        }
    }

    /// A candidate's notes, oldest first.
    pub fn notes_of(&self, id: CandidateId) -> &[Note] {
        self.notes.get(&id).map_or(&[], Vec::as_slice)
    }

    /// The candidate's place in name order (see `name_rank`).
    pub fn name_rank(&self, index: usize) -> u32 {
        self.name_rank.get(index).copied().unwrap_or(u32::MAX)
    }

    /// Every candidate's index, in name order (`name_rank`'s inverse),
    /// shared.
    pub fn by_name(&self) -> Arc<Vec<u32>> {
        Arc::clone(&self.by_name)
    }

    /// The stage of the candidate's most recently moved application.
    pub fn current_stage(&self, index: usize) -> Option<Stage> {
        self.latest
            .get(index)
            .copied()
            .flatten()
            .map(|(stage, _)| stage)
    }

    /// Takes in an application the store has just written.
    pub fn put_application(&mut self, app: Application) {
        let (candidate, stage, at) = moved(&app);
        self.note_move(candidate, stage, at);
        let pipelines = Arc::make_mut(&mut self.pipelines);
        let pipeline = Arc::make_mut(pipelines.entry(app.engagement).or_default());
        match pipeline.binary_search_by_key(&app.candidate, |a| a.candidate) {
            Ok(i) => pipeline[i] = app,
            Err(i) => pipeline.insert(i, app),
        }
    }
}

impl Data {
    /// Clients, submittals and placements.
    pub fn agency(&self) -> &Agency {
        &self.agency
    }

    pub fn agency_mut(&mut self) -> &mut Agency {
        &mut self.agency
    }

    /// Drops an application the store has just removed (an undone add).
    pub fn remove_application(&mut self, engagement: EngagementId, candidate: CandidateId) {
        let pipelines = Arc::make_mut(&mut self.pipelines);
        if let Some(pipeline) = pipelines.get_mut(&engagement) {
            Arc::make_mut(pipeline).retain(|a| a.candidate != candidate);
        }
        if let Some(index) = self.index_of(candidate) {
            let latest = self
                .applications_of(candidate)
                .into_iter()
                .map(moved)
                .max_by_key(|m| m.2);
            Arc::make_mut(&mut self.latest)[index] = latest.map(|(_, stage, at)| (stage, at));
        }
    }

    /// What differs from an older snapshot; parts are compared by identity,
    /// since every write replaces the part it touches.
    pub fn changed_since(&self, old: &Data) -> Changed {
        Changed {
            candidates: !Arc::ptr_eq(&self.candidates, &old.candidates),
            candidate_count: self.candidates.len() != old.candidates.len(),
            engagements: !Arc::ptr_eq(&self.engagements, &old.engagements),
            pipelines: !Arc::ptr_eq(&self.pipelines, &old.pipelines),
            notes: !Arc::ptr_eq(&self.notes, &old.notes),
            agency: self.agency.changed_since(&old.agency),
            clients: self.agency.clients_changed_since(&old.agency),
        }
    }
}

/// The records of a snapshot, shared (without the orders worked out from
/// them): what a restricted session's redacted copy is made from.
#[derive(Clone)]
pub struct Parts {
    pub candidates: Arc<Vec<Candidate>>,
    pub engagements: Arc<Vec<Engagement>>,
    pub pipelines: Arc<HashMap<EngagementId, Arc<Vec<Application>>>>,
    pub notes: Arc<HashMap<CandidateId, Vec<Note>>>,
    pub agency: Agency,
}

impl Data {
    pub fn parts(&self) -> Parts {
        Parts {
            candidates: Arc::clone(&self.candidates),
            engagements: Arc::clone(&self.engagements),
            pipelines: Arc::clone(&self.pipelines),
            notes: Arc::clone(&self.notes),
            agency: self.agency.clone(),
        }
    }

    /// This snapshot with its records replaced by redacted copies of
    /// themselves: the same candidates in the same order under the same
    /// names, the same cards at the same stages, so that the name order
    /// and latest moves worked out from them still hold.
    pub fn with_parts(&self, parts: Parts) -> Data {
        debug_assert_eq!(parts.candidates.len(), self.candidates.len());
        Data {
            candidates: parts.candidates,
            engagements: parts.engagements,
            pipelines: parts.pipelines,
            notes: parts.notes,
            agency: parts.agency,
            ..self.clone()
        }
    }
}

fn moved(app: &Application) -> (CandidateId, Stage, Timestamp) {
    (
        app.candidate,
        app.stage,
        app.last_changed_at().unwrap_or_default(),
    )
}
