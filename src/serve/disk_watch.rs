//! A full disk stops the store's writes (`Records` reopens the store once
//! there is room again, see `app::records::live`); the server asks it to
//! every [`EVERY`] and says in its log when writes stopped and when they
//! resumed: one line each, not one per try.
//!
//! The reopen runs on a blocking thread: it opens sled again, which can
//! take a while on a large database, and the listener must not wait on it.

use super::log::Log;
use crate::app::records::{Records, Recovery};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;

/// How often a stopped store is tried again.
pub const EVERY: Duration = Duration::from_secs(2);

/// What the log has said so far, so that each change is said once.
#[derive(Debug, Default)]
pub struct DiskWatch {
    /// The log said writes stopped, and not yet that they resumed.
    said_stopped: bool,
    /// The last reopen error written (the same one is not repeated).
    said_error: Option<String>,
}

impl DiskWatch {
    pub fn new() -> DiskWatch {
        DiskWatch::default()
    }

    /// Reopens the store if it is stopped and there is room; logs what
    /// changed since the last look.
    pub fn check(&mut self, records: &Records, log: &Log) {
        match records.recover() {
            Ok(Recovery::Waiting) if !self.said_stopped => {
                self.said_stopped = true;
                log.line(format_args!(
                    "writes stopped: disk full at {}; will retry",
                    records.path().display()
                ));
            }
            Ok(Recovery::Waiting) => {}
            // Reopened here, or by a write in between.
            Ok(Recovery::Reopened | Recovery::Running) => {
                if std::mem::take(&mut self.said_stopped) {
                    log.line(format_args!(
                        "writes resumed: the database at {} has room again",
                        records.path().display()
                    ));
                }
                self.said_error = None;
            }
            Err(error) => {
                let words = error.to_string();
                if self.said_error.as_ref() != Some(&words) {
                    log.line(format_args!(
                        "cannot reopen the database: {words}; will retry"
                    ));
                    self.said_error = Some(words);
                }
            }
        }
    }
}

/// Looks at the store every [`EVERY`] until the server stops.
pub async fn run(records: Arc<Records>, log: Log, mut stopping: watch::Receiver<bool>) {
    let mut watch = DiskWatch::new();
    let mut tick = tokio::time::interval(EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = stopping.wait_for(|stop| *stop) => return,
        }
        let (records, log) = (Arc::clone(&records), log.clone());
        let looked = tokio::task::spawn_blocking(move || {
            watch.check(&records, &log);
            watch
        });
        match looked.await {
            Ok(looked) => watch = looked,
            // A panic in there (in sled, say) was logged by the hook.
            Err(_) => watch = DiskWatch::new(),
        }
    }
}
