//! The Reports pane: the weekly trends as sparklines, the funnel as bars
//! (on the funnel report), then the report's table, its notes and the
//! keys. Its numbers are computed by the app when the pane is shown
//! (`app/reports.rs`); here they are only drawn.

use super::{Theme, fit, report_charts, report_table};
use crate::app::App;
use crate::app::reports::Numbers;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

/// Below this many rows inside the border, the charts give way to the
/// table.
const ROOM_FOR_CHARTS: u16 = 16;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let state = app.reports();
    let Some(numbers) = state.numbers() else {
        let block = Block::bordered().title(Line::styled(" Reports ", theme.title()));
        let calm = Paragraph::new("Counting…").style(theme.dim());
        return frame.render_widget(calm.block(block), area);
    };
    let block = Block::bordered().title(Line::styled(title(numbers, area.width), theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [trends, bars, table, footer] = layout(inner, numbers.funnel.is_some());
    report_charts::trends(frame, trends, &numbers.trends, theme);
    if let Some(funnel) = &numbers.funnel {
        report_charts::funnel(frame, bars, funnel, theme);
    }
    report_table::render(frame, table, &numbers.table, &state.cursor, theme);
    render_footer(frame, footer, numbers, theme);
}

/// ` Reports · Funnel · 2026-11-07 – 2026-12-06 · all engagements (1/24) `
fn title(numbers: &Numbers, width: u16) -> String {
    let table = &numbers.table;
    let (at, of) = numbers.scope_at;
    let text = format!(
        " Reports · {} · {} – {} · {} ({}/{of}) ",
        table.title,
        table.period.since(),
        table.period.until(),
        super::safe(&table.scope),
        at + 1
    );
    fit(&text, usize::from(width.saturating_sub(2))).into_owned()
}

/// The trends, the funnel's bars, the table and the footer; the charts
/// only where there is room, the bars only on the funnel.
fn layout(inner: Rect, funnel: bool) -> [Rect; 4] {
    let roomy = inner.height >= ROOM_FOR_CHARTS;
    let trends = if roomy { 3 } else { 0 };
    let bars = if roomy && funnel { 7 } else { 0 };
    Layout::vertical([
        Constraint::Length(trends),
        Constraint::Length(bars),
        Constraint::Min(2),
        Constraint::Length(2),
    ])
    .areas(inner)
}

/// The report's first note (what the figures count), and the keys.
fn render_footer(frame: &mut Frame, area: Rect, numbers: &Numbers, theme: &Theme) {
    let width = usize::from(area.width);
    let note = numbers.table.notes.first().map_or("", String::as_str);
    let keys = "h/l report · p period · s scope · enter: the people behind a row";
    let lines = vec![
        Line::styled(fit(&super::safe(note), width).into_owned(), theme.dim()),
        Line::styled(fit(keys, width).into_owned(), theme.dim()),
    ];
    frame.render_widget(Paragraph::new(lines), area);
}
