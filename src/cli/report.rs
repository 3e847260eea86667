//! `hireterm report NAME`: one of the reports of `metrics` (the funnel,
//! ratios, sources, margin, recruiters, trends) for a period and a scope,
//! as an aligned table, one JSON document or CSV; `--list` names them.
//! The records are read as the app reads them (`Data::report_records`),
//! and the table is the one the Reports pane draws: the same numbers.

use super::context::{self, Ctx};
use super::output::{line, warn};
use super::report_args::{Asked, Form, ReportArgs, ScopeAsked, asked};
use crate::app::records::data::Data;
use crate::domain::text::clean_line;
use crate::domain::{ClientId, EngagementId};
use crate::metrics::{self, Cell, Records, ReportName, Scope, Table, same_person};
use crate::store::Store;
use color_eyre::eyre::{Result, eyre};
use std::path::Path;
use std::process::ExitCode;
use unicode_width::UnicodeWidthStr;

/// At most this many names are listed when a client, engagement or
/// recruiter is not found.
const LISTED: usize = 20;

/// Reads the arguments, then reports from the database at `path`. Exit 2
/// for arguments that do not read.
pub fn run(path: &Path, args: &ReportArgs, ctx: &Ctx) -> Result<ExitCode> {
    if args.list {
        list();
        return Ok(ExitCode::SUCCESS);
    }
    match asked(args, ctx.today()) {
        Ok(asked) => super::with_existing_store(path, |store| report(store, &asked, ctx)),
        Err(refusal) => {
            warn(refusal);
            Ok(ExitCode::from(2))
        }
    }
}

/// Every report's name and what it shows, aligned.
fn list() {
    let width = ReportName::ALL
        .iter()
        .map(|n| n.key().len())
        .max()
        .unwrap_or(0);
    for name in ReportName::ALL {
        line(format!("{:<width$}  {}", name.key(), name.description()));
    }
}

