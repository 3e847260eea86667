//! The candidates table. Only the rows on screen are built, so 100,000
//! candidates cost no more per frame than fifty.

use super::{Theme, fit, put, safe};
use crate::app::App;
use crate::app::candidates::Column;
use crate::app::list::visible_offset;
use crate::catalog::Catalog;
use crate::domain::{Candidate, Timestamp};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Block;
use std::borrow::Cow;
use std::fmt::Write;

/// Columns in the order they give way when the screen is narrow, with the
/// width each wants.
const PRIORITY: [(Column, u16); 7] = [
    (Column::Name, 22),
    (Column::Role, 18),
    (Column::Stage, 13),
    (Column::Skills, 26),
    (Column::Rate, 11),
    (Column::Location, 22),
    (Column::Available, 10),
];

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let state = app.candidates();
    let arrow = if state.descending { "▼" } else { "▲" };
    let order = match state.filter.as_ref().and_then(|f| f.ordered_by) {
        Some(ordered_by) => ordered_by.to_string(),
        None => format!("sorted by {} {arrow}", state.sort.title().to_lowercase()),
    };
    let title = format!(" Candidates ({}) · {order} ", state.order.len());
    let block = Block::bordered().title(Line::styled(title, theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let columns = fitting_columns(inner.width);
    let page = usize::from(inner.height.saturating_sub(1)).max(1);
    let offset = visible_offset(state.cursor.offset, state.cursor.selected, page);
    let end = (offset + page).min(state.order.len());
    let now = app.clock().now();
    // Cells are written straight into the buffer at their column: no
    // padding to lay out, and a 100,000-row table costs what 60 rows cost.
    let buffer = frame.buffer_mut();
    let mut x = inner.x;
    for (column, width) in &columns {
        let mark = if *column == state.sort { arrow } else { "" };
        let title = format!("{}{mark}", column.title());
        put(
            buffer,
            x,
            inner.y,
            &title,
            usize::from(*width),
            theme.title(),
        );
        x += width + 1;
    }
    for (row, &index) in state.order[offset..end].iter().enumerate() {
        let y = inner.y + 1 + row as u16;
        if offset + row == state.cursor.selected {
            buffer.set_style(Rect::new(inner.x, y, inner.width, 1), theme.selected());
        }
        let candidate = &app.data().candidates()[index as usize];
        let stage = app.data().current_stage(index as usize);
        let marked = app.marks().contains(&candidate.id);
        let mut x = inner.x;
        for (column, width) in &columns {
            let mut text = cell_text(*column, candidate, stage, app.catalog(), now);
            if marked && *column == Column::Name {
                text = Cow::Owned(format!("● {text}"));
            }
            let width = usize::from(*width);
            put(buffer, x, y, &fit(&text, width), width, Style::new());
            x += width as u16 + 1;
        }
    }
}

/// The columns that fit in `width`, in screen order; the name column
/// takes whatever is left over.
fn fitting_columns(width: u16) -> Vec<(Column, u16)> {
    let mut chosen: Vec<(Column, u16)> = Vec::new();
    let mut used = 0u16;
    for (column, want) in PRIORITY {
        if used + want < width || chosen.is_empty() {
            chosen.push((column, want));
            used += want + 1;
        }
    }
    if let Some(name) = chosen.iter_mut().find(|(c, _)| *c == Column::Name) {
        name.1 += width.saturating_sub(used);
    }
    chosen.sort_by_key(|(c, _)| Column::ALL.iter().position(|x| x == c));
    chosen
}

/// A cell's text, borrowed where it can be (this runs for every cell on
/// screen, every frame).
fn cell_text<'a>(
    column: Column,
    candidate: &'a Candidate,
    stage: Option<crate::domain::Stage>,
    catalog: &'a Catalog,
    now: Timestamp,
) -> Cow<'a, str> {
    match column {
        Column::Name => safe(&candidate.name),
        Column::Role => candidate
            .primary_role()
            .map_or(Cow::Borrowed("—"), |r| safe(catalog.role_name(r))),
        Column::Skills => {
            let mut text = String::new();
            for (i, held) in candidate.top_skills(3).iter().enumerate() {
                let separator = if i == 0 { "" } else { " · " };
                let name = safe(catalog.skill_name(&held.skill));
                let _ = write!(text, "{separator}{name} {}", held.level);
            }
            Cow::Owned(text)
        }
        Column::Location => Cow::Owned(safe(&candidate.location.to_string()).into_owned()),
        Column::Rate => candidate.rate.as_ref().map_or(Cow::Borrowed("—"), |r| {
            Cow::Owned(safe(&r.to_string()).into_owned())
        }),
        Column::Available => match candidate.available_from {
            None => Cow::Borrowed("—"),
            Some(date) if date <= now.date_naive() => Cow::Borrowed("now"),
            Some(date) => Cow::Owned(date.format("%Y-%m-%d").to_string()),
        },
        Column::Stage => Cow::Borrowed(stage.map_or("—", |s| s.label())),
    }
}
