//! Erasing a person: what happens, said before anything is typed, then
//! the reason and the candidate's id typed back, the field being typed in
//! marked with `▶`.

use super::{Theme, centered, safe, with_cursor};
use crate::app::prompt::erase::{ErasePrompt, REASON, TYPED};
use crate::app::text::TextInput;
use crate::domain::erasure::erased_name;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

pub fn render(frame: &mut Frame, area: Rect, prompt: &ErasePrompt, theme: &Theme) {
    let id = prompt.candidate;
    let field = |index: usize, label: String, input: &TextInput| match prompt.field == index {
        true => Line::styled(format!("▶ {label}{}", with_cursor(input)), theme.selected()),
        false => Line::raw(format!("  {label}{}", safe(input.text()))),
    };
    let lines = vec![
        Line::raw(format!(
            "{}'s personal data (name, contact, links, the text of notes and \
             scorecards, free text in the log) is removed for good. Their applications \
             stay, as \"{}\", so the reports keep their counts.",
            safe(&prompt.name),
            erased_name(id)
        )),
        Line::styled(
            "This cannot be undone. Backups taken before still hold the data. The \
             database is rewritten when it is closed.",
            theme.warn(),
        ),
        Line::raw(""),
        field(REASON, "Reason: ".into(), &prompt.reason),
        field(TYPED, format!("Type {id} to confirm: "), &prompt.typed),
        Line::raw(""),
        Line::styled(
            "tab: next field · enter: next, then erase · esc: cancel",
            theme.dim(),
        ),
    ];
    let box_area = centered(area, 76, 14);
    super::open_box(frame, box_area);
    let title = format!(" Erase {id} {} ", safe(&prompt.name));
    let block = Block::bordered().title(Line::styled(title, theme.title()));
    let text = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false });
    frame.render_widget(text, box_area);
}
