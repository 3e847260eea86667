//! The help overlay, generated from the keymap itself: every binding of
//! the current context, then the global ones, each with its action's
//! description. It cannot drift from the real keys.

use super::{Theme, centered};
use crate::app::keymap::Binding;
use crate::app::{App, Context};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

pub fn render(frame: &mut Frame, area: Rect, app: &App, scroll: u16, theme: &Theme) {
    let behind = behind_help(app);
    let mut lines = Vec::new();
    // Where a form opens, its keys are listed too: the form itself has no
    // help key, since every letter types.
    let forms: &[Context] = match behind {
        Context::Candidates | Context::Detail => &[Context::Form, Context::Duplicate],
        Context::Pipeline => &[Context::Form],
        _ => &[],
    };
    let contexts = std::iter::once(behind)
        .chain(forms.iter().copied())
        .chain([Context::Global]);
    for context in contexts {
        lines.push(Line::styled(context.title(), theme.title()));
        lines.extend(section(app.keymap().bindings(context)));
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(
        "Keys can be changed in ~/.config/hireterm/keymap.toml.",
        theme.dim(),
    ));
    let box_area = centered(area, 64, area.height.saturating_sub(2));
    let block = Block::bordered().title(Line::styled(" Help · esc or ? closes ", theme.title()));
    frame.render_widget(Clear, box_area);
    frame.render_widget(
        Paragraph::new(lines).block(block).scroll((scroll, 0)),
        box_area,
    );
}

/// The context the help was opened over.
fn behind_help(app: &App) -> Context {
    match (app.pane(), app.candidates().detail.is_some()) {
        (crate::app::Pane::Candidates, true) => Context::Detail,
        (crate::app::Pane::Candidates, false) => Context::Candidates,
        (crate::app::Pane::Pipeline, _) => Context::Pipeline,
        (crate::app::Pane::Skills, _) => Context::Skills,
        (crate::app::Pane::Attention, _) => Context::Attention,
        (crate::app::Pane::Activity, _) => Context::Activity,
    }
}

/// One line per action: every key bound to it, then what it does.
fn section<'a>(bindings: &[Binding]) -> Vec<Line<'a>> {
    let mut actions: Vec<(crate::app::Action, Vec<String>)> = Vec::new();
    for binding in bindings {
        match actions.iter_mut().find(|(a, _)| *a == binding.action) {
            Some((_, keys)) => keys.push(binding.key.to_string()),
            None => actions.push((binding.action, vec![binding.key.to_string()])),
        }
    }
    if actions.is_empty() {
        return vec![Line::raw("  (no keys of its own)")];
    }
    actions
        .into_iter()
        .map(|(action, keys)| {
            Line::raw(format!(
                "  {:<22} {}",
                keys.join(", "),
                action.description()
            ))
        })
        .collect()
}
