//! The inline note editor.

use super::{Theme, centered, safe, with_cursor};
use crate::app::prompt::note::NotePrompt;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

pub fn render(frame: &mut Frame, area: Rect, prompt: &NotePrompt, theme: &Theme) {
    let on = prompt
        .target
        .engagement
        .map_or(String::new(), |e| format!(" on {e}"));
    let title = format!(" Note on {}{on} ", safe(&prompt.name));
    let lines = vec![
        Line::raw(with_cursor(&prompt.text)),
        Line::raw(""),
        Line::styled(
            "type the note · enter saves · esc discards · set $EDITOR for a full editor",
            theme.dim(),
        ),
    ];
    let box_area = centered(area, 80, 8);
    super::open_box(frame, box_area);
    let block = Block::bordered().title(Line::styled(title, theme.title()));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        box_area,
    );
}
