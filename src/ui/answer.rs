//! The client's answer: one of three, and the client's reason.

use super::{Theme, centered, safe, with_cursor};
use crate::app::prompt::answer::AnswerPrompt;
use crate::domain::AnswerKind;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

pub fn render(frame: &mut Frame, area: Rect, prompt: &AnswerPrompt, theme: &Theme) {
    let mut lines: Vec<Line> = AnswerKind::ALL
        .iter()
        .enumerate()
        .map(|(index, kind)| match index == prompt.kind {
            true => Line::styled(format!("▶ {}", kind.label()), theme.selected()),
            false => Line::raw(format!("  {}", kind.label())),
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::raw(format!(
        "Reason: {}",
        with_cursor(&prompt.reason)
    )));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "↑↓ answer · type the reason · enter records · esc cancels",
        theme.dim(),
    ));
    let title = format!(
        " The client's answer · {} · {} ",
        safe(&prompt.name),
        prompt.submittal
    );
    let box_area = centered(area, 70, lines.len() as u16 + 2);
    super::open_box(frame, box_area);
    let block = Block::bordered().title(Line::styled(title, theme.title()));
    frame.render_widget(Paragraph::new(lines).block(block), box_area);
}
