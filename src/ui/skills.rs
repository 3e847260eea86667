//! The skill matrix: a row per candidate, a column per skill, the
//! engagement's required skills first and marked (`*` must, `+` nice).
//! Levels are digits, so the matrix reads the same without colour; a level
//! below a requirement carries a `!`.

use super::{Theme, fit, pad, safe};
use crate::app::App;
use crate::app::list::visible_offset;
use crate::app::matrix::{
    CELL_WIDTH, MatrixColumn, MatrixRows, MatrixState, NAME_WIDTH, SCORE_WIDTH, columns,
};
use crate::domain::{
    Candidate, CandidateId, Engagement, Priority, Scorecard, SkillId, match_score,
};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let state = app.matrix();
    let engagement = app.engagement();
    let all = columns(app.catalog(), engagement);
    let [info, rest] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
    ]));
    frame.render_widget(summary(app, &all, theme), info);

    let block = Block::bordered();
    let inner = block.inner(rest);
    frame.render_widget(block, rest);
    let visible = MatrixState::visible_columns(inner.width);
    let first = visible_offset(state.column_offset, state.column, visible);
    let shown = &all[first.min(all.len())..(first + visible).min(all.len())];
    let cursor_column = state.column.checked_sub(first);

    let buffer = frame.buffer_mut();
    for (y, line) in (inner.y..).zip(header(app, shown, cursor_column, theme)) {
        buffer.set_line(inner.x, y, &line, inner.width);
    }
    let page = usize::from(inner.height.saturating_sub(2)).max(1);
    let offset = visible_offset(state.rows.offset, state.rows.selected, page);
    let rows = state.order.iter().enumerate().skip(offset).take(page);
    for (y, (position, &index)) in (inner.y + 2..).zip(rows) {
        let candidate = &app.data().candidates()[index as usize];
        let selected = position == state.rows.selected;
        let cells = Rect::new(inner.x, y, inner.width, 1);
        let assessed = assessed_ratings(app, engagement, candidate.id);
        let fx = &app.policy().money.fx;
        let row = MatrixRow {
            candidate,
            score: engagement.map(|e| match_score(candidate, e, fx).score),
            margin: engagement.and_then(|e| estimated_margin(candidate, e, &app.policy().money)),
            assessed,
            selected,
        };
        draw_row(buffer, cells, &row, shown, theme);
    }
    if let Some(column) = cursor_column {
        let x = inner.x + NAME_WIDTH + SCORE_WIDTH + column as u16 * CELL_WIDTH;
        let drawn = (state.order.len().saturating_sub(offset)).min(page) as u16;
        buffer.set_style(
            Rect::new(x, inner.y + 2, CELL_WIDTH, drawn).intersection(inner),
            theme.cursor_column(),
        );
    }
    if state.order.is_empty() {
        buffer.set_stringn(
            inner.x,
            inner.y + 2,
            empty_message(app),
            usize::from(inner.width),
            theme.dim(),
        );
    }
}

fn empty_message(app: &App) -> &'static str {
    match (app.matrix().source, app.engagement()) {
        (MatrixRows::Pipeline, None) => {
            "No engagement chosen: press e to choose one, or t to show all candidates."
        }
        (MatrixRows::Pipeline, Some(_)) => {
            "This pipeline is empty: press t to show all candidates."
        }
        (MatrixRows::Candidates, _) => "No candidates.",
    }
}

fn summary<'a>(app: &App, all: &[MatrixColumn], theme: &Theme) -> Line<'a> {
    let state = app.matrix();
    let rows = match (state.source, app.engagement()) {
        (MatrixRows::Pipeline, Some(e)) => format!("pipeline of {}", e.id),
        (MatrixRows::Pipeline, None) => "pipeline".to_string(),
        (MatrixRows::Candidates, _) => "all candidates".to_string(),
    };
    let sort = if state.by_score {
        if state.descending {
            "score ▼"
        } else {
            "score ▲"
        }
    } else {
        "name"
    };
    let column = all
        .get(state.column)
        .map(|c| describe_column(app, c))
        .unwrap_or_default();
    Line::styled(
        format!(" {rows} ({}) · by {sort} · {column}", state.order.len()),
        theme.dim(),
    )
}

fn describe_column(app: &App, column: &MatrixColumn) -> String {
    let name = safe(app.catalog().skill_name(&column.skill)).into_owned();
    let need = match column.requirement {
        Some((Priority::Must, level)) => format!(" · must ≥{level}"),
        Some((Priority::Nice, level)) => format!(" · nice ≥{level}"),
        None => String::new(),
    };
    format!("{name} ({}){need}", column.category.label())
}

/// Two header lines: category names where each category starts, then the
/// skills' short names with their requirement marks.
fn header<'a>(
    app: &App,
    shown: &[MatrixColumn],
    cursor: Option<usize>,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let lead = usize::from(NAME_WIDTH + SCORE_WIDTH);
    let cell = usize::from(CELL_WIDTH);
    let mut categories = vec![Span::raw(" ".repeat(lead))];
    let mut names = vec![Span::styled(
        format!(
            "{:<w$}{:>s$}",
            "Candidate",
            "Score Marg ",
            w = usize::from(NAME_WIDTH),
            s = usize::from(SCORE_WIDTH)
        ),
        theme.title(),
    )];
    for (index, column) in shown.iter().enumerate() {
        let band = band_of(column);
        if index == 0 || band_of(&shown[index - 1]) != band {
            let run = shown[index..]
                .iter()
                .take_while(|c| band_of(c) == band)
                .count();
            categories.push(Span::styled(pad(band, run * cell), theme.dim()));
        }
        let mark = match column.requirement {
            Some((Priority::Must, _)) => "*",
            Some((Priority::Nice, _)) => "+",
            None => "",
        };
        let short = format!("{mark}{}", safe(app.catalog().skill_name(&column.skill)));
        let style = if Some(index) == cursor {
            theme.cursor_column().patch(theme.title())
        } else {
            theme.title()
        };
        names.push(Span::styled(pad(&fit(&short, cell - 1), cell), style));
    }
    vec![Line::from(categories), Line::from(names)]
}

