//! Erasing a person: their candidate record anonymised, and every event,
//! note, application, submittal and placement about them rid of free text
//! and images (the rules are `domain::erasure`), in one transaction with
//! the tombstones that remember them and the event that says who erased
//! and why. The old values stay in sled's log until it is rewritten:
//! [`Store::compact`] does that. The command runs it next; the app
//! cannot while it runs, so the erasure leaves a mark in `meta` that
//! the next close sees to ([`Store::close_rewriting`]).

use super::Store;
use super::counts::Tally;
use super::error::{Result, StoreError};
use super::notes::note_key;
use super::records::{application_key, encode};
use super::tombstones::{self, digest, marks_of};
use super::tx;
use crate::domain::erasure::{self, erased_image, is_erased};
use crate::domain::{
    Application, Candidate, CandidateId, Event, EventId, EventKind, Placement, Stamp, Submittal,
};
use crate::store::kv::{Transactional, Tree};
use sled::IVec;

/// The rewritten values, worked out before the transaction (whose closure
/// may run more than once and must only write).
#[derive(Default)]
struct Rewrites {
    /// (tree, key, value) for every changed record.
    puts: Vec<(usize, Vec<u8>, Vec<u8>)>,
    /// The person's tombstone keys.
    marks: Vec<(&'static str, String)>,
    /// What the rewrites change of the counters.
    counted: Tally,
}

/// Positions of the trees in the transaction.
const CANDIDATES: usize = 0;
const EMAILS: usize = 1;
const META: usize = 2;
const EVENTS: usize = 3;
const EVENT_INDEX: usize = 4;
const NOTES: usize = 5;
const APPLICATIONS: usize = 6;
const SUBMITTALS: usize = 7;
const PLACEMENTS: usize = 8;
const TOMBSTONES: usize = 9;

impl Store {
    /// Erases candidate `id`'s personal data (see the module's header);
    /// returns the erasure's event. Refuses an unknown or erased one.
    pub fn erase_candidate(&self, id: CandidateId, reason: &str, stamp: &Stamp) -> Result<EventId> {
        self.ensure_writable()?;
        let reason = crate::domain::text::clean_line(reason);
        if reason.is_empty() {
            return Err(invalid("an erasure needs a reason (--reason)".into()));
        }
        let Some(person) = self.candidate(id)? else {
            return Err(StoreError::NoCandidate(id));
        };
        if is_erased(&person) {
            return Err(invalid(format!("{id} is already erased")));
        }
        let erased = erased_image(&person);
        let rewrites = self.rewrites_for(&person, &erased)?;
        let tombstones = self.tombstone_tree()?;
        let fresh_salt = tombstones::new_salt();
        let trees: [&Tree; 10] = [
            &self.candidates,
            &self.emails,
            &self.meta,
            &self.events,
            &self.event_index,
            &self.notes,
            &self.applications,
            &self.submittals,
            &self.placements,
            &tombstones,
        ];
        let old_email = crate::domain::text::normalize_email(&person.email);
        let event = trees[..].transaction(|t| {
            for (tree, key, value) in &rewrites.puts {
                t[*tree].insert(key.as_slice(), value.as_slice())?;
            }
            rewrites.counted.apply(&t[META])?;
            t[EMAILS].remove(old_email.as_bytes())?;
            t[EMAILS].insert(erased.email.as_bytes(), &id.to_key())?;
            let salt = match t[META].get(tombstones::SALT_KEY)? {
                Some(salt) => salt,
                None => {
                    t[META].insert(tombstones::SALT_KEY, &fresh_salt)?;
                    IVec::from(&fresh_salt)
                }
            };
            // The old values stay in sled's files until they are
            // rewritten: by whoever closes the database (`compact.rs`).
            t[META].insert(tombstones::REWRITE_PENDING, &[1u8])?;
            let at = stamp.at.timestamp_millis().to_be_bytes();
            for (by, value) in &rewrites.marks {
                t[TOMBSTONES].insert(digest(&salt, by, value), &at)?;
            }
            let kind = EventKind::CandidateErased {
                candidate: id,
                reason: reason.clone(),
            };
            tx::append_event(&t[EVENTS], &t[EVENT_INDEX], &t[META], stamp, kind)
        })?;
        self.flush()?;
        Ok(event)
    }

    /// Every record about `person` as it is once erased, and the marks
    /// for their tombstones (merge images included: a merged-in duplicate
    /// was the same person).
    fn rewrites_for(&self, person: &Candidate, erased: &Candidate) -> Result<Rewrites> {
        let mut rewrites = Rewrites {
            marks: marks_of(person),
            ..Rewrites::default()
        };
        let id = person.id;
        rewrites.put(CANDIDATES, id.to_key().to_vec(), erased)?;
        rewrites.counted.change(Some(person), Some(erased));
        for event in self.events_of(id, usize::MAX)? {
            for image in event.kind.candidate_images().into_iter().flatten() {
                rewrites.mark(marks_of(image));
            }
            if let Some(kind) = erasure::erase_event(&event.kind, erased) {
                let event = Event { kind, ..event };
                rewrites.put(EVENTS, event.id.to_key().to_vec(), &event)?;
            }
        }
        for mut note in self.notes_of(id)? {
            erasure::erase_note(&mut note);
            rewrites.put(NOTES, note_key(id, note.id).to_vec(), &note)?;
        }
        self.erase_pipeline_records(id, &mut rewrites)?;
        Ok(rewrites)
    }

    /// The person's applications, submittals and placements.
    fn erase_pipeline_records(&self, id: CandidateId, rewrites: &mut Rewrites) -> Result<()> {
        let applications: Vec<Application> = self.applications()?;
        for mut application in applications.into_iter().filter(|a| a.candidate == id) {
            let before = application.clone();
            erasure::erase_application(&mut application);
            rewrites.counted.change(Some(&before), Some(&application));
            let key = application_key(application.engagement, id);
            rewrites.put(APPLICATIONS, key.to_vec(), &application)?;
        }
        let submittals: Vec<Submittal> = self.submittals()?;
        for mut submittal in submittals.into_iter().filter(|s| s.candidate == id) {
            let before = submittal.clone();
            erasure::erase_submittal(&mut submittal);
            rewrites.counted.change(Some(&before), Some(&submittal));
            rewrites.put(SUBMITTALS, submittal.id.to_key().to_vec(), &submittal)?;
        }
        let placements: Vec<Placement> = self.placements()?;
        for mut placement in placements.into_iter().filter(|p| p.candidate == id) {
            let before = placement.clone();
            erasure::erase_placement(&mut placement);
            rewrites.counted.change(Some(&before), Some(&placement));
            rewrites.put(PLACEMENTS, placement.id.to_key().to_vec(), &placement)?;
        }
        Ok(())
    }
}

impl Rewrites {
    fn put<R: super::Record>(&mut self, tree: usize, key: Vec<u8>, record: &R) -> Result<()> {
        let bytes = encode(record).map_err(StoreError::Encode)?;
        self.puts.push((tree, key, bytes));
        Ok(())
    }

    fn mark(&mut self, marks: Vec<(&'static str, String)>) {
        for mark in marks {
            if !self.marks.contains(&mark) {
                self.marks.push(mark);
            }
        }
    }
}

fn invalid(message: String) -> StoreError {
    StoreError::Invalid(vec![message])
}
