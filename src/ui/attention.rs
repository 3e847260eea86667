//! The "Needs attention" pane: stuck cards, broken shortlist promises,
//! unanswered submittals, placements and consents ending; the latest
//! first. Enter jumps to the card (to the person, for a consent).

use super::{Theme, fit, safe};
use crate::app::App;
use crate::app::attention::{Concern, Item};
use crate::app::list::visible_offset;
use crate::app::screen_map::{List, Spot};
use crate::domain::{CandidateId, EngagementId};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let now = app.clock().now();
    let list = app.views().attention();
    let title = format!(
        " Needs attention ({}) · latest first · enter jumps to it ",
        list.len()
    );
    let block = Block::bordered().title(Line::styled(title, theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if list.is_empty() {
        let calm = Paragraph::new(
            "Nothing is stuck, every shortlist is on time, every client has answered.",
        )
        .style(theme.good());
        return frame.render_widget(calm, inner);
    }
    let page = usize::from(inner.height).max(1);
    let cursor = app.attention().cursor;
    let offset = visible_offset(cursor.offset, cursor.selected, page);
    let width = usize::from(inner.width);
    let lines: Vec<Line> = list
        .iter()
        .enumerate()
        .skip(offset)
        .take(page)
        .map(|(index, item)| {
            let y = inner.y + (index - offset) as u16;
            let spot = Spot::Row {
                list: List::Attention,
                index,
            };
            super::mark_row(app, inner, y, spot);
            let text = fit(&describe(app, item, now), width).into_owned();
            let style = if index == cursor.selected {
                theme.selected()
            } else {
                theme.age(aging_of(app, item).unwrap_or(super::theme::Aging::Stuck))
            };
            Line::styled(format!("{text:<width$}"), style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// `E3 2 DevOps developers`, cleaned for the screen.
pub(super) fn engagement_title(app: &App, id: EngagementId) -> String {
    app.data()
        .engagement(id)
        .map_or(String::new(), |e| format!("{} {}", e.id, safe(&e.title)))
}

/// A candidate's name, cleaned for the screen.
pub(super) fn candidate_name(app: &App, id: CandidateId) -> String {
    app.data()
        .candidate(id)
        .map_or(String::new(), |c| safe(&c.name).into_owned())
}

/// How a stuck card's time in stage stands, by the rule the board uses.
pub(super) fn aging_of(app: &App, item: &Item) -> Option<super::theme::Aging> {
    match item.concern {
        Concern::Stuck {
            stage,
            days_in_stage,
            ..
        } => Some(app.aging().aging(stage, days_in_stage)),
        _ => None,
    }
}

/// `‼ 12d in Screening (due at 2d)  Ana Silva · E3 2 DevOps developers`:
/// `!` due, `‼` stuck, as on the board.
pub(super) fn describe(app: &App, item: &Item, now: crate::domain::Timestamp) -> String {
    let title = |id| engagement_title(app, id);
    let name = |id| candidate_name(app, id);
    match &item.concern {
        Concern::Stuck {
            engagement,
            candidate,
            stage,
            days_in_stage,
        } => {
            let limit = app.aging().threshold(*stage).unwrap_or(0);
            let glyph = app.aging().aging(*stage, *days_in_stage).glyph();
            format!(
                "{glyph} {days_in_stage}d in {stage} (due at {limit}d)  {} · {}",
                name(*candidate),
                title(*engagement)
            )
        }
        Concern::Breached { engagement, have } => {
            let late = crate::domain::time::days_between(item.since, now);
            let count = app.policy().promise.count;
            format!(
                "⚠ shortlist {have}/{count} submitted, due {late}d ago  {}",
                title(*engagement)
            )
        }
        Concern::Unanswered {
            submittal,
            engagement,
            candidate,
        } => {
            let waited =
                crate::domain::time::days_between(item.since, now) + app.policy().answer_days;
            format!(
                "? no client answer in {waited}d to {submittal}  {} · {}",
                name(*candidate),
                title(*engagement)
            )
        }
        Concern::Ending {
            engagement,
            candidate,
            on,
            ..
        } => format!(
            "⏲ placement ends {on}  {} · {}",
            name(*candidate),
            title(*engagement)
        ),
        Concern::ConsentEnding { candidate, until } => {
            let ends = super::consent::ends_in((*until - now.date_naive()).num_days());
            format!(
                "✉ consent {ends}: {} ({until}; enter, then c)",
                name(*candidate)
            )
        }
    }
}
