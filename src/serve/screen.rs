//! A session's screen: ratatui drawing into bytes for the SSH channel.
//!
//! crossterm writes the escape sequences, but its backend answers
//! `size()` and `get_cursor_position()` by asking the terminal of *this
//! process* (an ioctl on the server's tty, a cursor query on its stdin).
//! ratatui calls both while clearing and resizing a fixed viewport. So
//! [`SessionBackend`] passes the drawing through to crossterm and answers
//! those two questions from what the client told us.

use super::outbox::Outbox;
use crate::app::App;
use crate::ui::{self, Theme};
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Rect, Size};
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::io::{self, Write};
use std::sync::{Arc, Mutex, MutexGuard};

/// The alternate screen, bracketed paste on, cursor hidden: as a local
/// terminal app starts.
const ENTER: &[u8] = b"\x1b[?1049h\x1b[?2004h\x1b[?25l\x1b[H\x1b[2J";
/// And as it leaves: the user's own screen back, as it was.
pub const LEAVE: &[u8] = b"\x1b[0m\x1b[?2004l\x1b[?25h\x1b[?1049l";

/// Collects a frame's bytes, shared with the [`Screen`] that hands them
/// over whole once the frame is complete (ratatui's backend keeps its
/// writer to itself).
#[derive(Clone, Default)]
struct FrameWriter {
    frame: Arc<Mutex<Vec<u8>>>,
}

impl FrameWriter {
    fn lock(&self) -> MutexGuard<'_, Vec<u8>> {
        self.frame.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Write for FrameWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.lock().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    /// crossterm flushes after every command; a frame is sent when it is
    /// complete ([`Screen::commit`]), not in pieces.
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

pub struct SessionBackend {
    inner: CrosstermBackend<FrameWriter>,
    size: Size,
    cursor: Position,
}

impl Backend for SessionBackend {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.inner.draw(content)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.cursor)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.cursor = position.into();
        self.inner.set_cursor_position(self.cursor)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        Ok(self.size)
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        Ok(WindowSize {
            columns_rows: self.size,
            pixels: Size::default(),
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

/// The terminal of one session, in a fixed viewport of the client's size.
pub struct Screen {
    terminal: Terminal<SessionBackend>,
    frame: FrameWriter,
    outbox: Arc<Outbox>,
    theme: Theme,
}

impl Screen {
    /// Switches the client to the alternate screen, sized `columns` × `rows`.
    pub fn open(
        outbox: Arc<Outbox>,
        (columns, rows): (u16, u16),
        theme: Theme,
    ) -> io::Result<Screen> {
        outbox.push(ENTER.to_vec());
        let frame = FrameWriter::default();
        let size = Size::new(columns, rows);
        let backend = SessionBackend {
            inner: CrosstermBackend::new(frame.clone()),
            size,
            cursor: Position::ORIGIN,
        };
        let viewport = Viewport::Fixed(Rect::from((Position::ORIGIN, size)));
        let terminal = Terminal::with_options(backend, TerminalOptions { viewport })?;
        Ok(Screen {
            terminal,
            frame,
            outbox,
            theme,
        })
    }

    pub fn set_theme(&mut self, theme: Theme) {
        self.theme = theme;
    }

    /// Draws what changed since the last frame.
    pub fn draw(&mut self, app: &App) -> io::Result<()> {
        let theme = self.theme;
        self.terminal.draw(|frame| ui::render(frame, app, &theme))?;
        self.commit();
        Ok(())
    }

    /// Clears and draws everything (after output was dropped for a slow
    /// client, the client's screen is unknown).
    pub fn repaint(&mut self, app: &App) -> io::Result<()> {
        self.outbox().begin_repaint();
        self.terminal.clear()?;
        self.draw(app)
    }

    pub fn resize(&mut self, (columns, rows): (u16, u16)) -> io::Result<()> {
        let size = Size::new(columns, rows);
        self.terminal.backend_mut().size = size;
        self.terminal.resize(Rect::from((Position::ORIGIN, size)))?;
        self.commit();
        Ok(())
    }

    pub fn is_stale(&self) -> bool {
        self.outbox().is_stale()
    }

    fn outbox(&self) -> &Outbox {
        &self.outbox
    }

    /// Hands the frame's bytes to the outbox, in one piece.
    fn commit(&mut self) {
        let bytes = std::mem::take(&mut *self.frame.lock());
        if !bytes.is_empty() {
            self.outbox.push(bytes);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{AppOptions, Input, Keymap};
    use crate::domain::{FixedClock, Stamp};

    fn demo_app(dir: &std::path::Path) -> App {
        let store = crate::store::Store::open(dir.join("db")).unwrap();
        let now = chrono::Utc::now();
        let options = crate::demo::DemoOptions {
            candidates: 40,
            engagements: 2,
            seed: 1,
            now,
        };
        let data = crate::demo::generate(&options, crate::catalog::Catalog::builtin());
        crate::demo::write(&store, data, &Stamp::new(now, "demo")).unwrap();
        let options = AppOptions {
            actor: "ana".into(),
            clock: Arc::new(FixedClock(now)),
            keymap: Keymap::defaults(),
            aging: Default::default(),
            notice: None,
        };
        App::new(Arc::new(store), options).unwrap()
    }

    #[test]
    fn clearing_and_resizing_never_ask_the_servers_own_terminal() {
        let outbox = Arc::new(Outbox::new());
        let mut screen = Screen::open(Arc::clone(&outbox), (40, 10), Theme::MONO).unwrap();
        // Both would fail (or query the server's tty) with crossterm's own
        // answers; here they use the client's size.
        screen.resize((30, 8)).unwrap();
        screen.terminal.clear().unwrap();
        assert_eq!(screen.terminal.size().unwrap(), Size::new(30, 8));
    }

    #[test]
    fn after_dropped_output_the_repaint_redraws_everything() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = demo_app(dir.path());
        let outbox = Arc::new(Outbox::new());
        let mut screen = Screen::open(Arc::clone(&outbox), (200, 60), Theme::MONO).unwrap();
        screen.draw(&app).unwrap();
        assert!(String::from_utf8_lossy(&outbox.take().chunk).contains("Candidates (40)"));

        // Nobody sends: full redraws (resizes) pile up past the backlog.
        for width in (150..200).rev() {
            screen.resize((width, 60)).unwrap();
            app.handle_input(Input::Resize(width, 60));
            screen.draw(&app).unwrap();
        }
        assert!(screen.is_stale());
        let take = outbox.take();
        assert!(take.chunk.is_empty() && take.ask_repaint);

        // A cursor move alone would be a small diff; after the drop the
        // repaint sends the whole screen, title and all.
        app.handle_input(Input::Key(crate::app::Key::char('j')));
        screen.repaint(&app).unwrap();
        let frame = String::from_utf8_lossy(&outbox.take().chunk).into_owned();
        assert!(frame.starts_with("\x1b[1;1H\x1b[J"), "{:?}", &frame[..20]);
        assert!(frame.contains("Candidates (40)"), "a full redraw");
        assert!(!screen.is_stale());
    }
}