fn report(store: &Store, asked: &Asked, ctx: &Ctx) -> Result<ExitCode> {
    let data = Data::load(store)?;
    let records = data.report_records();
    let scope = scope(store, &records, &asked.scope)?;
    let table = metrics::table(asked.name, &records, asked.period, &scope, &ctx.policy);
    let table = cleaned(table);
    match asked.form {
        Form::Text => print_text(&table),
        Form::Json => line(serde_json::to_string(&table.to_json())?),
        Form::Csv => {
            let csv = table.to_csv()?;
            // Whole, at the end: a closed pipe (`| head`) is no error.
            let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), csv.as_bytes());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The scope typed, looked up; what exists is named when it is not found.
fn scope(store: &Store, records: &Records, asked: &ScopeAsked) -> Result<Scope> {
    match asked {
        ScopeAsked::All => Ok(Scope::All),
        ScopeAsked::Client(given) => client(store, records, given).map(Scope::Client),
        ScopeAsked::Engagement(given) => engagement(records, given).map(Scope::Engagement),
        ScopeAsked::Recruiter(given) => recruiter(records, given).map(Scope::Recruiter),
    }
}

/// A client by name or id, as the other commands find one.
fn client(store: &Store, records: &Records, given: &str) -> Result<ClientId> {
    if let Ok(client) = context::client(store, given) {
        return Ok(client.id);
    }
    let known = records
        .clients
        .iter()
        .map(|c| format!("{} ({})", c.name, c.id));
    Err(eyre!(
        "no client is called or numbered `{}`; {}",
        clean_line(given),
        named("the clients are", known)
    ))
}

/// A recruiter who owns an engagement, whatever the case.
fn recruiter(records: &Records, given: &str) -> Result<String> {
    let owners = records.engagements.iter().map(|e| e.owner.as_str());
    if owners.clone().any(|owner| same_person(owner, given)) {
        return Ok(given.trim().to_string());
    }
    let mut known: Vec<String> = owners.map(|o| o.trim().to_string()).collect();
    known.sort_by_key(|o| o.to_lowercase());
    known.dedup_by(|a, b| same_person(a, b));
    Err(eyre!(
        "no engagement is owned by `{}`; {}",
        clean_line(given),
        named("the owners are", known.into_iter())
    ))
}

/// An engagement by id (`E3`, `3`) or by its title, whatever the case.
fn engagement(records: &Records, given: &str) -> Result<EngagementId> {
    let by_id = given.parse().ok().and_then(|id| records.engagement(id));
    if let Some(engagement) = by_id {
        return Ok(engagement.id);
    }
    let titled: Vec<_> = records
        .engagements
        .iter()
        .filter(|e| e.title.trim().to_lowercase() == given.trim().to_lowercase())
        .collect();
    match titled[..] {
        [one] => Ok(one.id),
        [] => {
            let known = records
                .engagements
                .iter()
                .map(|e| format!("{} {}", e.id, e.title));
            Err(eyre!(
                "no engagement is called or numbered `{}`; {}",
                clean_line(given),
                named("the engagements are", known)
            ))
        }
        ref several => {
            let ids: Vec<String> = several.iter().map(|e| e.id.to_string()).collect();
            Err(eyre!(
                "`{}` is the title of {}: give the id",
                clean_line(given),
                ids.join(", ")
            ))
        }
    }
}

/// `the clients are Acme (CL1), Globex (CL2)`, the first [`LISTED`] and a
/// count of the rest; `there are none` for none.
fn named(heading: &str, names: impl Iterator<Item = String>) -> String {
    let names: Vec<String> = names.map(|n| clean_line(&n)).collect();
    if names.is_empty() {
        return "there are none".into();
    }
    let shown = names[..names.len().min(LISTED)].join(", ");
    match names.len().saturating_sub(LISTED) {
        0 => format!("{heading} {shown}"),
        more => format!("{heading} {shown} and {more} more"),
    }
}

/// The table with no control character left in any text from the
/// records (names, titles), before widths are measured.
fn cleaned(mut table: Table) -> Table {
    table.scope = clean_line(&table.scope);
    for row in &mut table.rows {
        for cell in &mut row.cells {
            if let Cell::Text(text) = cell {
                *text = clean_line(text);
            }
        }
        row.filter = row.filter.as_deref().map(clean_line);
    }
    table
}

/// The title, period and scope; the table; its notes.
fn print_text(table: &Table) {
    line(format!(
        "{} · {} · {}",
        table.title, table.period, table.scope
    ));
    line("");
    for text in table_lines(table) {
        line(text);
    }
    if table.rows.is_empty() {
        line("(nothing for this period and scope)");
    }
    if !table.notes.is_empty() {
        line("");
    }
    for note in &table.notes {
        wrapped(note, NOTE_WIDTH).into_iter().for_each(line);
    }
}

/// The headings and the rows, aligned; a column of numbers to the right.
fn table_lines(table: &Table) -> Vec<String> {
    let headings = table.columns.iter().map(|c| c.heading.to_string());
    let cells = |r: &metrics::Row| r.cells.iter().map(Cell::text).collect();
    let mut lines: Vec<Vec<String>> = vec![headings.collect()];
    lines.extend(table.rows.iter().map(cells));
    let numeric = |i: usize| {
        let mut column = table.rows.iter().filter_map(|r| r.cells.get(i));
        column.any(Cell::is_numeric)
    };
    let numeric: Vec<bool> = (0..table.columns.len()).map(numeric).collect();
    aligned(&lines, &numeric)
}

/// Notes are wrapped to fit an 80-column terminal.
const NOTE_WIDTH: usize = 78;

/// `text` in lines of at most `width` columns, broken between words
/// (a longer word has a line of its own); later lines indented by two.
fn wrapped(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        if !current.trim().is_empty() && current.width() + 1 + word.width() > width {
            lines.push(std::mem::replace(&mut current, "  ".into()));
        } else if !current.trim().is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.trim().is_empty() {
        lines.push(current);
    }
    lines
}

/// Each column as wide as its widest cell (in terminal cells), numbers
/// to the right, two spaces between; no trailing spaces.
fn aligned(lines: &[Vec<String>], numeric: &[bool]) -> Vec<String> {
    let mut widths = vec![0; numeric.len()];
    for cells in lines {
        for (width, cell) in widths.iter_mut().zip(cells) {
            *width = (*width).max(cell.width());
        }
    }
    let line_of = |cells: &Vec<String>| {
        let mut out = String::new();
        for (n, cell) in cells.iter().enumerate() {
            let pad = " ".repeat(widths[n].saturating_sub(cell.width()));
            let right = numeric.get(n).copied().unwrap_or(false);
            match right {
                true => out.extend([pad.as_str(), cell]),
                false => out.extend([cell.as_str(), pad.as_str()]),
            }
            out.push_str("  ");
        }
        out.trim_end().to_string()
    };
    lines.iter().map(line_of).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_wrap_between_words_within_the_width() {
        let lines = wrapped("one two three four five six", 9);
        assert_eq!(lines, ["one two", "  three", "  four", "  five", "  six"]);
        assert_eq!(wrapped("short", 78), ["short"]);
        assert!(wrapped("", 78).is_empty());
    }

    #[test]
    fn numbers_align_right_and_lines_have_no_trailing_spaces() {
        let lines = vec![
            vec!["Stage".to_string(), "Entered".into(), "Pass".into()],
            vec!["Offer".to_string(), "7".into(), "–".into()],
        ];
        let shown = aligned(&lines, &[false, true, true]);
        assert_eq!(shown, ["Stage  Entered  Pass", "Offer        7     –"]);
    }
}
