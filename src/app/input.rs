//! Input as the app sees it: our own key type, so that `App` never depends
//! on crossterm (the local terminal) or on raw bytes (an SSH session). Each
//! frontend converts its events into these.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyCode {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

/// Modifier keys. Shift is folded into the character for printable keys
/// (`G`, `?`), and kept only for keys without a shifted form.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Mods {
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: Mods,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            mods: Mods {
                ctrl: false,
                alt: false,
                shift: false,
            },
        }
    }

    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            mods: Mods {
                ctrl: true,
                alt: false,
                shift: false,
            },
        }
    }

    /// Parses the keymap notation: `q`, `G`, `?`, `space`, `enter`, `esc`,
    /// `tab`, `shift-tab`, `ctrl-d`, `alt-x`, `up`, `pgdn`, `f1`...
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut mods = Mods::default();
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (flag, len) = match () {
                _ if lower.starts_with("ctrl-") => (&mut mods.ctrl, 5),
                _ if lower.starts_with("alt-") => (&mut mods.alt, 4),
                _ if lower.starts_with("shift-") => (&mut mods.shift, 6),
                _ => break,
            };
            *flag = true;
            rest = &rest[len..];
        }
        let code = parse_code(rest).ok_or_else(|| format!("`{text}` is not a key"))?;
        if mods.shift && code == KeyCode::Tab {
            return Ok(Key::plain(KeyCode::BackTab));
        }
        if let KeyCode::Char(c) = code
            && mods.ctrl
        {
            return Ok(Key {
                code: KeyCode::Char(c.to_ascii_lowercase()),
                mods,
            });
        }
        Ok(Key { code, mods })
    }
}

fn parse_code(name: &str) -> Option<KeyCode> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(KeyCode::Char(c));
    }
    let code = match name.to_ascii_lowercase().as_str() {
        "space" => KeyCode::Char(' '),
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pgup" | "pageup" => KeyCode::PageUp,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        f if f.starts_with('f') => {
            KeyCode::F(f[1..].parse().ok().filter(|n| (1..=24).contains(n))?)
        }
        _ => return None,
    };
    Some(code)
}

impl fmt::Display for Key {
    /// The notation [`Key::parse`] reads, as the help screen shows it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.mods.alt {
            f.write_str("alt-")?;
        }
        if self.mods.shift {
            f.write_str("shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("enter"),
            KeyCode::Esc => f.write_str("esc"),
            KeyCode::Tab => f.write_str("tab"),
            KeyCode::BackTab => f.write_str("shift-tab"),
            KeyCode::Backspace => f.write_str("backspace"),
            KeyCode::Delete => f.write_str("delete"),
            KeyCode::Up => f.write_str("up"),
            KeyCode::Down => f.write_str("down"),
            KeyCode::Left => f.write_str("left"),
            KeyCode::Right => f.write_str("right"),
            KeyCode::Home => f.write_str("home"),
            KeyCode::End => f.write_str("end"),
            KeyCode::PageUp => f.write_str("pgup"),
            KeyCode::PageDown => f.write_str("pgdn"),
            KeyCode::F(n) => write!(f, "f{n}"),
        }
    }
}

/// What the mouse did, where (0-based cells from the top left).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mouse {
    pub kind: MouseKind,
    pub column: u16,
    pub row: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseKind {
    /// The left button pressed.
    Click,
    ScrollUp,
    ScrollDown,
}

/// Everything a frontend can tell the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Key(Key),
    /// A click or the wheel, where the frontend turned the mouse on.
    Mouse(Mouse),
    /// Bracketed paste: text typed all at once.
    Paste(String),
    /// The screen's new size, in columns and rows.
    Resize(u16, u16),
    /// The records changed by no key of this session (the rest of a
    /// large database read): nothing to do but draw them.
    Changed,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_keymap_notation_and_prints_it_back() {
        for text in [
            "q",
            "G",
            "?",
            "space",
            "enter",
            "esc",
            "shift-tab",
            "ctrl-d",
            "alt-x",
            "pgdn",
            "f5",
        ] {
            let key = Key::parse(text).map_err(|e| e.to_string());
            assert_eq!(key.map(|k| k.to_string()), Ok(text.to_string()));
        }
        assert_eq!(Key::parse("Ctrl-D"), Ok(Key::ctrl('d')));
        assert_eq!(Key::parse("shift-tab"), Ok(Key::plain(KeyCode::BackTab)));
        assert!(Key::parse("ctrl-").is_err());
        assert!(Key::parse("hyper-x").is_err());
        assert!(Key::parse("f99").is_err());
    }
}
