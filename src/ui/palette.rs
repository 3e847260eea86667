//! The search palette: the query, then every hit with its kind and the
//! matched characters highlighted.

use super::{Theme, centered, fit, safe, with_cursor};
use crate::app::list::visible_offset;
use crate::app::prompt::commands::{Entry, is_command};
use crate::app::prompt::palette::Palette;
use crate::app::{Action, App, Context, Pane};
use crate::search::Hit;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthStr;

const KIND_WIDTH: usize = 11;

pub fn render(frame: &mut Frame, area: Rect, app: &App, palette: &Palette, theme: &Theme) {
    let height = area.height.saturating_sub(4).min(24);
    let mut box_area = centered(area, 100.min(area.width.saturating_sub(4)), height);
    box_area.y = area.y + 2.min(area.height.saturating_sub(box_area.height));
    let title = " Search roles, skills, candidates, engagements · enter opens · esc closes ";
    let block = Block::bordered().title(Line::styled(
        fit(title, usize::from(box_area.width)).into_owned(),
        theme.title(),
    ));
    let inner = block.inner(box_area);
    let width = usize::from(inner.width);
    let mut lines = vec![
        Line::from(vec![
            Span::styled("/ ", theme.title()),
            Span::raw(with_cursor(&palette.query)),
        ]),
        Line::styled(summary(palette), theme.dim()),
    ];
    let page = usize::from(inner.height.saturating_sub(2)).max(1);
    let offset = visible_offset(palette.cursor.offset, palette.cursor.selected, page);
    let entries = palette.entries.iter().map(Row::Entry);
    let rows = entries.chain(palette.hits.iter().map(Row::Hit));
    for (index, row) in rows.enumerate().skip(offset).take(page) {
        let selected = index == palette.cursor.selected;
        lines.push(match row {
            Row::Entry(entry) => entry_line(app, entry, width, selected, theme),
            Row::Hit(hit) => hit_line(hit, width, selected, theme),
        });
    }
    super::open_box(frame, box_area);
    frame.render_widget(Paragraph::new(lines).block(block), box_area);
}

/// The key that does what a command does, as the keymap binds it.
fn key_of(app: &App, entry: &Entry) -> Option<String> {
    let (context, action) = match entry {
        // A pane's number is its key.
        Entry::Pane(pane) => {
            return Pane::ALL
                .iter()
                .position(|p| p == pane)
                .map(|n| n.to_string());
        }
        Entry::Engagement(None) => (Context::Global, Action::ChooseEngagement),
        Entry::Quit => (Context::Global, Action::Quit),
        Entry::Help => (Context::Global, Action::Help),
        Entry::Filter(_) => (Context::Candidates, Action::Filter),
        Entry::Delete(_) => (Context::Candidates, Action::Delete),
        Entry::Erase(_) => (Context::Candidates, Action::Erase),
        _ => return None,
    };
    let keys = app.keymap().keys_for(context, action);
    keys.first().map(ToString::to_string)
}

enum Row<'a> {
    Entry(&'a Entry),
    Hit(&'a Hit),
}

fn summary(palette: &Palette) -> String {
    if is_command(palette.query.text()) {
        return match palette.entries.is_empty() {
            true => "No such command: : alone lists them.".into(),
            false => "tab completes · ↑↓ the commands run before · enter runs".into(),
        };
    }
    let count = palette.entries.len() + palette.hits.len();
    match (palette.query.text().trim().is_empty(), count) {
        (true, _) => "Type to search. Role types and open engagements:".into(),
        (false, 0) => "Nothing matches.".into(),
        (false, 1) => "1 match".into(),
        (false, n) => format!("{n} best matches"),
    }
}

/// `View       devops bench   role:devops placed:no`, or `Command
/// :pipeline   the Pipeline pane · key 2`: a command names its key.
fn entry_line<'a>(
    app: &App,
    entry: &Entry,
    width: usize,
    selected: bool,
    theme: &Theme,
) -> Line<'a> {
    let label = fit(&safe(&entry.label()), width.saturating_sub(KIND_WIDTH)).into_owned();
    let mut spans = vec![
        Span::styled(format!("{:<KIND_WIDTH$}", entry.kind()), theme.dim()),
        Span::styled(label.clone(), theme.base()),
    ];
    let used = KIND_WIDTH + label.width();
    if used + 3 < width {
        let mut detail = safe(&entry.detail()).into_owned();
        if let Some(key) = key_of(app, entry) {
            detail = format!("{detail} · key {key}");
        }
        spans.push(Span::styled(
            format!("   {}", fit(&detail, width - used - 3)),
            theme.dim(),
        ));
    }
    let line = Line::from(spans);
    if selected {
        line.style(theme.selected())
    } else {
        line
    }
}

/// `Skill      Kubernetes   Containers and orchestration`, the matched
/// characters of the label emphasised; a candidate's hit says first why
/// it matched, where that was not their name (`tag: lisbon-pool`).
fn hit_line<'a>(hit: &Hit, width: usize, selected: bool, theme: &Theme) -> Line<'a> {
    let mut spans = vec![Span::styled(
        format!("{:<KIND_WIDTH$}", hit.kind().label()),
        theme.dim(),
    )];
    let label = safe(&hit.label).into_owned();
    let room = width.saturating_sub(KIND_WIDTH);
    let label = fit(&label, room).into_owned();
    for (position, c) in label.chars().enumerate() {
        let style = if hit.positions.contains(&position) {
            theme.highlight()
        } else {
            theme.base()
        };
        spans.push(Span::styled(c.to_string(), style));
    }
    let mut used = KIND_WIDTH + label.width();
    if !hit.matched.is_empty() && used + 3 < width {
        let why = safe(&hit.matched.join(" · ")).into_owned();
        let why = fit(&why, width - used - 3).into_owned();
        used += 3 + why.width();
        spans.push(Span::styled(format!("   {why}"), theme.warn()));
    }
    let detail = safe(&hit.detail).into_owned();
    if used + 3 < width && !detail.is_empty() {
        spans.push(Span::styled(
            format!("   {}", fit(&detail, width - used - 3)),
            theme.dim(),
        ));
    }
    let line = Line::from(spans);
    if selected {
        line.style(theme.selected())
    } else {
        line
    }
}
