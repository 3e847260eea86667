//! The interviewers prompt.

use super::{Theme, centered, safe, with_cursor};
use crate::app::prompt::assign::AssignPrompt;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

pub fn render(frame: &mut Frame, area: Rect, prompt: &AssignPrompt, theme: &Theme) {
    let title = format!(" Interviewers of {} ", prompt.engagement);
    let assigned = match prompt.assigned.is_empty() {
        true => "none yet".to_string(),
        false => prompt
            .assigned
            .iter()
            .map(|n| safe(n).into_owned())
            .collect::<Vec<_>>()
            .join(", "),
    };
    let lines = vec![
        Line::styled(format!("assigned: {assigned}"), theme.dim()),
        Line::raw(format!("> {}", with_cursor(&prompt.text))),
        Line::styled("enter assigns · -name takes off · esc cancels", theme.dim()),
    ];
    let box_area = centered(area, 60, 5);
    frame.render_widget(Clear, box_area);
    let block = Block::bordered().title(Line::styled(title, theme.title()));
    frame.render_widget(Paragraph::new(lines).block(block), box_area);
}
