//! What is drawn instead of a garbled screen when the terminal is smaller
//! than hireterm needs; and how any such short notice is centred.

use super::{MIN_HEIGHT, MIN_WIDTH, Theme};
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub fn render(frame: &mut Frame, area: Rect, theme: &Theme) {
    let lines = vec![
        Line::styled("Terminal too small", theme.error()),
        Line::raw(format!(
            "{}×{} here; hireterm needs {MIN_WIDTH}×{MIN_HEIGHT}.",
            area.width, area.height
        )),
        Line::raw("Enlarge the window, or press q to quit."),
    ];
    centered(frame, area, lines);
}

/// Short lines in the middle of `area` (this notice, the loading frame).
pub(super) fn centered(frame: &mut Frame, area: Rect, lines: Vec<Line<'_>>) {
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    let area = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    let text = Paragraph::new(lines)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true });
    frame.render_widget(text, area);
}
