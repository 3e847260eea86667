//! A card's submittals and placement, as the candidate's detail shows
//! them under each application: who it went to, at what rate, what the
//! client said; the placement's terms, margin and changes.

use super::{Theme, safe};
use crate::app::App;
use crate::domain::{Application, Margin, Placement, Submittal};
use ratatui::text::Line;

/// The submittals of `application`'s card, then its placement.
pub fn lines<'a>(application: &Application, app: &App, theme: &Theme) -> Vec<Line<'a>> {
    let agency = app.data().agency();
    let mut lines = Vec::new();
    let guest = matches!(app.role(), crate::domain::access::Role::Client(_));
    for s in agency.submittals_of(application.engagement, application.candidate) {
        lines.push(Line::raw(submittal_line(s)));
        if guest {
            // A client's guest reads the profile as it was sent to them.
            let profile = s.profile.lines().map(|l| format!("      │ {}", safe(l)));
            lines.extend(profile.map(|l| Line::styled(l, theme.dim())));
        }
        for answer in &s.answers {
            let why = answer
                .reason
                .as_deref()
                .map_or(String::new(), |r| format!(": {}", safe(r)));
            let text = format!(
                "      {}  {}{why}  ({})",
                answer.at.format("%Y-%m-%d"),
                answer.kind.label(),
                safe(&answer.by)
            );
            lines.push(Line::styled(text, theme.dim()));
        }
    }
    if let Some(p) = agency.placement_of(application.engagement, application.candidate) {
        lines.extend(placement_lines(p, app, theme));
    }
    lines
}

/// `    ◆ S4 2026-05-01 to jane@acme.com at $95/h by ana: none yet`
fn submittal_line(s: &Submittal) -> String {
    let to = match s.to.as_slice() {
        [] => "the client".to_string(),
        to => to
            .iter()
            .map(|t| safe(t).into_owned())
            .collect::<Vec<_>>()
            .join(", "),
    };
    let rate = s
        .bill_rate
        .as_ref()
        .map_or(String::new(), |r| format!(" at {r}"));
    format!(
        "    ◆ {} {} to {to}{rate} by {}: {}",
        s.id,
        s.at.format("%Y-%m-%d"),
        safe(&s.by),
        s.status()
    )
}

fn placement_lines<'a>(p: &Placement, app: &App, theme: &Theme) -> Vec<Line<'a>> {
    let terms = p.terms();
    let end = terms
        .end
        .map_or("open-ended".to_string(), |d| format!("until {d}"));
    let money = &app.policy().money;
    let margin = match money.margin(&terms.bill, &terms.pay) {
        Ok(m) => margin_text(&m, money.floor_percent),
        Err(missing) => missing.to_string(),
    };
    // A role without pay has the placement's dates, not its rates.
    let rates = match app.may(crate::domain::access::Act::ReadPay) {
        true => format!(" · bill {} · pay {} · {margin}", terms.bill, terms.pay),
        false => String::new(),
    };
    let mut lines = vec![Line::raw(format!(
        "    ★ {} from {} {end}{rates}",
        p.id, terms.start
    ))];
    for change in p.history() {
        let why = change
            .reason
            .as_deref()
            .map_or(String::new(), |r| format!(": {}", safe(r)));
        let text = format!(
            "      {}  {}{why}  ({})",
            change.at.format("%Y-%m-%d"),
            change.kind.label(),
            safe(&change.by)
        );
        lines.push(Line::styled(text, theme.dim()));
    }
    lines
}

/// `spread $25/h · markup 36 % · margin 26 %`, `!` below the floor.
pub fn margin_text(m: &Margin, floor_percent: f64) -> String {
    let markup = m
        .markup
        .map_or("–".into(), |x| format!("{:.0} %", x * 100.0));
    let low = if m.is_below(floor_percent) { " !" } else { "" };
    format!(
        "spread {:.0}/h · markup {markup} · margin {}{low}",
        m.spread,
        m.percent()
    )
}
