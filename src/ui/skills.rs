//! The skill matrix: a row per candidate, a column per skill, the
//! engagement's required skills first and marked (`*` must, `+` nice).
//! Levels are digits, so the matrix reads the same without colour; a level
//! below a requirement carries a `!`.

use super::{Theme, fit, pad, push_padded, safe};
use crate::app::App;
use crate::app::list::visible_offset;
use crate::app::matrix::{
    CELL_WIDTH, MatrixColumn, MatrixRows, MatrixState, NAME_WIDTH, SCORE_WIDTH, columns,
};
use crate::domain::{Candidate, Engagement, Priority, match_score};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

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

    let mut lines = header(app, shown, cursor_column, theme);
    let page = usize::from(inner.height.saturating_sub(2)).max(1);
    let offset = visible_offset(state.rows.offset, state.rows.selected, page);
    for (position, &index) in state.order.iter().enumerate().skip(offset).take(page) {
        let candidate = &app.data().candidates()[index as usize];
        let selected = position == state.rows.selected;
        lines.push(row(
            candidate,
            engagement,
            shown,
            cursor_column,
            selected,
            theme,
        ));
    }
    if state.order.is_empty() {
        lines.push(Line::styled(empty_message(app), theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines), inner);
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
            "Score ",
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

fn row<'a>(
    candidate: &Candidate,
    engagement: Option<&Engagement>,
    shown: &[MatrixColumn],
    cursor: Option<usize>,
    selected: bool,
    theme: &Theme,
) -> Line<'a> {
    let name_width = usize::from(NAME_WIDTH);
    let score = engagement.map_or("—".to_string(), |e| format!("{}%", match_score(candidate, e).score));
    let mut lead = String::with_capacity(name_width + 8);
    push_padded(&mut lead, &safe(&candidate.name), name_width);
    lead.push_str(&format!("{score:>w$} ", w = usize::from(SCORE_WIDTH) - 1));
    // The cursor row: its name and score in the selection style, its levels
    // in bold. A full-width highlight would resend every coloured cell of
    // two rows on each cursor move.
    let (lead_style, emphasis) = if selected {
        (theme.selected(), Style::new().add_modifier(Modifier::BOLD))
    } else {
        (Style::new(), Style::new())
    };
    let mut runs = Runs::default();
    runs.push(lead_style, &lead);
    for (index, column) in shown.iter().enumerate() {
        let level = candidate.level(&column.skill).get();
        let short = column.requirement.is_some_and(|(_, min)| level < min.get());
        let mut style = if short { theme.bad() } else { theme.level(level) }.patch(emphasis);
        if Some(index) == cursor {
            style = theme.cursor_column().patch(style);
        }
        runs.push(style, cell(level, short));
    }
    Line::from(runs.finish())
}

/// A level cell, centred in `CELL_WIDTH` columns: `  3  `, ` 2!  `, `  ·  `.
fn cell(level: u8, short: bool) -> &'static str {
    const PLAIN: [&str; 6] = ["  ·  ", "  1  ", "  2  ", "  3  ", "  4  ", "  5  "];
    const SHORT: [&str; 6] = [" ·!  ", " 1!  ", " 2!  ", " 3!  ", " 4!  ", " 5!  "];
    let table = if short { &SHORT } else { &PLAIN };
    table[usize::from(level.min(5))]
}

/// Spans with neighbours of the same style merged: fewer spans to draw.
#[derive(Default)]
struct Runs {
    spans: Vec<Span<'static>>,
    text: String,
    style: Option<Style>,
}

impl Runs {
    fn push(&mut self, style: Style, text: &str) {
        if self.style != Some(style) {
            self.flush();
            self.style = Some(style);
        }
        self.text.push_str(text);
    }

    fn flush(&mut self) {
        if let Some(style) = self.style.take() {
            self.spans.push(Span::styled(std::mem::take(&mut self.text), style));
        }
    }

    fn finish(mut self) -> Vec<Span<'static>> {
        self.flush();
        self.spans
    }
}
