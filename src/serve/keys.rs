//! Raw terminal bytes from an SSH channel turned into the app's `Input`.
//!
//! crossterm's parser is private to its own event loop, so a session needs
//! its own. Bytes arrive in packets that may split a sequence anywhere, so
//! the decoder keeps what it cannot finish yet. A lone ESC is ambiguous
//! (the Esc key, or the start of a sequence still in flight): it is held
//! until the next byte, or until the caller's short timer calls
//! [`KeyDecoder::flush`].

use crate::app::input::{Input, Key, KeyCode, Mods, Mouse, MouseKind};

/// Longest paste kept; the rest of an absurd paste is dropped, not queued.
pub const MAX_PASTE_BYTES: usize = 64 * 1024;
/// Room for undecoded bytes kept between bursts.
const KEPT_CAPACITY: usize = 4096;
/// Longest escape sequence considered; longer ones are noise and dropped.
const MAX_SEQUENCE: usize = 32;

const ESC: u8 = 0x1b;
const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

#[derive(Debug, Default)]
pub struct KeyDecoder {
    /// Bytes read but not yet decoded: a partial sequence or character.
    pending: Vec<u8>,
    /// Inside a bracketed paste: the text so far.
    paste: Option<Vec<u8>>,
}

/// What the front of the buffer holds.
enum Step {
    /// `used` bytes made this input (or nothing, for ignored sequences).
    Done(usize, Option<Input>),
    /// The buffer ends inside a sequence or character.
    Incomplete,
}

