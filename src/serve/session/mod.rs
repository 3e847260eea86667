//! One session's app: the same `App` as the local terminal, fed by the
//! bytes the client types (decoded by `KeyDecoder`) and drawn into the
//! session's `Screen`.
//!
//! A session is a task, not a thread: it waits on its [`Inbox`] (no CPU
//! while idle), then hands its app to tokio's blocking pool for one
//! step (`step.rs`: apply everything that arrived, then draw once, as
//! `term::run_app` does) and takes it back. The pool's size is set by the
//! cores (`cli::serve`), so a thousand sessions share a handful of
//! threads, while a slow step (a durable write, a backup) still holds up
//! only its own session. Two timers the local runner does not need: the
//! lone ESC (~25 ms) and the idle timeout.
//!
//! Live updates: every session's app draws from one set of records
//! (`app::records::Records`); a write there wakes every other session with
//! `Pending::changed` (the server's watcher calls
//! `Sessions::notify_changed`), and `App::settle` takes the new records in
//! before the next frame.

mod step;

pub use step::ESC_TIMEOUT;

use super::AppSetup;
use super::inbox::{Ending, Inbox};
use super::log::{Log, quoted};
use super::outbox::Outbox;
use super::screen::LEAVE;
use super::sessions::Slot;
use crate::ui::Theme;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use step::Live;

/// Everything a session needs.
pub struct SessionStart {
    pub user: String,
    /// What the session may see and do (its key's line).
    pub role: crate::domain::access::Role,
    pub size: (u16, u16),
    pub theme: Theme,
    pub idle_timeout: Option<Duration>,
    pub records: Arc<crate::app::records::Records>,
    pub setup: Arc<AppSetup>,
    pub inbox: Arc<Inbox>,
    pub outbox: Arc<Outbox>,
    /// Where the ending is recorded for the connection's log line.
    pub ending: Arc<Mutex<Option<Ending>>>,
    pub log: Log,
    pub slot: Slot,
}

/// Starts the session's task (on the current tokio runtime). However it
/// ends (a panic in a step too, or the runtime shutting down), the client
/// gets its screen back, a word, an exit status and a close.
pub fn spawn(start: SessionStart) {
    tokio::spawn(async move {
        let mut farewell = Farewell {
            outbox: Arc::clone(&start.outbox),
            ending: Arc::clone(&start.ending),
            why: Ending::Failed("hireterm stopped unexpectedly".into()),
        };
        let start = Arc::new(start);
        farewell.why = run(Arc::clone(&start)).await;
        // `start` (the slot, the store) is dropped after the farewell.
    });
}

/// The session: open, then wait and step until something ends it.
async fn run(start: Arc<SessionStart>) -> Ending {
    let opening = Arc::clone(&start);
    let mut live = match on_the_pool(move || Live::open(&opening)).await {
        Ok(Ok(live)) => live,
        Ok(Err(ending)) | Err(ending) => return ending,
    };
    loop {
        let wait = live.timers.next_wait(Instant::now());
        let pending = start.inbox.next(wait).await;
        if pending.repaint {
            start.log.line(format_args!(
                "output for {} fell behind: frames dropped, one full redraw sent",
                quoted(&start.user)
            ));
        }
        let stepped = on_the_pool(move || {
            let outcome = live.step(pending);
            (live, outcome)
        });
        match stepped.await {
            Ok((back, Ok(None))) => live = back,
            Ok((_, Ok(Some(ending)) | Err(ending))) | Err(ending) => return ending,
        }
    }
}

/// Runs `work` on the runtime's blocking pool; a panic in it is the
/// session's failure, in words.
async fn on_the_pool<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Ending> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|_| Ending::Failed("hireterm stopped unexpectedly".into()))
}

/// Sends the last words when dropped, so that a panic also closes cleanly.
struct Farewell {
    outbox: Arc<Outbox>,
    ending: Arc<Mutex<Option<Ending>>>,
    why: Ending,
}

impl Drop for Farewell {
    fn drop(&mut self) {
        // Recorded first: the close below lets the client hang up, and the
        // connection's log line reads this when it does.
        *self.ending.lock().unwrap_or_else(|p| p.into_inner()) = Some(self.why.clone());
        let mut last = LEAVE.to_vec();
        last.extend_from_slice(farewell_text(&self.why).as_bytes());
        let status = u32::from(self.why != Ending::Quit);
        self.outbox.finish(last, status);
    }
}

/// What the user reads after the app's screen is gone. `\r\n`: there is no
/// tty on our side to turn `\n` into a new line.
fn farewell_text(why: &Ending) -> String {
    match why {
        Ending::Quit | Ending::ClientGone => String::new(),
        Ending::Idle(after) => format!(
            "hireterm: no keys for {} s; session closed (your changes are saved).\r\n",
            after.as_secs()
        ),
        Ending::Shutdown => {
            "hireterm: the server is shutting down; session closed (your changes are saved).\r\n"
                .into()
        }
        Ending::KeyRemoved => "hireterm: your key was removed from this server's authorized keys; \
             session closed (your changes are saved).\r\n"
            .into(),
        Ending::TurnedAway(what) => format!("{what}\r\n"),
        Ending::Failed(what) => format!("hireterm: {what}\r\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_quitting_ends_with_status_zero_and_no_words() {
        assert_eq!(farewell_text(&Ending::Quit), "");
        assert!(farewell_text(&Ending::Idle(Duration::from_secs(2))).contains("no keys for 2 s"));
        assert!(farewell_text(&Ending::Shutdown).ends_with("\r\n"));
    }
}
