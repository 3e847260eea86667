//! One candidate, whole: contact, roles, what other systems knew of them
//! (`detail_custom`), every skill by category with its level as a bar,
//! applications with their stage history and scorecards, tags and links.

use super::{Theme, pad, safe};
use crate::app::App;
use crate::app::candidates::Detail;
use crate::domain::{Application, Candidate, Category, Level};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

pub fn render(frame: &mut Frame, area: Rect, app: &App, detail: &Detail, theme: &Theme) {
    let Some(candidate) = app.data().candidate(detail.candidate) else {
        let gone = Paragraph::new("This candidate is no longer in the database. Esc goes back.");
        return frame.render_widget(gone.block(Block::bordered()), area);
    };
    let mut lines = contact(candidate, app, theme);
    lines.extend(super::detail_custom::lines(candidate, theme));
    lines.extend(skills(candidate, app, theme));
    lines.extend(applications(candidate, app, theme));
    lines.extend(notes(candidate, app, theme));
    lines.extend(activity(app, theme));
    let title = format!(" {} · {} ", safe(&candidate.name), candidate.id);
    let block = Block::bordered().title(Line::styled(title, theme.title()));
    // Never scroll the last screenful out of sight (rows counted after
    // wrapping, as the paragraph will wrap them).
    let width = usize::from(area.width.saturating_sub(2)).max(1);
    let rows: usize = lines.iter().map(|l| l.width().max(1).div_ceil(width)).sum();
    let visible = usize::from(area.height.saturating_sub(2));
    let last_top = rows.saturating_sub(visible).min(usize::from(u16::MAX)) as u16;
    app.screen_map().set_detail_last_top(last_top);
    let text = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false })
        .scroll((detail.scroll.min(last_top), 0));
    frame.render_widget(text, area);
}

fn field<'a>(label: &'a str, value: String, theme: &Theme) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{label:<12}"), theme.dim()),
        Span::raw(value),
    ])
}

