//! Drawing: a pure function of an `&App` into a ratatui `Frame`, one module
//! per pane and overlay. Every piece of stored text passes through
//! [`safe`] on its way to the screen.

mod activity;
mod attention;
mod candidates;
mod chrome;
mod detail;
mod duplicate;
mod first_run;
mod form;
mod help;
mod note;
mod palette;
mod picker;
mod pipeline;
mod reject;
mod scorecard;
mod skills;
mod tag;
pub mod theme;
mod too_small;

pub use theme::Theme;

use crate::app::overlay::Overlay;
use crate::app::{App, Pane};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use std::borrow::Cow;

/// The smallest screen hireterm draws on; below it, a message says so.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Draws the whole screen.
pub fn render(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return too_small::render(frame, area, theme);
    }
    let [tabs, body, status] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ]));
    chrome::tabs(frame, tabs, app, theme);
    chrome::status(frame, status, app, theme);
    render_body(frame, body, app, theme);
    match app.overlay() {
        Some(Overlay::Help { scroll }) => help::render(frame, area, app, *scroll, theme),
        Some(Overlay::Picker { cursor }) => picker::render(frame, area, app, cursor, theme),
        Some(Overlay::Reject(prompt)) => reject::render(frame, area, prompt, theme),
        Some(Overlay::Palette(state)) => palette::render(frame, area, state, theme),
        Some(Overlay::Scorecard(form)) => scorecard::render(frame, area, app, form, theme),
        Some(Overlay::Note(prompt)) => note::render(frame, area, prompt, theme),
        Some(Overlay::Tag(prompt)) => tag::render(frame, area, prompt, theme),
        Some(Overlay::CandidateForm(sheet)) => {
            form::render_candidate(frame, area, app, sheet, theme)
        }
        Some(Overlay::EngagementForm(sheet)) => {
            form::render_engagement(frame, area, app, sheet, theme)
        }
        None => {}
    }
}

fn render_body(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if app.data().candidates().is_empty() {
        return first_run::render(frame, area, app, theme);
    }
    match app.pane() {
        Pane::Candidates => match app.candidates().detail {
            Some(detail) => detail::render(frame, area, app, &detail, theme),
            None => candidates::render(frame, area, app, theme),
        },
        Pane::Pipeline => pipeline::render(frame, area, app, theme),
        Pane::Skills => skills::render(frame, area, app, theme),
        Pane::Attention => attention::render(frame, area, app, theme),
        Pane::Activity => activity::render(frame, area, app, theme),
    }
}

/// Stored text made safe for the terminal: control characters, bidi
/// overrides and zero-width characters removed (see `domain::text`).
pub fn safe(text: &str) -> Cow<'_, str> {
    if crate::domain::text::is_clean(text, false) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(crate::domain::text::clean(text, false))
    }
}

/// Cuts `text` to at most `width` columns, marking a cut with `…`.
pub fn fit(text: &str, width: usize) -> Cow<'_, str> {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= width {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    Cow::Owned(out)
}

/// `text` cut or padded with spaces to exactly `width` columns, counting
/// wide characters (CJK, emoji) as the terminal does.
pub fn pad(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let fitted = fit(text, width);
    let used = fitted.width();
    format!("{fitted}{}", " ".repeat(width.saturating_sub(used)))
}

/// A box of the given size centred in `area`, never larger than it.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}
