//! A report's table on screen: a column per figure, each as wide as its
//! widest value, numbers to the right; the first (a name) gives up room
//! when the pane is narrow. Recruiters' paces are coloured, and keep
//! their glyphs (`‼ ! ✓`) under `NO_COLOR`.

use super::{Theme, fit, pad, safe};
use crate::app::list::ListCursor;
use crate::app::list::visible_offset;
use crate::domain::Pace;
use crate::metrics::{Cell, Table};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// The gap between two columns.
const GAP: usize = 2;

pub fn render(frame: &mut Frame, area: Rect, table: &Table, cursor: &ListCursor, theme: &Theme) {
    let texts: Vec<Vec<String>> = (table.rows.iter())
        .map(|row| {
            row.cells
                .iter()
                .map(|c| safe(&c.text()).into_owned())
                .collect()
        })
        .collect();
    // A column for the row marker.
    let widths = widths(table, &texts, usize::from(area.width).saturating_sub(1));
    let header = format!(" {}", header(table, &widths));
    let mut lines = vec![Line::styled(header, theme.dim())];
    if table.rows.is_empty() {
        lines.push(Line::styled("nothing happened in this period", theme.dim()));
    }
    let page = usize::from(area.height.saturating_sub(1)).max(1);
    let offset = visible_offset(cursor.offset, cursor.selected, page);
    for (index, row) in table.rows.iter().enumerate().skip(offset).take(page) {
        let selected = index == cursor.selected;
        lines.push(row_line(
            &row.cells,
            &texts[index],
            &widths,
            selected,
            theme,
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// Each column's width: its widest text, the first column shrunk (to 8
/// at least) when the row is wider than `room`.
fn widths(table: &Table, texts: &[Vec<String>], room: usize) -> Vec<usize> {
    let mut widths: Vec<usize> = (table.columns.iter())
        .map(|column| column.heading.width())
        .collect();
    for row in texts {
        for (width, text) in widths.iter_mut().zip(row) {
            *width = (*width).max(text.width());
        }
    }
    let total: usize = widths.iter().sum::<usize>() + GAP * widths.len().saturating_sub(1);
    if let Some(first) = widths.first_mut()
        && total > room
    {
        *first = first.saturating_sub(total - room).max(8);
    }
    widths
}

fn header(table: &Table, widths: &[usize]) -> String {
    let cells = table.columns.iter().zip(widths).enumerate();
    let parts: Vec<String> = cells
        .map(|(at, (column, width))| align(column.heading, *width, at > 0))
        .collect();
    parts.join(&" ".repeat(GAP))
}

fn row_line<'a>(
    cells: &[Cell],
    texts: &'a [String],
    widths: &[usize],
    selected: bool,
    theme: &Theme,
) -> Line<'a> {
    let base = if selected {
        theme.selected()
    } else {
        Style::new()
    };
    let marker = if selected { "›" } else { " " };
    let mut spans = vec![Span::styled(marker, base)];
    for (at, ((cell, text), width)) in cells.iter().zip(texts).zip(widths).enumerate() {
        if at > 0 {
            spans.push(Span::styled(" ".repeat(GAP), base));
        }
        let shown = align(text, *width, cell.is_numeric() || at > 0);
        spans.push(Span::styled(shown, base.patch(cell_style(cell, theme))));
    }
    Line::from(spans)
}

/// A pace's colour (its glyph says the same without colour).
fn cell_style(cell: &Cell, theme: &Theme) -> Style {
    match cell {
        Cell::Pace(Pace::Behind) => theme.bad(),
        Cell::Pace(Pace::Near) => theme.warn(),
        Cell::Pace(Pace::Met) => theme.good(),
        _ => Style::new(),
    }
}

/// `text` in `width` columns, to the right or the left.
fn align(text: &str, width: usize, right: bool) -> String {
    let fitted = fit(text, width);
    match right {
        true => format!(
            "{}{fitted}",
            " ".repeat(width.saturating_sub(fitted.width()))
        ),
        false => pad(&fitted, width),
    }
}
