//! Hearing the writes of other hireterm instances on the same database:
//! a connection of its own, listening on `hireterm_events` (every
//! event's commit notifies it, schema 3), that tells its owner once per
//! burst of others' events, and each time it starts listening (the first
//! time and after each reconnection), since events committed before were
//! not heard.

use super::connect::connect_only;
use postgres::Client;
use postgres::fallible_iterator::FallibleIterator;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

/// How long a wait for a notification lasts before the stop flag is
/// looked at again.
const POLL: Duration = Duration::from_millis(200);
/// How long to wait before connecting again after a failure.
const RETRY: Duration = Duration::from_secs(1);

/// The listening thread; stopped (and waited for) when dropped.
pub struct Listener {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Listener {
    /// Listens at `address`. `changed` runs on the listener's thread after
    /// events committed by any connection but the one whose backend is
    /// `own` (the store's, whose writes its owner knows already), and
    /// each time it starts listening, the first time included.
    pub fn start(
        address: String,
        own: Arc<AtomicI32>,
        changed: impl Fn() + Send + 'static,
    ) -> std::io::Result<Listener> {
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = Arc::clone(&stop);
        let thread = std::thread::Builder::new()
            .name("hireterm-listener".into())
            .spawn(move || listen(&address, &own, &stopping, &changed))?;
        Ok(Listener {
            stop,
            thread: Some(thread),
        })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            // Dropped by `changed` itself (its owner's last handle let go
            // on this thread): the loop sees the flag and ends alone.
            if thread.thread().id() != std::thread::current().id() {
                let _ = thread.join();
            }
        }
    }
}

fn listen(address: &str, own: &AtomicI32, stop: &AtomicBool, changed: &dyn Fn()) {
    while !stop.load(Ordering::Relaxed) {
        let Some(mut client) = connect_only(address)
            .ok()
            .filter(|c| !c.is_closed())
            .and_then(|mut c| c.batch_execute("LISTEN hireterm_events").ok().map(|()| c))
        else {
            std::thread::sleep(RETRY);
            continue;
        };
        // Listening from now: what was committed before, since the
        // owner last read (its load, or before a cut), was not heard.
        changed();
        hear(&mut client, own, stop, changed);
    }
}

/// Tells `changed` of each burst of others' events until the connection
/// fails or `stop` is set.
fn hear(client: &mut Client, own: &AtomicI32, stop: &AtomicBool, changed: &dyn Fn()) {
    while !stop.load(Ordering::Relaxed) {
        let heard = {
            let mut notifications = client.notifications();
            let waited = notifications.timeout_iter(POLL).next();
            match waited {
                Err(_) => return,
                Ok(None) => None,
                Ok(Some(first)) => {
                    // What else has arrived already is the same burst.
                    let own = own.load(Ordering::Relaxed);
                    let mut others = first.process_id() != own;
                    let mut rest = notifications.iter();
                    while let Ok(Some(note)) = rest.next() {
                        others |= note.process_id() != own;
                    }
                    Some(others)
                }
            }
        };
        match heard {
            Some(true) => changed(),
            None if client.is_closed() => return,
            _ => {}
        }
    }
}
