//! The reject or withdraw prompt: a reason from the list, and free text.

use super::{Theme, centered, safe, with_cursor};
use crate::app::prompt::exit::ExitPrompt;
use crate::domain::Stage;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

pub fn render(frame: &mut Frame, area: Rect, prompt: &ExitPrompt, theme: &Theme) {
    let mut lines: Vec<Line> = prompt
        .reasons()
        .iter()
        .enumerate()
        .map(|(index, reason)| {
            if index == prompt.reason {
                Line::styled(format!("▶ {reason}"), theme.selected())
            } else {
                Line::raw(format!("  {reason}"))
            }
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::raw(format!(
        "Detail: {}",
        with_cursor(&prompt.detail)
    )));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "↑↓ reason · type detail · enter confirms · esc cancels",
        theme.dim(),
    ));
    let verb = if prompt.exit == Stage::Withdrawn {
        "Withdraw"
    } else {
        "Reject"
    };
    let title = format!(" {verb} {} ", safe(&prompt.name));
    let box_area = centered(area, 64, lines.len() as u16 + 2);
    super::open_box(frame, box_area);
    let block = Block::bordered().title(Line::styled(title, theme.title()));
    frame.render_widget(Paragraph::new(lines).block(block), box_area);
}
