//! The engagement picker: the filter typed, then the engagements that
//! match it.

use super::{Theme, centered, pad, safe, with_cursor};
use crate::app::App;
use crate::app::list::visible_offset;
use crate::app::prompt::picker::Picker;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

pub fn render(frame: &mut Frame, area: Rect, app: &App, picker: &Picker, theme: &Theme) {
    let rows = app.data().engagements().len().max(1) as u16;
    let box_area = centered(area, 90, (rows + 4).min(area.height.saturating_sub(2)));
    let title = format!(
        " {} · type to filter · enter chooses · esc closes ",
        safe(&picker.title)
    );
    let block = Block::bordered().title(Line::styled(title, theme.title()));
    let inner = block.inner(box_area);
    let page = usize::from(inner.height.saturating_sub(2)).max(1);
    let offset = visible_offset(picker.cursor.offset, picker.cursor.selected, page);
    let width = usize::from(inner.width);
    let mut lines = vec![
        Line::raw(format!("> {}", with_cursor(&picker.query))),
        Line::styled(summary(picker, rows as usize), theme.dim()),
    ];
    let shown = picker.shown.iter().enumerate().skip(offset).take(page);
    for (index, id) in shown {
        let Some(e) = app.data().engagement(*id) else {
            continue;
        };
        let in_pipeline = app
            .data()
            .pipeline(e.id)
            .iter()
            .filter(|a| !a.stage.is_exit())
            .count();
        let text = format!(
            "{:<5}{} · {} · {} · {in_pipeline} in pipeline",
            e.id.to_string(),
            safe(&e.title),
            safe(&app.data().agency().client_name(e.client)),
            e.status.label()
        );
        let text = pad(&text, width);
        lines.push(match index == picker.cursor.selected {
            true => Line::styled(text, theme.selected()),
            false => Line::raw(text),
        });
    }
    frame.render_widget(Clear, box_area);
    frame.render_widget(Paragraph::new(lines).block(block), box_area);
}

fn summary(picker: &Picker, total: usize) -> String {
    match picker.shown.len() {
        0 => "Nothing matches.".into(),
        n if n == total => format!("{n} engagements"),
        n => format!("{n} of {total} engagements match"),
    }
}
