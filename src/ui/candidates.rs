//! The candidates table: its title (how many of everyone, the filter, the
//! order) and the columns that fit. Only the rows on screen are built, so
//! 100,000 candidates cost no more per frame than fifty.

use super::candidate_cells::Cells;
use super::{Theme, fit, put, safe};
use crate::app::App;
use crate::app::candidates::Column;
use crate::app::list::visible_offset;
use crate::app::screen_map::{List, Spot};
use crate::app::table_filter::{count_of, focus_skills};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Block;
use std::borrow::Cow;

/// Columns in the order they give way when the screen is narrow, with the
/// width each wants: from 100 columns everything but the location shows,
/// from 120 everything.
const PRIORITY: [(Column, u16); 7] = [
    (Column::Name, 20),
    (Column::Role, 16),
    (Column::Rate, 10),
    (Column::Available, 10),
    (Column::Skills, 24),
    (Column::Stage, 12),
    (Column::Location, 18),
];

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let state = app.candidates();
    let order = state.order_shown();
    let title = fit(&title(app), usize::from(area.width.saturating_sub(2))).into_owned();
    let block = Block::bordered().title(Line::styled(title, theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let skills_first = state
        .filter
        .as_ref()
        .is_some_and(|f| !focus_skills(Some(f), None).is_empty());
    let columns = fitting_columns(inner.width, &state.columns, skills_first);
    let page = usize::from(inner.height.saturating_sub(1)).max(1);
    let offset = visible_offset(state.cursor.offset, state.cursor.selected, page);
    let rows = &state.order[offset..(offset + page).min(state.order.len())];
    // Cells are written straight into the buffer at their column: no
    // padding to lay out, and a 100,000-row table costs what 60 rows cost.
    let mut x = inner.x;
    for (column, width) in &columns {
        let title = format!("{}{}", column.title(), order.arrow_for(*column));
        put(
            frame.buffer_mut(),
            x,
            inner.y,
            &title,
            usize::from(*width),
            theme.title(),
        );
        x += width + 1;
    }
    let shown: Vec<Column> = columns.iter().map(|(c, _)| *c).collect();
    let cells = Cells::new(app, rows, &shown);
    for (row, &index) in rows.iter().enumerate() {
        let y = inner.y + 1 + row as u16;
        let spot = Spot::Row {
            list: List::Candidates,
            index: offset + row,
        };
        super::mark_row(app, inner, y, spot);
        let buffer = frame.buffer_mut();
        if offset + row == state.cursor.selected {
            buffer.set_style(Rect::new(inner.x, y, inner.width, 1), theme.selected());
        }
        let candidate = &app.data().candidates()[index as usize];
        let stage = app.data().current_stage(index as usize);
        let marked = app.marks().contains(&candidate.id);
        let mut x = inner.x;
        for (column, width) in &columns {
            let mut text = cells.text(*column, candidate, stage);
            if marked && *column == Column::Name {
                text = Cow::Owned(format!("● {text}"));
            }
            let width = usize::from(*width);
            put(buffer, x, y, &fit(&text, width), width, Style::new());
            x += width as u16 + 1;
        }
    }
}

/// ` Candidates (37 of 3,000) · role:devops rate<=80 · sorted by name ▲ `:
/// how many, the filter's canonical text, the order.
fn title(app: &App) -> String {
    let state = app.candidates();
    let order = state.order_shown().describe();
    match &state.filter {
        Some(filter) => {
            let count = count_of(state.order.len(), app.data().candidates().len());
            format!(" Candidates ({count}) · {} · {order} ", safe(&filter.text))
        }
        None => format!(" Candidates ({}) · {order} ", state.order.len()),
    }
}

/// The columns that fit in `width`, in screen order: a view's own
/// (`wanted`, in its order) or the table's by [`PRIORITY`]; when the
/// filter names skills, the skills, rate and availability come before
/// the role. The name column (else the first)
/// takes whatever is left over.
fn fitting_columns(width: u16, wanted: &[Column], skills_first: bool) -> Vec<(Column, u16)> {
    let want = |column: Column| {
        PRIORITY
            .iter()
            .find(|(c, _)| *c == column)
            .map_or(12, |p| p.1)
    };
    let mut candidates: Vec<(Column, u16)> = match wanted.is_empty() {
        true => PRIORITY.to_vec(),
        false => wanted.iter().map(|&c| (c, want(c))).collect(),
    };
    if skills_first && wanted.is_empty() {
        let first = [
            Column::Name,
            Column::Skills,
            Column::Rate,
            Column::Available,
        ];
        candidates.sort_by_key(|(c, _)| first.iter().position(|f| f == c).unwrap_or(first.len()));
    }
    let mut chosen: Vec<(Column, u16)> = Vec::new();
    let mut used = 0u16;
    for (column, want) in candidates {
        if used + want < width || chosen.is_empty() {
            chosen.push((column, want));
            used += want + 1;
        }
    }
    let widest = match chosen.iter().position(|(c, _)| *c == Column::Name) {
        Some(name) => Some(name),
        None => (!chosen.is_empty()).then_some(0),
    };
    if let Some(at) = widest {
        chosen[at].1 += width.saturating_sub(used);
    }
    if wanted.is_empty() {
        chosen.sort_by_key(|(c, _)| Column::ALL.iter().position(|x| x == c));
    }
    chosen
}
