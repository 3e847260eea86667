//! The shape of import and export files: the two formats, the files of a
//! CSV export folder, the JSON export document's header, and the most
//! one record may take. A leaf: the readers, the export and the command
//! line all read these.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

/// The most bytes one CSV row or JSON element may take.
pub const MAX_ROW_BYTES: usize = 64 * 1024;

/// The files of a CSV export folder, in the order they are read.
pub const CSV_FILES: [&str; 4] = [
    "candidates.csv",
    "engagements.csv",
    "applications.csv",
    "notes.csv",
];

/// The JSON export document's `format` value.
pub const EXPORT_FORMAT: &str = "hireterm-export";
/// The JSON export document's `version` value.
pub const EXPORT_VERSION: u64 = 1;
