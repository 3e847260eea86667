//! The help overlay: the sections the app generated from the keymap (the
//! context it was opened over first), each key with what it does.

use super::{Theme, centered};
use crate::app::Context;
use crate::app::prompt::help::Help;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

pub fn render(frame: &mut Frame, area: Rect, help: &Help, theme: &Theme) {
    let mut lines = Vec::new();
    for section in &help.sections {
        lines.push(Line::styled(section.context.title(), theme.title()));
        if section.rows.is_empty() {
            lines.push(Line::raw("  (no keys of its own)"));
        }
        for (keys, description) in &section.rows {
            let keys = if keys.is_empty() { "(unbound)" } else { keys };
            lines.push(Line::raw(format!("  {keys:<22} {description}")));
        }
        lines.push(Line::raw(""));
        if section.context == Context::Filter {
            lines.extend(language(help, theme));
        }
    }
    lines.push(Line::styled(
        "Keys can be changed in ~/.config/hireterm/keymap.toml.",
        theme.dim(),
    ));
    let box_area = centered(area, 72, area.height.saturating_sub(2));
    let block = Block::bordered().title(Line::styled(" Help · esc or ? closes ", theme.title()));
    let scroll = u16::try_from(help.scroll).unwrap_or(u16::MAX);
    frame.render_widget(Clear, box_area);
    frame.render_widget(
        Paragraph::new(lines).block(block).scroll((scroll, 0)),
        box_area,
    );
}

/// The filter language: each field's example and what it does.
fn language<'a>(help: &Help, theme: &Theme) -> Vec<Line<'a>> {
    let mut lines = vec![Line::styled(
        "The filter language (f on the candidates table)",
        theme.title(),
    )];
    for (example, description) in &help.language {
        lines.push(Line::raw(format!("  {example:<22} {description}")));
    }
    lines.push(Line::raw(""));
    lines
}