/// The label over a run of columns: "Required" for the engagement's
/// skills, else the category.
fn band_of(column: &MatrixColumn) -> &'static str {
    if column.requirement.is_some() {
        "Required"
    } else {
        column.category.label()
    }
}

/// The interviewers' latest rating per skill for a candidate in the
/// engagement's pipeline.
fn assessed_ratings(
    app: &App,
    engagement: Option<&Engagement>,
    candidate: CandidateId,
) -> Vec<(SkillId, u8)> {
    engagement
        .and_then(|e| {
            app.data()
                .pipeline(e.id)
                .iter()
                .find(|a| a.candidate == candidate)
        })
        .map(|a| Scorecard::assessed(&a.scorecards))
        .unwrap_or_default()
}

/// What one row draws: a candidate, their assessed ratings, and whether
/// the cursor is on it.
struct MatrixRow<'a> {
    candidate: &'a Candidate,
    /// The match score, with an engagement.
    score: Option<u8>,
    /// The margin estimated against the engagement's bill rate, and
    /// whether it is below the floor.
    margin: Option<(f64, bool)>,
    assessed: Vec<(SkillId, u8)>,
    selected: bool,
}

/// One candidate's row, written straight into the buffer: the name and
/// score (in the selection style on the cursor row), then one glyph per
/// skill at its column. Only the name and score mark the cursor row, so a
/// cursor move resends two short runs rather than two whole coloured rows.
fn draw_row(
    buffer: &mut Buffer,
    area: Rect,
    row: &MatrixRow,
    shown: &[MatrixColumn],
    theme: &Theme,
) {
    let MatrixRow {
        candidate,
        score,
        margin,
        assessed,
        selected,
    } = row;
    let (candidate, selected) = (*candidate, *selected);
    let lead = Rect::new(area.x, area.y, NAME_WIDTH + SCORE_WIDTH, 1).intersection(area);
    if selected {
        buffer.set_style(lead, theme.selected());
    }
    let name_width = usize::from(NAME_WIDTH) - 1;
    buffer.set_stringn(
        area.x,
        area.y,
        fit(&safe(&candidate.name), name_width),
        name_width,
        Style::new(),
    );
    let score = score.map_or("—".to_string(), |s| format!("{s}%"));
    let margin = margin.map_or(String::new(), |(m, low)| {
        format!("{:.0}%{}", m * 100.0, if low { "!" } else { " " })
    });
    let score = format!("{score:>5} {margin:>5}");
    buffer.set_stringn(
        area.x + NAME_WIDTH,
        area.y,
        score,
        usize::from(SCORE_WIDTH),
        Style::new(),
    );
    let cells_x = area.x + NAME_WIDTH + SCORE_WIDTH;
    for (index, column) in shown.iter().enumerate() {
        let x = cells_x + index as u16 * CELL_WIDTH;
        if x + CELL_WIDTH > area.right() {
            break;
        }
        // An interviewer's rating (1-4, starred) stands in for the
        // self-reported level (0-5, a digit), so the two never look alike.
        if let Some((_, rating)) = assessed.iter().find(|(s, _)| *s == column.skill) {
            let glyph = ASSESSED[usize::from((*rating).min(4))];
            buffer.set_stringn(
                x + 1,
                area.y,
                glyph,
                usize::from(CELL_WIDTH),
                theme.highlight(),
            );
            continue;
        }
        let level = candidate.level(&column.skill).get();
        let short = column.requirement.is_some_and(|(_, min)| level < min.get());
        let style = if short {
            theme.bad()
        } else {
            theme.level(level)
        };
        let (glyph, at) = cell(level, short);
        buffer.set_stringn(x + at, area.y, glyph, usize::from(CELL_WIDTH), style);
    }
}

const ASSESSED: [&str; 5] = ["★0", "★1", "★2", "★3", "★4"];

/// A level's glyph and its offset within the cell, centred as `  3  `,
/// ` 2!  `, `  ·  `.
fn cell(level: u8, short: bool) -> (&'static str, u16) {
    const PLAIN: [&str; 6] = ["·", "1", "2", "3", "4", "5"];
    const SHORT: [&str; 6] = ["·!", "1!", "2!", "3!", "4!", "5!"];
    let index = usize::from(level.min(5));
    if short {
        (SHORT[index], 1)
    } else {
        (PLAIN[index], 2)
    }
}

/// The gross margin the engagement's bill rate would leave over the lowest
/// rate the candidate asks, and whether it is below the floor; none when
/// either rate is unknown or no exchange rate joins them.
fn estimated_margin(
    candidate: &Candidate,
    engagement: &Engagement,
    money: &crate::domain::MoneyPolicy,
) -> Option<(f64, bool)> {
    let bill = engagement.quoted_bill_rate()?;
    let asked = candidate.rate.as_ref()?;
    let pay = crate::domain::HourlyRate::new(asked.min, &asked.currency);
    let margin = money.margin(&bill, &pay).ok()?;
    Some((margin.gross?, margin.is_below(money.floor_percent)))
}
