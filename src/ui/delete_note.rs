//! Choosing which of a candidate's notes to delete: one line each, the
//! newest first, the chosen one highlighted.

use super::{Theme, centered, fit, pad, safe};
use crate::app::list::visible_offset;
use crate::app::prompt::delete::{NoteChoice, describe};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

pub fn render(frame: &mut Frame, area: Rect, choice: &NoteChoice, theme: &Theme) {
    let wanted = u16::try_from(choice.notes.len() + 4).unwrap_or(u16::MAX);
    let box_area = centered(area, 90, wanted.min(area.height.saturating_sub(2)));
    let width = usize::from(box_area.width.saturating_sub(2));
    let page = usize::from(box_area.height.saturating_sub(4)).max(1);
    let offset = visible_offset(0, choice.selected, page);
    let mut lines: Vec<Line> = (choice.notes.iter().enumerate())
        .skip(offset)
        .take(page)
        .map(|(index, note)| {
            let text = pad(&fit(&safe(&describe(note)), width), width);
            match index == choice.selected {
                true => Line::styled(text, theme.selected()),
                false => Line::raw(text),
            }
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "↑↓ choose · enter deletes (asks first) · esc closes",
        theme.dim(),
    ));
    let title = format!(
        " Delete a note of {} {} ",
        choice.candidate,
        safe(&choice.name)
    );
    super::open_box(frame, box_area);
    let block =
        Block::bordered().title(Line::styled(fit(&title, width).into_owned(), theme.title()));
    frame.render_widget(Paragraph::new(lines).block(block), box_area);
}
