//! A yes-or-no question.

use super::{Theme, centered, safe};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

pub fn render(frame: &mut Frame, area: Rect, question: &str, theme: &Theme) {
    let lines = vec![
        Line::styled(safe(question).into_owned(), theme.warn()),
        Line::raw(""),
        Line::styled("y or enter: yes · n or esc: no", theme.dim()),
    ];
    // Room for a long question (a note's text, a long name), wrapped.
    let rows = unicode_width::UnicodeWidthStr::width(question).div_ceil(66);
    let height = u16::try_from(rows + 4).unwrap_or(u16::MAX).max(7);
    let box_area = centered(area, 70, height);
    super::open_box(frame, box_area);
    let block = Block::bordered().title(Line::styled(" Are you sure? ", theme.title()));
    let text = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false });
    frame.render_widget(text, box_area);
}
