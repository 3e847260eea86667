//! The add/edit forms: a box over the body with a row per field (label,
//! value, and its error next to it), the catalog matches under the field
//! being typed in, scrolled so that the field in focus always shows.

use super::{Theme, centered, fit, safe};
use crate::app::form::candidate::CandidateForm;
use crate::app::form::client::ClientForm;
use crate::app::form::engagement::EngagementForm;
use crate::app::form::picks::{self, Asks, Pick, Picks, Waiting};
use crate::app::form::placement::{PlacementForm, Purpose};
use crate::app::form::{Field, Form, Kind};
use crate::app::{Action, App, Context};
use crate::domain::Priority;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthStr;

const MAX_WIDTH: u16 = 100;
/// The marker and the label, before the value.
const LABEL_WIDTH: usize = 13;

/// Draws the candidate form and returns its box.
pub fn render_candidate(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    sheet: &CandidateForm,
    theme: &Theme,
) -> Rect {
    let title = match &sheet.editing {
        Some(c) => format!(" Edit {} · {} ", safe(&c.name), c.id),
        None => " New candidate ".to_string(),
    };
    draw(frame, area, app, (&title, None), &sheet.form, theme)
}

pub fn render_engagement(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    sheet: &EngagementForm,
    theme: &Theme,
) {
    let title = match &sheet.editing {
        Some(e) => format!(" Edit {} · {} ", e.id, safe(&e.title)),
        None => " New engagement ".to_string(),
    };
    draw(frame, area, app, (&title, None), &sheet.form, theme);
}

pub fn render_client(frame: &mut Frame, area: Rect, app: &App, sheet: &ClientForm, theme: &Theme) {
    let title = match &sheet.editing {
        Some(c) => format!(" Edit client {} · {} ", safe(&c.name), c.id),
        None => " New client ".to_string(),
    };
    draw(frame, area, app, (&title, None), &sheet.form, theme);
}

pub fn render_placement(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    sheet: &PlacementForm,
    theme: &Theme,
) {
    let title = match sheet.purpose {
        Purpose::Place { engagement, .. } => {
            format!(" Place {} in {engagement} ", safe(&sheet.name))
        }
        Purpose::Change { placement } => format!(" Change {placement} · {} ", safe(&sheet.name)),
    };
    draw(
        frame,
        area,
        app,
        (&title, Some(&sheet.preview)),
        &sheet.form,
        theme,
    );
}

/// Draws the form's box over the body (the tabs and the status line stay
/// in sight) and returns it.
/// `note` is a line shown under the fields when nothing more pressing is
/// (a placement's margin, say).
fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    (title, note): (&str, Option<&str>),
    form: &Form,
    theme: &Theme,
) -> Rect {
    let box_area = box_area(area, form);
    super::open_box(frame, box_area);
    let block = Block::bordered().title(Line::styled(title.to_string(), theme.title()));
    let inner = block.inner(box_area);
    frame.render_widget(block, box_area);
    let [body, footer] = inner.layout(&Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(2),
    ]));
    let rows = rows(form, usize::from(inner.width), theme);
    let visible = usize::from(body.height);
    let (offset, below) = scroll(&rows, form.focus, visible);
    let shown: Vec<Line> = rows
        .into_iter()
        .skip(offset)
        .take(visible)
        .map(|(_, l)| l)
        .collect();
    frame.render_widget(Paragraph::new(shown), body);
    let width = usize::from(footer.width);
    let mut first_line = footer_line(app, form, (offset, below), width, theme);
    if let Some(note) = note.filter(|_| first_line.width() == 0) {
        first_line = Line::styled(fit(&safe(note), width).into_owned(), theme.warn());
    }
    let hints = Line::styled(fit(&hints(app), width).into_owned(), theme.dim());
    frame.render_widget(Paragraph::new(vec![first_line, hints]), footer);
    box_area
}

/// The footer's first line: the question an esc asked, else why the store
/// refused the save, else how many rows are scrolled out of sight.
fn footer_line<'a>(
    app: &App,
    form: &Form,
    (above, below): (usize, usize),
    width: usize,
    theme: &Theme,
) -> Line<'a> {
    if form.discard_asked {
        let esc = key_for(app, Action::Cancel).unwrap_or_else(|| "esc".into());
        let ask = format!("{esc} again to discard your changes · any other key keeps editing");
        return Line::styled(fit(&ask, width).into_owned(), theme.warn());
    }
    match (&form.error, above, below) {
        (Some(error), ..) => Line::styled(
            fit(&format!("✗ {}", safe(error)), width).into_owned(),
            theme.error(),
        ),
        (None, 0, 0) => Line::raw(""),
        (None, above, below) => {
            Line::styled(format!("↕ {above} rows above · {below} below"), theme.dim())
        }
    }
}

