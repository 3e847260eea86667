//! The trial open of a folder that was not closed cleanly: sled recovers
//! a copy first, and the real folder is opened only if the copy holds
//! every change the watermark says was acknowledged. sled's recovery of a
//! damaged log cuts off everything after the damage and zeroes it; on the
//! copy that costs nothing, on the real folder it would lose the changes.
//!
//! The copy holds only what recovery reads and writes (`sparse_copy.rs`),
//! not the whole folder, so this takes about as long as a sled open of
//! the changes made since the last one, whatever the database's size.
//!
//! Earlier the copy was whole and every tree of it was read, to find
//! damage that sled only notices when it reads a page. Recovery reads
//! every segment written since the last snapshot and checks each
//! message's CRC, so damage there still cuts the log and fails the
//! watermark check here. Damage in older segments is not looked for
//! before the open any more: sled checks the CRC of every page it reads,
//! so such damage is reported as damage when the page is first read
//! (`check` reads them all), never read as data. Recovery writes only
//! where it reads, and the pages it wrote (a new snapshot, the zeroed
//! tail, segments no page lives in), so finding it then loses nothing
//! finding it on the copy would have kept.

use super::error::Result;
use super::open_wait::Allowance;
use super::pause;
use super::scratch::Scratch;
use super::sled_open;
use super::sparse_copy::SparseCopy;
use std::path::Path;

/// Recovers a copy of the database at `path` within `deadline` and checks
/// it holds every acknowledged change. The copy's sled is closed and the
/// copy removed behind the caller's back, while it opens the real folder:
/// at a million candidates that takes tens of milliseconds. The returned
/// [`Cleanup`] waits for that when dropped.
pub fn run(path: &Path, deadline: Allowance) -> Result<Cleanup> {
    let scratch = Scratch::create(path)?;
    let copy = scratch.copy_for_recovery(path, "db")?;
    pause::point("recovery-copied");
    let (next_event, db) = sled_open::with_deadline(path, deadline, move || read_copy(copy))?;
    let cleanup = Cleanup::start(db, scratch);
    sled_open::check_acknowledged(path, next_event)?;
    Ok(cleanup)
}

/// Opens the copy and reads its event counter.
fn read_copy(mut copy: SparseCopy) -> sled::Result<(u64, sled::Db)> {
    let db = filling_holes(&mut copy, |copy| sled_open::open_to_read(copy.path()))?;
    let next_event = filling_holes(&mut copy, |_| sled_open::next_event_id(&db))?;
    Ok((next_event, db))
}

/// Closing the copy's sled and removing the copy, on a thread of its own.
pub struct Cleanup(Option<std::thread::JoinHandle<()>>);

impl Cleanup {
    fn start(db: sled::Db, scratch: Scratch) -> Cleanup {
        let work = move || {
            drop(db);
            drop(scratch);
        };
        let thread = std::thread::Builder::new().name(sled_open::OPENER_THREAD.into());
        // Without a thread, `work` is dropped here: the same, now.
        Cleanup(thread.spawn(work).ok())
    }
}

impl Drop for Cleanup {
    fn drop(&mut self) {
        if let Some(thread) = self.0.take() {
            // A panic there (sled's last sync of the copy failing) is in
            // the copy: nothing to tell.
            let _ = thread.join();
        }
    }
}

/// Runs `work` until it is done or fails other than by reading a hole of
/// the copy, filling the hole it read each time. A hole read reads zeros,
/// which sled reports as damage at that place; damage where the copy
/// holds the real bytes is real, and so is the answer.
fn filling_holes<T>(
    copy: &mut SparseCopy,
    mut work: impl FnMut(&SparseCopy) -> sled::Result<T>,
) -> sled::Result<T> {
    loop {
        match work(copy) {
            Err(sled::Error::Corruption { at: Some(at), .. }) if copy.fill(at.lid())? => {}
            outcome => return outcome,
        }
    }
}
