//! A backend that knows the terminal's size instead of asking for it.
//!
//! ratatui asks its backend for the size before every frame (to follow a
//! resize), and crossterm answers by opening `/dev/tty` and asking the
//! kernel: three system calls on every key, a tenth of what a cursor
//! move cost. The size only changes with a resize, and the terminal says
//! so (SIGWINCH, which crossterm turns into a resize event carrying the
//! new size). So [`SizedBackend`] asks once at the start, and is told of
//! every resize by the run loop ([`FollowsResize`]) before it draws.

use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

/// A backend the run loop tells of each resize event before the next
/// frame, so that the frame is drawn at the new size.
pub trait FollowsResize {
    fn resized(&mut self, width: u16, height: u16);
}

/// The tests' terminal takes the new size as a real one would.
impl FollowsResize for TestBackend {
    fn resized(&mut self, width: u16, height: u16) {
        self.resize(width, height);
    }
}

/// `inner`, answering `size()` from the last size it was given.
pub struct SizedBackend<B> {
    inner: B,
    size: Size,
}

impl<B> SizedBackend<B> {
    /// The backend it wraps.
    pub fn inner_mut(&mut self) -> &mut B {
        &mut self.inner
    }
}

impl<B: Backend> SizedBackend<B> {
    /// `inner`, on a terminal of `size` (asked for once, at the start).
    pub fn new(inner: B, size: Size) -> SizedBackend<B> {
        SizedBackend { inner, size }
    }

    /// Asks the terminal again: for a resize that came while no one was
    /// reading its events (while loading, or while an editor had it).
    pub fn ask_size(&mut self) {
        if let Ok(size) = self.inner.size() {
            self.size = size;
        }
    }
}

impl<B> FollowsResize for SizedBackend<B> {
    fn resized(&mut self, width: u16, height: u16) {
        self.size = Size::new(width, height);
    }
}

impl<B: Backend> Backend for SizedBackend<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), B::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.inner.draw(content)
    }

    fn hide_cursor(&mut self) -> Result<(), B::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), B::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, B::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), B::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), B::Error> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), B::Error> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, B::Error> {
        Ok(self.size)
    }

    fn window_size(&mut self) -> Result<WindowSize, B::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), B::Error> {
        self.inner.flush()
    }
}
