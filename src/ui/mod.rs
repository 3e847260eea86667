//! Drawing: a pure function of an `&App` into a ratatui `Frame`, one module
//! per pane and overlay. Every piece of stored text passes through
//! [`safe`] on its way to the screen.

mod activity;
mod answer;
mod assign;
mod attention;
mod bench;
mod candidate_cells;
mod candidates;
mod chrome;
mod confirm;
mod consent;
mod delete_note;
mod detail;
mod detail_agency;
mod detail_custom;
mod detail_scorecards;
mod duplicate;
mod erase;
mod exit;
mod filter;
mod first_run;
mod form;
mod help;
mod home;
pub mod loading;
mod memo;
mod note;
mod palette;
mod picker;
mod pipeline;
mod report_charts;
mod report_table;
mod reports;
mod save_view;
mod scorecard;
mod skills;
mod submit;
mod tag;
pub mod theme;
mod too_small;

pub use theme::Theme;

use crate::app::overlay::Overlay;
use crate::app::{App, Pane};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use std::borrow::Cow;

/// The smallest screen hireterm draws on; below it, a message says so.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Draws the whole screen.
pub fn render(frame: &mut Frame, app: &App, theme: &Theme) {
    app.screen_map().clear();
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
        Some(Overlay::Help(help)) => help::render(frame, area, help, theme),
        Some(Overlay::Picker(picker) | Overlay::AddToPipeline { picker, .. }) => {
            picker::render(frame, area, app, picker, theme)
        }
        Some(Overlay::ClientForm(sheet)) => form::render_client(frame, area, app, sheet, theme),
        Some(Overlay::PlacementForm(sheet)) => {
            form::render_placement(frame, area, app, sheet, theme)
        }
        Some(Overlay::Submit(prompt)) => submit::render(frame, area, prompt, theme),
        Some(Overlay::Answer(prompt)) => answer::render(frame, area, prompt, theme),
        Some(Overlay::Confirm(question)) => confirm::render(frame, area, &question.question, theme),
        Some(Overlay::Exit(prompt)) => exit::render(frame, area, prompt, theme),
        Some(Overlay::Palette(state)) => palette::render(frame, area, app, state, theme),
        Some(Overlay::Scorecard(form)) => scorecard::render(frame, area, app, form, theme),
        Some(Overlay::Note(prompt)) => note::render(frame, area, prompt, theme),
        Some(Overlay::Tag(prompt)) => tag::render(frame, area, prompt, theme),
        Some(Overlay::CandidateForm(sheet)) => {
            form::render_candidate(frame, area, app, sheet, theme);
        }
        Some(Overlay::EngagementForm(sheet)) => {
            form::render_engagement(frame, area, app, sheet, theme)
        }
        Some(Overlay::Duplicate(prompt)) => duplicate::render(frame, area, app, prompt, theme),
        Some(Overlay::Filter(line)) => filter::render(frame, area, app, line, theme),
        Some(Overlay::SaveView(prompt)) => save_view::render(frame, area, prompt, theme),
        Some(Overlay::Assign(prompt)) => assign::render(frame, area, prompt, theme),
        Some(Overlay::DeleteNote(choice)) => delete_note::render(frame, area, choice, theme),
        Some(Overlay::Erase(prompt)) => erase::render(frame, area, prompt, theme),
        Some(Overlay::Consent(prompt)) => {
            consent::render(frame, area, prompt, app.clock().now().date_naive(), theme)
        }
        None => {}
    }
}

fn render_body(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if let Some(state) = app.load_state() {
        return loading::render_waiting(frame, area, app, &state, theme);
    }
    if app.data().candidates().is_empty() {
        return first_run::render(frame, area, app, theme);
    }
    render_pane(frame, area, app, theme);
}

