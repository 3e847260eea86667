//! `import --dry-run --explain`: the mapping an import would use, as a
//! `--map` file to edit and feed back: the layout, then every column (or
//! JSON path) with what it becomes, a sample value beside it, and empty
//! value maps for sources and stages to fill in.

use super::columns::fold_header;
use super::csv_in::{CsvRecords, header_names};
use super::fields::{Problem, Row};
use super::json_in;
use super::location::{Split, split};
use super::mapping::Mapping;
use super::report::ColumnOptions;
use super::summary::{ColumnUse, Mapped};
use super::target::TARGET_HELP;
use super::{ImportSource, Sink, agency, records};
use crate::domain::text::clean_line;
use std::fs::File;
use std::path::Path;

/// Rows read for samples at most: enough for a column filled rarely.
const SAMPLE_ROWS: usize = 10_000;

/// Characters of a sample shown.
const SAMPLE_CHARS: usize = 40;

/// The mapping for `source`, as TOML; `Err` when its header (or first
/// record) cannot be read.
pub fn explain(source: &ImportSource, options: &ColumnOptions) -> Result<String, String> {
    let (path, json) = match source {
        ImportSource::Csv(path) => (path, false),
        ImportSource::Json(path) => (path, true),
        _ => return Err("--explain reads one CSV or JSON file of candidates".into()),
    };
    let open = || File::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()));
    let (mapped, sources) = if json {
        (json_mapping(open()?, options)?, Vec::new())
    } else {
        csv_mapping(open()?, options)?
    };
    Ok(render(&mapped, &sources, path, json))
}

/// Sources of the file no layout names, listed at most.
const SOURCES_LISTED: usize = 20;

/// The mapping of a CSV file with a sample per column, and the values of
/// its source columns that are not sources of ours.
fn csv_mapping(file: File, options: &ColumnOptions) -> Result<(Mapped, Vec<String>), String> {
    let mut records = CsvRecords::new(file);
    let head = records
        .next_record()
        .map_err(|p| p.to_string())?
        .ok_or("the file is empty; it needs a header row naming its columns")?;
    let names = header_names(&head).map_err(|p| p.to_string())?;
    let mapping = Mapping::for_header(&names, options).map_err(|e| e.0.join("; "))?;
    let mut sources = Vec::new();
    let mut mapped = mapping.summary.clone();
    for _ in 0..SAMPLE_ROWS {
        let Ok(Some(record)) = records.next_record() else {
            break;
        };
        for (column, (_, text)) in mapped.columns.iter_mut().zip(record.fields) {
            let text = text.map(|t| clean_line(&t)).unwrap_or_default();
            if column.target == "source" && unknown_source(&mapping, &text, &sources) {
                sources.push(text.clone());
            }
            if column.sample.is_none() && !text.is_empty() {
                column.sample = Some(text);
            }
        }
    }
    Ok((mapped, sources))
}

/// A source value to list: not one any layout reads, not listed yet.
fn unknown_source(mapping: &Mapping, text: &str, listed: &[String]) -> bool {
    let known = (mapping.layout().and_then(|l| l.source(text)))
        .or_else(|| super::layouts::spreadsheet(super::layout::FileKind::Csv).source(text))
        .or_else(|| super::row::source(text).ok());
    !text.is_empty()
        && known.is_none()
        && listed.len() < SOURCES_LISTED
        && !listed.iter().any(|l| l == text)
}

/// Reads the whole file, keeping only the mapping it was read with.
fn json_mapping(file: File, options: &ColumnOptions) -> Result<Mapped, String> {
    let mut keep = Keep(None);
    json_in::read(file, &mut keep, options).map_err(|p| p.to_string())?;
    keep.0.ok_or_else(|| {
        "the file holds hireterm's own records (or none): there is nothing to map".into()
    })
}

/// A sink that keeps the mapping and nothing else.
struct Keep(Option<Mapped>);

impl Sink for Keep {
    fn mapped(&mut self, mapping: &Mapped) {
        self.0 = Some(mapping.clone());
    }
    fn candidate(&mut self, _: Row) {}
    fn client(&mut self, _: u64, _: agency::ClientRecord) {}
    fn engagement(&mut self, _: u64, _: records::EngagementRecord) {}
    fn application(&mut self, _: u64, _: records::ApplicationRecord) {}
    fn submittal(&mut self, _: u64, _: agency::SubmittalRecord) {}
    fn placement(&mut self, _: u64, _: agency::PlacementRecord) {}
    fn note(&mut self, _: u64, _: records::NoteRecord) {}
    fn problem(&mut self, _: Problem) {}
    fn stop(&mut self, _: Problem) {}
}

