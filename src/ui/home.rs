//! "My work", the home screen: the actor's engagements and what needs
//! them, under headings with their counts; Enter goes to the card. The
//! rows are worked out once per change (`app/home.rs`); this only words
//! the ones on screen.

use super::attention::{candidate_name, describe, engagement_title};
use super::pipeline::promise_text;
use super::theme::Aging;
use super::{Theme, fit, pad, safe};
use crate::app::App;
use crate::app::attention::Concern;
use crate::app::home::{Group, Home, Row, Scope, Turn};
use crate::app::screen_map::{List, Spot};
use crate::domain::{CandidateId, EngagementId, EngagementStatus, Promise};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let home = app.views().home();
    let block = Block::bordered().title(Line::styled(title(app, home.scope), theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let page = usize::from(inner.height).max(1);
    let selected = app.home().cursor.selected;
    let top = home.scroll(app.home().top, selected, page);
    let width = usize::from(inner.width);
    let lines: Vec<Line> = (entries(home).skip(top).take(page).enumerate())
        .map(|(line, entry)| match entry {
            Entry::Heading(group, count) => {
                let text = heading(app, home.scope, group, count);
                Line::styled(fit(&text, width).into_owned(), theme.title())
            }
            Entry::Row(index, row) => {
                let spot = Spot::Row {
                    list: List::Home,
                    index,
                };
                super::mark_row(app, inner, inner.y + line as u16, spot);
                let (text, style) = describe_row(app, home.scope, row, theme);
                let style = if index == selected {
                    theme.selected()
                } else {
                    style
                };
                Line::styled(pad(&format!("  {text}"), width), style)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// ` My work · ana · enter goes to the card `, or, for an actor who owns
/// no engagement, what is shown instead.
fn title(app: &App, scope: Scope) -> String {
    let actor = safe(app.actor());
    match scope {
        Scope::Mine => format!(" My work · {actor} · enter goes to the card "),
        Scope::Team => format!(" My work · {actor} owns no engagement: the team's work "),
    }
}

/// A line on screen: a group's heading, or one of its rows (with its
/// place among all rows).
enum Entry<'a> {
    Heading(Group, usize),
    Row(usize, &'a Row),
}

fn entries(home: &Home) -> impl Iterator<Item = Entry<'_>> {
    let mut first = 0;
    home.groups.iter().flat_map(move |(group, rows)| {
        let start = first;
        first += rows.len();
        let numbered = rows.iter().enumerate();
        std::iter::once(Entry::Heading(*group, rows.len()))
            .chain(numbered.map(move |(i, row)| Entry::Row(start + i, row)))
    })
}

/// `Client answers overdue (2)`, or `Client answers overdue: none`.
fn heading(app: &App, scope: Scope, group: Group, count: usize) -> String {
    let name = match group {
        Group::Engagements if scope == Scope::Team => "The team's engagements".to_string(),
        Group::Engagements => "Your engagements".to_string(),
        Group::Stuck => "Due or stuck in their stage".to_string(),
        Group::Unanswered => "Client answers overdue".to_string(),
        Group::Interviews => "In an interview stage".to_string(),
        Group::Placements => {
            let days = app.policy().ending_days;
            format!("Placements starting or ending within {days}d")
        }
    };
    match count {
        0 => format!("{name}: none"),
        count => format!("{name} ({count})"),
    }
}

/// A row's words and colour.
fn describe_row(app: &App, scope: Scope, row: &Row, theme: &Theme) -> (String, Style) {
    match row {
        Row::Engagement {
            engagement,
            promise,
        } => engagement_line(app, scope, *engagement, *promise, theme),
        Row::Concern(item) => {
            let style = match item.concern {
                Concern::Stuck { .. } => {
                    theme.age(super::attention::aging_of(app, item).unwrap_or(Aging::Stuck))
                }
                _ => theme.warn(),
            };
            (describe(app, item, app.clock().now()), style)
        }
        Row::Interview {
            engagement,
            candidate,
            stage,
            days_in_stage,
        } => {
            let card = card(app, *engagement, *candidate);
            (
                format!("◆ {days_in_stage}d in {stage}  {card}"),
                theme.base(),
            )
        }
        Row::Placement {
            engagement,
            candidate,
            on,
            turn,
        } => {
            let verb = match turn {
                Turn::Starts => "starts",
                Turn::Ends => "ends",
            };
            let card = card(app, *engagement, *candidate);
            (format!("⏲ placement {verb} {on}  {card}"), theme.base())
        }
    }
}

/// `Ana Silva · E3 2 DevOps developers`
fn card(app: &App, engagement: EngagementId, candidate: CandidateId) -> String {
    let (name, title) = (
        candidate_name(app, candidate),
        engagement_title(app, engagement),
    );
    format!("{name} · {title}")
}

/// `E3 shortlist 2/3 · 13h left · 2 DevOps developers · Acme`, then `on
/// hold` if it is, and the owner when the team's work shows: the promise
/// first, since it is what breaks (and what a narrow screen must keep).
fn engagement_line(
    app: &App,
    scope: Scope,
    id: EngagementId,
    promise: Promise,
    theme: &Theme,
) -> (String, Style) {
    let now = app.clock().now();
    let count = app.policy().promise.count;
    let (state, style) = promise_text(promise, count, now, theme);
    let Some(e) = app.data().engagement(id) else {
        return (state, style);
    };
    let client = app.data().agency().client_name(e.client);
    let (title, client) = (safe(&e.title), safe(&client));
    let mut text = format!("{} {state} · {title} · {client}", e.id);
    if e.status != EngagementStatus::Open {
        text += &format!(" · {}", e.status.label());
    }
    if scope == Scope::Team {
        let owner = match e.owner.trim() {
            "" => "no owner".to_string(),
            owner => format!("owner {}", safe(owner)),
        };
        text += &format!(" · {owner}");
    }
    (text, style)
}