/// The key bound to `action` in the form, as the keymap writes it.
fn key_for(app: &App, action: Action) -> Option<String> {
    let bindings = app.keymap().bindings(Context::Form);
    let binding = bindings.iter().find(|b| b.action == action)?;
    Some(binding.key.to_string())
}

/// The body between the tabs and the status line, filled by the form
/// when little room would be left over, else a box with room for every
/// field, some errors on lines of their own and the matches (so that the
/// box keeps its size as they come and go).
fn box_area(area: Rect, form: &Form) -> Rect {
    let body = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(2),
        ..area
    };
    let wanted = (form.fields.len() + picks::SHOWN + 6) as u16;
    let height = if wanted + 4 >= body.height {
        body.height
    } else {
        wanted
    };
    centered(body, body.width.min(MAX_WIDTH), height)
}

/// The first row shown, so that every row of the field in focus is in
/// sight, and how many rows are left below.
fn scroll(rows: &[(usize, Line)], focus: usize, visible: usize) -> (usize, usize) {
    let mine = || rows.iter().enumerate().filter(|(_, (f, _))| *f == focus);
    let first = mine().map(|(i, _)| i).min().unwrap_or(0);
    let last = mine().map(|(i, _)| i).max().unwrap_or(0);
    let offset = (last + 1).saturating_sub(visible).min(first);
    (offset, rows.len().saturating_sub(offset + visible))
}

/// Every row of the form, each with the field it belongs to.
fn rows<'a>(form: &Form, width: usize, theme: &Theme) -> Vec<(usize, Line<'a>)> {
    let mut rows = Vec::new();
    for (index, field) in form.fields.iter().enumerate() {
        let focused = index == form.focus;
        let lines = field_rows(field, focused, width, theme);
        rows.extend(lines.into_iter().map(|line| (index, line)));
        if focused && let Kind::Picks { picks, .. } = &field.kind {
            let matches = completion_rows(picks, theme);
            rows.extend(matches.into_iter().map(|line| (index, line)));
        }
    }
    rows
}

/// One field: its label and value, then the error or hint beside the
/// value's last line if it fits there, else under it.
fn field_rows<'a>(field: &Field, focused: bool, width: usize, theme: &Theme) -> Vec<Line<'a>> {
    let room = width.saturating_sub(LABEL_WIDTH);
    // Picks flow over the whole row; text leaves room for its error.
    let value_width = match field.kind {
        Kind::Picks { .. } => room,
        _ => (room * 3 / 5).max(10),
    };
    let indent = || Span::raw(" ".repeat(LABEL_WIDTH));
    let mut lines: Vec<Vec<Span>> = value_lines(field, focused, value_width)
        .into_iter()
        .map(|value| vec![indent(), Span::raw(value)])
        .collect();
    let (marker, style) = if focused {
        ("▶ ", theme.selected())
    } else {
        ("  ", theme.dim())
    };
    let label = format!("{marker}{:<w$}", field.label, w = LABEL_WIDTH - 2);
    lines[0][0] = Span::styled(label, style);
    if let Some(note) = note(field, focused, theme) {
        let last = lines.len() - 1;
        let used: usize = lines[last].iter().map(Span::width).sum();
        if used + 2 + note.width() <= width {
            lines[last].extend([Span::raw("  "), note]);
        } else {
            lines.push(vec![indent(), note]);
        }
    }
    lines.into_iter().map(Line::from).collect()
}

/// The error of a field, else (in focus) what it waits for.
fn note<'a>(field: &Field, focused: bool, theme: &Theme) -> Option<Span<'a>> {
    if let Some(error) = &field.error {
        return Some(Span::styled(format!("✗ {}", safe(error)), theme.error()));
    }
    let hint = match &field.kind {
        Kind::Picks { picks, .. } if focused => match picks.waiting() {
            Some(Waiting::Level(_)) => "← type its level, 0-5",
            Some(Waiting::Priority(_)) => "← m must · n nice to have",
            None if field.input.is_empty() => "type to pick from the catalog",
            None => return None,
        },
        Kind::Choice { .. } if focused => "←→ change",
        Kind::Text(rule) if focused => rule.hint()?,
        _ => return None,
    };
    Some(Span::styled(hint, theme.dim()))
}