/// The TOML text.
fn render(mapped: &Mapped, sources: &[String], path: &Path, json: bool) -> String {
    let file = path
        .file_name()
        .map_or_else(String::new, |f| f.to_string_lossy().into_owned());
    let system = system_for(mapped, path);
    let mut out = vec![
        format!(
            "# How `hireterm import` reads {}: {}, {}.",
            clean_line(&file),
            mapped.layout,
            mapped.chosen
        ),
        "# Each column with what it becomes and a value from the file. Edit it, then".into(),
        format!("#   hireterm import {} --map THIS-FILE", clean_line(&file)),
        format!("# A column can become {TARGET_HELP}."),
        format!("system = {}", quoted(&system)),
        format!("label = {}", quoted(&system)),
        format!("format = \"{}\"", if json { "json" } else { "csv" }),
        String::new(),
        "[columns]".into(),
    ];
    let width = (mapped.columns.iter())
        .map(|c| entry(c).chars().count())
        .max()
        .unwrap_or(0);
    for column in &mapped.columns {
        out.push(column_line(column, width));
    }
    out.extend(value_maps(sources));
    out.join("\n") + "\n"
}

/// The system to keep external ids under: the layout's, or for a file
/// no layout knew, its name.
fn system_for(mapped: &Mapped, path: &Path) -> String {
    if !matches!(
        mapped.chosen,
        super::summary::Chosen::Generic | super::summary::Chosen::Own
    ) {
        return mapped.system.clone();
    }
    let stem = path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().to_lowercase());
    let stem: String = clean_line(&stem).chars().filter(|c| *c != ':').collect();
    if stem.is_empty() {
        "import".into()
    } else {
        stem
    }
}

fn entry(column: &ColumnUse) -> String {
    format!("{} = {}", quoted(&column.header), quoted(&column.target))
}

fn column_line(column: &ColumnUse, width: usize) -> String {
    let entry = entry(column);
    let pad = " ".repeat(width.saturating_sub(entry.chars().count()) + 2);
    let mut comment: Vec<String> = Vec::new();
    if let Some(sample) = &column.sample {
        comment.push(shorten(sample));
    }
    if let Some(note) = &column.note {
        comment.push(format!("({note})"));
    }
    let custom = column.target.starts_with("custom");
    if custom && looks_like_an_id(&column.header) {
        comment.push("(or \"external_id\", to update these people on a second import)".into());
    }
    let splits = (column.sample.as_deref())
        .is_some_and(|s| matches!(split(s), Split::Parts { city, .. } if !city.is_empty()));
    if custom && splits {
        comment.push("(or \"location\", split into city and country)".into());
    }
    if comment.is_empty() {
        return entry;
    }
    format!("{entry}{pad}# {}", comment.join(" "))
}

/// `ID`, `Candidate ID`, `candidate_id`, `personId`.
fn looks_like_an_id(header: &str) -> bool {
    let header = header.trim();
    fold_header(header) == "id"
        || [" ID", " Id", " id", "_id", "-id", "Id"]
            .iter()
            .any(|end| header.ends_with(end))
}

fn shorten(sample: &str) -> String {
    let sample = clean_line(sample);
    if sample.chars().count() <= SAMPLE_CHARS {
        return sample;
    }
    let cut: String = sample.chars().take(SAMPLE_CHARS - 1).collect();
    format!("{cut}…")
}

fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// The value maps, with the file's sources no layout knows as comments
/// to fill in (each is read as `other`, and kept as a custom field, until
/// named here).
fn value_maps(sources: &[String]) -> Vec<String> {
    let mut lines = vec![
        String::new(),
        "[values.source]".into(),
        "# \"Their source\" = \"referral\"   (ours: referral, linkedin, job board, agency, inbound, event, github, other)".into(),
    ];
    for source in sources {
        lines.push(format!("# {} = \"other\"", quoted(source)));
    }
    lines.extend([
        String::new(),
        "[values.stage]".into(),
        "# \"Their stage\" = \"screening\"   (ours: sourced, screening, technical, client, offer, placed, rejected, withdrawn)".into(),
    ]);
    lines
}
