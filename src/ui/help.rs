//! The help overlay: the rows the app made from the keymap (the context it
//! was opened over first), as wide as the screen lets them be, from the
//! row it is scrolled to; the search line below them while there is one.

use super::{Theme, centered, fit, open_box, with_cursor};
use crate::app::prompt::help::Help;
use crate::app::prompt::help_rows::RowKind;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

pub fn render(frame: &mut Frame, area: Rect, help: &Help, theme: &Theme) {
    let view = help.view((area.width, area.height));
    let search = usize::from(help.search_shown());
    let width = u16::try_from(view.width + 2).unwrap_or(u16::MAX);
    let height = u16::try_from(view.page + search + 2).unwrap_or(u16::MAX);
    let box_area = centered(area, width, height);
    let rows = help.rows(view.width);
    let mut lines: Vec<Line> = (rows.iter().skip(help.scroll).take(view.page))
        .map(|row| {
            let text = fit(&row.text, view.width).into_owned();
            match row.kind {
                RowKind::Title => Line::styled(text, theme.title()),
                RowKind::Key | RowKind::Blank => Line::raw(text),
                RowKind::Note => Line::styled(text, theme.dim()),
            }
        })
        .collect();
    if search == 1 {
        lines.resize(view.page, Line::raw(""));
        let typed = match help.typing {
            true => with_cursor(&help.search),
            false => help.search.text().to_string(),
        };
        let line = fit(&format!("/ {typed}"), view.width).into_owned();
        lines.push(Line::styled(line, theme.warn()));
    }
    let title = match help.search_shown() {
        true => " Help · enter keeps the search · esc drops it ",
        false => " Help · esc or ? closes · / searches ",
    };
    let title = fit(title, view.width).into_owned();
    let block = Block::bordered().title(Line::styled(title, theme.title()));
    open_box(frame, box_area);
    frame.render_widget(Paragraph::new(lines).block(block), box_area);
}
