//! The tag prompt.

use super::{Theme, centered, with_cursor};
use crate::app::prompt::tag::TagPrompt;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

pub fn render(frame: &mut Frame, area: Rect, prompt: &TagPrompt, theme: &Theme) {
    let title = format!(" Tag {} candidate(s) ", prompt.candidates.len());
    let lines = vec![
        Line::raw(format!("# {}", with_cursor(&prompt.text))),
        Line::styled("enter tags · esc cancels · u undoes", theme.dim()),
    ];
    let box_area = centered(area, 60, 4);
    super::open_box(frame, box_area);
    let block = Block::bordered().title(Line::styled(title, theme.title()));
    frame.render_widget(Paragraph::new(lines).block(block), box_area);
}
