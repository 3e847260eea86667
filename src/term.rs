//! The terminal runner: owns the terminal, turns its events into app
//! input, draws only when something happened, and restores the terminal on
//! quit, on error and on panic.
//!
//! [`run_app`] is generic over the ratatui `Backend` and takes its input
//! from a channel, so the same loop serves the local terminal and the
//! tests' `TestBackend`. An SSH session runs a loop of its own over the
//! same `App` (`serve/session.rs`), with the timers a byte stream needs.

use crate::app::input::{Mouse, MouseKind};
use crate::app::{App, Input, Key, KeyCode, Mods};
use crate::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend, TestBackend};
use ratatui::crossterm::event::{
    self, Event, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use sized::{FollowsResize, SizedBackend};
use std::io::Write;
use std::sync::mpsc::Receiver;
use stop::InputSlot;

mod frame_out;
pub mod local;
pub mod sized;
mod stop;

/// A backend that can hand the terminal bytes of the app's own (OSC 52
/// from `y`) through the writer its frames go through.
pub trait Passthrough {
    fn pass(&mut self, bytes: &[u8]) -> std::io::Result<()>;
}

impl<W: Write> Passthrough for CrosstermBackend<W> {
    fn pass(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.write_all(bytes)?;
        Write::flush(self)
    }
}

impl<B: Passthrough> Passthrough for SizedBackend<B> {
    fn pass(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.inner_mut().pass(bytes)
    }
}

/// A test terminal has no clipboard: the bytes are dropped.
impl Passthrough for TestBackend {
    fn pass(&mut self, _: &[u8]) -> std::io::Result<()> {
        Ok(())
    }
}

/// Turns the mouse on (clicks and the wheel: xterm's 1000, in SGR form,
/// 1006; no motion, so an idle mouse wakes nothing) until dropped, even
/// by a panic unwinding.
pub(crate) struct MouseOn;

impl MouseOn {
    pub(crate) fn start() -> MouseOn {
        let _ = std::io::stdout().write_all(b"\x1b[?1000h\x1b[?1006h");
        let _ = std::io::stdout().flush();
        MouseOn
    }
}

impl Drop for MouseOn {
    fn drop(&mut self) {
        let _ = std::io::stdout().write_all(b"\x1b[?1006l\x1b[?1000l");
        let _ = std::io::stdout().flush();
    }
}

/// Draws, then waits for input: no input, no work, no CPU. Input that
/// arrived meanwhile is applied before the next draw, so keys typed ahead
/// cost one frame, not one each.
pub fn run_app<B: Backend + Passthrough + FollowsResize>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    theme: &Theme,
    input: &Receiver<Input>,
) -> Result<(), B::Error> {
    run_app_with_editor(terminal, app, theme, input, |_| None)
}

/// [`run_app`], with a way to hand the terminal to an external editor when
/// the app asks for one (a note in `$EDITOR`); `edit` returns the text.
pub fn run_app_with_editor<B: Backend + Passthrough + FollowsResize>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    theme: &Theme,
    input: &Receiver<Input>,
    mut edit: impl FnMut(&mut Terminal<B>) -> Option<String>,
) -> Result<(), B::Error> {
    loop {
        // Settling may end the app too (the open behind the first screen
        // failed: `app/records/opening.rs`).
        app.settle();
        if app.should_quit() {
            break;
        }
        terminal.draw(|frame| ui::render(frame, app, theme))?;
        let out = app.take_terminal_output();
        if !out.is_empty() {
            // A terminal that cannot take it is no reason to stop.
            let _ = terminal.backend_mut().pass(&out);
        }
        let Ok(first) = input.recv() else { break };
        take_input(terminal, app, first);
        while !app.should_quit()
            && let Ok(next) = input.try_recv()
        {
            take_input(terminal, app, next);
        }
        if app.should_quit() {
            break;
        }
        if let Some(target) = app.take_external_edit() {
            let text = edit(terminal);
            app.finish_external_edit(target, text);
        }
    }
    Ok(())
}

/// Hands `input` to the app; a resize goes to the backend too, so that
/// the next frame is drawn at the new size.
fn take_input<B: Backend + FollowsResize>(terminal: &mut Terminal<B>, app: &mut App, input: Input) {
    if let Input::Resize(width, height) = input {
        terminal.backend_mut().resized(width, height);
    }
    app.handle_input(input);
}

