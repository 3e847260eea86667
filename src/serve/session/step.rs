//! One step of a session: what arrived applied to its app, then one
//! frame drawn. A step never waits for the network: the session's task
//! (`super`) waits, then runs a step on the blocking pool, so a slow
//! write or a backup holds up only its own session.

use super::super::inbox::{Ending, Pending};
use super::super::keys::KeyDecoder;
use super::super::screen::{MOUSE_ON, Screen};
use super::SessionStart;
use crate::app::{App, Input};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long a lone ESC waits for the rest of a sequence before it is the
/// Esc key: long enough for a sequence split across packets on a slow
/// link, short enough not to be felt.
pub const ESC_TIMEOUT: Duration = Duration::from_millis(25);

/// A session between two steps: its app, its screen and what decoding
/// and timing carry over. Boxed, so that handing it to the pool and back
/// moves a pointer.
pub struct Live {
    pub(super) app: App,
    pub(super) screen: Screen,
    decoder: KeyDecoder,
    pub(super) timers: Timers,
}

impl Live {
    /// The session's app, sized to its terminal, with its first frame
    /// drawn; the words for the user when it cannot be drawn.
    pub fn open(start: &SessionStart) -> Result<Box<Live>, Ending> {
        let cannot_draw = |error: std::io::Error| Ending::Failed(format!("cannot draw: {error}"));
        let mut screen = Screen::open(Arc::clone(&start.outbox), start.size, start.theme)
            .map_err(cannot_draw)?;
        let options = start
            .setup
            .options(&start.user, &start.role, start.slot.id());
        if options.policy.terminal.mouse_over_ssh {
            screen.pass(MOUSE_ON);
        }
        let mut app = App::with_records(Arc::clone(&start.records), options);
        app.handle_input(Input::Resize(start.size.0, start.size.1));
        app.settle();
        screen.draw(&app).map_err(cannot_draw)?;
        let timers = Timers {
            esc_due: None,
            last_input: Instant::now(),
            idle: start.idle_timeout,
        };
        Ok(Box::new(Live {
            app,
            screen,
            decoder: KeyDecoder::new(),
            timers,
        }))
    }

    /// Applies what arrived and draws; the ending, if this was the end.
    pub fn step(&mut self, pending: Pending) -> Result<Option<Ending>, Ending> {
        let Live {
            app,
            screen,
            decoder,
            timers,
        } = self;
        step(pending, app, screen, decoder, timers)
            .map_err(|error| Ending::Failed(format!("cannot draw: {error}")))
    }
}

/// The session's timers: a lone ESC's and the idle timeout's.
pub(super) struct Timers {
    esc_due: Option<Instant>,
    last_input: Instant,
    idle: Option<Duration>,
}

impl Timers {
    /// How long the loop may sleep.
    pub(super) fn next_wait(&self, now: Instant) -> Option<Duration> {
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
    use super::super::super::outbox::Outbox;
    use super::*;
    use crate::app::{Key, KeyCode};
    use crate::ui::Theme;

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