impl KeyDecoder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Decodes everything `bytes` completes.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Input> {
        self.pending.extend_from_slice(bytes);
        let mut inputs = Vec::new();
        loop {
            if self.paste.is_some() {
                match self.take_paste() {
                    Some(text) => inputs.push(Input::Paste(text)),
                    None => break,
                }
                continue;
            }
            if self.pending.is_empty() {
                break;
            }
            match decode(&self.pending) {
                Step::Done(used, input) => {
                    self.pending.drain(..used);
                    inputs.extend(input);
                }
                Step::Incomplete if self.pending.starts_with(PASTE_START) => {
                    self.pending.drain(..PASTE_START.len());
                    self.paste = Some(Vec::new());
                }
                Step::Incomplete => break,
            }
        }
        // A burst (a paste, up to a megabyte) is not kept as capacity.
        if self.pending.capacity() > KEPT_CAPACITY {
            self.pending.shrink_to(KEPT_CAPACITY);
        }
        inputs
    }

    /// True while a lone ESC (or an unfinished sequence) waits: the caller
    /// should call [`KeyDecoder::flush`] if nothing else arrives soon.
    pub fn is_waiting(&self) -> bool {
        self.paste.is_none() && !self.pending.is_empty()
    }

    /// Resolves what is held after the timeout: a lone ESC is the Esc key,
    /// ESC + char an Alt key; an unfinished sequence is dropped.
    pub fn flush(&mut self) -> Vec<Input> {
        if self.paste.is_some() {
            return Vec::new();
        }
        let held = std::mem::take(&mut self.pending);
        match held.as_slice() {
            [ESC] => vec![Input::Key(Key::plain(KeyCode::Esc))],
            [ESC, ESC] => vec![Input::Key(Key::plain(KeyCode::Esc)); 2],
            [ESC, next @ (b'[' | b'O')] => vec![plain_char(char::from(*next), true)],
            _ => Vec::new(),
        }
    }

    /// The paste, once its end marker has arrived. The text is capped at
    /// [`MAX_PASTE_BYTES`]; the app cleans it like any other text.
    fn take_paste(&mut self) -> Option<String> {
        let paste = self.paste.as_mut()?;
        let end = find(&self.pending, PASTE_END);
        let upto = end.unwrap_or_else(|| {
            // Keep a tail that could be the start of the end marker.
            self.pending.len().saturating_sub(PASTE_END.len() - 1)
        });
        let room = MAX_PASTE_BYTES.saturating_sub(paste.len());
        paste.extend_from_slice(&self.pending[..upto.min(room)]);
        self.pending.drain(..upto);
        end?;
        self.pending.drain(..PASTE_END.len());
        let text = self.paste.take().unwrap_or_default();
        Some(String::from_utf8_lossy(&text).into_owned())
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn key(code: KeyCode, mods: Mods) -> Option<Input> {
    Some(Input::Key(Key { code, mods }))
}

fn decode(bytes: &[u8]) -> Step {
    match bytes[0] {
        ESC => decode_escape(bytes),
        byte if byte < 0x20 || byte == 0x7f => Step::Done(1, control(byte)),
        _ => decode_char(bytes),
    }
}

/// C0 bytes and DEL: Enter, Tab, Backspace, or a Ctrl chord.
fn control(byte: u8) -> Option<Input> {
    let plain = |code| key(code, Mods::default());
    match byte {
        b'\r' | b'\n' => plain(KeyCode::Enter),
        b'\t' => plain(KeyCode::Tab),
        0x7f | 0x08 => plain(KeyCode::Backspace),
        0x00 => Some(Input::Key(Key::ctrl(' '))),
        0x01..=0x1a => Some(Input::Key(Key::ctrl(char::from(b'a' + byte - 1)))),
        _ => None,
    }
}

/// One UTF-8 character; invalid bytes are skipped one at a time.
fn decode_char(bytes: &[u8]) -> Step {
    let len = match bytes[0] {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Step::Done(1, None),
    };
    if bytes.len() < len {
        let valid_so_far = bytes[1..].iter().all(|b| b & 0xc0 == 0x80);
        return if valid_so_far {
            Step::Incomplete
        } else {
            Step::Done(1, None)
        };
    }
    match std::str::from_utf8(&bytes[..len]) {
        Ok(text) => Step::Done(len, text.chars().next().map(|c| plain_char(c, false))),
        Err(_) => Step::Done(1, None),
    }
}

fn plain_char(c: char, alt: bool) -> Input {
    Input::Key(Key {
        code: KeyCode::Char(c),
        mods: Mods {
            alt,
            ..Mods::default()
        },
    })
}

fn decode_escape(bytes: &[u8]) -> Step {
    match bytes.get(1) {
        None => Step::Incomplete,
        Some(b'[') => decode_csi(bytes),
        Some(b'O') => decode_ss3(bytes),
        // ESC ESC: the first is a key of its own only once we know the
        // second is not the start of a sequence.
        Some(&ESC) if bytes.len() == 2 => Step::Incomplete,
        Some(&ESC) => Step::Done(1, key(KeyCode::Esc, Mods::default())),
        Some(_) => decode_alt(bytes),
    }
}

/// ESC then a key: the same key with Alt.
fn decode_alt(bytes: &[u8]) -> Step {
    match decode(&bytes[1..]) {
        Step::Incomplete => Step::Incomplete,
        Step::Done(used, input) => {
            let with_alt = input.map(|input| match input {
                Input::Key(mut key) => {
                    key.mods.alt = true;
                    Input::Key(key)
                }
                other => other,
            });
            Step::Done(used + 1, with_alt)
        }
    }
}

/// ESC O x: the application-mode arrows, Home/End and F1-F4.
fn decode_ss3(bytes: &[u8]) -> Step {
    let Some(&last) = bytes.get(2) else {
        return Step::Incomplete;
    };
    Step::Done(
        3,
        final_key(last).and_then(|code| key(code, Mods::default())),
    )
}

/// ESC [ params final: arrows, Home/End, PgUp/PgDn, Delete, F-keys, with
/// xterm's `;m` modifier parameter. Unknown sequences are dropped whole.
fn decode_csi(bytes: &[u8]) -> Step {
    let body = &bytes[2..];
    let Some(end) = body.iter().position(|b| (0x40..=0x7e).contains(b)) else {
        let runaway = body.len() > MAX_SEQUENCE;
        return if runaway {
            Step::Done(bytes.len(), None)
        } else {
            Step::Incomplete
        };
    };
    if bytes.starts_with(PASTE_START) {
        return Step::Incomplete;
    }
    let params = std::str::from_utf8(&body[..end]).unwrap_or("");
    let used = end + 3;
    if let Some(mouse) = params.strip_prefix('<') {
        return Step::Done(used, sgr_mouse(mouse, body[end]).map(Input::Mouse));
    }
    let mut numbers = params.split(';').map(|p| p.parse::<u16>().unwrap_or(1));
    let first = numbers.next().unwrap_or(1);
    let mods = modifiers(numbers.next().unwrap_or(1));
    let code = match body[end] {
        b'~' => tilde_key(first),
        b'Z' => Some(KeyCode::BackTab),
        last => final_key(last),
    };
    Step::Done(used, code.and_then(|code| key(code, mods)))
}

/// xterm's SGR mouse report, `ESC [ < button ; column ; row M` (`m` on
/// release): the left button's press and the wheel; the rest is dropped.
fn sgr_mouse(params: &str, last: u8) -> Option<Mouse> {
    let mut numbers = params.split(';').map(|p| p.parse::<u16>().ok());
    let (button, column, row) = (numbers.next()??, numbers.next()??, numbers.next()??);
    let kind = match button & !(4 | 8 | 16) {
        _ if last != b'M' => return None,
        0 => MouseKind::Click,
        64 => MouseKind::ScrollUp,
        65 => MouseKind::ScrollDown,
        _ => return None,
    };
    Some(Mouse {
        kind,
        column: column.checked_sub(1)?,
        row: row.checked_sub(1)?,
    })
}

fn final_key(last: u8) -> Option<KeyCode> {
    Some(match last {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P' => KeyCode::F(1),
        b'Q' => KeyCode::F(2),
        b'R' => KeyCode::F(3),
        b'S' => KeyCode::F(4),
        _ => return None,
    })
}

fn tilde_key(number: u16) -> Option<KeyCode> {
    Some(match number {
        1 | 7 => KeyCode::Home,
        3 => KeyCode::Delete,
        4 | 8 => KeyCode::End,
        5 => KeyCode::PageUp,
        6 => KeyCode::PageDown,
        11..=15 => KeyCode::F((number - 10) as u8),
        17..=21 => KeyCode::F((number - 11) as u8),
        23 | 24 => KeyCode::F((number - 12) as u8),
        _ => return None,
    })
}

/// xterm's modifier parameter: 1 + (shift 1 | alt 2 | ctrl 4).
fn modifiers(parameter: u16) -> Mods {
    let bits = parameter.saturating_sub(1);
    Mods {
        shift: bits & 1 != 0,
        alt: bits & 2 != 0,
        ctrl: bits & 4 != 0,
    }
}
