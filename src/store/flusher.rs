//! sled's flush, bounded in time.
//!
//! After a failed disk write, sled 0.34.7's `flush` can wait forever for a
//! log position its I/O thread will never make stable (it checks for the
//! error, then sleeps on a condition variable nobody signals). A command
//! that hangs is worse than one that fails: so each flush runs on a
//! thread of the store's own, and a flush that does not answer within the
//! deadline is an error. The stuck thread keeps its handle on sled, so
//! nothing later (closing included) waits on sled again: the store
//! refuses every further write and the process ends normally.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

const DEFAULT_DEADLINE_SECS: u64 = 20;
/// How long the question "why does the flush not answer" may take.
const PROBE_DEADLINE: Duration = Duration::from_secs(1);
/// Overrides how long a flush may take before the store gives up on it.
pub const DEADLINE_ENV: &str = "HIRETERM_FLUSH_TIMEOUT_SECS";

/// Why a flush did not complete.
pub enum Failed {
    Sled(sled::Error),
    /// No answer within the deadline, or an earlier flush failed and
    /// sled is given up on.
    Stuck(Duration),
}

type Reply = Sender<sled::Result<usize>>;

pub struct Flusher {
    requests: Option<Sender<Reply>>,
    /// A second handle, to ask sled why a flush does not answer.
    probe: sled::Db,
    thread: Option<JoinHandle<()>>,
    stuck: AtomicBool,
    /// The failure that stopped sled was a full disk: later refusals
    /// say so too, rather than only that the engine stopped.
    disk_full: AtomicBool,
    deadline: Duration,
}

impl Flusher {
    pub fn start(db: sled::Db) -> std::io::Result<Flusher> {
        let probe = db.clone();
        let (requests, incoming) = mpsc::channel::<Reply>();
        let thread = std::thread::Builder::new()
            .name("hireterm-flush".into())
            .spawn(move || serve(db, incoming))?;
        Ok(Flusher {
            requests: Some(requests),
            probe,
            thread: Some(thread),
            stuck: AtomicBool::new(false),
            disk_full: AtomicBool::new(false),
            deadline: deadline(),
        })
    }

    /// Flushes sled within the deadline.
    pub fn flush(&self) -> Result<usize, Failed> {
        if self.is_stuck() {
            return Err(Failed::Stuck(self.deadline));
        }
        let (reply, answer) = mpsc::channel();
        let sent = self.requests.as_ref().map(|r| r.send(reply));
        if !matches!(sent, Some(Ok(()))) {
            return Err(Failed::Stuck(self.deadline));
        }
        match answer.recv_timeout(self.deadline) {
            Ok(Ok(flushed)) => Ok(flushed),
            Ok(Err(error)) => {
                // sled does not recover from a failed write, and its last
                // handle's drop flushes again, which can then wait forever:
                // keep the thread (and its handle) so that never happens.
                self.stuck.store(true, Ordering::Release);
                Err(self.failed(error))
            }
            Err(_) => {
                self.stuck.store(true, Ordering::Release);
                match self.why_stuck() {
                    Some(error) => Err(self.failed(error)),
                    None => Err(Failed::Stuck(self.deadline)),
                }
            }
        }
    }

    /// How long a flush may take before it is given up on.
    pub fn deadline(&self) -> Duration {
        self.deadline
    }

    /// Gives up on sled for `error`, remembering whether the disk was full.
    fn failed(&self, error: sled::Error) -> Failed {
        if let sled::Error::Io(io) = &error {
            let full = super::space::is_disk_full(io);
            self.disk_full.store(full, Ordering::Release);
        }
        Failed::Sled(error)
    }

    /// The error behind a flush that does not answer, if sled knows one.
    /// A flush waiting on a write that failed in sled's I/O thread is
    /// never woken; a second flush reads the error sled recorded and
    /// returns it at once (waking the first on its way out). It runs on
    /// a thread of its own, bounded, since it could wait too.
    fn why_stuck(&self) -> Option<sled::Error> {
        let (reply, answer) = mpsc::channel();
        let probe = self.probe.clone();
        let spawned = std::thread::Builder::new()
            .name("hireterm-flush-probe".into())
            .spawn(move || drop(reply.send(probe.flush())));
        spawned.ok()?;
        answer.recv_timeout(PROBE_DEADLINE).ok()?.err()
    }

    /// Whether sled was given up on because the disk was full.
    pub fn met_full_disk(&self) -> bool {
        self.disk_full.load(Ordering::Acquire)
    }

    pub fn is_stuck(&self) -> bool {
        self.stuck.load(Ordering::Acquire)
    }
}

impl Drop for Flusher {
    /// Ends the thread and waits for it, so that sled's last handle is let
    /// go on the caller's thread (see `close.rs`); a stuck thread is left
    /// behind with its handle, so that sled is never closed.
    fn drop(&mut self) {
        self.requests = None;
        if let Some(thread) = self.thread.take()
            && !self.is_stuck()
        {
            let _ = thread.join();
        }
    }
}

fn serve(db: sled::Db, incoming: Receiver<Reply>) {
    for reply in incoming {
        let _ = reply.send(db.flush());
    }
}

fn deadline() -> Duration {
    super::open::seconds_from_env(DEADLINE_ENV, DEFAULT_DEADLINE_SECS)
}
