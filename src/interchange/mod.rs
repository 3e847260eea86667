//! Import and export: candidates from CSV and JSON files, applications
//! and notes from another system's CSVs (`pipeline_in`, `notes_in`), and
//! a whole database's records to files that rebuild it.
//!
//! Importing reads the input twice and never holds it whole. The first
//! pass (`plan`) builds every record as the second will write it, checks
//! it by the store's own rules, notes every problem with its line and
//! column, and keeps only small keys (emails, ids) to find duplicates
//! within the file; nothing is written unless every row passes (or
//! `--skip-invalid` says to leave the bad ones out). The second pass
//! (`write`) reads the input again and writes in chunks of a thousand
//! candidates. Both build records through the same code (`row` for
//! candidates, `convert` for the rest of an export). `import` runs the
//! two passes; the report they fill is `report`'s and the files' shape
//! is `format`'s, two leaves, so `import`, `plan` and `write` import one
//! another one way only.
//!
//! `profile` renders the one-page profile a client submittal sends.
//!
//! This module sits above `store` and below `cli`: it imports `domain`,
//! `catalog` and `store`, nothing higher.

pub mod agency;
pub mod cells;
pub mod columns;
mod convert;
pub mod csv_in;
pub mod custom;
pub mod explain;
pub mod export;
mod external;
pub mod fields;
pub mod flat;
pub mod format;
pub mod import;
mod journal;
pub mod json_in;
mod json_map;
mod json_own;
mod json_tree;
pub mod layout;
pub mod layouts;
pub mod location;
mod loose;
mod mapped_row;
pub mod mapping;
mod names;
mod note_lookup;
pub mod notes_in;
pub mod pipeline_in;
mod pipelined;
mod plan;
pub mod profile;
pub mod records;
pub mod report;
pub mod row;
mod row_profile;
pub mod summary;
mod taken;
pub mod target;
mod write;

pub use export::{ExportCounts, ExportError};
pub use fields::{Place, Problem, Raw, Row};
pub use format::{CSV_FILES, Format, MAX_ROW_BYTES};
pub use import::{ImportError, check_input, check_mapped, import};
pub use report::{
    ColumnOptions, ImportOptions, ImportReport, MAX_LISTED, OnDuplicate, RowKind, Written,
};
pub use write::CHUNK;

use agency::{ClientRecord, PlacementRecord, SubmittalRecord};
use records::{ApplicationRecord, EngagementRecord, NoteRecord};
use std::fs::File;
use std::path::{Path, PathBuf};

/// What an import reads: one file of one format, or a folder of CSV
/// files (a whole export).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportSource {
    Csv(PathBuf),
    Json(PathBuf),
    CsvFolder(PathBuf),
    /// A CSV of applications from another system (see `pipeline_in`).
    Applications(PathBuf),
    /// A CSV of notes from another system (see `notes_in`).
    Notes(PathBuf),
}

impl ImportSource {
    /// A folder is a CSV export; a file's format is `format`, else its
    /// extension. A CSV file whose header names an engagement and a
    /// stage, and no person by name, holds applications; one that names
    /// a candidate and a note, and no stage and no person, notes.
    pub fn at(path: &Path, format: Option<Format>) -> Result<ImportSource, String> {
        if path.is_dir() {
            return match format {
                Some(Format::Json | Format::Applications | Format::Notes) => Err(format!(
                    "{} is a folder; JSON, applications and notes imports read one file",
                    path.display()
                )),
                _ => Ok(ImportSource::CsvFolder(path.to_path_buf())),
            };
        }
        let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase());
        match (format, extension.as_deref()) {
            (Some(Format::Applications), _) => Ok(ImportSource::Applications(path.to_path_buf())),
            (Some(Format::Notes), _) => Ok(ImportSource::Notes(path.to_path_buf())),
            (Some(Format::Csv), _) | (None, Some("csv")) => {
                if pipeline_in::looks_like_applications(path) {
                    Ok(ImportSource::Applications(path.to_path_buf()))
                } else if notes_in::looks_like_notes(path) {
                    Ok(ImportSource::Notes(path.to_path_buf()))
                } else {
                    Ok(ImportSource::Csv(path.to_path_buf()))
                }
            }
            (Some(Format::Json), _) | (None, Some("json")) => {
                Ok(ImportSource::Json(path.to_path_buf()))
            }
            _ => Err(format!(
                "cannot tell the format of {}; name it .csv or .json, or pass --format",
                path.display()
            )),
        }
    }
}

