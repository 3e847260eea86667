//! The pipeline: one engagement as a board with a column per stage, or,
//! on a narrow screen, as a list grouped by stage. Cards are coloured (and
//! marked) by their time in stage.

use super::{Theme, fit, pad, safe};
use crate::app::App;
use crate::app::list::visible_offset;
use crate::app::pipeline::{COLUMNS, Card, exited};
use crate::app::screen_map::Spot;
use crate::domain::{Aging, AgingPolicy, Engagement, Promise, Stage};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(engagement) = app.engagement() else {
        let text =
            Paragraph::new("No engagement chosen. Press e to choose one.").block(Block::bordered());
        return frame.render_widget(text, area);
    };
    let [title, info, rest] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ]));
    frame.render_widget(heading(app, engagement, title.width, theme), title);
    frame.render_widget(summary(app, engagement, theme), info);
    let cards = app.board();
    if app.pipeline_as_list() {
        render_list(frame, rest, app, &cards, theme);
    } else {
        render_board(frame, rest, app, &cards, theme);
    }
}

/// `● ` before a marked card's name (two columns either way).
fn mark_glyph(marked: bool) -> &'static str {
    if marked { "● " } else { "  " }
}

/// ` E3 Platform engineers · Acme Corp`: which engagement this is, at
/// any width; the title is cut before the client is.
fn heading<'a>(app: &App, e: &Engagement, width: u16, theme: &Theme) -> Line<'a> {
    use unicode_width::UnicodeWidthStr;
    let id = format!(" {} ", e.id);
    let client = format!(" · {}", safe(&app.data().agency().client_name(e.client)));
    let room = usize::from(width).saturating_sub(id.width() + client.width());
    let title = fit(&safe(&e.title), room).into_owned();
    Line::from(vec![
        Span::styled(format!("{id}{title}"), theme.title()),
        Span::styled(client, theme.dim()),
    ])
}

/// The 48-hour promise first (it is what breaks), then the facts.
fn summary<'a>(app: &App, e: &Engagement, theme: &Theme) -> Line<'a> {
    let now = app.clock().now();
    let policy = &app.policy().promise;
    let count = policy.count;
    let state = policy.promise(e, app.data().agency().submittals(), now);
    let first = crate::domain::time_to_first_submittal(e, app.data().agency().submittals())
        .map_or(String::new(), |took| {
            format!(" · first sent in {}h", took.num_hours())
        });
    let (mut promise, style) = promise_text(state, count, now, theme);
    if !matches!(state, Promise::Breached { .. }) {
        promise += &first;
    }
    let budget = e
        .budget
        .as_ref()
        .map_or(String::new(), |b| format!(" · {}", safe(&b.to_string())));
    let facts = format!(
        " · {} · {} · {} wanted{budget} · {} · {} exited",
        safe(app.catalog().role_name(&e.role)),
        e.model.label(),
        e.headcount,
        e.status.label(),
        exited(app.data(), e)
    );
    Line::from(vec![
        Span::styled(format!(" {promise}"), style),
        Span::styled(facts, theme.dim()),
    ])
}

/// Where a shortlist promise stands, styled by how it goes: the words the
/// pipeline's summary and My work share.
pub(super) fn promise_text(
    state: Promise,
    count: usize,
    now: crate::domain::Timestamp,
    theme: &Theme,
) -> (String, Style) {
    match state {
        Promise::Met { on_time: true, .. } => (state.describe(count, now), theme.good()),
        Promise::Met { on_time: false, .. } | Promise::Pending { .. } => {
            (state.describe(count, now), theme.warn())
        }
        Promise::Breached { have, due } => {
            let days = crate::domain::time::days_between(due, now);
            let text = format!("‼ shortlist {have}/{count} · breached {days}d ago");
            (text, theme.bad())
        }
    }
}

