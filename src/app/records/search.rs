//! The search index over the records, built on a thread of its own so that
//! neither the first frame nor typing waits for it.
//!
//! At most one build runs at a time: writes made meanwhile only mark the
//! index stale, and the next search builds once more from the latest
//! records (a bulk tag of 500 candidates is one more build, not 500).

use super::Snapshot;
use super::data::Data;
use crate::catalog::Catalog;
use crate::search::SearchIndex;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

/// The index as last built, and the build under way for newer records.
#[derive(Default)]
pub struct SearchState {
    ready: Option<(u64, Arc<SearchIndex>)>,
    building: Option<(u64, Receiver<SearchIndex>)>,
    stale: bool,
}

impl SearchState {
    /// Starts a build from `data` (version `version`).
    pub fn start(&mut self, version: u64, data: &Data, catalog: &'static Catalog) {
        // An index of some candidates would find too few: the first is
        // built once all are read (`loading.rs`).
        if !data.is_complete() {
            return;
        }
        self.building = spawn_build(version, data, catalog);
    }

    /// After a write: a build from the latest records, unless one is under
    /// way (then the index is marked stale, to be rebuilt once it is done).
    pub fn wanted(&mut self, (version, data): Snapshot, catalog: &'static Catalog) {
        if let Some((built, rx)) = self.building.take() {
            match rx.try_recv() {
                Ok(index) => self.ready = Some((built, Arc::new(index))),
                Err(TryRecvError::Empty) => {
                    self.building = Some((built, rx));
                    self.stale = true;
                    return;
                }
                Err(TryRecvError::Disconnected) => {}
            }
        }
        self.start(version, &data, catalog);
    }

    /// The index over the latest records, waiting for a build under way
    /// and building once more if writes came meanwhile.
    pub fn latest(
        &mut self,
        snapshot: impl Fn() -> Snapshot,
        catalog: &'static Catalog,
    ) -> Option<Arc<SearchIndex>> {
        loop {
            if let Some((version, rx)) = self.building.take()
                && let Ok(index) = rx.recv()
            {
                self.ready = Some((version, Arc::new(index)));
            }
            if !std::mem::take(&mut self.stale) {
                break;
            }
            let (version, data) = snapshot();
            self.start(version, &data, catalog);
        }
        self.ready.as_ref().map(|(_, index)| Arc::clone(index))
    }
}

fn spawn_build(
    version: u64,
    data: &Data,
    catalog: &'static Catalog,
) -> Option<(u64, Receiver<SearchIndex>)> {
    let candidates = data.shared_candidates();
    let engagements = data.engagements().to_vec();
    let clients = data.agency().clients().to_vec();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("search-index".into())
        .spawn(move || {
            let _ = tx.send(SearchIndex::build(
                &candidates,
                &engagements,
                &clients,
                catalog,
            ));
        })
        .ok()
        .map(|_| (version, rx))
}

/// The index of one session's own records (a restricted role's redacted
/// copy, see `access.rs`), built as the shared one is, so that nothing it
/// may not see can be found from it.
#[derive(Default)]
pub struct OwnIndex {
    state: std::sync::Mutex<SearchState>,
    /// The records it is to be built from.
    records: std::sync::Mutex<Option<Snapshot>>,
}

impl OwnIndex {
    /// New records to index (the build starts at once, or after the one
    /// under way).
    pub fn wanted(&self, snapshot: Snapshot, catalog: &'static Catalog) {
        *super::lock(&self.records) = Some(snapshot.clone());
        super::lock(&self.state).wanted(snapshot, catalog);
    }

    /// The index over the latest records given, waiting for its build.
    pub fn latest(&self, catalog: &'static Catalog) -> Option<Arc<SearchIndex>> {
        let records = super::lock(&self.records).clone()?;
        super::lock(&self.state).latest(|| records.clone(), catalog)
    }
}
