//! Reading every record one at a time, in key order, for exports that
//! must not hold a whole database in memory; and every candidate at once,
//! on two threads, for the app's start.

use super::Store;
use super::error::Result;
use crate::domain::{Application, Candidate, Engagement, Note};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

impl Store {
    /// Every candidate in id order, decoded as the iterator is advanced.
    pub fn each_candidate(&self) -> impl Iterator<Item = Result<Candidate>> + '_ {
        self.candidates.iter().map(super::decode_item)
    }

    /// Every candidate in id order, read and decoded in two halves at once
    /// (decoding is most of the app's start at 100,000 candidates and
    /// more); `progress` is told how many are read so far, every few
    /// thousand, on the calling thread.
    pub fn all_candidates(&self, progress: &mut dyn FnMut(usize)) -> Result<Vec<Candidate>> {
        let never = AtomicBool::new(false);
        let all = self.all_candidates_unless(progress, &never)?;
        Ok(all.unwrap_or_default())
    }

    /// [`Store::all_candidates`], given up (`None`) as soon as `stop` is
    /// set: the app's background read of a large database, which a quit
    /// must not wait for.
    pub fn all_candidates_unless(
        &self,
        progress: &mut dyn FnMut(usize),
        stop: &AtomicBool,
    ) -> Result<Option<Vec<Candidate>>> {
        let tree = &self.candidates;
        let middle = super::check_halves::middle_key(tree)?;
        let read = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            let lower = scope.spawn(|| decoded(tree.range(..middle), (&read, stop), &mut |_| {}));
            let upper = decoded(tree.range(middle..), (&read, stop), progress);
            let mut lower = lower
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
            lower.extend(upper?);
            Ok((!stop.load(Ordering::Relaxed)).then_some(lower))
        })
    }

    /// Every engagement in id order.
    pub fn each_engagement(&self) -> impl Iterator<Item = Result<Engagement>> + '_ {
        self.engagements.iter().map(super::decode_item)
    }

    /// Every application, by engagement id then candidate id.
    pub fn each_application(&self) -> impl Iterator<Item = Result<Application>> + '_ {
        self.applications.iter().map(super::decode_item)
    }

    /// Every note, by candidate id then note id.
    pub fn each_note(&self) -> impl Iterator<Item = Result<Note>> + '_ {
        self.notes.iter().map(super::decode_item)
    }

    /// True when the database holds no candidates and no engagements (and
    /// so no applications or notes either).
    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.candidates.is_empty()? && self.engagements.is_empty()?)
    }
}

/// The candidates of `entries`, counted in `read` (shared by both
/// halves) and told to `progress` every [`PROGRESS_EVERY`]; cut short
/// when `stop` is set.
fn decoded(
    entries: crate::store::kv::Iter,
    (read, stop): (&AtomicUsize, &AtomicBool),
    progress: &mut dyn FnMut(usize),
) -> Result<Vec<Candidate>> {
    let mut out = Vec::new();
    for item in entries {
        if stop.load(Ordering::Relaxed) {
            break;
        }
        out.push(super::decode_item(item)?);
        let so_far = read.fetch_add(1, Ordering::Relaxed) + 1;
        if out.len().is_multiple_of(PROGRESS_EVERY) {
            progress(so_far);
        }
    }
    Ok(out)
}

/// How many candidates one half reads between two reports of progress.
const PROGRESS_EVERY: usize = 4096;
