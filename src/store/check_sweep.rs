//! `check`'s pass over its two large trees, candidates and events: each
//! read in two halves at once (`check_halves.rs`), one record at a time,
//! keeping only what the cross-checks ask of them afterwards (ids,
//! emails, counters, the few events other records are checked against),
//! so that its memory is a small part of the records'.

use super::check_erasure::{ErasedHit, ErasedMarks};
use super::check_halves::in_halves;
use super::counts::Tally;
use super::decoded::{Decoded, each};
use super::error::Result;
use super::records::{candidate_event_key, describe_key};
use crate::domain::{Candidate, CandidateId, Event, EventKind};
use crate::store::kv::Tree;

/// The candidates that decoded, as the cross-checks need them: id and
/// email, by id (a doubled id keeps its order of reading).
#[derive(Default)]
pub(super) struct Known(Vec<(CandidateId, Box<str>)>);

impl Known {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn contains(&self, id: CandidateId) -> bool {
        self.email(id).is_some()
    }

    /// The email of the candidate of this id, the last read if the id
    /// is doubled (as a map filled in reading order would keep).
    pub fn email(&self, id: CandidateId) -> Option<&str> {
        let after = self
            .guess(id)
            .unwrap_or_else(|| self.0.partition_point(|(known, _)| *known <= id));
        let (known, email) = self.0.get(after.checked_sub(1)?)?;
        (*known == id).then_some(email)
    }

    /// Where the entries of `id` end, found at once when ids run without
    /// gaps from the first, as they mostly do (a search is a dozen
    /// misses of the cache at a million candidates); none if not there.
    fn guess(&self, id: CandidateId) -> Option<usize> {
        let first = self.0.first()?.0.0;
        let at = usize::try_from(id.0.checked_sub(first)?).ok()?;
        let is_last_of_id = self.0.get(at + 1).is_none_or(|(next, _)| *next != id);
        (self.0.get(at)?.0 == id && is_last_of_id).then_some(at + 1)
    }

    pub fn highest(&self) -> Option<u64> {
        self.0.last().map(|(id, _)| id.0)
    }
}

/// What `check` keeps of the candidates tree.
#[derive(Default)]
pub(super) struct CandidateSweep {
    pub known: Known,
    /// The counters the candidates make.
    pub tally: Tally,
    /// Records that do not decode, then records under another's key.
    pub undecoded: Vec<String>,
    pub misplaced: Vec<String>,
    pub erased: Vec<ErasedHit>,
}

/// What `check` keeps of the events tree.
#[derive(Default)]
pub(super) struct EventSweep {
    pub count: usize,
    pub highest: Option<u64>,
    /// The event index's keys (candidate, event) its events call for.
    pub indexed: Vec<[u8; 16]>,
    /// The events other records are checked against (see [`is_kept`]).
    pub kept: Decoded<Event>,
    pub undecoded: Vec<String>,
    pub misplaced: Vec<String>,
    pub erased: Vec<ErasedHit>,
}

/// Reads the candidates tree, both halves at once.
pub(super) fn candidates(tree: &Tree, erased: Option<&ErasedMarks>) -> Result<CandidateSweep> {
    let [mut lower, upper] = in_halves(tree, |entries| {
        let (mut sweep, mut undecoded) = (CandidateSweep::default(), Vec::new());
        each(entries, &mut undecoded, |key, candidate: Candidate| {
            sweep.read(key, candidate, erased)
        })?;
        sweep.undecoded = undecoded;
        Ok(sweep)
    })?;
    lower.undecoded.extend(upper.undecoded);
    lower.misplaced.extend(upper.misplaced);
    lower.erased.extend(upper.erased);
    lower.tally.absorb(upper.tally);
    lower.known.0.extend(upper.known.0);
    // Stable: a doubled id keeps its order of reading.
    lower.known.0.sort_by_key(|(id, _)| *id);
    Ok(lower)
}

impl CandidateSweep {
    fn read(&mut self, key: &[u8], candidate: Candidate, erased: Option<&ErasedMarks>) {
        if key != candidate.id.to_key() {
            self.misplaced.push(misplaced("candidates", key));
        }
        self.tally.change(None, Some(&candidate));
        if let Some(marks) = erased {
            let place = || format!("candidate {}", candidate.id);
            marks.note(&candidate, place, &mut self.erased);
        }
        self.known.0.push((candidate.id, candidate.email.into()));
    }
}

/// Reads the events tree, both halves at once.
pub(super) fn events(tree: &Tree, erased: Option<&ErasedMarks>) -> Result<EventSweep> {
    let [mut lower, upper] = in_halves(tree, |entries| {
        let (mut sweep, mut undecoded) = (EventSweep::default(), Vec::new());
        each(entries, &mut undecoded, |key, event: Event| {
            sweep.read(key, event, erased)
        })?;
        sweep.undecoded = undecoded;
        Ok(sweep)
    })?;
    lower.count += upper.count;
    lower.highest = lower.highest.max(upper.highest);
    lower.indexed.extend(upper.indexed);
    lower.kept.extend(upper.kept);
    lower.undecoded.extend(upper.undecoded);
    lower.misplaced.extend(upper.misplaced);
    lower.erased.extend(upper.erased);
    Ok(lower)
}

impl EventSweep {
    fn read(&mut self, key: &[u8], event: Event, erased: Option<&ErasedMarks>) {
        self.count += 1;
        self.highest = self.highest.max(Some(event.id.0));
        if key != event.id.to_key() {
            self.misplaced.push(misplaced("events", key));
        }
        if let Some(candidate) = event.kind.candidate() {
            self.indexed.push(candidate_event_key(candidate, event.id));
        }
        if let (Some(marks), Some(images)) = (erased, event.kind.candidate_images()) {
            for image in images {
                let place = || format!("the merge image in event {}", event.id);
                marks.note(image, place, &mut self.erased);
            }
        }
        if is_kept(&event.kind) {
            self.kept.push((key.to_vec(), event));
        }
    }
}

/// The events other records are checked against, all of them: an
/// application's moves (and its removal), and when engagements and
/// clients were added or changed (for submittals). A cross-check that
/// reads events of another kind adds it here.
fn is_kept(kind: &EventKind) -> bool {
    kind.application().is_some()
        || matches!(
            kind,
            EventKind::ApplicationRemoved { .. }
                | EventKind::EngagementAdded { .. }
                | EventKind::EngagementUpdated { .. }
                | EventKind::ClientAdded { .. }
                | EventKind::ClientUpdated { .. }
        )
}

/// The problem of a record stored under a key not its own.
pub(super) fn misplaced(tree: &str, key: &[u8]) -> String {
    format!(
        "{tree} {}: stored under the key of another record",
        describe_key(key)
    )
}
