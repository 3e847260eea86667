//! The submittal prompt: the contacts (chosen or not), the bill rate, and
//! the profile as it will be sent.

use super::{Theme, centered, fit, safe, with_cursor};
use crate::app::prompt::submit::SubmitPrompt;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

pub fn render(frame: &mut Frame, area: Rect, prompt: &SubmitPrompt, theme: &Theme) {
    let box_area = centered(area, 90, area.height.saturating_sub(2));
    let width = usize::from(box_area.width.saturating_sub(2));
    let row = |text: String, selected: bool| match selected {
        true => Line::styled(
            fit(&format!("▶ {text}"), width).into_owned(),
            theme.selected(),
        ),
        false => Line::raw(fit(&format!("  {text}"), width).into_owned()),
    };
    let mut lines = vec![Line::styled("To:", theme.title())];
    if prompt.contacts.is_empty() {
        lines.push(Line::styled(
            "  (the client has no contacts on file: K adds them)",
            theme.dim(),
        ));
    }
    for (index, (contact, chosen)) in prompt.contacts.iter().enumerate() {
        let mark = if *chosen { "[x]" } else { "[ ]" };
        lines.push(row(
            format!("{mark} {}", safe(&contact.to_string())),
            index == prompt.row,
        ));
    }
    let bill = format!(
        "Bill rate /h: {} {}",
        with_cursor(&prompt.bill),
        prompt.currency
    );
    lines.push(row(bill, prompt.row == prompt.bill_row()));
    lines.push(Line::styled(
        "↑↓ row · space chooses · type the bill rate · enter sends · esc cancels",
        theme.dim(),
    ));
    lines.push(Line::styled("The profile sent:", theme.title()));
    lines.extend(
        prompt
            .profile
            .lines()
            .map(|l| Line::raw(fit(&safe(l), width).into_owned())),
    );
    let title = format!(
        " Submit {} to {} ",
        safe(&prompt.name),
        safe(&prompt.client)
    );
    let block =
        Block::bordered().title(Line::styled(fit(&title, width).into_owned(), theme.title()));
    super::open_box(frame, box_area);
    frame.render_widget(Paragraph::new(lines).block(block), box_area);
}
