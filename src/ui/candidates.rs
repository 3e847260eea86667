//! The candidates table. Only the rows on screen are built, so 100,000
//! candidates cost no more per frame than fifty.

use super::{Theme, push_padded, safe};
use crate::app::App;
use crate::app::candidates::Column;
use crate::app::list::visible_offset;
use crate::catalog::Catalog;
use crate::domain::{Candidate, Timestamp};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

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
    let mut header = String::new();
    for (column, width) in &columns {
        let mark = if *column == state.sort { arrow } else { "" };
        push_padded(&mut header, &format!("{}{mark}", column.title()), usize::from(*width) + 1);
    }
    let mut lines = vec![Line::styled(header, theme.title())];
    // One plain line per row: a table widget costs several times more per
    // frame for the same cells.
    for (position, &index) in state.order[offset..end].iter().enumerate() {
        let candidate = &app.data().candidates()[index as usize];
        let stage = app.data().current_stage(index as usize);
        let mut text = String::with_capacity(usize::from(inner.width) + 16);
        for (column, width) in &columns {
            let cell = cell_text(*column, candidate, stage, app.catalog(), now);
            push_padded(&mut text, &cell, usize::from(*width) + 1);
        }
        let selected = offset + position == state.cursor.selected;
        lines.push(if selected { Line::styled(text, theme.selected()) } else { Line::raw(text) });
    }
    frame.render_widget(Paragraph::new(lines), inner);
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
