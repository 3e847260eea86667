//! Taking in new snapshots of the shared records: this session's own
//! writes, and other sessions' (`hireterm serve`). Each session's cursors
//! stay on the records they were on, wherever those records move.

use super::data::Data;
use super::{App, pipeline};
use crate::domain::CandidateId;
use std::sync::Arc;

/// What each list's cursor is on, by identity rather than position.
struct Anchors {
    candidate: Option<CandidateId>,
    matrix_row: Option<CandidateId>,
    /// The board's column and the card selected in each column.
    cards: Vec<Option<CandidateId>>,
}

impl App {
    /// Records a write the store has just made in the shared records.
    pub(super) fn write_data(&mut self, write: impl FnOnce(&mut Data)) {
        let (version, data) = self.shared.change(write);
        if version == self.seen + 1 {
            // Only this write happened: the caller fixes its own view.
            self.data = data;
            self.seen = version;
        } else {
            self.adopt(version, data);
        }
    }

    /// Takes candidates in as the store holds them now, read while the
    /// shared records are locked: of two sessions' writes to one record,
    /// the later commit then wins on every screen too. True when one is new.
    pub(super) fn refresh_candidates(&mut self, ids: &[CandidateId]) -> bool {
        let store = Arc::clone(&self.store);
        let mut inserted = false;
        self.write_data(|data| {
            for &id in ids {
                if let Ok(Some(candidate)) = store.candidate(id) {
                    inserted |= data.upsert_candidate(candidate);
                }
            }
        });
        inserted
    }

    /// A candidate's notes as the store holds them now (see
    /// [`App::refresh_candidates`] for why they are read under the lock).
    pub(super) fn refresh_notes(&mut self, candidate: CandidateId) {
        let store = Arc::clone(&self.store);
        self.write_data(|data| {
            if let Ok(notes) = store.notes_of(candidate) {
                data.set_notes(candidate, notes);
            }
        });
    }

    /// Takes in what other sessions changed since the last frame; true when
    /// anything had. Cheap when nothing did.
    pub fn sync(&mut self) -> bool {
        if self.shared.version() == self.seen {
            return false;
        }
        let (version, data) = self.shared.snapshot();
        self.adopt(version, data);
        true
    }

    fn adopt(&mut self, version: u64, data: Arc<Data>) {
        let anchors = self.anchors();
        let old = std::mem::replace(&mut self.data, data);
        self.seen = version;
        let changed = self.data.changed_since(&old);
        if !changed.any() {
            return;
        }
        if changed.candidate_count {
            self.candidates.take_new_rows(&self.data, self.catalog);
        }
        self.rebuild_matrix();
        self.restore(&anchors);
        self.refresh_feeds();
    }

    fn anchors(&self) -> Anchors {
        let candidate = self.candidates.selected(&self.data).map(|c| c.id);
        let matrix_row = self
            .matrix
            .order
            .get(self.matrix.rows.selected)
            .and_then(|&i| self.data.candidates().get(i as usize))
            .map(|c| c.id);
        let cards = match self.engagement() {
            Some(engagement) => pipeline::board(&self.data, engagement, self.clock.now())
                .iter()
                .zip(&self.pipeline.cards)
                .map(|(column, cursor)| column.get(cursor.selected).map(|c| c.candidate.id))
                .collect(),
            None => Vec::new(),
        };
        Anchors {
            candidate,
            matrix_row,
            cards,
        }
    }

    fn restore(&mut self, anchors: &Anchors) {
        let data = Arc::clone(&self.data);
        let position = |order: &[u32], id: Option<CandidateId>| {
            let index = data.index_of(id?)? as u32;
            order.iter().position(|&i| i == index)
        };
        if let Some(at) = position(&self.candidates.order, anchors.candidate) {
            self.candidates.cursor.selected = at;
        }
        if let Some(at) = position(&self.matrix.order, anchors.matrix_row) {
            self.matrix.rows.selected = at;
        }
        let Some(engagement) = self.engagement() else {
            return;
        };
        let board = pipeline::board(&data, engagement, self.clock.now());
        for ((column, cursor), anchor) in board
            .iter()
            .zip(self.pipeline.cards.iter_mut())
            .zip(&anchors.cards)
        {
            match anchor.and_then(|id| column.iter().position(|c| c.candidate.id == id)) {
                Some(at) => cursor.selected = at,
                None => cursor.selected = cursor.selected.min(column.len().saturating_sub(1)),
            }
        }
        let page = self.page_rows();
        self.candidates
            .cursor
            .clamp(self.candidates.order.len(), page);
        self.matrix.rows.clamp(self.matrix.order.len(), page);
    }
}
