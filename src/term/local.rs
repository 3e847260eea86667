//! The local terminal, from before the records are read to the app's
//! end: [`LocalScreen::start`] takes the terminal (restored on quit, on
//! error and on panic), [`LocalScreen::loading`] draws how far the
//! loading has come, [`LocalScreen::run`] runs the app in it. A large
//! database so shows something within moments of the start instead of a
//! blank terminal for seconds.

use super::frame_out::FrameOut;
use super::sized::SizedBackend;
use super::stop::{self, InputSlot};
use super::{MouseOn, read_input, run_app, run_app_with_editor};
use crate::app::{App, Input};
use crate::ui::Theme;
use crate::ui::loading::{self, Loading};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::crossterm::{event, execute, terminal};
use std::sync::mpsc;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// The least time between two loading frames: the loading is not slowed
/// by drawing it.
const LOADING_FRAMES_APART: Duration = Duration::from_millis(100);

/// The screen while the database opens, with the database's name: the
/// open's progress reporter (a plain function, called on this thread
/// while `Store::open` waits) draws on it through [`show_opening`].
static OPENING: Mutex<Option<(LocalScreen, String)>> = Mutex::new(None);

/// The local terminal: stdout, its size known rather than asked for on
/// every frame (`sized.rs`), each frame written whole (`frame_out.rs`).
pub type LocalTerminal = Terminal<SizedBackend<CrosstermBackend<FrameOut>>>;

pub struct LocalScreen {
    /// `None` once restored.
    terminal: Option<LocalTerminal>,
    theme: Theme,
    last_loading: Option<Instant>,
}

impl LocalScreen {
    /// Takes the terminal (installing a panic hook that restores it
    /// before the report).
    pub fn start() -> std::io::Result<LocalScreen> {
        let terminal = take_terminal()?;
        let _ = execute!(std::io::stdout(), event::EnableBracketedPaste);
        Ok(LocalScreen {
            terminal: Some(terminal),
            theme: Theme::from_env(),
            last_loading: None,
        })
    }

    /// Draws the loading frame, unless one was drawn moments ago (the
    /// last, "preparing the screen", always is).
    pub fn loading(&mut self, database: &str, progress: Loading) {
        let recent = self
            .last_loading
            .is_some_and(|at| at.elapsed() < LOADING_FRAMES_APART);
        let (Some(terminal), false) = (
            self.terminal.as_mut(),
            recent && progress.read < progress.of,
        ) else {
            return;
        };
        let theme = &self.theme;
        // Nothing reads the terminal's events yet: a resize is seen here.
        terminal.backend_mut().ask_size();
        // A frame that cannot be drawn only loses the news.
        let _ = terminal.draw(|frame| loading::render(frame, database, progress, theme));
        self.last_loading = Some(Instant::now());
    }

    /// Runs `open` (the database's open) with "opening …" on the screen,
    /// and its progress lines there too (see [`show_opening`]).
    pub fn opening<T>(mut self, database: &str, open: impl FnOnce() -> T) -> (LocalScreen, T) {
        self.draw_lines(&["hireterm", database, "opening the database"]);
        *parked() = Some((self, database.to_string()));
        let opened = open();
        #[allow(clippy::expect_used)] // parked just above; only this takes it
        let (screen, _) = parked().take().expect("parked above, taken only here");
        (screen, opened)
    }

    fn draw_lines(&mut self, lines: &[&str]) {
        if let Some(terminal) = self.terminal.as_mut() {
            let theme = &self.theme;
            terminal.backend_mut().ask_size();
            let _ = terminal.draw(|frame| loading::render_lines(frame, lines, theme));
        }
    }

    /// Runs the app until it quits, then gives the terminal back.
    pub fn run(mut self, app: &mut App) -> std::io::Result<()> {
        let Some(mut terminal) = self.terminal.take() else {
            return Ok(());
        };
        let outcome = run_in(&mut terminal, app, &self.theme);
        restore(terminal)?;
        outcome
    }
}

fn parked() -> std::sync::MutexGuard<'static, Option<(LocalScreen, String)>> {
    OPENING.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Draws an open's progress line on the screen, if one is waiting for
/// the database to open; false if none is (the line goes elsewhere).
pub fn show_opening(line: &str) -> bool {
    let mut parked = parked();
    let Some((screen, database)) = parked.as_mut() else {
        return false;
    };
    let database = database.clone();
    screen.draw_lines(&["hireterm", &database, line]);
    true
}

impl Drop for LocalScreen {
    /// The terminal back after a loading that failed (the error is then
    /// reported on a terminal in its normal state).
    fn drop(&mut self) {
        if let Some(terminal) = self.terminal.take() {
            let _ = restore(terminal);
        }
    }
}

/// What `ratatui::try_init` does, with the size-keeping backend: raw mode,
/// the alternate screen, and a panic hook that gives the terminal back
/// before the report.
fn take_terminal() -> std::io::Result<LocalTerminal> {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        ratatui::restore();
        report(info);
    }));
    terminal::enable_raw_mode()?;
    execute!(std::io::stdout(), terminal::EnterAlternateScreen)?;
    let backend = CrosstermBackend::new(FrameOut::new());
    let size = backend.size()?;
    Terminal::new(SizedBackend::new(backend, size))
}

fn run_in(terminal: &mut LocalTerminal, app: &mut App, theme: &Theme) -> std::io::Result<()> {
    let _mouse = app.policy().terminal.mouse.then(MouseOn::start);
    let (tx, rx) = mpsc::channel();
    terminal.backend_mut().ask_size();
    if let Ok(size) = terminal.size() {
        let _ = tx.send(Input::Resize(size.width, size.height));
    }
    let slot = InputSlot::new(tx);
    // The rest of a large database, read behind the first screen, is
    // drawn as soon as it is there (and its progress on the way).
    let woken = slot.clone();
    let _watch = app.watch_others(move || {
        woken.send(Input::Changed);
    });
    // The terminal gone or a stop asked for: the loop below ends as on `q`.
    stop::close_on_signals(slot.clone())?;
    let editor = crate::editor::ExternalEditor::from_env();
    if editor.is_some() {
        app.enable_external_editor();
    }
    let gate = editor.as_ref().map(|e| e.gate());
    // Blocked in `read` when the app quits; it ends with the process.
    std::thread::Builder::new()
        .name("terminal-input".into())
        .spawn(move || {
            read_input(&slot, gate.as_deref());
            // No more input (the terminal is gone): the app ends.
            slot.close();
        })?;
    match &editor {
        Some(editor) => run_app_with_editor(terminal, app, theme, &rx, |t| {
            let text = editor.edit(t);
            // A resize while the editor had the terminal was not read.
            t.backend_mut().ask_size();
            text
        }),
        None => run_app(terminal, app, theme, &rx),
    }
}

fn restore(terminal: LocalTerminal) -> std::io::Result<()> {
    let _ = execute!(std::io::stdout(), event::DisableBracketedPaste);
    if let Err(gone) = ratatui::try_restore() {
        // The terminal has gone (a hang-up). Dropping the terminal would
        // try to show the cursor on it, and ratatui reports that failure
        // with `eprintln!`, which panics on the dead terminal: a panic that
        // could stop the store's close and `--demo`'s clean-up.
        std::mem::forget(terminal);
        return Err(gone);
    }
    drop(terminal);
    Ok(())
}
