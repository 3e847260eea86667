//! An application's scorecards as the candidate's detail shows them, each
//! whole: the stage, when and by whom, the recommendation, every rating
//! with its skill's name, and the notes.

use super::{Theme, safe};
use crate::app::App;
use crate::domain::{Application, Scorecard};
use ratatui::text::{Line, Span};

/// The scorecards of `application`, oldest first.
pub fn lines<'a>(application: &Application, app: &App, theme: &Theme) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    for card in &application.scorecards {
        lines.extend(scorecard_lines(card, app, theme));
    }
    lines
}

/// `    ✎ Technical interview scorecard · 2026-05-30 15:30 · Rui Costa ·
/// recommends: no`, the ratings (`Kubernetes 2/4 · Go 4/4`), the notes.
fn scorecard_lines<'a>(card: &Scorecard, app: &App, theme: &Theme) -> Vec<Line<'a>> {
    let heading = format!(
        "    ✎ {} scorecard · {} · {} · ",
        card.stage,
        card.at.format("%Y-%m-%d %H:%M"),
        safe(&card.author)
    );
    let mut lines = vec![Line::from(vec![
        Span::raw(heading),
        Span::styled(
            format!("recommends: {}", card.recommendation.label()),
            theme.title(),
        ),
    ])];
    let ratings: Vec<String> = (card.ratings.iter())
        .map(|(skill, rating)| format!("{} {rating}/4", safe(app.catalog().skill_name(skill))))
        .collect();
    if !ratings.is_empty() {
        lines.push(Line::raw(format!("      {}", ratings.join(" · "))));
    }
    for text in card.notes.lines().filter(|l| !l.trim().is_empty()) {
        lines.push(Line::styled(format!("      {}", safe(text)), theme.dim()));
    }
    lines
}
