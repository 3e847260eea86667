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
            // Under the first line's text: the indent, the name, a space.
            let indent = " ".repeat(NAME_WIDTH + 3);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::candidate_with;
    use crate::domain::{CustomField, ExternalId};

    fn text(lines: &[Line]) -> Vec<String> {
        (lines.iter())
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn custom_fields_show_by_name_each_line_under_the_first_and_nothing_raw() {
        let mut c = candidate_with(&[]);
        assert!(lines(&c, &Theme::MONO).is_empty(), "nothing to show");
        c.external_ids = vec![ExternalId::new("greenhouse", "48213")];
        c.custom = vec![
            CustomField::new("Visa Status", "H1B"),
            CustomField::new("Notes", "Strong on Go\nand Postgres\u{1b}[2J"),
        ];
        let shown = text(&lines(&c, &Theme::MONO));
        assert_eq!(
            shown,
            [
                "",
                "From other systems",
                "  Ids                greenhouse:48213",
                "  Visa Status        H1B",
                "  Notes              Strong on Go",
                "                     and Postgres[2J",
            ]
        );
    }
}
