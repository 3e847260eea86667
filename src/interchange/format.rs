//! The shape of import and export files: the formats, the files of a CSV
//! export folder, the JSON export document's header, and the most one
//! record may take. A leaf: the readers, the export and the command line
//! all read these.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Candidates, one a row (or, for a folder, a whole export).
    Csv,
    /// An array of candidates, or a whole export document.
    Json,
    /// Applications from another system, one a row: engagement,
    /// candidate, stage, date (see `pipeline_in`).
    Applications,
    /// Notes from another system, one a row: candidate, note, author,
    /// date (see `notes_in`).
    Notes,
}

/// The most bytes one CSV row or JSON element may take.
pub const MAX_ROW_BYTES: usize = 64 * 1024;

/// The files of a CSV export folder, in the order they are read: each
/// after those its records refer to.
pub const CSV_FILES: [&str; 7] = [
    "candidates.csv",
    "clients.csv",
    "engagements.csv",
    "applications.csv",
    "submittals.csv",
    "placements.csv",
    "notes.csv",
];

/// The JSON export document's `format` value.
pub const EXPORT_FORMAT: &str = "hireterm-export";
/// The JSON export document's `version` value. Version 2 added clients,
/// submittals and placements, and each engagement's `client_id`; version
/// 1 documents still import (their clients made from the engagements'
/// client names).
pub const EXPORT_VERSION: u64 = 2;
