//! The bench: who is free within the window, and from when; why (their
//! availability, or a placement ending), their top skills and rate.

use super::{Theme, fit, pad, safe};
use crate::app::App;
use crate::app::bench::BenchSort;
use crate::app::list::{arrow, sorted_by, visible_offset};
use crate::app::screen_map::{List, Spot};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let state = app.bench();
    let rows = app.views().bench();
    let title = format!(
        " Bench · free within {} days ({}) · {} · w window · enter adds to a pipeline ",
        state.window,
        rows.len(),
        sorted_by(state.sort.title(), state.descending)
    );
    let block = Block::bordered().title(Line::styled(title, theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    if rows.is_empty() {
        let calm = format!(
            "Nobody is free within {} days. w widens the window.",
            state.window
        );
        return frame.render_widget(Paragraph::new(calm).style(theme.dim()), inner);
    }
    let page = usize::from(inner.height.saturating_sub(1)).max(1);
    let offset = visible_offset(state.cursor.offset, state.cursor.selected, page);
    let heading = |sort: BenchSort, name: &str| match state.sort == sort {
        true => format!("{name}{}", arrow(state.descending)),
        false => name.to_string(),
    };
    let header = format!(
        "{:<22} {:<10} {:<19} {:<9} Top skills",
        heading(BenchSort::Name, "Name"),
        heading(BenchSort::Free, "Free from"),
        "Why",
        heading(BenchSort::Rate, "Rate")
    );
    let mut lines = vec![Line::styled(fit(&header, width).into_owned(), theme.dim())];
    for (index, row) in rows.iter().enumerate().skip(offset).take(page) {
        let y = inner.y + 1 + (index - offset) as u16;
        let spot = Spot::Row {
            list: List::Bench,
            index,
        };
        super::mark_row(app, inner, y, spot);
        let Some(c) = app.data().candidates().get(row.candidate as usize) else {
            continue;
        };
        let why = row.why.to_string();
        let rate = c.rate.as_ref().map_or(String::new(), |r| r.to_string());
        let skills: Vec<String> = c
            .top_skills(3)
            .iter()
            .map(|s| format!("{} {}", app.catalog().skill_name(&s.skill), s.level.get()))
            .collect();
        let text = format!(
            "{} {:<10} {:<19} {:<9} {}",
            pad(&safe(&c.name), 22),
            row.from,
            why,
            fit(&safe(&rate), 9),
            skills.join(" · ")
        );
        let text = pad(&text, width);
        lines.push(match index == state.cursor.selected {
            true => Line::styled(text, theme.selected()),
            false => Line::raw(text),
        });
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