/// Reads terminal events into the channel. Without an external editor it
/// blocks in `read` (no input, no CPU); with one, it polls so that it can
/// stand aside while the editor owns the terminal.
pub(crate) fn read_input(slot: &InputSlot, gate: Option<&crate::editor::InputGate>) {
    loop {
        let event = match gate {
            None => event::read().ok(),
            Some(gate) => {
                gate.stand_aside_while_paused();
                match event::poll(std::time::Duration::from_millis(200)) {
                    Ok(true) if !gate.is_paused() => event::read().ok(),
                    Ok(_) => continue,
                    Err(_) => None,
                }
            }
        };
        let Some(event) = event else { return };
        if let Some(input) = convert(event)
            && !slot.send(input)
        {
            return;
        }
    }
}

/// crossterm's event as the app's input; `None` for what the app ignores
/// (key releases, other mouse buttons, focus).
pub fn convert(event: Event) -> Option<Input> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => convert_key(key).map(Input::Key),
        Event::Mouse(mouse) => convert_mouse(mouse).map(Input::Mouse),
        Event::Paste(text) => Some(Input::Paste(text)),
        Event::Resize(width, height) => Some(Input::Resize(width, height)),
        _ => None,
    }
}

fn convert_mouse(mouse: MouseEvent) -> Option<Mouse> {
    let kind = match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => MouseKind::Click,
        MouseEventKind::ScrollUp => MouseKind::ScrollUp,
        MouseEventKind::ScrollDown => MouseKind::ScrollDown,
        _ => return None,
    };
    Some(Mouse {
        kind,
        column: mouse.column,
        row: mouse.row,
    })
}

fn convert_key(key: KeyEvent) -> Option<Key> {
    use ratatui::crossterm::event::KeyCode as C;
    let code = match key.code {
        C::Char(c) => KeyCode::Char(c),
        C::Enter => KeyCode::Enter,
        C::Esc => KeyCode::Esc,
        C::Tab => KeyCode::Tab,
        C::BackTab => KeyCode::BackTab,
        C::Backspace => KeyCode::Backspace,
        C::Delete => KeyCode::Delete,
        C::Up => KeyCode::Up,
        C::Down => KeyCode::Down,
        C::Left => KeyCode::Left,
        C::Right => KeyCode::Right,
        C::Home => KeyCode::Home,
        C::End => KeyCode::End,
        C::PageUp => KeyCode::PageUp,
        C::PageDown => KeyCode::PageDown,
        C::F(n) => KeyCode::F(n),
        _ => return None,
    };
    let printable = matches!(code, KeyCode::Char(_) | KeyCode::BackTab);
    let mods = Mods {
        ctrl: key.modifiers.contains(KeyModifiers::CONTROL),
        alt: key.modifiers.contains(KeyModifiers::ALT),
        // `G` already says shift; keep it only where nothing else does.
        shift: key.modifiers.contains(KeyModifiers::SHIFT) && !printable,
    };
    let code = match code {
        KeyCode::Char(c) if mods.ctrl => KeyCode::Char(c.to_ascii_lowercase()),
        other => other,
    };
    Some(Key { code, mods })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyCode as C;

    fn key(code: C, modifiers: KeyModifiers) -> Option<Input> {
        convert(Event::Key(KeyEvent::new(code, modifiers)))
    }

    #[test]
    fn crossterm_keys_become_app_keys() {
        assert_eq!(
            key(C::Char('G'), KeyModifiers::SHIFT),
            Some(Input::Key(Key::char('G')))
        );
        assert_eq!(
            key(C::Char('d'), KeyModifiers::CONTROL),
            Some(Input::Key(Key::ctrl('d')))
        );
        assert_eq!(
            key(C::BackTab, KeyModifiers::SHIFT),
            Some(Input::Key(Key::plain(KeyCode::BackTab)))
        );
        assert_eq!(convert(Event::Resize(80, 24)), Some(Input::Resize(80, 24)));
        assert_eq!(convert(Event::FocusGained), None);
    }
}
