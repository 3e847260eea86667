//! `hireterm list`: candidates as the app's table lists them, through the
//! filter language (`--where`) or a saved view (`--view`), sorted as the
//! app sorts (`app::candidates::sort_rows`), as aligned text, JSON or CSV.
//! The arguments are checked before the database is opened: a filter that
//! does not parse is shown with a caret under the part at fault (exit 2).

use super::context::Ctx;
use super::list_rows::{Sheet, first_free_days, named_skills};
use super::output::line;
use crate::app::candidates::sort_rows;
use crate::app::filtering::{Finder, Words};
use crate::app::records::data::Data;
use crate::catalog::Catalog;
use crate::domain::text::clean;
use crate::filter::{ColumnKey, Filter, ParseError, Test, find_view, parse};
use crate::search::SearchIndex;
use crate::store::Store;
use clap::Args;
use color_eyre::eyre::Result;
use std::path::Path;
use std::process::ExitCode;
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, Args)]
pub struct ListArgs {
    /// A filter, as in the app's filter line:
    /// "role:devops skill:k8s>=4 rate<=80 avail<=14d tz:Europe/*".
    #[arg(long = "where", value_name = "FILTER", conflicts_with = "view")]
    pub filter: Option<String>,
    /// A saved view by name: a `[[views]]` entry of config.toml, or a
    /// default ("available this week", "devops bench", "submitted and waiting").
    #[arg(long, value_name = "NAME")]
    pub view: Option<String>,
    /// The column to sort by: name, role, skills, location, rate,
    /// available, stage [default: the view's, else name].
    #[arg(long, value_name = "COLUMN")]
    pub sort: Option<String>,
    /// Sort the other way round.
    #[arg(long)]
    pub desc: bool,
    /// Columns to print, comma-separated [default: the view's, else all].
    #[arg(long, value_name = "COLUMNS", value_delimiter = ',')]
    pub columns: Option<Vec<String>>,
    /// One JSON array of candidates, every field (--columns does not apply).
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// CSV with a header row: the id, then the columns.
    #[arg(long)]
    pub csv: bool,
    /// Print at most this many.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: Option<u32>,
}

/// What to list, once the arguments are read.
struct Asked {
    filter: Filter,
    sort: ColumnKey,
    descending: bool,
    columns: Vec<ColumnKey>,
}

/// Reads the arguments, then lists from the database at `path`. Exit 2
/// for arguments that do not read, 1 when no one matches.
pub fn run(path: &Path, args: &ListArgs, ctx: &Ctx) -> Result<ExitCode> {
    match asked(args) {
        Ok(asked) => super::with_existing_store(path, |store| list(store, args, &asked, ctx)),
        Err(refusal) => {
            eprintln!("hireterm: {}", clean(&refusal, true));
            Ok(ExitCode::from(2))
        }
    }
}

fn asked(args: &ListArgs) -> Result<Asked, String> {
    let view = match &args.view {
        Some(name) => Some(saved_view(name)?),
        None => None,
    };
    let (text, source) = match (&view, &args.filter) {
        (Some(view), _) => (view.filter.clone(), format!("view \"{}\"", view.name)),
        (None, Some(text)) => (text.clone(), "--where".to_string()),
        (None, None) => (String::new(), String::new()),
    };
    let filter = parse(&text, Catalog::builtin()).map_err(|e| filter_error(&source, &text, &e))?;
    let sort = match &args.sort {
        Some(name) => ColumnKey::named(name).map_err(|e| format!("--sort: {e}"))?,
        None => view.as_ref().map_or(ColumnKey::Name, |v| v.sort),
    };
    let columns = match &args.columns {
        Some(names) => columns_named(names)?,
        None => view.as_ref().map(|v| v.columns.clone()).unwrap_or_default(),
    };
    Ok(Asked {
        filter,
        sort,
        descending: args.desc || view.is_some_and(|v| v.descending),
        columns: if columns.is_empty() {
            ColumnKey::ALL.to_vec()
        } else {
            columns
        },
    })
}

fn columns_named(names: &[String]) -> Result<Vec<ColumnKey>, String> {
    let named = names.iter().map(|name| ColumnKey::named(name));
    named
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("--columns: {e}"))
}

/// The view called `name`, or the names there are.
fn saved_view(name: &str) -> Result<crate::filter::View, String> {
    let (views, notice) = super::views::load_views();
    if let Some(notice) = notice {
        eprintln!("hireterm: {}", clean(&notice, false));
    }
    find_view(&views, name).cloned().ok_or_else(|| {
        let names: Vec<String> = views.iter().map(|v| format!("\"{}\"", v.name)).collect();
        format!(
            "no view is called \"{name}\"; the views are {}",
            names.join(", ")
        )
    })
}