/// Receives what a source holds, record by record, in file order.
pub trait Sink {
    /// Reading moves on to another file of a folder.
    fn file(&mut self, _name: &str) {}
    /// How the candidates' columns are read (once a CSV header is
    /// mapped; once a JSON file is read).
    fn mapped(&mut self, _mapping: &summary::Mapped) {}
    fn candidate(&mut self, row: Row);
    /// A candidate's row with what [`row::candidate`] made of it, worked
    /// out ahead on the reading thread (see `pipelined`). A sink that
    /// converts rows itself takes it; any other handles the row as ever.
    fn converted(&mut self, row: Row, _candidate: Converted) {
        self.candidate(row);
    }
    fn client(&mut self, line: u64, record: ClientRecord);
    fn engagement(&mut self, line: u64, record: EngagementRecord);
    fn application(&mut self, line: u64, record: ApplicationRecord);
    fn submittal(&mut self, line: u64, record: SubmittalRecord);
    fn placement(&mut self, line: u64, record: PlacementRecord);
    fn note(&mut self, line: u64, record: NoteRecord);
    /// A record that could not be read; reading goes on.
    fn problem(&mut self, problem: Problem);
    /// A problem that ended the reading.
    fn stop(&mut self, problem: Problem);
}

/// A candidate read from a row, or the row's problems ([`row::candidate`]).
pub type Converted = Result<crate::domain::Candidate, Vec<Problem>>;

/// Reads the whole source into `sink`. `Err` ends the reading early.
/// (Applications and notes from another system have readers of their
/// own, see `pipeline_in` and `notes_in`.)
pub fn read_source(
    source: &ImportSource,
    options: &ColumnOptions,
    sink: &mut dyn Sink,
) -> Result<(), Problem> {
    match source {
        ImportSource::Csv(path) => csv_in::read_candidates(open(path)?, sink, options),
        ImportSource::Json(path) => json_in::read(open(path)?, sink, options),
        ImportSource::CsvFolder(dir) => read_folder(dir, sink),
        ImportSource::Applications(path) => Err(Problem::line(
            0,
            format!("{} holds applications, not an export", path.display()),
        )),
        ImportSource::Notes(path) => Err(Problem::line(
            0,
            format!("{} holds notes, not an export", path.display()),
        )),
    }
}

/// Reads the files of a CSV export in [`CSV_FILES`] order; all but
/// `candidates.csv` may be missing (a folder written before version 2
/// has no clients, submittals or placements).
fn read_folder(dir: &Path, sink: &mut dyn Sink) -> Result<(), Problem> {
    for (index, name) in CSV_FILES.iter().enumerate() {
        let path = dir.join(name);
        if index > 0 && !path.exists() {
            continue;
        }
        sink.file(name);
        let file = open(&path)?;
        match index {
            // A folder is hireterm's own export: its columns are ours.
            0 => csv_in::read_candidates(file, sink, &ColumnOptions::default())?,
            1 => csv_in::read_records(file, sink, |s, line, r: agency::ClientCsv| {
                r.into_record().map(|r| s.client(line, r))
            })?,
            2 => csv_in::read_records(file, sink, |s, line, r: flat::EngagementCsv| {
                r.into_record().map(|r| s.engagement(line, r))
            })?,
            3 => csv_in::read_records(file, sink, |s, line, r: flat::ApplicationCsv| {
                r.into_record().map(|r| s.application(line, r))
            })?,
            4 => csv_in::read_records(file, sink, |s, line, r: agency::SubmittalCsv| {
                r.into_record().map(|r| s.submittal(line, r))
            })?,
            5 => csv_in::read_records(file, sink, |s, line, r: agency::PlacementCsv| {
                r.into_record().map(|r| s.placement(line, r))
            })?,
            _ => csv_in::read_records(file, sink, |s, line, r: NoteRecord| {
                s.note(line, r);
                Ok(())
            })?,
        }
    }
    Ok(())
}

fn open(path: &Path) -> Result<File, Problem> {
    File::open(path).map_err(|e| Problem::line(0, format!("cannot open {}: {e}", path.display())))
}
