//! Writes for imports: candidates, engagements and notes that keep the ids
//! an export gave them (so that applications and notes link up again),
//! and candidates in chunks without the per-record email lookups of
//! [`Store::add_candidates`] (the import has checked the file first; the
//! transaction still refuses a taken email).

use super::Store;
use super::candidates::{refuse_taken_email, validate as validate_candidate};
use super::counts::Tally;
use super::engagements::validate as validate_engagement;
use super::error::{Result, StoreError};
use super::tx;
use crate::domain::client::same_name;
use crate::domain::ids::MAX_ID;
use crate::domain::text::normalize_email;
use crate::domain::{Application, Candidate, CandidateId, Engagement, EventKind, Note, Stamp};
use crate::store::kv::Transactional;
use crate::store::kv::TxTree;

impl Store {
    /// Adds one chunk of candidates in one transaction. A candidate whose
    /// id is 0 gets a fresh one; any other id is kept, and refused if it is
    /// taken. The id counter ends past every id used. Not flushed: call
    /// [`Store::flush`] after the last chunk.
    pub fn import_candidates(
        &self,
        chunk: &[Candidate],
        stamp: &Stamp,
    ) -> Result<Vec<CandidateId>> {
        self.ensure_writable()?;
        for candidate in chunk {
            validate_candidate(candidate)?;
            refuse_huge_id(candidate.id.0)?;
        }
        let trees = self.candidate_trees();
        trees.transaction(|(candidates, emails, meta, events, event_index)| {
            let (ids, mut counted) = (chunk_ids(candidates, meta, chunk)?, Tally::default());
            for (candidate, &id) in chunk.iter().zip(&ids) {
                let email = normalize_email(&candidate.email);
                refuse_taken_email(emails, &email, None)?;
                let stored = Candidate {
                    id,
                    ..candidate.clone()
                };
                tx::put(candidates, &id.to_key(), &stored)?;
                counted.change(None, Some(&stored));
                emails.insert(email.as_bytes(), &id.to_key())?;
                let kind = EventKind::CandidateAdded { candidate: id };
                tx::append_event(events, event_index, meta, stamp, kind)?;
            }
            counted.apply(meta)?;
            Ok(ids)
        })
    }

    /// Adds engagements under the ids they carry. Not flushed.
    /// Adds engagements under the ids they carry, each for the client of
    /// the name beside it: the one on file of that name (compared
    /// folded), else a new one, written in the same transaction. Not
    /// flushed.
    pub fn import_engagements(&self, chunk: &[(Engagement, String)], stamp: &Stamp) -> Result<()> {
        self.ensure_writable()?;
        for (engagement, _) in chunk {
            validate_engagement(engagement)?;
            refuse_huge_id(engagement.id.0)?;
        }
        let on_file = self.clients()?;
        let trees = (
            &self.engagements,
            &self.clients,
            &self.meta,
            &self.events,
            &self.event_index,
        );
        trees.transaction(|(stored, clients, meta, events, event_index)| {
            let (mut known, mut counted) = (on_file.clone(), Tally::default());
            for (engagement, name) in chunk {
                let client = match known.iter().find(|c| same_name(&c.name, name)) {
                    Some(client) => client.id,
                    None => {
                        let client = new_client(meta, name, engagement.opened_at)?;
                        tx::put(clients, &client.id.to_key(), &client)?;
                        counted.change(None, Some(&client));
                        let kind = EventKind::ClientAdded { client: client.id };
                        tx::append_event(events, event_index, meta, stamp, kind)?;
                        known.push(client);
                        known[known.len() - 1].id
                    }
                };
                let id = engagement.id;
                let taken = stored.get(id.to_key())?.is_some();
                keep_id(meta, tx::ENGAGEMENT_SEQ, id.0, taken)?;
                let engagement = Engagement {
                    client,
                    ..engagement.clone()
                };
                tx::put(stored, &id.to_key(), &engagement)?;
                counted.change(None, Some(&engagement));
                let kind = EventKind::EngagementAdded { engagement: id };
                tx::append_event(events, event_index, meta, stamp, kind)?;
            }
            counted.apply(meta)
        })
    }

