//! One session's app, on a thread of its own: the same `App` as the local
//! terminal, fed by the bytes the client types (decoded by [`KeyDecoder`])
//! and drawn into the session's [`Screen`].
//!
//! The loop mirrors `term::run_app` (apply everything that arrived, then
//! draw once), with two timers the local runner does not need: the lone
//! ESC (~25 ms) and the idle timeout. With neither due it sleeps until
//! something arrives, so an idle session costs no CPU.
//!
//! Live updates: every session's app draws from one set of records
//! (`app::records::Records`); a write there wakes every other session with
//! `Pending::changed` (the server's watcher calls
//! `Sessions::notify_changed`), and `App::settle` takes the new records in
//! before the next frame.

use super::AppSetup;
use super::inbox::{Ending, Inbox, Pending};
use super::keys::KeyDecoder;
use super::log::{Log, quoted};
use super::outbox::Outbox;
use super::screen::{LEAVE, Screen};
use super::sessions::Slot;
use crate::app::{App, Input};
use crate::ui::Theme;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a lone ESC waits for the rest of a sequence before it is the
/// Esc key: long enough for a sequence split across packets on a slow
/// link, short enough not to be felt.
pub const ESC_TIMEOUT: Duration = Duration::from_millis(25);

/// Everything a session's thread needs.
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

/// Starts the session's thread. However the thread ends (a panic too),
/// the client gets its screen back, a word, an exit status and a close.
pub fn spawn(start: SessionStart) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name(format!("ssh-session-{}", start.slot.id()))
        .spawn(move || {
            let mut farewell = Farewell {
                outbox: Arc::clone(&start.outbox),
                ending: Arc::clone(&start.ending),
                why: Ending::Failed("hireterm stopped unexpectedly".into()),
            };
            farewell.why = run(&start);
            // `start` (the slot, the store) is dropped after the farewell.
        })
        .map(|_| ())
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

/// The session's timers: a lone ESC's and the idle timeout's.
struct Timers {
    esc_due: Option<Instant>,
    last_input: Instant,
    idle: Option<Duration>,
}

impl Timers {
    /// How long the loop may sleep.
    fn next_wait(&self, now: Instant) -> Option<Duration> {
        let idle_due = self.idle.map(|idle| self.last_input + idle);
        [self.esc_due, idle_due]
            .into_iter()
            .flatten()
            .min()
            .map(|due| due.saturating_duration_since(now))
    }

    fn idle_expired(&self, now: Instant) -> Option<Duration> {
        self.idle
            .filter(|idle| now.duration_since(self.last_input) >= *idle)
    }
}

fn run(start: &SessionStart) -> Ending {
    let mut screen = match Screen::open(Arc::clone(&start.outbox), start.size, start.theme) {
        Ok(screen) => screen,
        Err(error) => return Ending::Failed(format!("cannot draw: {error}")),
    };
    let options = start
        .setup
        .options(&start.user, &start.role, start.slot.id());
    if options.policy.terminal.mouse_over_ssh {
        screen.pass(super::screen::MOUSE_ON);
    }
    let mut app = App::with_records(Arc::clone(&start.records), options);
    app.handle_input(Input::Resize(start.size.0, start.size.1));
    match drive(start, &mut app, &mut screen) {
        Ok(ending) => ending,
        Err(error) => Ending::Failed(format!("cannot draw: {error}")),
    }
}

/// The loop: wait, apply, draw, until something ends the session.
fn drive(start: &SessionStart, app: &mut App, screen: &mut Screen) -> std::io::Result<Ending> {
    let mut decoder = KeyDecoder::new();
    let mut timers = Timers {
        esc_due: None,
        last_input: Instant::now(),
        idle: start.idle_timeout,
    };
    app.settle();
    screen.draw(app)?;
    loop {
        let pending = start.inbox.wait(timers.next_wait(Instant::now()));
        if pending.repaint {
            start.log.line(format_args!(
                "output for {} fell behind: frames dropped, one full redraw sent",
                quoted(&start.user)
            ));
        }
        if let Some(ending) = step(pending, app, screen, &mut decoder, &mut timers)? {
            return Ok(ending);
        }
    }
}

/// Applies what arrived and redraws; the ending, if this was the end.
fn step(
    pending: Pending,
    app: &mut App,
    screen: &mut Screen,
    decoder: &mut KeyDecoder,
    timers: &mut Timers,
) -> std::io::Result<Option<Ending>> {
    if let Some(ending) = pending.end {
        return Ok(Some(ending));
    }
    let now = Instant::now();
    if let Some(size) = pending.size {
        screen.resize(size)?;
    }
    let mut handled = false;
    inputs(&pending, decoder, timers, now, |input| {
        handled = true;
        app.handle_input(input);
        !app.should_quit()
    });
    if app.should_quit() {
        return Ok(Some(Ending::Quit));
    }
    if let Some(after) = timers.idle_expired(now) {
        return Ok(Some(Ending::Idle(after)));
    }
    if pending.is_empty() && !handled {
        return Ok(None);
    }
    screen.pass(&app.take_terminal_output());
    // Live updates: another session's write woke this one (`changed`);
    // `settle` takes the new records in, each cursor staying on its record.
    app.settle();
    if pending.repaint {
        screen.repaint(app)?;
    } else if !screen.is_stale() {
        screen.draw(app)?;
    }
    Ok(None)
}

/// Bytes decoded at a time: a megabyte typed at once (a paste without
/// brackets) becomes keys a few thousand at a time, not a million-entry
/// list of them in one go.
const DECODE_CHUNK: usize = 4096;

