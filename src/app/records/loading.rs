//! Reading a large database's candidates behind its first screen: the
//! records start from [`Data::load_first`] (the candidates the pipelines
//! name), a thread reads every candidate, and the snapshot it completes
//! is published like any write, so every session takes it in before its
//! next frame. The search index is built then. A close stops the read
//! (a quit does not wait for it).

use super::data::Data;
use super::publish::LOADER;
use super::{Records, lock};
use crate::catalog::Catalog;
use crate::domain::Candidate;
use crate::store::{Result, Store};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// From this many candidates on, screens do not wait for them all:
/// reading 10,000 takes about 30 ms, 100,000 about 300 ms.
pub const READ_BEHIND_FROM: usize = 10_000;

/// How often the screens are woken to show the read's progress.
const WAKE_EVERY: Duration = Duration::from_millis(100);

/// The background read's state, shared with its thread.
#[derive(Default)]
pub struct Loader {
    progress: Arc<Progress>,
    thread: Mutex<Option<JoinHandle<()>>>,
}

#[derive(Default)]
struct Progress {
    read: AtomicUsize,
    of: AtomicUsize,
    stop: AtomicBool,
    failed: Mutex<Option<String>>,
}

/// How far the read of every candidate has come, while it runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadState {
    Reading {
        read: usize,
        of: usize,
    },
    /// It stopped on an error (in words): the rest cannot be shown.
    Failed(String),
    /// Not begun: the database is still being opened behind the first
    /// screen (`opening.rs`).
    Opening,
}

impl Loader {
    /// How many candidates the read will find, for its progress.
    pub(super) fn expect(&self, of: usize) {
        self.progress.of.store(of, Ordering::Relaxed);
    }
}

impl Records {
    /// The records for screens (the local app, `serve`'s sessions): all
    /// of them read first, `report` told how far, for a database under
    /// `READ_BEHIND_FROM` (10,000) candidates; else the first screen's, the rest
    /// read on a thread.
    pub fn load_for_screens(
        store: Arc<Store>,
        catalog: &'static Catalog,
        report: &mut dyn FnMut(usize, usize),
    ) -> Result<Arc<Records>> {
        if store.candidate_count() < READ_BEHIND_FROM {
            return Records::load_reporting(store, catalog, report);
        }
        let records = Records::load_first(store, catalog)?;
        records.read_the_rest()?;
        Ok(records)
    }

    /// The records of a large database for its first screen: every
    /// engagement, pipeline and agency record, and the candidates they
    /// name; [`Records::read_the_rest`] reads the others.
    pub fn load_first(store: Arc<Store>, catalog: &'static Catalog) -> Result<Arc<Records>> {
        let newest = super::catch_up::starting_point(&store)?;
        let data = Data::load_first(&store)?;
        let of = store.candidate_count();
        let records = Records::with_data(super::live::LiveStore::new(store), catalog, data);
        records.loader.expect(of);
        let records = Arc::new(records);
        records.hear_others(newest);
        Ok(records)
    }

    /// Starts reading every candidate on a thread of its own; nothing to
    /// do when they are all here.
    pub fn read_the_rest(self: &Arc<Self>) -> Result<()> {
        if self.snapshot().1.is_complete() {
            return Ok(());
        }
        let store = self.store()?;
        let progress = Arc::clone(&self.loader.progress);
        let records = Arc::downgrade(self);
        let spawned = std::thread::Builder::new()
            .name("hireterm-load".into())
            .spawn(move || read_all(&store, &progress, &records));
        let handle =
            spawned.map_err(|source| crate::store::StoreError::io_at(self.path(), source))?;
        *lock(&self.loader.thread) = Some(handle);
        Ok(())
    }

    /// Reads every candidate on this thread and publishes them (tests,
    /// and a caller that would rather wait).
    pub fn read_the_rest_now(self: &Arc<Self>) -> Result<()> {
        if self.snapshot().1.is_complete() {
            return Ok(());
        }
        let all = self.store()?.all_candidates(&mut |_| {})?;
        self.publish_all(all);
        Ok(())
    }

    /// How far the read of every candidate has come; `None` when they are
    /// all here.
    pub fn load_state(&self) -> Option<LoadState> {
        if self.snapshot().1.is_complete() {
            return None;
        }
        if self.is_opening() {
            return Some(LoadState::Opening);
        }
        let progress = &self.loader.progress;
        if let Some(failure) = lock(&progress.failed).clone() {
            return Some(LoadState::Failed(failure));
        }
        let of = progress.of.load(Ordering::Relaxed);
        let read = progress.read.load(Ordering::Relaxed).min(of);
        Some(LoadState::Reading { read, of })
    }

    /// Stops the read under way, if one is, and waits for its thread.
    pub(super) fn stop_loading(&self) {
        self.loader.progress.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = lock(&self.loader.thread).take() {
            let _ = thread.join();
        }
    }

    /// Joins every candidate into the latest snapshot and publishes it.
    /// The joining (a sort by name of them all) is done outside the write
    /// lock, so a write meanwhile does not wait for it; if one was made,
    /// the join is done again from the newer snapshot.
    fn publish_all(&self, mut all: Vec<Candidate>) {
        loop {
            let (version, partial) = self.snapshot();
            if partial.is_complete() {
                return;
            }
            match self.publish_over(version, partial.completed(all), LOADER) {
                Ok(()) => return,
                Err(full) => all = full.into_candidates(),
            }
        }
    }

    /// Wakes every screen, as the loader.
    pub(super) fn wake_all(&self) {
        self.wake(LOADER);
    }
}

/// The loader thread: every candidate, with the screens woken now and
/// then to show how far it has come.
fn read_all(store: &Store, progress: &Progress, records: &Weak<Records>) {
    progress
        .of
        .store(store.candidate_count(), Ordering::Relaxed);
    let mut woken = Instant::now();
    let mut report = |read| {
        progress.read.store(read, Ordering::Relaxed);
        if woken.elapsed() >= WAKE_EVERY {
            woken = Instant::now();
            records.upgrade().inspect(|records| records.wake_all());
        }
    };
    match store.all_candidates_unless(&mut report, &progress.stop) {
        Ok(Some(all)) => {
            if let Some(records) = records.upgrade() {
                records.publish_all(all);
            }
        }
        Ok(None) => {}
        Err(error) => {
            *lock(&progress.failed) = Some(error.to_string());
            records.upgrade().inspect(|records| records.wake_all());
        }
    }
}
