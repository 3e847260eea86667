//! Exporting: every candidate, client, engagement, application,
//! submittal, placement and note with its id, read from the store one
//! record at a time and written as it is read. The event log is not
//! exported: it belongs to `hireterm backup`.
//!
//! Output is deterministic (id order, fixed field order, instants in UTC
//! with milliseconds), so that export, import into an empty database and
//! export again give the same bytes.

use super::agency::{
    ClientCsv, ClientRecord, PlacementCsv, PlacementRecord, SubmittalCsv, SubmittalRecord,
};
use super::columns::Column;
use super::custom::Names;
use super::flat::{ApplicationCsv, EngagementCsv};
use super::format::{CSV_FILES, EXPORT_FORMAT, EXPORT_VERSION};
use super::records::{
    ApplicationRecord, CandidateJson, EngagementRecord, NoteRecord, candidate_cells,
};
use crate::domain::ClientId;
use crate::store::{Store, StoreError};
use serde::Serialize;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

/// Records written, by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportCounts {
    pub candidates: usize,
    pub clients: usize,
    pub engagements: usize,
    pub applications: usize,
    pub submittals: usize,
    pub placements: usize,
    pub notes: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot write the export: {0}")]
    Io(#[from] std::io::Error),
    #[error("cannot write the export: {0}")]
    Csv(#[from] csv::Error),
    #[error("cannot write the export: {0}")]
    Json(#[from] serde_json::Error),
    #[error("{0}")]
    Refused(String),
}

/// Writes the whole export document, one record per line.
pub fn export_json(store: &Store, out: impl Write) -> Result<ExportCounts, ExportError> {
    let mut out = BufWriter::new(out);
    write!(
        out,
        "{{\n  \"format\": \"{EXPORT_FORMAT}\",\n  \"version\": {EXPORT_VERSION},\n"
    )?;
    let clients = client_names(store)?;
    let counts = ExportCounts {
        candidates: section(&mut out, "candidates", store.each_candidate(), |c| {
            CandidateJson::from(&c)
        })?,
        clients: section(&mut out, "clients", store.each_client(), |c| {
            ClientRecord::from(&c)
        })?,
        engagements: section(&mut out, "engagements", store.each_engagement(), |e| {
            EngagementRecord::of(&e, &client_name(&clients, e.client))
        })?,
        applications: section(&mut out, "applications", store.each_application(), |a| {
            ApplicationRecord::from(&a)
        })?,
        submittals: section(&mut out, "submittals", store.each_submittal(), |s| {
            SubmittalRecord::from(&s)
        })?,
        placements: section(&mut out, "placements", store.each_placement(), |p| {
            PlacementRecord::from(&p)
        })?,
        notes: section(&mut out, "notes", store.each_note(), |n| {
            NoteRecord::from(&n)
        })?,
    };
    out.write_all(b"}\n")?;
    out.flush()?;
    Ok(counts)
}

/// One `"name": [ ... ]` array of the document; the last one (notes) ends
/// without a comma.
fn section<R, S: Serialize>(
    out: &mut impl Write,
    name: &str,
    records: impl Iterator<Item = crate::store::Result<R>>,
    shape: impl Fn(R) -> S,
) -> Result<usize, ExportError> {
    write!(out, "  \"{name}\": [")?;
    let mut count = 0;
    for record in records {
        out.write_all(if count == 0 { b"\n    " } else { b",\n    " })?;
        serde_json::to_writer(&mut *out, &shape(record?))?;
        count += 1;
    }
    let close = if count == 0 { "]" } else { "\n  ]" };
    let comma = if name == "notes" { "" } else { "," };
    writeln!(out, "{close}{comma}")?;
    Ok(count)
}

/// Writes the candidates as one CSV file with exactly the import columns,
/// and a `custom:NAME` column for each custom field name any candidate
/// holds (see `custom`): the candidates are read twice, once for those
/// names.
pub fn export_csv_candidates(store: &Store, out: impl Write) -> Result<usize, ExportError> {
    let mut names = Names::default();
    for candidate in store.each_candidate() {
        names.note(&candidate?);
    }
    let mut writer = csv::Writer::from_writer(BufWriter::new(out));
    let fixed = Column::ALL.map(|c| c.name().to_string());
    writer.write_record(fixed.into_iter().chain(names.headers()))?;
    let mut count = 0;
    for candidate in store.each_candidate() {
        let candidate = candidate?;
        let mut cells = candidate_cells(&candidate);
        if !names.is_empty() {
            cells.extend(names.cells(&candidate));
        }
        writer.write_record(cells)?;
        count += 1;
    }
    writer.flush()?;
    Ok(count)
}

/// Whether the database holds anything but candidates.
pub fn has_more_than_candidates(store: &Store) -> bool {
    store.each_engagement().next().is_some()
        || store.each_note().next().is_some()
        || store.each_client().next().is_some()
}

/// Writes the [`CSV_FILES`] into `dir` (created if missing), one per
/// kind of record. Existing files are never overwritten.
pub fn export_csv_folder(store: &Store, dir: &Path) -> Result<ExportCounts, ExportError> {
    std::fs::create_dir_all(dir)?;
    if let Some(taken) = CSV_FILES.iter().map(|f| dir.join(f)).find(|p| p.exists()) {
        return Err(ExportError::Refused(format!(
            "{} already exists; export into a new or empty folder",
            taken.display()
        )));
    }
    let create = |name: &str| File::create_new(dir.join(name));
    let clients = client_names(store)?;
    let [
        candidates,
        clients_csv,
        engagements,
        applications,
        submittals,
        placements,
        notes,
    ] = CSV_FILES;
    Ok(ExportCounts {
        candidates: export_csv_candidates(store, create(candidates)?)?,
        clients: csv_file(create(clients_csv)?, store.each_client(), |c| {
            ClientCsv::new(&ClientRecord::from(&c))
        })?,
        engagements: csv_file(create(engagements)?, store.each_engagement(), |e| {
            EngagementCsv::new(&EngagementRecord::of(&e, &client_name(&clients, e.client)))
        })?,
        applications: csv_file(create(applications)?, store.each_application(), |a| {
            ApplicationCsv::new(&ApplicationRecord::from(&a))
        })?,
        submittals: csv_file(create(submittals)?, store.each_submittal(), |s| {
            SubmittalCsv::new(&SubmittalRecord::from(&s))
        })?,
        placements: csv_file(create(placements)?, store.each_placement(), |p| {
            PlacementCsv::new(&PlacementRecord::from(&p))
        })?,
        notes: csv_file(create(notes)?, store.each_note(), |n| {
            Ok(NoteRecord::from(&n))
        })?,
    })
}

fn csv_file<R, S: Serialize>(
    file: File,
    records: impl Iterator<Item = crate::store::Result<R>>,
    shape: impl Fn(R) -> Result<S, serde_json::Error>,
) -> Result<usize, ExportError> {
    let mut writer = csv::Writer::from_writer(BufWriter::new(file));
    let mut count = 0;
    for record in records {
        writer.serialize(shape(record?)?)?;
        count += 1;
    }
    writer.flush()?;
    Ok(count)
}

/// Every client's name, by id.
fn client_names(store: &Store) -> Result<std::collections::HashMap<ClientId, String>, ExportError> {
    let clients = store.clients()?;
    Ok(clients.into_iter().map(|c| (c.id, c.name)).collect())
}

/// A client's name (an engagement's client is always on file; a damaged
/// database that lacks one exports its id).
fn client_name(names: &std::collections::HashMap<ClientId, String>, id: ClientId) -> String {
    names.get(&id).cloned().unwrap_or_else(|| id.to_string())
}