fn render_pane(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    match app.pane() {
        Pane::Home => home::render(frame, area, app, theme),
        Pane::Candidates => match app.candidates().detail {
            Some(detail) => detail::render(frame, area, app, &detail, theme),
            None => candidates::render(frame, area, app, theme),
        },
        Pane::Pipeline => pipeline::render(frame, area, app, theme),
        Pane::Skills => skills::render(frame, area, app, theme),
        Pane::Attention => attention::render(frame, area, app, theme),
        Pane::Activity => activity::render(frame, area, app, theme),
        Pane::Bench => bench::render(frame, area, app, theme),
        Pane::Reports => reports::render(frame, area, app, theme),
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

/// A line being typed, with `▏` at its cursor.
pub fn with_cursor(input: &crate::app::text::TextInput) -> String {
    let text = input.text();
    let at = text
        .char_indices()
        .nth(input.cursor())
        .map_or(text.len(), |(i, _)| i);
    format!("{}▏{}", safe(&text[..at]), safe(&text[at..]))
}

/// Cuts `text` to at most `width` columns, marking a cut with `…`.
pub fn fit(text: &str, width: usize) -> Cow<'_, str> {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let fits = match one_column_each(text) {
        true => text.chars().count() <= width,
        false => text.width() <= width,
    };
    if fits {
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

/// Whether every character of `text` is one column wide and a grapheme
/// of its own, whatever its neighbours: printable ASCII, the Latin letters
/// with their accents precomposed (Latin-1, Extended-A and -B, Vietnamese),
/// Greek and Cyrillic letters, dashes, quotes, `·`, `…`, `●`; but not the
/// soft hyphen nor any combining mark. Most stored text is.
fn one_column_each(text: &str) -> bool {
    // Printable ASCII, most text, is told by its bytes alone.
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return true;
    }
    text.chars().all(|c| {
        matches!(c,
            ' '..='~'
            | '\u{A0}'..='\u{AC}' // Latin-1, without the soft hyphen
            | '\u{AE}'..='\u{24F}' // Latin-1, Latin Extended-A and -B
            | '\u{391}'..='\u{3A1}' | '\u{3A3}'..='\u{3C9}' // Greek letters
            | '\u{400}'..='\u{482}' | '\u{48A}'..='\u{4FF}' // Cyrillic, no combining marks
            | '\u{1E00}'..='\u{1EFF}' // Latin Extended Additional (Vietnamese)
            | '\u{2010}'..='\u{2027}' // dashes, quotes, bullets, …
            | '\u{25CF}' // ●
        )
    })
}

/// Writes `text` at `(x, y)` in at most `width` columns, as
/// `Buffer::set_stringn` does, but without splitting it into graphemes
/// when it is `one_column_each`: the candidates table writes a few
/// hundred cells of text a frame, and in a server every frame of every
/// session counts.
pub fn put(buffer: &mut Buffer, x: u16, y: u16, text: &str, width: usize, style: Style) {
    put_known(buffer, (x, y), text, one_column_each(text), width, style);
}

/// [`put`], told whether `text` is [`one_column_each`] (as worked out
/// when the text was kept from an earlier frame).
fn put_known(
    buffer: &mut Buffer,
    (x, y): (u16, u16),
    text: &str,
    simple: bool,
    width: usize,
    style: Style,
) {
    if !simple {
        buffer.set_stringn(x, y, text, width, style);
        return;
    }
    let width = u16::try_from(width).unwrap_or(u16::MAX);
    let room = usize::from(buffer.area.right().saturating_sub(x).min(width));
    let count = text.chars().take(room).count();
    if count == 0 {
        return;
    }
    let start = buffer.index_of(x, y);
    for (cell, c) in buffer.content[start..start + count]
        .iter_mut()
        .zip(text.chars())
    {
        cell.set_char(c).set_style(style);
    }
}

/// Text kept for later frames, with whether it is `one_column_each`
/// (worked out once, not on every frame).
pub struct KeptText {
    text: String,
    simple: bool,
}

impl KeptText {
    pub fn new(text: String) -> KeptText {
        let simple = one_column_each(&text);
        KeptText { text, simple }
    }

    /// [`put`]s the text.
    pub fn put(&self, buffer: &mut Buffer, x: u16, y: u16, width: usize, style: Style) {
        put_known(buffer, (x, y), &self.text, self.simple, width, style);
    }
}

/// `text` cut or padded with spaces to exactly `width` columns, counting
/// wide characters (CJK, emoji) as the terminal does.
pub fn pad(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let fitted = fit(text, width);
    let used = fitted.width();
    format!("{fitted}{}", " ".repeat(width.saturating_sub(used)))
}

/// Clears `area` for a box drawn over the pane (a dialog, a prompt): the
/// one way every overlay opens, so that text meets its border by display
/// width. A wide character (CJK, emoji) of the pane that starts just left
/// of the box would reach into it, and a terminal would draw it over the
/// box's border (ratatui sends nothing for the cell a wide character
/// covers): it is blanked.
pub fn open_box(frame: &mut Frame, area: Rect) {
    use unicode_width::UnicodeWidthStr;
    frame.render_widget(ratatui::widgets::Clear, area);
    let buffer = frame.buffer_mut();
    let Some(left) = area.x.checked_sub(1) else {
        return;
    };
    if !buffer
        .area
        .contains(ratatui::layout::Position::new(left, area.y))
    {
        return;
    }
    for y in area.top()..area.bottom().min(buffer.area.bottom()) {
        let cell = &mut buffer[(left, y)];
        if cell.symbol().width() > 1 {
            cell.set_symbol(" ");
        }
    }
}

/// Records that `spot` was drawn over `area`'s row `y` (for the mouse:
/// `app/screen_map.rs`).
pub fn mark_row(app: &App, area: Rect, y: u16, spot: crate::app::screen_map::Spot) {
    mark(app, Rect::new(area.x, y, area.width, 1), spot);
}

/// Records that `spot` was drawn over `area`.
pub fn mark(app: &App, area: Rect, spot: crate::app::screen_map::Spot) {
    let area = crate::app::screen_map::Area {
        x: area.x,
        y: area.y,
        width: area.width,
        height: area.height,
    };
    app.screen_map().mark(area, spot);
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

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};

    /// `put` leaves the buffer exactly as `Buffer::set_stringn` would.
    #[test]
    fn put_writes_what_set_stringn_writes() {
        // Every character the fast path takes, each after and before others.
        let simple: String = ('\0'..='\u{25CF}')
            .filter(|c| one_column_each(&c.to_string()))
            .collect();
        let reversed: String = simple.chars().rev().collect();
        let texts = [
            "",
            "Ana Silva",
            "José Álvarez Peña",
            "Go 5 · Rust 4 · PostgreSQL 3",
            "soft\u{AD}hyphen",
            "wide 漢字 and emoji 👍🏽",
            "e\u{301} combining",
            "Nguyễn Thị Hạnh, Łódź, Şahin, Ольга, Ελένη — “quoted” ● …",
            "Нина\u{483} (a combining mark)",
            "a\u{2028}b",
            simple.as_str(),
            reversed.as_str(),
        ];
        let area = Rect::new(2, 1, 1300, 3);
        let style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
        for text in texts {
            for (x, width) in [(2, 1300), (5, 10), (20, 40), (1301, 5), (1302, 5), (4, 0)] {
                let mut expected = Buffer::empty(area);
                let mut got = Buffer::empty(area);
                expected.set_stringn(x, 2, text, width, style);
                put(&mut got, x, 2, text, width, style);
                assert_eq!(got, expected, "{text:?} at {x} in {width}");
            }
        }
    }

    #[test]
    fn fit_counts_columns_as_the_terminal_does() {
        assert_eq!(fit("Peña", 4), "Peña");
        assert_eq!(fit("Peña, Lisboa", 6), "Peña,…");
        assert_eq!(fit("漢字漢字", 4), "漢…");
        assert_eq!(fit("漢字", 4), "漢字");
    }
}