fn render_board(frame: &mut Frame, area: Rect, app: &App, cards: &[Vec<Card>], theme: &Theme) {
    let state = app.pipeline();
    let areas = area.layout_vec(&Layout::horizontal([Constraint::Ratio(1, 6); 6]));
    for (column, (stage, column_area)) in COLUMNS.iter().zip(areas).enumerate() {
        let active = column == state.column;
        let title_style = if active {
            theme.selected()
        } else {
            theme.title()
        };
        let title = column_title(*stage, cards[column].len(), column_area.width);
        let block = Block::bordered().title(Line::styled(title, title_style));
        let inner = block.inner(column_area);
        frame.render_widget(block, column_area);
        let per_page = usize::from(inner.height / 2).max(1);
        let cursor = state.cards[column];
        let offset = visible_offset(cursor.offset, cursor.selected, per_page);
        let width = usize::from(inner.width);
        let mut lines = Vec::new();
        for (index, card) in cards[column].iter().enumerate().skip(offset).take(per_page) {
            let y = inner.y + 2 * (index - offset) as u16;
            let spot = Spot::Card { column, row: index };
            super::mark(app, Rect::new(inner.x, y, inner.width, 2), spot);
            let selected = active && index == cursor.selected;
            let marked = app.marks().contains(&card.candidate.id);
            lines.extend(card_lines(
                card,
                width,
                selected,
                marked,
                app.aging(),
                theme,
            ));
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }
}

/// ` Technical interview (3) `, or ` Tech (3) ` where that would be cut:
/// the count must always show.
fn column_title(stage: Stage, count: usize, width: u16) -> String {
    let full = format!(" {} ({count}) ", stage.label());
    if full.chars().count() + 2 <= usize::from(width) {
        full
    } else {
        format!(" {} ({count}) ", stage.short_label())
    }
}

/// Two lines: the name, then days in stage and the match score (`fit`),
/// with the submittal and margin where the column has room.
fn card_lines<'a>(
    card: &Card,
    width: usize,
    selected: bool,
    marked: bool,
    policy: &AgingPolicy,
    theme: &Theme,
) -> [Line<'a>; 2] {
    let aging = policy.aging(card.application.stage, card.days_in_stage);
    let base = if selected {
        theme.selected()
    } else {
        Style::new()
    };
    let facts = board_facts(card, aging, width);
    let age_style = if selected { base } else { theme.age(aging) };
    [
        Line::styled(
            pad(
                &format!(
                    "{}{}",
                    if marked { "● " } else { "" },
                    safe(&card.candidate.name)
                ),
                width,
            ),
            base,
        ),
        Line::styled(pad(&facts, width), age_style),
    ]
}

/// `‼12d fit 85% ◆? margin 28%`: the margin only where the column has
/// room for it with its label (an unlabelled percentage would read as a
/// second fit); the list, the detail and the matrix show it anyway, and a
/// margin below the floor that does not fit keeps its mark (`$!`).
fn board_facts(card: &Card, aging: Aging, width: usize) -> String {
    let mut facts = format!(
        "{}{}d fit {}%{}",
        aging.glyph(),
        card.days_in_stage,
        card.score.score,
        card.facts.sent_text()
    );
    let margin = card.facts.margin_text();
    if facts.chars().count() + margin.chars().count() <= width {
        facts += &margin;
    } else if card.facts.below_floor {
        facts += " $!";
    }
    facts
}

fn render_list(frame: &mut Frame, area: Rect, app: &App, cards: &[Vec<Card>], theme: &Theme) {
    let state = app.pipeline();
    let block = Block::bordered();
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut lines = Vec::new();
    let mut selected_line = 0;
    // Where each card's line is, for the mouse.
    let mut spots = Vec::new();
    for (column, stage) in COLUMNS.iter().enumerate() {
        lines.push(Line::styled(
            format!("{} ({})", stage.label(), cards[column].len()),
            theme.title(),
        ));
        for (index, card) in cards[column].iter().enumerate() {
            let selected = column == state.column && index == state.cards[column].selected;
            if selected {
                selected_line = lines.len();
            }
            spots.push((lines.len(), column, index));
            let marked = app.marks().contains(&card.candidate.id);
            lines.push(list_line(card, width, selected, marked, app.aging(), theme));
        }
    }
    let page = usize::from(inner.height).max(1);
    let offset = visible_offset(0, selected_line, page);
    for (line, column, row) in spots {
        if let Some(y) = line.checked_sub(offset).filter(|&y| y < page) {
            let spot = Spot::Card { column, row };
            super::mark_row(app, inner, inner.y + y as u16, spot);
        }
    }
    let visible: Vec<Line> = lines.into_iter().skip(offset).take(page).collect();
    frame.render_widget(Paragraph::new(visible), inner);
}

/// `  ! Ana Silva ········· 12d fit  85% ◆? margin 28%`
fn list_line<'a>(
    card: &Card,
    width: usize,
    selected: bool,
    marked: bool,
    policy: &AgingPolicy,
    theme: &Theme,
) -> Line<'a> {
    let aging = policy.aging(card.application.stage, card.days_in_stage);
    let facts = format!(
        "{:>4}d fit {:>3}%{:<16}",
        card.days_in_stage,
        card.score.score,
        card.facts.text()
    );
    // The mark, the flag and two spaces take five columns.
    let name_width = width.saturating_sub(facts.chars().count() + 5);
    let spans = vec![
        Span::raw(format!("{}{} ", mark_glyph(marked), aging.glyph())),
        Span::raw(format!("{} ", pad(&safe(&card.candidate.name), name_width))),
        Span::styled(
            facts,
            if selected {
                Style::new()
            } else {
                theme.age(aging)
            },
        ),
    ];
    let line = Line::from(spans);
    if selected {
        line.style(theme.selected())
    } else {
        line
    }
}