fn contact<'a>(c: &'a Candidate, app: &App, theme: &Theme) -> Vec<Line<'a>> {
    let catalog = app.catalog();
    let roles: Vec<String> = c
        .roles
        .iter()
        .map(|r| safe(catalog.role_name(r)).into_owned())
        .collect();
    let phone = c
        .phone
        .as_deref()
        .map(|p| format!(" · {}", safe(p)))
        .unwrap_or_default();
    let list = |items: &[String]| {
        if items.is_empty() {
            "—".to_string()
        } else {
            items
                .iter()
                .map(|i| safe(i).into_owned())
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    // A role that may not see contacts has none in its records.
    let contact = match c.email.is_empty() {
        true => "—".to_string(),
        false => format!("{}{phone}", safe(&c.email)),
    };
    vec![
        field("Contact", contact, theme),
        field(
            "Location",
            format!(
                "{} ({})",
                safe(&c.location.to_string()),
                safe(&c.location.timezone)
            ),
            theme,
        ),
        field("Roles", roles.join(", "), theme),
        field(
            "Rate",
            c.rate
                .as_ref()
                .map_or("—".into(), |r| safe(&r.to_string()).into_owned()),
            theme,
        ),
        field(
            "Available",
            c.available_from.map_or("—".into(), |d| d.to_string()),
            theme,
        ),
        field("Source", c.source.label().to_string(), theme),
        consent_field(c, app, theme),
        field("Tags", list(&c.tags), theme),
        field("Links", list(&c.links), theme),
    ]
}

/// "given 2026-03-01 (sign-up form), holds until 2028-03-01"; marked
/// ("ends 2026-06-13  ✉ in 12 days") when it ends within the days
/// Attention warns of.
fn consent_field<'a>(c: &Candidate, app: &App, theme: &Theme) -> Line<'a> {
    let today = app.clock().now().date_naive();
    let warning = app.policy().retention.consent_warning_days;
    let ending = (c.consent.as_ref()).filter(|k| warning > 0 && k.ends_within(today, warning));
    let Some(k) = ending else {
        let words = super::consent::words(c.consent.as_ref(), today);
        return field("Consent", words, theme);
    };
    let (words, mark) = super::consent::ending(k, today);
    let mut line = field("Consent", words, theme);
    line.push_span(Span::styled(format!("  {mark}"), theme.warn()));
    line
}

/// `█████` for 5, `███░░` for 3: readable without colour.
fn bar(level: Level) -> String {
    let filled = usize::from(level.get());
    format!(
        "{}{}",
        "█".repeat(filled),
        "░".repeat(usize::from(Level::MAX) - filled)
    )
}

fn skills<'a>(c: &Candidate, app: &App, theme: &Theme) -> Vec<Line<'a>> {
    let catalog = app.catalog();
    let mut lines = vec![Line::raw(""), Line::styled("Skills", theme.title())];
    for category in Category::ALL {
        let mut held: Vec<_> = c
            .skills
            .iter()
            .filter(|s| {
                catalog
                    .skill(&s.skill)
                    .map_or(category == Category::Languages, |k| k.category == category)
            })
            .collect();
        if held.is_empty() {
            continue;
        }
        held.sort_by_key(|s| std::cmp::Reverse(s.level));
        lines.push(Line::styled(
            format!("  {}", category.label()),
            theme.dim().add_modifier(Modifier::ITALIC),
        ));
        for s in held {
            let name = safe(catalog.skill_name(&s.skill)).into_owned();
            lines.push(Line::from(vec![
                Span::raw(format!("    {}", pad(&name, 24))),
                Span::styled(bar(s.level), theme.level(s.level.get())),
                Span::raw(format!(" {}", s.level)),
            ]));
        }
    }
    lines
}

fn applications<'a>(c: &Candidate, app: &App, theme: &Theme) -> Vec<Line<'a>> {
    let mut lines = vec![Line::raw(""), Line::styled("Applications", theme.title())];
    let apps = app.data().applications_of(c.id);
    if apps.is_empty() {
        lines.push(Line::styled("  none yet", theme.dim()));
    }
    for application in apps {
        lines.extend(application_lines(application, app, theme));
    }
    lines
}

fn application_lines<'a>(application: &Application, app: &App, theme: &Theme) -> Vec<Line<'a>> {
    let title = app.data().engagement(application.engagement).map_or(
        application.engagement.to_string(),
        |e| {
            let client = app.data().agency().client_name(e.client);
            format!("{} {} · {}", e.id, safe(&e.title), safe(&client))
        },
    );
    let mut lines = vec![Line::from(vec![
        Span::raw(format!("  {title}  ")),
        Span::styled(application.stage.label(), theme.title()),
        time_in_stage(application, app, theme),
    ])];
    for change in &application.history {
        let from = change
            .from
            .map_or("entered".to_string(), |s| format!("{s} →"));
        let reason = change
            .reason
            .as_deref()
            .map(|r| format!(" ({})", safe(r)))
            .unwrap_or_default();
        lines.push(Line::styled(
            format!(
                "    {}  {from} {}  by {}{reason}",
                change.at.format("%Y-%m-%d %H:%M"),
                change.to,
                safe(&change.actor)
            ),
            theme.dim(),
        ));
    }
    lines.extend(super::detail_scorecards::lines(application, app, theme));
    lines.extend(super::detail_agency::lines(application, app, theme));
    lines
}

/// ` · 8d in stage`, coloured as on the board (nothing once it left it).
fn time_in_stage<'a>(application: &Application, app: &App, theme: &Theme) -> Span<'a> {
    let now = app.clock().now();
    let Some(entered) = application.entered_stage_at() else {
        return Span::raw("");
    };
    if application.stage.is_exit() {
        return Span::raw("");
    }
    let days = crate::domain::time::days_between(entered, now);
    let aging = app.aging().aging(application.stage, days);
    Span::styled(format!(" · {days}d in stage"), theme.age(aging))
}

fn notes<'a>(c: &Candidate, app: &App, theme: &Theme) -> Vec<Line<'a>> {
    let notes = app.data().notes_of(c.id);
    if notes.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![Line::raw(""), Line::styled("Notes", theme.title())];
    for note in notes {
        let on = note
            .engagement
            .map_or(String::new(), |e| format!(" on {e}"));
        let heading = format!(
            "  {} {}{on}",
            note.at.format("%Y-%m-%d %H:%M"),
            safe(&note.author)
        );
        lines.push(Line::styled(heading, theme.dim()));
        for text in note.text.lines() {
            lines.push(Line::raw(format!("    {}", safe(text))));
        }
    }
    lines
}

fn activity<'a>(app: &App, theme: &Theme) -> Vec<Line<'a>> {
    let mut lines = vec![Line::raw(""), Line::styled("Activity", theme.title())];
    for event in app.detail_feed() {
        lines.push(Line::styled(
            format!("  {}", super::activity::describe(app, event)),
            theme.dim(),
        ));
    }
    lines
}
