//! The engagement picker: the filter typed, then the engagements that
//! match it, open ones first and the others under a heading per status;
//! each row's id in a column of its own, as wide as the widest id.

use super::{Theme, centered, fit, open_box, pad, safe, with_cursor};
use crate::app::App;
use crate::app::list::visible_offset;
use crate::app::prompt::picker::{Picker, group_of};
use crate::domain::{Engagement, EngagementStatus};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthStr;

/// A row of the list: a heading, or the engagement at this index of
/// `Picker::shown`.
enum Row<'a> {
    Heading(EngagementStatus),
    Engagement(usize, &'a Engagement),
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, picker: &Picker, theme: &Theme) {
    let engagements = app.data().engagements();
    let rows = rows(app, picker);
    let wanted = u16::try_from(rows.len().max(1) + 4).unwrap_or(u16::MAX);
    let box_area = centered(area, 90, wanted.min(area.height.saturating_sub(2)));
    let title = format!(
        " {} · type to filter · enter chooses · esc closes ",
        safe(&picker.title)
    );
    let width = usize::from(box_area.width.saturating_sub(2));
    let block =
        Block::bordered().title(Line::styled(fit(&title, width).into_owned(), theme.title()));
    let inner = block.inner(box_area);
    let page = usize::from(inner.height.saturating_sub(2)).max(1);
    let at = |item: usize| {
        rows.iter()
            .position(|r| matches!(r, Row::Engagement(i, _) if *i == item))
    };
    let selected = at(picker.cursor.selected).unwrap_or(0);
    let offset = visible_offset(at(picker.cursor.offset).unwrap_or(0), selected, page);
    // The selected row's heading shows with it, when it fits.
    let offset = match offset.checked_sub(1).map(|before| &rows[before]) {
        Some(Row::Heading(_)) if selected + 1 - offset < page => offset - 1,
        _ => offset,
    };
    let id_width = engagements
        .iter()
        .map(|e| e.id.to_string().width())
        .max()
        .unwrap_or(2);
    let mut lines = vec![
        Line::raw(format!("> {}", with_cursor(&picker.query))),
        Line::styled(summary(picker, engagements.len()), theme.dim()),
    ];
    for (index, row) in rows.iter().enumerate().skip(offset).take(page) {
        lines.push(match row {
            Row::Heading(status) => {
                let heading = format!("── {} ", heading(*status));
                let rule = "─".repeat(width.saturating_sub(heading.width()));
                Line::styled(
                    fit(&format!("{heading}{rule}"), width).into_owned(),
                    theme.dim(),
                )
            }
            Row::Engagement(_, e) => {
                let text = pad(&engagement_line(app, e, id_width), width);
                match index == selected {
                    true => Line::styled(text, theme.selected()),
                    false => Line::raw(text),
                }
            }
        });
    }
    open_box(frame, box_area);
    frame.render_widget(Paragraph::new(lines).block(block), box_area);
}

/// The shown engagements with a heading before each group but the open.
fn rows<'a>(app: &'a App, picker: &Picker) -> Vec<Row<'a>> {
    let mut rows = Vec::new();
    let mut group = group_of(EngagementStatus::Open);
    for (index, id) in picker.shown.iter().enumerate() {
        let Some(e) = app.data().engagement(*id) else {
            continue;
        };
        if group_of(e.status) != group {
            group = group_of(e.status);
            rows.push(Row::Heading(e.status));
        }
        rows.push(Row::Engagement(index, e));
    }
    rows
}

fn heading(status: EngagementStatus) -> &'static str {
    match status {
        EngagementStatus::Open => "Open",
        EngagementStatus::OnHold => "On hold",
        EngagementStatus::Filled => "Filled",
        EngagementStatus::Cancelled => "Cancelled",
    }
}

/// `E12   Platform engineers · Acme · open · 4 in pipeline`: the id in a
/// column of its own, two spaces at least before the title.
fn engagement_line(app: &App, e: &Engagement, id_width: usize) -> String {
    let in_pipeline = (app.data().pipeline(e.id).iter())
        .filter(|a| !a.stage.is_exit())
        .count();
    format!(
        "{}  {} · {} · {} · {in_pipeline} in pipeline",
        pad(&e.id.to_string(), id_width),
        safe(&e.title),
        safe(&app.data().agency().client_name(e.client)),
        e.status.label()
    )
}

fn summary(picker: &Picker, total: usize) -> String {
    match picker.shown.len() {
        0 => "Nothing matches.".into(),
        n if n == total => format!("{n} engagements"),
        n => format!("{n} of {total} engagements match"),
    }
}
