//! Taking in new snapshots of the records: this session's own writes and
//! other sessions' (`hireterm serve`). Each session's cursors stay on the
//! records they were on, wherever those records move.

use super::App;
use super::overlay::Overlay;
use super::pipeline::Card;
use super::prompt::commands;
use super::prompt::palette::MAX_HITS;
use super::records::Snapshot;
use crate::domain::CandidateId;
use std::sync::Arc;

/// What each list's cursor is on, by identity rather than position.
struct Anchors {
    candidate: Option<CandidateId>,
    matrix_row: Option<CandidateId>,
    /// The card selected in each column of the board.
    cards: Vec<Option<CandidateId>>,
    /// The card under the cursor, which the cursor follows to another
    /// column when it moves (`>`, `<`, an undo, another session's move).
    card: Option<CandidateId>,
}

impl App {
    /// Readies the app for a frame: takes in other sessions' changes,
    /// refreshes views that time has made stale, and runs the search for
    /// the palette's latest query, if it changed.
    pub fn settle(&mut self) {
        // The database behind the first screen could not be opened: the
        // app ends and its runner reports why (`cli/tui.rs`).
        if self.records.open_failure().is_some() {
            self.quit = true;
        }
        if !self.sync() {
            self.refresh_stale_views();
        }
        self.run_palette_search();
    }

    /// Takes in what other sessions changed since the last frame; true when
    /// anything had. Cheap when nothing did.
    pub fn sync(&mut self) -> bool {
        if self.records.version() == self.seen {
            return false;
        }
        let snapshot = self.records.snapshot();
        self.adopt(snapshot);
        true
    }

    /// Takes in a newer snapshot: one this session's write published
    /// (with whatever other sessions wrote before it), or the latest.
    pub(super) fn adopt(&mut self, (version, data): Snapshot) {
        if version <= self.seen {
            return;
        }
        let anchors = self.anchors();
        let data = (self.access).view(
            &self.records,
            (version, data),
            Some(&self.data),
            self.catalog,
        );
        let old = std::mem::replace(&mut self.data, data);
        self.seen = version;
        let changed = self.data.changed_since(&old);
        if !changed.any() {
            return;
        }
        let filtered_on = changed.candidates || changed.engagements || changed.pipelines;
        if self.candidates.filter.is_some() && (filtered_on || changed.agency) {
            self.refilter();
        } else if changed.candidate_count {
            self.candidates.take_new_rows(&self.data, self.catalog);
        }
        self.refresh_views();
        self.restore(&anchors);
        if !old.is_complete() {
            // Nobody saw the table of a few: it opens at its top.
            self.candidates.cursor = Default::default();
            self.matrix.rows = Default::default();
        }
        self.refresh_feeds();
    }

    /// The palette's hits for its latest query, once per frame.
    fn run_palette_search(&mut self) {
        let Some(Overlay::Palette(palette)) = &self.overlay else {
            return;
        };
        if !palette.stale {
            return;
        }
        let query = palette.query.text().to_string();
        let entries = commands::entries(&query, &self.saved_views, self.data.engagements());
        let mut hits = match self.search_index() {
            Some(index) if !commands::is_command(&query) => index.search(&query, MAX_HITS, None),
            _ => Vec::new(),
        };
        let data = Arc::clone(&self.data);
        crate::search::explain(&mut hits, &query, self.catalog, |id| data.candidate(id));
        if let Some(Overlay::Palette(palette)) = &mut self.overlay {
            palette.found(entries, hits);
        }
    }

    fn anchors(&self) -> Anchors {
        let candidate = self.candidates.selected(&self.data).map(|c| c.id);
        let matrix_row = self
            .matrix
            .order
            .get(self.matrix.rows.selected)
            .and_then(|&i| self.data.candidates().get(i as usize))
            .map(|c| c.id);
        let cards: Vec<Option<CandidateId>> = self
            .board()
            .iter()
            .zip(&self.pipeline.cards)
            .map(|(column, cursor)| column.get(cursor.selected).map(|c| c.candidate.id))
            .collect();
        let card = cards.get(self.pipeline.column).copied().flatten();
        Anchors {
            candidate,
            matrix_row,
            cards,
            card,
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
        let board = self.views.board(&data);
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
        self.follow_card(&board, anchors.card);
        let page = self.page_rows();
        self.pipeline.clamp(&board, page);
        self.candidates
            .cursor
            .clamp(self.candidates.order.len(), page);
        self.matrix.rows.clamp(self.matrix.order.len(), page);
    }
}

impl App {
    /// Puts the cursor on `card` wherever it now is on the board; where
    /// it left the board, the cursor stays in its column.
    fn follow_card(&mut self, board: &[Vec<Card>], card: Option<CandidateId>) {
        let Some(card) = card else {
            return;
        };
        let found = board.iter().enumerate().find_map(|(column, cards)| {
            let at = cards.iter().position(|c| c.candidate.id == card)?;
            Some((column, at))
        });
        if let Some((column, at)) = found {
            self.pipeline.column = column;
            self.pipeline.cards[column].selected = at;
        }
    }
}
