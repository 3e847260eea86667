//! Consent on screen: the words the detail and the prompt say it in
//! ("given 2026-03-01 (sign-up form), holds until 2028-03-01"), and the
//! prompt that records or withdraws it.

use super::{Theme, centered, safe, with_cursor};
use crate::app::prompt::consent::{ConsentPrompt, GIVEN_ROW, SOURCE_ROW, UNTIL_ROW, WITHDRAW_ROW};
use crate::app::text::TextInput;
use crate::domain::Consent;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

/// A consent as of `today`: when and how it was given, and until when it
/// holds (or that it ended).
pub(super) fn words(consent: Option<&Consent>, today: NaiveDate) -> String {
    let Some(c) = consent else {
        return "no consent on record".into();
    };
    let given = format!("given {} ({})", c.given_on, safe(&c.source));
    match c.holds_on(today) {
        true => format!("{given}, holds until {}", c.until),
        false => format!("{given}, ended {}", c.until),
    }
}

/// "ends today", "ends in 1 day", "ends in 12 days".
pub(super) fn ends_in(days: i64) -> String {
    match days {
        ..=0 => "ends today".into(),
        1 => "ends in 1 day".into(),
        _ => format!("ends in {days} days"),
    }
}

pub fn render(
    frame: &mut Frame,
    area: Rect,
    prompt: &ConsentPrompt,
    today: NaiveDate,
    theme: &Theme,
) {
    let row = |index: usize, text: String| match index == prompt.row {
        true => Line::styled(format!("▶ {text}"), theme.selected()),
        false => Line::raw(format!("  {text}")),
    };
    let mut lines = vec![
        Line::styled(
            format!("on record: {}", words(prompt.current.as_ref(), today)),
            theme.dim(),
        ),
        Line::raw(""),
        row(
            GIVEN_ROW,
            format!("Given on  {}", shown(prompt, GIVEN_ROW, &prompt.given)),
        ),
        row(UNTIL_ROW, format!("Until     {}", until(prompt))),
        row(
            SOURCE_ROW,
            format!("How       {}", shown(prompt, SOURCE_ROW, &prompt.source)),
        ),
    ];
    if prompt.current.is_some() {
        lines.push(row(WITHDRAW_ROW, "Withdraw the consent on record".into()));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "↑↓ row · type · enter records (on Withdraw: withdraws) · esc cancels",
        theme.dim(),
    ));
    let title = format!(" Consent · {} · {} ", safe(&prompt.name), prompt.candidate);
    let box_area = centered(area, 76, lines.len() as u16 + 2);
    super::open_box(frame, box_area);
    let block = Block::bordered().title(Line::styled(title, theme.title()));
    frame.render_widget(Paragraph::new(lines).block(block), box_area);
}

/// The until field, or what an empty one means.
fn until(prompt: &ConsentPrompt) -> String {
    match prompt.until.is_empty() && prompt.row != UNTIL_ROW {
        true => "(two years)".into(),
        false => shown(prompt, UNTIL_ROW, &prompt.until),
    }
}

/// A field as typed, with the cursor only on the row being typed in.
fn shown(prompt: &ConsentPrompt, row: usize, input: &TextInput) -> String {
    match prompt.row == row {
        true => with_cursor(input),
        false => safe(input.text()).into_owned(),
    }
}

/// The detail's words for a consent ending soon: "given 2024-06-13
/// (phone call), ends 2026-06-13" and, marked, "✉ in 12 days".
pub(super) fn ending(c: &Consent, today: NaiveDate) -> (String, String) {
    let words = format!(
        "given {} ({}), ends {}",
        c.given_on,
        safe(&c.source),
        c.until
    );
    let when = match c.days_left(today) {
        ..=0 => "today".to_string(),
        1 => "tomorrow".to_string(),
        days => format!("in {days} days"),
    };
    (words, format!("✉ {when}"))
}
