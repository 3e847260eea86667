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
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::io::{self, Write};
use std::sync::{Arc, Mutex, MutexGuard};

/// The alternate screen, bracketed paste on, cursor hidden: as a local
/// terminal app starts.
const ENTER: &[u8] = b"\x1b[?1049h\x1b[?2004h\x1b[?25l\x1b[H\x1b[2J";
/// And as it leaves: the user's own screen back, as it was (the mouse
/// off too, whether or not it was on).
pub const LEAVE: &[u8] = b"\x1b[0m\x1b[?1006l\x1b[?1000l\x1b[?2004l\x1b[?25h\x1b[?1049l";
/// Clicks and the wheel, in SGR form, where `[terminal] mouse_over_ssh`
/// asks for them.
pub const MOUSE_ON: &[u8] = b"\x1b[?1000h\x1b[?1006h";

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

/// Blank buffers for drawing into, shared by every session's screen.
///
/// ratatui keeps two buffers per terminal: the frame on the client's
/// screen, which the next frame is compared with, and one to draw the
/// next frame into, blank between frames. Only the first needs to stay
/// with its session; the second is taken from here for the length of a
/// draw. So a session holds one buffer (48 bytes a cell: 225 KiB at
/// 120x40, 4.6 MiB at the largest size taken, 500x200), and the server
/// as many more as it draws frames at once.
///
/// The spares are kept small: a client that once asked for the largest
/// size must not leave 4.6 MiB buffers behind for good (eight of them
/// were most of what abuse left the server holding).
static SPARE: Mutex<Vec<Buffer>> = Mutex::new(Vec::new());
/// Spare buffers kept at most; more are freed. Frames are drawn by as
/// many threads as run at once, which on a small server is a few.
const MAX_SPARE: usize = 8;
/// Cells the spares may hold in all (3 MiB): eight of a common size
/// (200x40), and never one of the largest, which is freed after its draw.
const MAX_SPARE_CELLS: usize = 64_000;

/// A blank buffer of `area`, from the spares if there are any.
fn take_spare(area: Rect) -> Buffer {
    let spare = {
        let mut spares = SPARE.lock().unwrap_or_else(|p| p.into_inner());
        match spares.iter().position(|b| b.area == area) {
            Some(at) => Some(spares.swap_remove(at)),
            None => spares.pop(),
        }
    };
    match spare {
        // Blank already (`give_spare`), unless it changes size.
        Some(buffer) if buffer.area == area => buffer,
        Some(mut buffer) => {
            buffer.resize(area);
            buffer.reset();
            fit(&mut buffer);
            buffer
        }
        None => Buffer::empty(area),
    }
}

/// Gives back what a buffer holds beyond its size (a buffer made smaller
/// keeps its capacity otherwise).
fn fit(buffer: &mut Buffer) {
    if buffer.content.capacity() > buffer.content.len() + buffer.content.len() / 4 {
        buffer.content.shrink_to_fit();
    }
}

/// Keeps a buffer that is blank (ratatui resets the buffer it will draw
/// into next as it finishes a frame) for the next draw of any session.
fn give_spare(buffer: Buffer) {
    if buffer.area.is_empty() {
        return;
    }
    let mut spares = SPARE.lock().unwrap_or_else(|p| p.into_inner());
    let held: usize = spares.iter().map(|b| b.content.capacity()).sum();
    if spares.len() < MAX_SPARE && held + buffer.content.capacity() <= MAX_SPARE_CELLS {
        spares.push(buffer);
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
        let mut screen = Screen {
            terminal,
            frame,
            outbox,
            theme,
        };
        screen.lend_buffer();
        Ok(screen)
    }

    /// Gives the buffer the next frame will be drawn into to the spares
    /// (it is blank between frames); [`Screen::borrow_buffer`] takes one
    /// back before drawing. Only after a frame or a resize that went
    /// through: after an error it may not be blank, and stays (the session
    /// ends on that error, and the buffer with it).
    fn lend_buffer(&mut self) {
        give_spare(std::mem::take(self.terminal.current_buffer_mut()));
    }

    fn borrow_buffer(&mut self) {
        let area = self.terminal.get_frame().area();
        let current = self.terminal.current_buffer_mut();
        if current.area != area {
            *current = take_spare(area);
        }
    }

    pub fn set_theme(&mut self, theme: Theme) {
        self.theme = theme;
    }

    /// Draws what changed since the last frame.
    pub fn draw(&mut self, app: &App) -> io::Result<()> {
        let theme = self.theme;
        self.borrow_buffer();
        self.terminal.draw(|frame| ui::render(frame, app, &theme))?;
        self.lend_buffer();
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
        // Both of ratatui's buffers are resized (the one lent out is made
        // again, blank), and both are blank now: the one the session keeps
        // is fitted to the new size (from the largest to a small one it
        // would keep megabytes), then the other is lent out once more.
        self.terminal.resize(Rect::from((Position::ORIGIN, size)))?;
        self.terminal.swap_buffers();
        fit(self.terminal.current_buffer_mut());
        self.terminal.swap_buffers();
        self.lend_buffer();
        self.commit();
        Ok(())
    }

    pub fn is_stale(&self) -> bool {
        self.outbox().is_stale()
    }

    fn outbox(&self) -> &Outbox {
        &self.outbox
    }

    /// Bytes of the app's own for the client's terminal (OSC 52 from `y`,
    /// the mouse turned on): sent ahead of the next frame, in its piece,
    /// through the same outbox.
    pub fn pass(&mut self, bytes: &[u8]) {
        self.frame.lock().extend_from_slice(bytes);
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
            session: 0,
            actor: "ana".into(),
            clock: Arc::new(FixedClock(now)),
            keymap: Keymap::defaults(),
            policy: Default::default(),
            notice: None,
            views: crate::filter::default_views(),
            save_view: None,
            role: crate::domain::access::Role::Admin,
        };
        let mut app = App::new(Arc::new(store), options).unwrap();
        // From My work, the first screen, to the candidates pane.
        app.handle_input(Input::Key(crate::app::Key::char('1')));
        app
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
    fn between_frames_a_screen_holds_one_buffer_and_lends_the_other() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = demo_app(dir.path());
        let (ana_out, bob_out) = (Arc::new(Outbox::new()), Arc::new(Outbox::new()));
        let mut ana = Screen::open(Arc::clone(&ana_out), (100, 30), Theme::MONO).unwrap();
        let mut bob = Screen::open(Arc::clone(&bob_out), (80, 24), Theme::MONO).unwrap();
        let lent = |screen: &mut Screen| screen.terminal.current_buffer_mut().area.is_empty();
        assert!(lent(&mut ana) && lent(&mut bob));
        for size in [(100, 30), (90, 28), (100, 30)] {
            ana.resize(size).unwrap();
            app.handle_input(Input::Resize(size.0, size.1));
            ana.draw(&app).unwrap();
            bob.draw(&app).unwrap();
            assert!(lent(&mut ana) && lent(&mut bob));
        }
        // What a session borrows is blank and of its size, whoever drew
        // in it before.
        let area = Rect::new(0, 0, 90, 28);
        let spare = take_spare(area);
        assert_eq!(spare, Buffer::empty(area));

        // Drawing from borrowed buffers still sends only what changed.
        let _ = ana_out.take();
        app.handle_input(Input::Key(crate::app::Key::char('j')));
        ana.draw(&app).unwrap();
        let diff = ana_out.take().chunk;
        assert!(
            !diff.is_empty() && diff.len() < 1000,
            "{} bytes",
            diff.len()
        );
        assert!(!String::from_utf8_lossy(&diff).contains("Candidates (40)"));
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
