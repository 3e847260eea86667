//! The candidates table: its title (how many of everyone, the filter, the
//! order) and the columns that fit. Only the rows on screen are built, so
//! 100,000 candidates cost no more per frame than fifty.

use super::candidate_cells::Cells;
use super::memo::{self, RowsKey, TableRows};
use super::{KeptText, Theme, fit, put, safe};
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
    let inner = Block::bordered().inner(area);
    // The box is the same from frame to frame but for its title: kept.
    let style = theme.title();
    memo::with(app, |memo| {
        let key = (area, title.clone(), style);
        memo.table_box
            .draw(frame.buffer_mut(), area, key, |buffer| {
                let block = Block::bordered().title(Line::styled(title, style));
                ratatui::widgets::Widget::render(block, area, buffer);
            });
    });

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
    let window = Window {
        inner,
        offset,
        rows,
        columns: &columns,
    };
    memo::with(app, |memo| {
        draw_rows(frame, app, theme, &window, &mut memo.rows)
    });
}

/// The rows on screen, and where they go.
struct Window<'a> {
    inner: Rect,
    /// The first row's place in the whole table.
    offset: usize,
    rows: &'a [u32],
    columns: &'a [(Column, u16)],
}

/// Writes each row's cells, as kept from the last frame where the rows
/// are the same (`memo.rs`): a cursor move builds no text.
fn draw_rows(frame: &mut Frame, app: &App, theme: &Theme, window: &Window, kept: &mut TableRows) {
    let state = app.candidates();
    let focus = focus_skills(state.filter.as_ref(), app.engagement());
    let today = app.clock().now().date_naive();
    let mut key = RowsKey::new(app.data_shared(), focus, today);
    key.columns = window.columns.to_vec();
    kept.start(key);
    let shown: Vec<Column> = window.columns.iter().map(|(c, _)| *c).collect();
    let mut cells = None;
    for (row, &index) in window.rows.iter().enumerate() {
        let y = window.inner.y + 1 + row as u16;
        let at = window.offset + row;
        let spot = Spot::Row {
            list: List::Candidates,
            index: at,
        };
        super::mark_row(app, window.inner, y, spot);
        let marked = app
            .marks()
            .contains(&app.data().candidates()[index as usize].id);
        let texts = kept.row((index, marked), || {
            let cells = cells.get_or_insert_with(|| Cells::new(app, window.rows, &shown));
            row_texts(app, cells, window.columns, index, marked)
        });
        let buffer = frame.buffer_mut();
        if at == state.cursor.selected {
            let line = Rect::new(window.inner.x, y, window.inner.width, 1);
            buffer.set_style(line, theme.selected());
        }
        let mut x = window.inner.x;
        for ((_, width), text) in window.columns.iter().zip(texts) {
            text.put(buffer, x, y, usize::from(*width), Style::new());
            x += width + 1;
        }
    }
}

/// A row's cells' text, each cut to its column.
fn row_texts(
    app: &App,
    cells: &Cells,
    columns: &[(Column, u16)],
    index: u32,
    marked: bool,
) -> Vec<KeptText> {
    let candidate = &app.data().candidates()[index as usize];
    let stage = app.data().current_stage(index as usize);
    let cut = |(column, width): &(Column, u16)| {
        let mut text = cells.text(*column, candidate, stage);
        if marked && *column == Column::Name {
            text = Cow::Owned(format!("● {text}"));
        }
        KeptText::new(fit(&text, usize::from(*width)).into_owned())
    };
    columns.iter().map(cut).collect()
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