/// Hands the app's input from what arrived to `apply`, until it says stop:
/// the size first, then the keys; a lone ESC resolved once its timer has
/// run out.
fn inputs(
    pending: &Pending,
    decoder: &mut KeyDecoder,
    timers: &mut Timers,
    now: Instant,
    mut apply: impl FnMut(Input) -> bool,
) {
    if let Some((columns, rows)) = pending.size {
        // Resizing a window is a sign of life too.
        timers.last_input = now;
        if !apply(Input::Resize(columns, rows)) {
            return;
        }
    }
    if !pending.bytes.is_empty() {
        timers.last_input = now;
        for chunk in pending.bytes.chunks(DECODE_CHUNK) {
            if !decoder.feed(chunk).into_iter().all(&mut apply) {
                return;
            }
        }
    } else if timers.esc_due.is_some_and(|due| now >= due) {
        decoder.flush().into_iter().all(&mut apply);
    }
    timers.esc_due = if decoder.is_waiting() {
        timers.esc_due.or(Some(now + ESC_TIMEOUT))
    } else {
        None
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Key, KeyCode};

    fn collected(
        pending: &Pending,
        decoder: &mut KeyDecoder,
        timers: &mut Timers,
        now: Instant,
    ) -> Vec<Input> {
        let mut got = Vec::new();
        inputs(pending, decoder, timers, now, |input| {
            got.push(input);
            true
        });
        got
    }

    #[test]
    fn a_megabyte_typed_at_once_is_decoded_in_chunks_and_stops_at_quit() {
        let mut decoder = KeyDecoder::new();
        let now = Instant::now();
        let mut timers = Timers {
            esc_due: None,
            last_input: now,
            idle: None,
        };
        let mut bytes = vec![b'j'; 1 << 20];
        bytes[3 * DECODE_CHUNK + 7] = b'q';
        let pending = Pending {
            bytes,
            ..Pending::default()
        };
        let mut seen = 0;
        inputs(&pending, &mut decoder, &mut timers, now, |input| {
            seen += 1;
            input != Input::Key(Key::char('q'))
        });
        assert_eq!(seen, 3 * DECODE_CHUNK + 8, "nothing after the quit key");
        assert_eq!(
            collected(&pending, &mut decoder, &mut timers, now).len(),
            1 << 20
        );
    }

    #[test]
    fn a_lone_esc_waits_for_its_timer_then_is_the_esc_key() {
        let mut decoder = KeyDecoder::new();
        let start = Instant::now();
        let mut timers = Timers {
            esc_due: None,
            last_input: start,
            idle: Some(Duration::from_secs(60)),
        };
        let esc = Pending {
            bytes: b"\x1b".to_vec(),
            ..Pending::default()
        };
        assert!(collected(&esc, &mut decoder, &mut timers, start).is_empty());
        assert_eq!(timers.next_wait(start), Some(ESC_TIMEOUT));
        let later = start + ESC_TIMEOUT;
        assert_eq!(
            collected(&Pending::default(), &mut decoder, &mut timers, later),
            vec![Input::Key(Key::plain(KeyCode::Esc))]
        );
        assert_eq!(timers.esc_due, None);
        assert_eq!(
            timers.next_wait(later),
            Some(Duration::from_secs(60) - ESC_TIMEOUT)
        );
    }

    #[test]
    fn only_quitting_ends_with_status_zero_and_no_words() {
        assert_eq!(farewell_text(&Ending::Quit), "");
        assert!(farewell_text(&Ending::Idle(Duration::from_secs(2))).contains("no keys for 2 s"));
        assert!(farewell_text(&Ending::Shutdown).ends_with("\r\n"));
    }

    /// `y` in a session: OSC 52 with the email goes to the client through
    /// the outbox its frames go through, with the next frame.
    #[test]
    fn y_sends_osc_52_to_the_client_with_the_frame() {
        use crate::app::{AppOptions, Keymap};
        use crate::domain::{FixedClock, Stamp};
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::Store::open(dir.path().join("db")).unwrap();
        let now = chrono::Utc::now();
        let demo = crate::demo::DemoOptions {
            candidates: 20,
            engagements: 1,
            seed: 1,
            now,
        };
        let data = crate::demo::generate(&demo, crate::catalog::Catalog::builtin());
        crate::demo::write(&store, data, &Stamp::new(now, "demo")).unwrap();
        let options = AppOptions {
            session: 1,
            actor: "ana".into(),
            role: crate::domain::access::Role::Recruiter,
            clock: Arc::new(FixedClock(now)),
            keymap: Keymap::defaults(),
            policy: Default::default(),
            notice: None,
            views: Vec::new(),
            save_view: None,
        };
        let mut app = App::new(Arc::new(store), options).unwrap();
        let outbox = Arc::new(Outbox::new());
        let mut screen = Screen::open(Arc::clone(&outbox), (80, 24), Theme::MONO).unwrap();
        let (mut decoder, now) = (KeyDecoder::new(), Instant::now());
        let mut timers = Timers {
            esc_due: None,
            last_input: now,
            idle: None,
        };
        let pending = Pending {
            bytes: b"1y".to_vec(),
            ..Pending::default()
        };
        step(pending, &mut app, &mut screen, &mut decoder, &mut timers).unwrap();
        let email = app.candidates().selected(app.data()).unwrap().email.clone();
        let sent = outbox.take().chunk;
        let osc = crate::app::clipboard::osc52(&email);
        assert!(
            sent.windows(osc.len()).any(|w| w == osc),
            "no OSC 52 for {email}"
        );
    }
}
