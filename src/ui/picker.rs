//! The engagement picker.

use super::{Theme, centered, pad, safe};
use crate::app::App;
use crate::app::list::{ListCursor, visible_offset};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

pub fn render(frame: &mut Frame, area: Rect, app: &App, cursor: &ListCursor, theme: &Theme) {
    let engagements = app.data().engagements();
    let box_area = centered(
        area,
        90,
        (engagements.len() as u16 + 2).min(area.height.saturating_sub(2)),
    );
    let block = Block::bordered().title(Line::styled(
        " Engagement · enter chooses, esc closes ",
        theme.title(),
    ));
    let inner = block.inner(box_area);
    let page = usize::from(inner.height).max(1);
    let offset = visible_offset(cursor.offset, cursor.selected, page);
    let width = usize::from(inner.width);
    let lines: Vec<Line> = engagements
        .iter()
        .enumerate()
        .skip(offset)
        .take(page)
        .map(|(index, e)| {
            let in_pipeline = app
                .data()
                .pipeline(e.id)
                .iter()
                .filter(|a| !a.stage.is_exit())
                .count();
            let text = format!(
                "{:<5}{} · {} · {} · {in_pipeline} in pipeline",
                e.id,
                safe(&e.title),
                safe(&e.client),
                e.status.label()
            );
            let text = pad(&text, width);
            if index == cursor.selected {
                Line::styled(text, theme.selected())
            } else {
                Line::raw(text)
            }
        })
        .collect();
    frame.render_widget(Clear, box_area);
    frame.render_widget(Paragraph::new(lines).block(block), box_area);
}
