//! Naming a view to save: the name typed, and what the view holds.

use super::{Theme, centered, fit, safe, with_cursor};
use crate::app::prompt::view_name::ViewNamePrompt;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

pub fn render(frame: &mut Frame, area: Rect, prompt: &ViewNamePrompt, theme: &Theme) {
    let view = &prompt.view;
    let filter = match view.filter.is_empty() {
        true => "every candidate".to_string(),
        false => safe(&view.filter).into_owned(),
    };
    let order = if view.descending {
        "descending"
    } else {
        "ascending"
    };
    let columns = match view.columns.is_empty() {
        true => "those that fit".to_string(),
        false => view
            .columns
            .iter()
            .map(|c| c.key())
            .collect::<Vec<_>>()
            .join(", "),
    };
    let box_area = centered(area, 72, 7);
    let width = usize::from(box_area.width.saturating_sub(2));
    let about = [
        format!("filter:  {filter}"),
        format!("sort:    {} {order} · columns: {columns}", view.sort.key()),
    ];
    let mut lines = vec![Line::raw(format!("name: {}", with_cursor(&prompt.name)))];
    lines.extend(
        about
            .iter()
            .map(|t| Line::styled(fit(t, width).into_owned(), theme.dim())),
    );
    lines.push(Line::styled(
        "enter saves · esc cancels · :view NAME in the palette reopens it",
        theme.dim(),
    ));
    super::open_box(frame, box_area);
    let block = Block::bordered().title(Line::styled(" Save this view ", theme.title()));
    frame.render_widget(Paragraph::new(lines).block(block), box_area);
}
