//! What a candidate brought from another system, as their detail shows
//! it: the custom fields an import kept (each name with its text, a
//! value of several lines indented under it) and the ids other systems
//! know them by. Nothing when there are none.

use super::{Theme, safe};
use crate::domain::Candidate;
use ratatui::text::{Line, Span};

/// Width of the name column: longer names push their value along.
const NAME_WIDTH: usize = 18;

pub fn lines<'a>(c: &Candidate, theme: &Theme) -> Vec<Line<'a>> {
    if c.custom.is_empty() && c.external_ids.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![
        Line::raw(""),
        Line::styled("From other systems", theme.title()),
    ];
    if !c.external_ids.is_empty() {
        let ids: Vec<String> = (c.external_ids.iter())
            .map(|e| format!("{}:{}", safe(&e.system), safe(&e.id)))
            .collect();
        lines.push(field("Ids", ids.join(", "), theme));
    }
    for custom in &c.custom {
        let mut values = custom.value.lines().filter(|l| !l.trim().is_empty());
        let first = values
            .next()
            .map(|v| safe(v).into_owned())
            .unwrap_or_default();
        lines.push(field(&safe(&custom.name), first, theme));
        for more in values {
            let indent = " ".repeat(NAME_WIDTH + 2);
            lines.push(Line::raw(format!("{indent}{}", safe(more))));
        }
    }
    lines
}

fn field<'a>(name: &str, value: String, theme: &Theme) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("  {name:<NAME_WIDTH$}"), theme.dim()),
        Span::raw(format!(" {value}")),
    ])
}