/// What the field holds, in lines of at most `width` columns: one for
/// text (its end kept in sight as the cursor nears it), as many as the
/// picks need. In focus, `▏` marks the cursor.
fn value_lines(field: &Field, focused: bool, width: usize) -> Vec<String> {
    let input: Vec<char> = field.input.text().chars().collect();
    let cursor = field.input.cursor().min(input.len());
    let before = safe(&input[..cursor].iter().collect::<String>()).into_owned();
    let after = safe(&input[cursor..].iter().collect::<String>()).into_owned();
    match &field.kind {
        Kind::Choice { options, index } => {
            let option = options.get(*index).copied().unwrap_or("");
            let shown = if focused {
                format!("◀ {option} ▶")
            } else {
                option.to_string()
            };
            vec![fit(&shown, width).into_owned()]
        }
        Kind::Picks { picks, .. } => {
            let mut items: Vec<String> = picks.chosen.iter().map(|p| chip(p, picks.asks)).collect();
            if focused || !before.is_empty() {
                items.push(with_cursor(&before, "", focused, width));
            }
            wrap(&items, width)
        }
        Kind::Text(_) => vec![with_cursor(&before, &after, focused, width)],
    }
}

/// `before▏after` cut to `width`; when the text before the cursor is too
/// long, its end, so that the cursor stays in sight.
fn with_cursor(before: &str, after: &str, focused: bool, width: usize) -> String {
    if !focused {
        return fit(&format!("{before}{after}"), width).into_owned();
    }
    if before.width() < width {
        return fit(&format!("{before}▏{after}"), width).into_owned();
    }
    let mut tail: Vec<char> = Vec::new();
    let mut used = 0;
    for c in before.chars().rev() {
        used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + 2 > width {
            break;
        }
        tail.push(c);
    }
    format!("…{}▏", tail.into_iter().rev().collect::<String>())
}

/// Items joined with ` · `, flowed into lines of `width` columns.
fn wrap(items: &[String], width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for item in items {
        let line = lines.last_mut().map_or(0, |l| l.width());
        if line > 0 && line + 3 + item.width() > width {
            lines.push(String::new());
        }
        if let Some(line) = lines.last_mut() {
            if !line.is_empty() {
                line.push_str(" · ");
            }
            line.push_str(&fit(item, width));
        }
    }
    lines
}

/// `Kubernetes 4`, `Go ≥2 nice`, `Kubernetes ?` while its level is due.
fn chip(pick: &Pick, asks: Asks) -> String {
    let name = safe(&pick.name);
    let level = pick.level.map_or("?".to_string(), |l| l.to_string());
    match asks {
        Asks::Nothing => name.into_owned(),
        Asks::Level => format!("{name} {level}"),
        Asks::LevelAndPriority => {
            let priority = match (pick.level, pick.priority) {
                (None, _) => "",
                (_, None) => " ?",
                (_, Some(Priority::Must)) => " must",
                (_, Some(Priority::Nice)) => " nice",
            };
            format!("{name} ≥{level}{priority}")
        }
    }
}

fn completion_rows<'a>(picks: &Picks, theme: &Theme) -> Vec<Line<'a>> {
    let indent = " ".repeat(LABEL_WIDTH);
    picks
        .matches
        .iter()
        .enumerate()
        .map(|(i, m)| {
            if i == picks.highlighted {
                Line::from(vec![
                    Span::raw(indent.clone()),
                    Span::styled(format!("▸ {}", safe(&m.name)), theme.selected()),
                ])
            } else {
                Line::styled(format!("{indent}  {}", safe(&m.name)), theme.dim())
            }
        })
        .collect()
}

/// The form's keys, read from the keymap so that a rebound key shows as
/// rebound.
fn hints(app: &App) -> String {
    let short = [
        (Action::NextField, "next field"),
        (Action::Accept, "take match"),
        (Action::Save, "save"),
        (Action::Cancel, "cancel"),
    ];
    short
        .iter()
        .filter_map(|(action, label)| Some(format!("{} {label}", key_for(app, *action)?)))
        .collect::<Vec<_>>()
        .join(" · ")
}
