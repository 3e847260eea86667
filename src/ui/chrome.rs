//! The frame around every pane: the tabs line at the top and the status
//! line at the bottom.

use super::{Theme, fit, safe};
use crate::app::{Action, App, Context, Pane};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// ` hireterm  1 Candidates  2 Pipeline  3 Skills   E3 2 DevOps developers…`;
/// on a narrow screen the tabs' short names, without the brand: every
/// pane's tab always shows.
pub fn tabs(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let tab_spans = |short: bool| -> Vec<Span<'static>> {
        let mut spans = Vec::new();
        for (index, pane) in Pane::ALL.iter().enumerate() {
            spans.push(Span::raw(" "));
            let name = if short {
                pane.short_title()
            } else {
                pane.title()
            };
            let label = format!(" {} {name} ", index + 1);
            spans.push(Span::styled(label, theme.tab(*pane == app.pane())));
        }
        spans
    };
    let brand = Span::styled(" hireterm ", theme.title());
    let full = tab_spans(false);
    let full_width: usize = full.iter().map(|s| s.width()).sum::<usize>() + brand.width();
    let mut spans = if full_width <= usize::from(area.width) {
        std::iter::once(brand).chain(full).collect()
    } else {
        tab_spans(true)
    };
    // A filter matters more than the engagement: it shows first, and the
    // engagement gets what room is left.
    let mut room =
        usize::from(area.width).saturating_sub(spans.iter().map(|s| s.width()).sum::<usize>());
    if let Some(filter) = &app.candidates().filter {
        let text = format!("   filter: {} · esc clears", safe(&filter.text));
        let shown = fit(&text, room).into_owned();
        room = room.saturating_sub(shown.width());
        spans.push(Span::styled(shown, theme.warn()));
    }
    if let Some(engagement) = app.engagement()
        && room > 8
    {
        let text = format!(
            "   {} {} · {}",
            engagement.id,
            safe(&engagement.title),
            safe(&app.data().agency().client_name(engagement.client))
        );
        spans.push(Span::styled(fit(&text, room).into_owned(), theme.dim()));
    }
    frame.render_widget(Line::from(spans), area);
}

/// The last action's message, else the keys that matter here.
pub fn status(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let status = app.status();
    let width = usize::from(area.width);
    let line = if status.text.is_empty() {
        Line::styled(fit(&hints(app), width).into_owned(), theme.dim())
    } else {
        let style = if status.is_error {
            theme.error()
        } else {
            theme.base()
        };
        Line::styled(fit(&safe(&status.text), width).into_owned(), style)
    };
    frame.render_widget(line, area);
}

/// The few keys worth a reminder in this context, read from the keymap so
/// that a rebound key shows as rebound.
fn hints(app: &App) -> String {
    let wanted: &[Action] = match app.context() {
        Context::Candidates => &[
            Action::Open,
            Action::Filter,
            Action::SortNext,
            Action::SortReverse,
        ],
        Context::Detail => &[Action::Back, Action::Down],
        Context::Pipeline => &[
            Action::MoveForward,
            Action::MoveBack,
            Action::Reject,
            Action::ChooseEngagement,
        ],
        Context::Skills => &[
            Action::SortByScore,
            Action::ToggleMatrixRows,
            Action::ChooseEngagement,
        ],
        Context::Attention => &[Action::Open],
        Context::Activity => &[],
        Context::Help => &[Action::Back],
        Context::Picker | Context::Palette => &[Action::Open, Action::Cancel],
        Context::Exit | Context::Note | Context::Tag | Context::Scorecard | Context::SaveView => {
            &[Action::Confirm, Action::Cancel]
        }
        Context::Filter => &[Action::Complete, Action::Confirm, Action::Cancel],
        // The forms, their prompt and the rest show their own keys.
        _ => &[],
    };
    // In a prompt the global keys are letters.
    let always: &[Action] = match app.context().is_pane() {
        true => &[Action::Search, Action::NextPane, Action::Help, Action::Quit],
        false => &[],
    };
    let keymap = app.keymap();
    let context = app.context();
    let mut parts = vec![" ".to_string()];
    for action in wanted.iter().chain(always) {
        if let Some(key) = keymap.keys_for(context, *action).first() {
            parts.push(format!("{key} {}", action.description()));
        }
    }
    parts.join("  ·  ").replacen("  ·  ", "", 1)
}
