//! The screen of an empty database: how to add a candidate and how to load
//! demo data.

use super::{Theme, centered, safe};
use crate::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if !app.may(crate::domain::access::Act::Edit) {
        return nothing_shared(frame, area, app, theme);
    }
    let path = app.database_path().display().to_string();
    let path = safe(&path);
    let lines = vec![
        Line::styled(
            "Welcome to hireterm: this database is empty.",
            theme.title(),
        ),
        Line::raw(""),
        Line::raw("Press a to add a candidate here, or from a shell (quit with q first):"),
        Line::styled(
            format!(
                "  hireterm add --db {path} --name \"Ana Silva\" --email ana@example.com --role devops --skill kubernetes:4"
            ),
            theme.good(),
        ),
        Line::raw(""),
        Line::raw("Or load realistic demo data into it:"),
        Line::styled(format!("  hireterm demo --db {path}"), theme.good()),
        Line::raw(""),
        Line::raw("Or try everything on a throwaway database:"),
        Line::styled("  hireterm --demo", theme.good()),
        Line::raw(""),
        Line::styled("? shows every key · q quits", theme.dim()),
    ];
    let area = centered(area, 100, lines.len() as u16 + 2);
    let text = Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(Block::bordered());
    frame.render_widget(text, area);
}

/// A role that cannot add records, with none to see (an interviewer not
/// assigned yet, a client with nothing submitted): no path, no advice it
/// could not follow.
fn nothing_shared(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lines = vec![
        Line::styled(
            format!(
                "Nothing is shared with {} yet.",
                safe(&app.role().to_string())
            ),
            theme.title(),
        ),
        Line::raw(""),
        Line::raw("What you may see appears here as soon as it is shared with you."),
        Line::styled("? shows every key · q quits", theme.dim()),
    ];
    let area = centered(area, 80, lines.len() as u16 + 2);
    let text = Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(Block::bordered());
    frame.render_widget(text, area);
}
