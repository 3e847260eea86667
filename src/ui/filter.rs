//! The filter line, at the foot of the screen so that the table's top
//! rows stay in sight as they change: the text, then what is wrong with
//! it (carets under the part at fault, the message and its suggestion) or
//! the completion choices.

use super::{Theme, fit, safe, with_cursor};
use crate::app::App;
use crate::app::prompt::complete::Completion;
use crate::app::prompt::filter::FilterLine;
use crate::app::table_filter::count_of;
use crate::filter::ParseError;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthStr;

/// Choices listed at once.
const CHOICES_SHOWN: usize = 6;
const PROMPT: &str = "› ";
const EXAMPLE: &str = "e.g. role:devops skill:k8s>=4 rate<=80 avail<=14d tz:Europe/*";

pub fn render(frame: &mut Frame, area: Rect, app: &App, line: &FilterLine, theme: &Theme) {
    let below = match &line.completion {
        Some(completion) => completion.choices.len().min(CHOICES_SHOWN),
        None => 2,
    };
    let height = (3 + below as u16).min(area.height);
    // Above the status line.
    let y = area.bottom().saturating_sub(height + 1).max(area.y);
    let box_area = Rect::new(area.x, y, area.width, height);
    let block = Block::bordered().title(Line::styled(title(app, box_area.width), theme.title()));
    let inner = block.inner(box_area);
    super::open_box(frame, box_area);
    frame.render_widget(block, box_area);
    let text_area = Rect::new(inner.x, inner.y, inner.width, inner.height.min(3));
    frame.render_widget(text_lines(line, inner.width, theme), text_area);
    if let Some(completion) = &line.completion {
        let list = Rect::new(
            inner.x,
            inner.y + 1,
            inner.width,
            inner.height.saturating_sub(1),
        );
        frame.render_widget(Paragraph::new(choice_lines(completion, list, theme)), list);
    }
}

/// The text, and under it what is wrong with it (or an example while it
/// is empty), scrolled sideways so that the cursor stays in sight.
fn text_lines<'a>(line: &FilterLine, width: u16, theme: &Theme) -> Paragraph<'a> {
    let (shown, error) = shown_text(line);
    let mut lines = vec![Line::raw(format!("{PROMPT}{shown}"))];
    match (&line.completion, &line.parsed) {
        (Some(_), _) => {}
        (None, Err(_)) => lines.extend(error_lines(&shown, error, theme)),
        (None, Ok(_)) if line.text.is_empty() => lines.push(Line::styled(EXAMPLE, theme.dim())),
        (None, Ok(_)) => {}
    }
    let before_cursor = safe(&line.text.text()[..line.text.cursor_byte()]).width();
    let scroll = (PROMPT.width() + before_cursor + 2).saturating_sub(usize::from(width));
    Paragraph::new(lines).scroll((0, u16::try_from(scroll).unwrap_or(u16::MAX)))
}

/// ` Filter · 37 of 3,000 · tab completes · enter keeps · esc cancels `.
fn title(app: &App, width: u16) -> String {
    let state = app.candidates();
    let count = count_of(state.order.len(), app.data().candidates().len());
    let title = format!(" Filter · {count} · tab completes · enter keeps · esc cancels ");
    fit(&title, usize::from(width.saturating_sub(2))).into_owned()
}

/// The text as shown (with its cursor), and the error moved to match:
/// the cursor mark takes a column of its own.
fn shown_text(line: &FilterLine) -> (String, Option<ParseError>) {
    let shown = with_cursor(&line.text);
    let cursor = line.text.cursor_byte();
    let mark = '▏'.len_utf8();
    let error = line.parsed.as_ref().err().map(|error| {
        let (start, end) = (error.span.start, error.span.end);
        let start = if cursor <= start { start + mark } else { start };
        let end = if cursor < end { end + mark } else { end };
        ParseError {
            span: start..end.max(start),
            ..error.clone()
        }
    });
    (shown, error)
}

/// Carets under the part at fault, then the message.
fn error_lines<'a>(shown: &str, error: Option<ParseError>, theme: &Theme) -> Vec<Line<'a>> {
    let Some(error) = error else {
        return Vec::new();
    };
    let pad = " ".repeat(PROMPT.width());
    let carets = format!("{pad}{}", error.underline(shown));
    vec![
        Line::styled(carets, theme.error()),
        Line::styled(format!("{pad}{}", safe(&error.to_string())), theme.error()),
    ]
}

/// The choices around the one taken, each with its detail.
fn choice_lines<'a>(completion: &Completion, area: Rect, theme: &Theme) -> Vec<Line<'a>> {
    let rows = usize::from(area.height).max(1);
    let first = completion.selected.saturating_sub(rows - 1);
    let width = usize::from(area.width);
    let text_width = completion
        .choices
        .iter()
        .map(|c| c.text.width())
        .max()
        .unwrap_or(0);
    let shown = completion.choices.iter().enumerate().skip(first).take(rows);
    shown
        .map(|(i, choice)| {
            let text = safe(&choice.text);
            let pad = " ".repeat(text_width.saturating_sub(text.width()));
            let row = format!("  {text}{pad}   {}", safe(&choice.detail));
            let row = fit(&row, width).into_owned();
            match i == completion.selected {
                true => Line::styled(row, theme.selected()),
                false => Line::styled(row, theme.dim()),
            }
        })
        .collect()
}
