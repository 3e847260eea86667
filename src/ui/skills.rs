//! The skill matrix: a row per candidate, a column per skill, the
//! engagement's required skills first and marked (`*` must, `+` nice).
//! Levels are digits, so the matrix reads the same without colour; a level
//! below a requirement carries a `!`.

use super::{Theme, fit, pad, safe};
use crate::app::App;
use crate::app::list::visible_offset;
use crate::app::matrix::{
    MatrixColumn, MatrixRows, NAME_WIDTH, SCORE_WIDTH, cells_room, column_width, columns,
    visible_range,
};
use crate::app::screen_map::{List, Spot};
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

    let block = Block::bordered().title(Line::styled(LEGEND, theme.dim()));
    let inner = block.inner(rest);
    frame.render_widget(block, rest);
    let widths: Vec<u16> = all.iter().map(|c| column_width(app.catalog(), c)).collect();
    let room = cells_room(rest.width);
    let range = visible_range(&widths, state.column_offset, state.column, room);
    let shown = Shown {
        columns: &all[range.clone()],
        widths: &widths[range.clone()],
        // A column past the last (another engagement's) shows no cursor.
        cursor: (state.column.checked_sub(range.start)).filter(|&at| at < range.len()),
    };

    let buffer = frame.buffer_mut();
    for (y, line) in (inner.y..).zip(header(app, &shown, theme)) {
        buffer.set_line(inner.x, y, &line, inner.width);
    }
    let page = usize::from(inner.height.saturating_sub(2)).max(1);
    let offset = visible_offset(state.rows.offset, state.rows.selected, page);
    let rows = state.order.iter().enumerate().skip(offset).take(page);
    for (y, (position, &index)) in (inner.y + 2..).zip(rows) {
        let candidate = &app.data().candidates()[index as usize];
        let cells = Rect::new(inner.x, y, inner.width, 1);
        let spot = Spot::Row {
            list: List::Matrix,
            index: position,
        };
        super::mark(app, cells, spot);
        let money = &app.policy().money;
        let row = MatrixRow {
            candidate,
            score: engagement.map(|e| match_score(candidate, e, &money.fx).score),
            margin: engagement.and_then(|e| estimated_margin(candidate, e, money)),
            assessed: assessed_ratings(app, engagement, candidate.id),
            selected: position == state.rows.selected,
        };
        draw_row(buffer, cells, &row, &shown, theme);
    }
    if let Some(column) = shown.cursor {
        let x = inner.x + NAME_WIDTH + SCORE_WIDTH + shown.x_of(column);
        let drawn = (state.order.len().saturating_sub(offset)).min(page) as u16;
        buffer.set_style(
            Rect::new(x, inner.y + 2, shown.widths[column], drawn).intersection(inner),
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

/// Which scale a cell's numbers are on, over the matrix.
const LEGEND: &str = " levels 0-5 · ★ interviewer's 1-4 as 0-5 (1→1 2→2 3→4 4→5) · ! short ";

/// The skill columns on screen, their widths, and the cursor's among them.
struct Shown<'a> {
    columns: &'a [MatrixColumn],
    widths: &'a [u16],
    cursor: Option<usize>,
}

impl Shown<'_> {
    /// Where column `index` starts, from the first skill column.
    fn x_of(&self, index: usize) -> u16 {
        self.widths[..index].iter().sum()
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
    let sort = match state.by_score {
        true => format!("score {}", crate::app::list::arrow(state.descending)),
        false => "name".to_string(),
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
/// skills' short names with their requirement marks (the summary above
/// names the cursor's column in full).
fn header<'a>(app: &App, shown: &Shown, theme: &Theme) -> Vec<Line<'a>> {
    let lead = usize::from(NAME_WIDTH + SCORE_WIDTH);
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
    let columns = shown.columns;
    for (index, column) in columns.iter().enumerate() {
        let band = band_of(column);
        if index == 0 || band_of(&columns[index - 1]) != band {
            let run = (index..columns.len())
                .take_while(|&i| band_of(&columns[i]) == band)
                .map(|i| usize::from(shown.widths[i]))
                .sum();
            categories.push(Span::styled(pad(band, run), theme.dim()));
        }
        let mark = match column.requirement {
            Some((Priority::Must, _)) => "*",
            Some((Priority::Nice, _)) => "+",
            None => "",
        };
        let short = app.catalog().skill(&column.skill).map_or("?", |s| &s.short);
        let style = if Some(index) == shown.cursor {
            theme.cursor_column().patch(theme.title())
        } else {
            theme.title()
        };
        let cell = usize::from(shown.widths[index]);
        let short = format!("{mark}{}", safe(short));
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
/// score (in the selection style on the cursor row), then one cell per
/// skill at its column. Only the name and score mark the cursor row, so a
/// cursor move resends two short runs rather than two whole coloured rows.
fn draw_row(buffer: &mut Buffer, area: Rect, row: &MatrixRow, shown: &Shown, theme: &Theme) {
    let lead = Rect::new(area.x, area.y, NAME_WIDTH + SCORE_WIDTH, 1).intersection(area);
    if row.selected {
        buffer.set_style(lead, theme.selected());
    }
    let name_width = usize::from(NAME_WIDTH) - 1;
    let name = safe(&row.candidate.name);
    buffer.set_stringn(
        area.x,
        area.y,
        fit(&name, name_width),
        name_width,
        Style::new(),
    );
    let score = row.score.map_or("—".to_string(), |s| format!("{s}%"));
    let margin = row.margin.map_or(String::new(), |(m, low)| {
        format!("{:.0}%{}", m * 100.0, if low { "!" } else { " " })
    });
    let score = format!("{score:>5} {margin:>5}");
    let x = area.x + NAME_WIDTH;
    buffer.set_stringn(x, area.y, score, usize::from(SCORE_WIDTH), Style::new());
    let cells_x = area.x + NAME_WIDTH + SCORE_WIDTH;
    for (index, column) in shown.columns.iter().enumerate() {
        let (x, width) = (cells_x + shown.x_of(index), shown.widths[index]);
        if x + width > area.right() {
            break;
        }
        let (text, short) = cell(row, column);
        let rated = text.contains('★');
        let style = match (short, rated) {
            (true, _) => theme.bad(),
            (false, true) => theme.highlight(),
            (false, false) => theme.level(row.candidate.level(&column.skill).get()),
        };
        // The level's digit at the same place in every cell: `  3  `,
        // `  3! `, ` 4★2!`.
        let at = if rated { 1 } else { 2 };
        buffer.set_stringn(x + at, area.y, &text, usize::from(width - at), style);
    }
}

/// A skill's cell, and whether it falls short of the requirement: the
/// self-reported level (0-5, `·` for none), then an interviewer's rating
/// where there is one, on the same scale (`4★2`: said 4, rated 2 of 4,
/// which stands for 2). A shortfall is judged on that one scale, by the
/// interviewer's rating where there is one.
fn cell(row: &MatrixRow, column: &MatrixColumn) -> (String, bool) {
    let level = row.candidate.level(&column.skill).get();
    let rated = (row.assessed.iter())
        .find(|(s, _)| *s == column.skill)
        .map(|(_, rating)| Scorecard::rating_as_level(*rating));
    let judged = rated.unwrap_or(level);
    let short = column
        .requirement
        .is_some_and(|(_, min)| judged < min.get());
    let own = match level {
        0 => "·".to_string(),
        level => level.to_string(),
    };
    let rated = rated.map_or(String::new(), |r| format!("★{r}"));
    let mark = if short { "!" } else { "" };
    (format!("{own}{rated}{mark}"), short)
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
