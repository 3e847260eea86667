//! What reaches a session's app from the network and the server:
//! bytes typed, a new size, a request to repaint, "the records changed",
//! or the end. Kept as one small state rather than a queue of events, so
//! that it coalesces by itself (ten resizes are one; a repaint asked twice
//! is one) and its size is bounded however fast a client sends.

use std::sync::Mutex;
use std::time::Duration;
use tokio::sync::Notify;

/// Unread input kept at most; past it, bytes are dropped. Nobody types a
/// megabyte ahead of the screen; a flood is not worth the memory.
pub const MAX_PENDING_INPUT: usize = 1024 * 1024;

/// Why a session ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ending {
    /// The app's quit key.
    Quit,
    /// No input for the idle timeout.
    Idle(Duration),
    /// The server is stopping.
    Shutdown,
    /// The client closed the channel or the connection.
    ClientGone,
    /// Its key was taken out of the authorized keys.
    KeyRemoved,
    /// Never started: no terminal, a command, the session cap. The text is
    /// what the user was told.
    TurnedAway(String),
    /// Something went wrong on our side; the text says what, for the user.
    Failed(String),
}

/// How the log names an ending: the reason, never the user's data.
impl std::fmt::Display for Ending {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Ending::Quit => f.write_str("quit"),
            Ending::Idle(after) => write!(f, "idle timeout ({} s)", after.as_secs()),
            Ending::Shutdown => f.write_str("server shutdown"),
            Ending::ClientGone => f.write_str("client closed"),
            Ending::KeyRemoved => f.write_str("key removed from the authorized keys"),
            Ending::TurnedAway(why) => write!(f, "turned away ({why})"),
            Ending::Failed(what) => write!(f, "error ({what})"),
        }
    }
}

/// Everything that arrived since the thread last looked.
#[derive(Debug, Default)]
pub struct Pending {
    pub bytes: Vec<u8>,
    pub size: Option<(u16, u16)>,
    /// Output was dropped for a slow client: redraw everything.
    pub repaint: bool,
    /// The shared records changed (another session's move).
    pub changed: bool,
    pub end: Option<Ending>,
}

impl Pending {
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
            && self.size.is_none()
            && !self.repaint
            && !self.changed
            && self.end.is_none()
    }
}

#[derive(Debug, Default)]
pub struct Inbox {
    pending: Mutex<Pending>,
    /// Woken on every change; a wake with nobody waiting is kept for the
    /// next wait, so none is lost between a look and a wait.
    ready: Notify,
}

impl Inbox {
    pub fn new() -> Inbox {
        Inbox::default()
    }

    /// Adds typed bytes; false when they were dropped (the inbox is full).
    pub fn bytes(&self, data: &[u8]) -> bool {
        self.update(|p| {
            let fits = p.bytes.len() + data.len() <= MAX_PENDING_INPUT;
            if fits {
                p.bytes.extend_from_slice(data);
            }
            fits
        })
    }

    pub fn resize(&self, columns: u16, rows: u16) {
        self.update(|p| p.size = Some((columns, rows)));
    }

    pub fn repaint(&self) {
        self.update(|p| p.repaint = true);
    }

    pub fn changed(&self) {
        self.update(|p| p.changed = true);
    }

    /// Ends the session; the first reason given is the one that counts
    /// (true if it was this one).
    pub fn end(&self, why: Ending) -> bool {
        self.update(|p| {
            let first = p.end.is_none();
            p.end.get_or_insert(why);
            first
        })
    }

    fn update<T>(&self, change: impl FnOnce(&mut Pending) -> T) -> T {
        let mut pending = self.lock();
        let outcome = change(&mut pending);
        self.ready.notify_one();
        outcome
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Pending> {
        self.pending.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Takes what has arrived, empty or not.
    pub fn take(&self) -> Pending {
        std::mem::take(&mut *self.lock())
    }

    /// Takes what has arrived, waiting up to `timeout` (forever if `None`)
    /// for something to; empty after a timeout.
    pub async fn next(&self, timeout: Option<Duration>) -> Pending {
        let deadline = timeout.map(|t| tokio::time::Instant::now() + t);
        loop {
            let pending = self.take();
            if !pending.is_empty() {
                return pending;
            }
            match deadline {
                None => self.ready.notified().await,
                Some(deadline) => {
                    let woken = tokio::time::timeout_at(deadline, self.ready.notified()).await;
                    if woken.is_err() {
                        return self.take();
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coalesces_and_bounds_what_waits() {
        let inbox = Inbox::new();
        inbox.resize(80, 24);
        inbox.resize(100, 30);
        assert!(inbox.bytes(b"jj"));
        assert!(!inbox.bytes(&vec![b'x'; MAX_PENDING_INPUT]));
        inbox.end(Ending::Idle(Duration::from_secs(1)));
        inbox.end(Ending::Shutdown);
        let pending = inbox.take();
        assert_eq!(pending.size, Some((100, 30)));
        assert_eq!(pending.bytes, b"jj");
        assert_eq!(pending.end, Some(Ending::Idle(Duration::from_secs(1))));
        assert!(inbox.take().is_empty());
    }

    #[tokio::test]
    async fn a_wait_ends_with_what_arrives_or_empty_at_its_timeout() {
        let inbox = std::sync::Arc::new(Inbox::new());
        let timeout = Some(Duration::from_millis(25));
        assert!(inbox.next(timeout).await.is_empty(), "nothing came");
        let typist = std::sync::Arc::clone(&inbox);
        let waiting = tokio::spawn(async move { typist.next(None).await });
        tokio::task::yield_now().await;
        inbox.bytes(b"j");
        assert_eq!(waiting.await.unwrap().bytes, b"j");
        inbox.changed();
        assert!(
            inbox.next(None).await.changed,
            "a wake before the wait is kept"
        );
    }
}