    /// Adds notes under the ids they carry, each with its event stamped
    /// with the note's own time and author. Not flushed.
    pub fn import_notes(&self, chunk: &[Note]) -> Result<()> {
        self.ensure_writable()?;
        for note in chunk {
            super::notes::stored_text(&note.text)?;
            refuse_huge_id(note.id.0)?;
        }
        let trees = (
            &self.notes,
            &self.candidates,
            &self.meta,
            &self.events,
            &self.event_index,
        );
        trees.transaction(|(notes, candidates, meta, events, event_index)| {
            for note in chunk {
                // An export's erased people come back erased, their
                // notes with them: only a missing candidate is refused.
                super::notes::require_candidate(candidates, note.candidate)?;
                let key = super::notes::note_key(note.candidate, note.id);
                let taken = notes.get(key)?.is_some();
                keep_id(meta, tx::NOTE_SEQ, note.id.0, taken)?;
                tx::put(notes, &key, note)?;
                let stamp = Stamp::new(note.at, note.author.clone());
                let kind = EventKind::NoteAdded {
                    candidate: note.candidate,
                    engagement: note.engagement,
                    note: note.id,
                };
                tx::append_event(events, event_index, meta, &stamp, kind)?;
            }
            Ok(())
        })
    }
}

/// The ids a chunk of candidates is stored under: each kept id (refused
/// if taken), and fresh ones past the counter and every kept id for the
/// rest. The counter is read and moved once per chunk, not per record.
fn chunk_ids(
    candidates: &TxTree,
    meta: &TxTree,
    chunk: &[Candidate],
) -> tx::TxResult<Vec<CandidateId>> {
    let counter = tx::read_counter(meta.get(tx::CANDIDATE_SEQ)?.as_deref());
    let highest_kept = chunk.iter().map(|c| c.id.0).max().unwrap_or(0);
    let mut next = counter.max(after(highest_kept)?);
    let mut ids = Vec::with_capacity(chunk.len());
    for candidate in chunk {
        let id = if candidate.id.0 == 0 {
            if next > MAX_ID {
                let kind = tx::counter_kind(tx::CANDIDATE_SEQ);
                return tx::abort(StoreError::IdsUsedUp { kind });
            }
            next += 1;
            next - 1
        } else if candidates.get(candidate.id.to_key())?.is_some() {
            return tx::abort(StoreError::Invalid(vec![format!(
                "id {} is taken; records with ids go into an empty database",
                candidate.id.0
            )]));
        } else {
            candidate.id.0
        };
        ids.push(CandidateId(id));
    }
    meta.insert(tx::CANDIDATE_SEQ, &next.to_be_bytes())?;
    Ok(ids)
}

/// What is wrong with an application's history or scorecards, checked as
/// [`Store::add_applications`] will check it; `None` when it would be
/// accepted (references aside).
pub fn application_problem(app: &Application) -> Option<String> {
    if let Some(flaw) = super::check::history_flaw(app) {
        return Some(flaw);
    }
    app.scorecards
        .iter()
        .flat_map(crate::domain::Scorecard::problems)
        .next()
}

/// A kept id (refused when `taken`), or a fresh one when `id` is 0; the
/// counter under `seq` ends past it either way.
pub(super) fn keep_id(meta: &TxTree, seq: &[u8], id: u64, taken: bool) -> tx::TxResult<u64> {
    if id == 0 {
        return tx::reserve_ids(meta, seq, 1);
    }
    if taken {
        return tx::abort(StoreError::Invalid(vec![format!(
            "id {id} is taken; records with ids go into an empty database"
        )]));
    }
    let next = tx::read_counter(meta.get(seq)?.as_deref());
    if next <= id {
        meta.insert(seq, &after(id)?.to_be_bytes())?;
    }
    Ok(id)
}

/// The id after `id`, or an abort when there is none.
fn after(id: u64) -> tx::TxResult<u64> {
    match id.checked_add(1) {
        Some(next) => Ok(next),
        None => tx::abort(StoreError::Invalid(vec![format!(
            "no id is left after {id}"
        )])),
    }
}

/// Refuses an id past [`MAX_ID`]: the counter must be able to go on.
pub(super) fn refuse_huge_id(id: u64) -> Result<()> {
    if id > MAX_ID {
        return Err(StoreError::Invalid(vec![format!(
            "id {id} is too large (ids go up to {MAX_ID})"
        )]));
    }
    Ok(())
}

/// A client of this name, with a fresh id (an empty name is the firm's
/// own openings).
fn new_client(
    meta: &TxTree,
    name: &str,
    at: crate::domain::Timestamp,
) -> tx::TxResult<crate::domain::Client> {
    let id = crate::domain::ClientId(tx::reserve_ids(meta, tx::CLIENT_SEQ, 1)?);
    let name = match crate::domain::client::clean_name(name) {
        empty if empty.is_empty() => super::migrate::INTERNAL_CLIENT.to_string(),
        name => name,
    };
    Ok(crate::domain::Client {
        id,
        name,
        contacts: Vec::new(),
        notes: String::new(),
        created_at: at,
    })
}
