//! A large database's first screen before its open is done: the records
//! start from what the last clean close left beside the database
//! (`store/first_file.rs`), with no store behind them; the open (every
//! file checked, half a second at a million candidates) runs on a thread
//! and hands its store over with [`Records::attach`]. Until then the
//! screens draw, and a read or a write of the store says it is still
//! being opened. An open that fails ends the app with its error.

use super::Records;
use super::data::Data;
use super::live::LiveStore;
use crate::catalog::Catalog;
use crate::store::{FirstRecords, Result, Store};
use std::path::Path;
use std::sync::Arc;

impl Records {
    /// Records drawn from `first`, the database at `path` still opening.
    pub fn opening(path: &Path, catalog: &'static Catalog, first: FirstRecords) -> Arc<Records> {
        let of = first.candidate_count;
        let data = Data::from_first(first);
        let records = Records::with_data(LiveStore::opening(path), catalog, data);
        records.loader.expect(of);
        Arc::new(records)
    }

    /// Takes the store the open behind the first screen gave, and starts
    /// reading every candidate; or, if it failed, keeps its error for the
    /// screens (which then end) and gives it back.
    pub fn attach(self: &Arc<Self>, opened: Result<Store>) -> Result<()> {
        let attached = opened.and_then(|store| {
            self.store.attach(Arc::new(store));
            self.read_the_rest()
        });
        if let Err(error) = &attached {
            self.store.fail_open(error.to_string());
        }
        self.wake_all();
        attached
    }

    /// Why the open behind the first screen failed, once it has.
    pub fn open_failure(&self) -> Option<String> {
        self.store.open_failure()
    }

    /// True while the database is opened behind the first screen.
    pub fn is_opening(&self) -> bool {
        self.store.is_opening()
    }
}
