//! Colours and emphasis: the 16 base colours by default, so that hireterm
//! looks right in any terminal, and none at all under `NO_COLOR`, where
//! selection is reverse video and every meaning also has a glyph.

/// How a card's time in stage compares with its threshold: the domain's
/// one rule, which the board, Attention and My work all read.
pub use crate::domain::Aging;
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
}

impl Theme {
    pub const COLOR: Theme = Theme { color: true };
    pub const MONO: Theme = Theme { color: false };

    /// Monochrome when `NO_COLOR` is set to anything non-empty.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if no_color { Theme::MONO } else { Theme::COLOR }
    }

    fn fg(&self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    pub fn base(&self) -> Style {
        Style::new()
    }

    pub fn selected(&self) -> Style {
        if self.color {
            Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// The column under the cursor in the matrix.
    pub fn cursor_column(&self) -> Style {
        if self.color {
            Style::new().bg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }

    pub fn title(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn tab(&self, active: bool) -> Style {
        if active { self.selected() } else { self.dim() }
    }

    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }

    /// Characters a search matched.
    pub fn highlight(&self) -> Style {
        if self.color {
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn good(&self) -> Style {
        self.fg(Color::Green)
    }

    pub fn warn(&self) -> Style {
        self.fg(Color::Yellow)
    }

    pub fn bad(&self) -> Style {
        self.fg(Color::Red)
    }

    /// A skill level: weak red, middling plain, strong green.
    pub fn level(&self, level: u8) -> Style {
        match level {
            0 => self.dim(),
            1 | 2 => self.fg(Color::Yellow),
            3 => self.base(),
            _ => self.fg(Color::Green),
        }
    }

    /// Time in stage against the stage's threshold.
    pub fn age(&self, age: Aging) -> Style {
        match age {
            Aging::Fresh => self.good(),
            Aging::Due => self.warn(),
            Aging::Stuck => self.bad().add_modifier(Modifier::BOLD),
        }
    }
}
