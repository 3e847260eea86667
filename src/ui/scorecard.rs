//! The scorecard form.

use super::{Theme, centered, pad, safe, with_cursor};
use crate::app::App;
use crate::app::prompt::scorecard::ScorecardForm;
use crate::domain::Recommendation;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

pub fn render(frame: &mut Frame, area: Rect, app: &App, form: &ScorecardForm, theme: &Theme) {
    let mut lines = vec![Line::styled(
        "Ratings: 1 weak · 2 fair · 3 good · 4 strong",
        theme.dim(),
    )];
    for (row, (skill, rating)) in form.ratings.iter().enumerate() {
        let name = pad(&safe(app.catalog().skill_name(skill)), 26);
        let dots: String = (1..=4)
            .map(|i| if i <= *rating { '●' } else { '○' })
            .collect();
        let value = if *rating == 0 {
            "-".to_string()
        } else {
            rating.to_string()
        };
        lines.push(row_line(
            format!("{name} {value}  {dots}"),
            row == form.row,
            theme,
        ));
    }
    let choice = Recommendation::ALL
        .iter()
        .map(|r| {
            if Some(*r) == form.recommendation {
                format!("[{}]", r.label())
            } else {
                r.label().to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("  ");
    lines.push(Line::raw(""));
    lines.push(row_line(
        format!("Recommendation  {choice}"),
        form.row == form.recommendation_row(),
        theme,
    ));
    lines.push(row_line(
        format!("Notes  {}", with_cursor(&form.notes)),
        form.row == form.notes_row(),
        theme,
    ));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "↑↓ row · 1-4 or ←→ rate/choose · type notes · enter saves · esc discards",
        theme.dim(),
    ));
    let title = format!(" Scorecard · {} · {} ", safe(&form.name), form.stage);
    let box_area = centered(area, 84, lines.len() as u16 + 2);
    super::open_box(frame, box_area);
    let block = Block::bordered().title(Line::styled(title, theme.title()));
    frame.render_widget(Paragraph::new(lines).block(block), box_area);
}

fn row_line<'a>(text: String, selected: bool, theme: &Theme) -> Line<'a> {
    if selected {
        Line::styled(format!("▶ {text}"), theme.selected())
    } else {
        Line::raw(format!("  {text}"))
    }
}
