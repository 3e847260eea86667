//! The candidates table. Only the rows on screen are built, so 100,000
//! candidates cost no more per frame than fifty.

use super::{Theme, fit, safe};
use crate::app::App;
use crate::app::candidates::Column;
use crate::app::list::visible_offset;
use crate::catalog::Catalog;
use crate::domain::{Candidate, Timestamp};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Row, Table, TableState};

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
    let title = format!(
        " Candidates ({}) · sorted by {} {arrow} ",
        state.order.len(),
        state.sort.title().to_lowercase()
    );
    let block = Block::bordered().title(Line::styled(title, theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let columns = fitting_columns(inner.width);
    let page = usize::from(inner.height.saturating_sub(1)).max(1);
    let offset = visible_offset(state.cursor.offset, state.cursor.selected, page);
    let end = (offset + page).min(state.order.len());
    let now = app.clock().now();
    let rows = state.order[offset..end].iter().map(|&index| {
        let candidate = &app.data().candidates()[index as usize];
        let stage = app.data().current_stage(index as usize);
        Row::new(columns.iter().map(|(column, width)| {
            let text = cell_text(*column, candidate, stage, app.catalog(), now);
            Cell::from(fit(&text, usize::from(*width)).into_owned())
        }))
    });
    let header = Row::new(columns.iter().map(|(column, _)| {
        let mark = if *column == state.sort { arrow } else { "" };
        Cell::from(format!("{}{mark}", column.title()))
    }))
    .style(theme.title());
    let widths = columns.iter().map(|(_, w)| Constraint::Length(*w));
    let table = Table::new(rows, widths)
        .header(header)
        .row_highlight_style(theme.selected());
    let mut table_state =
        TableState::default().with_selected(Some(state.cursor.selected.saturating_sub(offset)));
    frame.render_stateful_widget(table, inner, &mut table_state);
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

fn cell_text(
    column: Column,
    candidate: &Candidate,
    stage: Option<crate::domain::Stage>,
    catalog: &Catalog,
    now: Timestamp,
) -> String {
    match column {
        Column::Name => safe(&candidate.name).into_owned(),
        Column::Role => candidate
            .primary_role()
            .map_or("—".into(), |r| safe(catalog.role_name(r)).into_owned()),
        Column::Skills => candidate
            .top_skills(3)
            .iter()
            .map(|s| format!("{} {}", safe(catalog.skill_name(&s.skill)), s.level))
            .collect::<Vec<_>>()
            .join(" · "),
        Column::Location => safe(&candidate.location.to_string()).into_owned(),
        Column::Rate => candidate
            .rate
            .as_ref()
            .map_or("—".into(), |r| safe(&r.to_string()).into_owned()),
        Column::Available => match candidate.available_from {
            None => "—".into(),
            Some(date) if date <= now.date_naive() => "now".into(),
            Some(date) => date.format("%Y-%m-%d").to_string(),
        },
        Column::Stage => stage.map_or("—".into(), |s| s.label().to_string()),
    }
}
