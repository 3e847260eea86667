//! Importing: the two passes put together, and what stops a write.
//! The options and the report are `report`'s. A file of applications
//! or notes from another system goes to `pipeline_in` or `notes_in`,
//! which have passes of their own.

use super::external::ExternalIndex;
use super::format::Format;
use super::journal::{self, Stopped};
use super::plan::{Checker, Existing, Plan};
use super::report::{ColumnOptions, ImportOptions, ImportReport, OnDuplicate, Written};
use super::write::Writer;
use super::{ImportSource, Sink, pipelined};
use crate::catalog::Catalog;
use crate::domain::duplicate::DuplicateIndex;
use crate::domain::{EventId, Stamp};
use crate::store::journal::RolledBack;
use crate::store::{Store, StoreError};
use std::io::Read;

/// Why an import that passed its checks still failed to write.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(
        "{0} holds clients, engagements, applications, submittals, placements or notes: a full export only goes into an empty database, so that its ids stay as they are (import its candidates.csv alone, or use a new --db)"
    )]
    NeedsEmptyDatabase(String),
    /// The import failed half-way, and what it wrote could not be taken
    /// back at once (the store failed again): its journal stays, and the
    /// next open takes it back. The cause is the error's source, printed
    /// once as "caused by".
    #[error(
        "the import of {file} stopped after writing {}, which could not be taken back at \
         once; the next command to open the database takes it back, and the import can \
         then be run again",
        written.describe()
    )]
    Partial {
        file: String,
        written: Box<Written>,
        source: StoreError,
    },
    /// The import failed half-way and what it wrote was taken back.
    #[error(
        "the import of {} stopped; {}, so nothing was imported",
        undone.file,
        undone.describe()
    )]
    RolledBack {
        undone: Box<RolledBack>,
        source: StoreError,
    },
}

impl From<Stopped> for ImportError {
    fn from(stopped: Stopped) -> ImportError {
        match stopped {
            Stopped::RolledBack { undone, source } => ImportError::RolledBack { undone, source },
            Stopped::Left {
                file,
                written,
                source,
            } => ImportError::Partial {
                file,
                written,
                source,
            },
        }
    }
}

impl From<super::pipeline_in::Failure> for ImportError {
    fn from(failure: super::pipeline_in::Failure) -> ImportError {
        use super::pipeline_in::Failure;
        match failure {
            Failure::Read(error) => ImportError::Store(error),
            Failure::Write(stopped) => stopped.into(),
        }
    }
}

/// Imports `source` into `store`: checks everything first, writes only if
/// that passes (see [`ImportReport::may_write`]) and the options allow it.
pub fn import(
    store: &Store,
    source: &ImportSource,
    options: &ImportOptions,
    stamp: &Stamp,
) -> Result<ImportReport, ImportError> {
    if let ImportSource::Applications(path) = source {
        use super::pipeline_in::{Failure, import as import_applications};
        return import_applications(store, path, options, stamp).map_err(|failure| match failure {
            Failure::Read(error) => ImportError::Store(error),
            Failure::Write(stopped) => stopped.into(),
        });
    }
    if let ImportSource::Notes(path) = source {
        return super::notes_in::import(store, path, options, stamp).map_err(ImportError::from);
    }
    let catalog = Catalog::builtin();
    let keep_ids = store.has_no_records().map_err(ImportError::from)?;
    let mut checker = Checker::new(catalog, stamp.at, options.on_duplicate);
    checker.allow_erased = options.allow_erased;
    if !keep_ids {
        let (index, external) = existing_index(store)?;
        checker.existing = Some(Existing {
            store,
            index,
            external,
        });
    }
    pipelined::read_into(source, &options.columns, (catalog, stamp.at), &mut checker);
    // What only the checking needed (the file's keys, the database's
    // index) goes before the writing begins.
    let (plan, mut report) = checker.into_outcome();
    report.kept_ids = keep_ids && (plan.max_candidate_id > 0 || plan.has_links());
    report.ignored_ids = !keep_ids && plan.max_candidate_id > 0;
    if plan.has_links() && !keep_ids {
        return Err(ImportError::NeedsEmptyDatabase(describe(source)));
    }
    if options.dry_run || !report.may_write(options) {
        return Ok(report);
    }
    let file = describe(source);
    journal::begin(store, &file)?;
    let mut writer = Writer::new(store, catalog, stamp, &plan);
    writer.keep_ids = keep_ids;
    pipelined::read_into(source, &options.columns, (catalog, stamp.at), &mut writer);
    writer.finish();
    let written = journal::settle(store, &file, writer.written, writer.error)?;
    report.written = Some(written);
    name_merge_events(&mut report, &plan, &writer.merge_events);
    Ok(report)
}

/// The stored candidates' duplicate keys and external ids, read one
/// candidate at a time: the indexes keep only the keys, never the records.
fn existing_index(store: &Store) -> Result<(DuplicateIndex, ExternalIndex), StoreError> {
    let mut index = DuplicateIndex::default();
    let mut external = ExternalIndex::default();
    for candidate in store.each_candidate() {
        let candidate = candidate?;
        index.insert(&candidate);
        external.insert(&candidate);
    }
    Ok((index, external))
}

/// Gives each listed merge notice the event the merge was stored as. The
/// listed merges are the first ones, in file order, as are the events.
fn name_merge_events(report: &mut ImportReport, plan: &Plan, events: &[EventId]) {
    for ((slot, prefix), event) in plan.merge_notices.iter().zip(events) {
        if let Some(notice) = report.notices.get_mut(*slot) {
            *notice =
                format!("{prefix}: merged as event {event}; undo with hireterm unmerge {event}");
        }
    }
}

fn describe(source: &ImportSource) -> String {
    match source {
        ImportSource::Csv(p)
        | ImportSource::Json(p)
        | ImportSource::CsvFolder(p)
        | ImportSource::Applications(p)
        | ImportSource::Notes(p) => p.display().to_string(),
    }
}

/// Checks an input in memory against an empty database, as the first pass
/// does; for tests and fuzzing. Never panics, whatever the bytes. (An
/// applications file names engagements and candidates an empty database
/// does not hold: every row is refused, once its own values are checked.)
pub fn check_input(bytes: impl Read, format: Format, stamp: &Stamp) -> ImportReport {
    check_mapped(bytes, format, &ColumnOptions::default(), stamp)
}

/// [`check_input`] with the columns read as `columns` says (`--from`,
/// `--map`, `--strict`, `--drop`).
pub fn check_mapped(
    bytes: impl Read,
    format: Format,
    columns: &ColumnOptions,
    stamp: &Stamp,
) -> ImportReport {
    if format == Format::Applications {
        return super::pipeline_in::check_alone(bytes, stamp);
    }
    if format == Format::Notes {
        return super::notes_in::check_alone(bytes, stamp);
    }
    let mut checker = Checker::new(Catalog::builtin(), stamp.at, OnDuplicate::Error);
    let outcome = match format {
        Format::Json => super::json_in::read(bytes, &mut checker, columns),
        _ => super::csv_in::read_candidates(bytes, &mut checker, columns),
    };
    if let Err(problem) = outcome {
        checker.stop(problem);
    }
    checker.report
}