/// The error, the filter, and a caret line under the part at fault with
/// the suggestion after it. Control characters are left out of what is
/// shown, and the carets moved to match.
fn filter_error(source: &str, text: &str, error: &ParseError) -> String {
    let shown = |range: std::ops::Range<usize>| text.get(range).map(|t| clean(t, false));
    let before = shown(0..error.span.start).unwrap_or_default();
    let at = shown(error.span.clone()).unwrap_or_default();
    let moved = ParseError {
        span: before.len()..before.len() + at.len(),
        ..error.clone()
    };
    let whole = clean(text, false);
    let hint = match &error.suggestion {
        Some(suggestion) => format!(" did you mean `{suggestion}`?"),
        None => String::new(),
    };
    let carets = moved.underline(&whole);
    format!("{source}: {}\n  {whole}\n  {carets}{hint}", error.message)
}

fn list(store: &Store, args: &ListArgs, asked: &Asked, ctx: &Ctx) -> Result<ExitCode> {
    let data = Data::load(store)?;
    let mut rows = select(store, &data, asked, ctx)?;
    let found = rows.len();
    rows.truncate(args.limit.map_or(usize::MAX, |n| n as usize));
    let sheet = Sheet {
        free: first_free_days(data.candidates(), data.agency().placements(), ctx.today()),
        data: &data,
        catalog: Catalog::builtin(),
        today: ctx.today(),
        named: named_skills(&asked.filter),
    };
    if args.json {
        let listed: Vec<_> = rows.iter().map(|&i| sheet.listed(i)).collect();
        line(serde_json::to_string(&listed)?);
    } else if args.csv {
        print_csv(&sheet, &rows, &asked.columns)?;
    } else if found == 0 {
        eprintln!("hireterm: no candidate matches");
    } else {
        print_text(&sheet, &rows, &asked.columns);
    }
    Ok(if found == 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The candidates the filter lets through (indices into
/// `data.candidates()`), in the order the app's table sorts them.
fn select(store: &Store, data: &Data, asked: &Asked, ctx: &Ctx) -> Result<Vec<u32>> {
    let mut finder = Finder::build(data, &ctx.policy, ctx.today());
    let words = words_for(&asked.filter, store, data)?;
    let found = finder.select(&asked.filter, data, &ctx.policy, words.as_ref());
    let mut rows: Vec<u32> = found.ones().map(|i| i as u32).collect();
    let column = asked.sort.into();
    sort_rows(
        &mut rows,
        column,
        asked.descending,
        data,
        Catalog::builtin(),
        ctx.today(),
    );
    Ok(rows)
}

/// The palette's search when the filter has plain words (building it
/// costs a moment on a large database), else nothing.
fn words_for(filter: &Filter, store: &Store, data: &Data) -> Result<Box<dyn Words>> {
    let terms = filter.groups.iter().flat_map(|g| &g.any_of);
    if !terms.into_iter().any(|t| matches!(t.test, Test::Word(_))) {
        return Ok(Box::new(NoWords));
    }
    let index = SearchIndex::build(
        data.candidates(),
        data.engagements(),
        &store.clients()?,
        Catalog::builtin(),
    );
    Ok(Box::new(index))
}

struct NoWords;

impl Words for NoWords {
    fn mark_matching(&self, _: &str, _: &mut fixedbitset::FixedBitSet) {}
}

/// A header of the column keys, then a line per candidate.
fn print_text(sheet: &Sheet, rows: &[u32], columns: &[ColumnKey]) {
    let mut lines: Vec<Vec<String>> = Vec::with_capacity(rows.len() + 1);
    let header = std::iter::once("id").chain(columns.iter().map(|c| c.key()));
    lines.push(header.map(str::to_uppercase).collect());
    for &i in rows {
        let id = sheet.data.candidates()[i as usize].id.to_string();
        let cells = columns.iter().map(|&c| sheet.cell(c, i, false));
        lines.push(std::iter::once(id).chain(cells).collect());
    }
    for text in aligned(&lines) {
        line(text);
    }
}

/// Each column as wide as its widest cell (terminal cells, not bytes),
/// two spaces between; the last column is not padded.
fn aligned(lines: &[Vec<String>]) -> Vec<String> {
    let mut widths: Vec<usize> = Vec::new();
    for cells in lines {
        widths.resize(widths.len().max(cells.len()), 0);
        for (width, cell) in widths.iter_mut().zip(cells) {
            *width = (*width).max(cell.width());
        }
    }
    let line_of = |cells: &Vec<String>| {
        let mut out = String::new();
        for (n, (cell, width)) in cells.iter().zip(&widths).enumerate() {
            out.push_str(cell);
            if n + 1 < cells.len() {
                out.push_str(&" ".repeat(width - cell.width() + 2));
            }
        }
        out
    };
    lines.iter().map(line_of).collect()
}

/// The id, then the columns; written whole at the end, so that a closed
/// pipe (`| head`) is not an error, as with the other commands.
fn print_csv(sheet: &Sheet, rows: &[u32], columns: &[ColumnKey]) -> Result<()> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = std::iter::once("id").chain(columns.iter().map(|c| c.key()));
    writer.write_record(header)?;
    for &i in rows {
        let id = sheet.data.candidates()[i as usize].id.to_string();
        let cells = columns.iter().map(|&c| sheet.cell(c, i, true));
        writer.write_record(std::iter::once(id).chain(cells))?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), &bytes);
    Ok(())
}
