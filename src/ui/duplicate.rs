//! The duplicate prompt, over the candidate form: who is on file already,
//! why they look like the same person, and the three ways on.

use super::{Theme, centered, form, safe};
use crate::app::prompt::duplicate::DuplicatePrompt;
use crate::app::{Action, App, Context};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

pub fn render(frame: &mut Frame, area: Rect, app: &App, prompt: &DuplicatePrompt, theme: &Theme) {
    let area = form::render_candidate(frame, area, app, &prompt.form, theme);
    let lines = lines(app, prompt, prompt.editing(), theme);
    let box_area = centered(area, 60, lines.len() as u16 + 2);
    super::open_box(frame, box_area);
    let block = Block::bordered().title(Line::styled(" Already on file? ", theme.title()));
    let text = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false });
    frame.render_widget(text, box_area);
}

/// Who, why, and the keys (read from the keymap) for the ways on.
fn lines<'a>(app: &App, prompt: &DuplicatePrompt, editing: bool, theme: &Theme) -> Vec<Line<'a>> {
    let key = |action: Action| {
        app.keymap()
            .bindings(Context::Duplicate)
            .iter()
            .find(|b| b.action == action)
            .map_or("?".to_string(), |b| b.key.to_string())
    };
    let name = safe(&prompt.name).into_owned();
    let merge = if editing {
        "(merging is for new records)".to_string()
    } else {
        format!("{} merge the form into it (u undoes)", key(Action::Merge))
    };
    let who = format!("{name} ({}) has the {}.", prompt.existing, prompt.reason);
    vec![
        Line::styled(who, theme.warn()),
        Line::raw("Nothing was saved."),
        Line::raw(""),
        Line::raw(format!("{} open {name}", key(Action::OpenExisting))),
        Line::raw(merge),
        Line::raw(format!("{} back to the form", key(Action::Back))),
    ]
}
