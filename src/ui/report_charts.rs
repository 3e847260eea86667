//! The Reports pane's charts: the funnel as horizontal bars (applications
//! that entered each stage), and the weekly trends as sparklines with
//! their latest week and total written beside them, so that the numbers
//! read without colour.

use super::{Theme, fit};
use crate::metrics::{Funnel, Trends};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, Paragraph, Sparkline};

/// The funnel: a bar per pipeline stage, its count at its end.
pub fn funnel(frame: &mut Frame, area: Rect, funnel: &Funnel, theme: &Theme) {
    let bars: Vec<Bar> = (funnel.stages.iter())
        .map(|stage| {
            Bar::with_label(stage.stage.short_label(), stage.entered)
                .text_value(stage.entered.to_string())
        })
        .collect();
    let chart = BarChart::horizontal(bars)
        .bar_width(1)
        .bar_gap(0)
        .bar_style(theme.title())
        .value_style(theme.base());
    frame.render_widget(chart, area);
}

/// Three sparklines side by side: submittals, client interviews and
/// placements per week, each under a line with the latest week's count
/// and the period's total.
pub fn trends(frame: &mut Frame, area: Rect, trends: &Trends, theme: &Theme) {
    let series = [
        ("Submittals", trends.submittals()),
        ("Interviews", trends.interviews()),
        ("Placements", trends.placements()),
    ];
    let columns = Layout::horizontal([Constraint::Ratio(1, 3); 3]).split(area);
    for ((name, weekly), column) in series.iter().zip(columns.iter()) {
        let [label, chart] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(*column);
        let room = usize::from(label.width.saturating_sub(1));
        let text = fit(&label_text(name, weekly, room), room).into_owned();
        frame.render_widget(Paragraph::new(Line::styled(text, theme.dim())), label);
        let inner = Rect {
            width: chart.width.saturating_sub(2),
            ..chart
        };
        let spark = Sparkline::default().data(weekly).style(theme.title());
        frame.render_widget(spark, inner);
    }
}

/// `Submittals/wk: 4 this week, 17 in 5 weeks`, or shorter where room is
/// short (`Submittals/wk 4 (17)`).
fn label_text(name: &str, weekly: &[u64], room: usize) -> String {
    let latest = weekly.last().copied().unwrap_or(0);
    let total: u64 = weekly.iter().sum();
    let long = format!(
        "{name}/wk: {latest} this week, {total} in {} weeks",
        weekly.len()
    );
    match long.chars().count() <= room {
        true => long,
        false => format!("{name}/wk {latest} ({total})"),
    }
}
