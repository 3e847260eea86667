//! `:import FILE` (and `:import FILE --from SYSTEM`): a file of another
//! system, or of hireterm's own, imported from the app as `hireterm
//! import` does it. The file is checked first (a dry run, with every
//! other write held off); a file with problems is refused naming the
//! first and the command that lists them all; else the app asks, saying
//! what would go in and which engagements would be created for an
//! applications file's job titles that none has (the CLI's
//! `--create-engagements`, asked here instead). Only a local terminal
//! reads files: over SSH the path would be the server's.

use crate::app::App;
use crate::app::overlay::Overlay;
use crate::app::pending::ImportRequest;
use crate::app::pending::Pending;
use crate::app::prompt::confirm::Confirm;
use crate::domain::access::Act;
use crate::domain::text::clean_line;
use crate::interchange::layout::FileKind;
use crate::interchange::layouts;
use crate::interchange::summary::Chosen;
use crate::interchange::{ColumnOptions, ImportOptions, ImportReport, ImportSource};
use std::path::PathBuf;

/// Reads `FILE [--from SYSTEM]`.
pub fn parse_request(text: &str) -> Result<ImportRequest, String> {
    let text = text.trim();
    let (path, from) = match text.split_once(" --from ") {
        Some((path, system)) => (path.trim(), Some(system.trim().to_string())),
        None => (text, None),
    };
    let path = unquoted(path);
    if path.is_empty() {
        return Err("which file? `:import FILE`, or `:import FILE --from SYSTEM`".into());
    }
    Ok(ImportRequest {
        path: home_expanded(path),
        from,
    })
}

/// A path as a shell would have taken it: quotes around it (a name with
/// spaces, pasted from a file manager) are not part of it.
fn unquoted(path: &str) -> &str {
    let quoted = |q: char| path.len() >= 2 && path.starts_with(q) && path.ends_with(q);
    match quoted('"') || quoted('\'') {
        true => &path[1..path.len() - 1],
        false => path,
    }
}

/// `~/exports/a.csv` under the home folder, as a shell would read it.
fn home_expanded(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(path),
    }
}

/// The source and options `hireterm import FILE [--from SYSTEM]
/// --create-engagements` would use.
fn prepared(request: &ImportRequest) -> Result<(ImportSource, ImportOptions), String> {
    let source = ImportSource::at(&request.path, None)?;
    let kind = match source {
        ImportSource::Json(_) => FileKind::Json,
        _ => FileKind::Csv,
    };
    let layout = match &request.from {
        Some(system) => Some((layouts::named(system, kind)?.clone(), Chosen::Named)),
        None => None,
    };
    let options = ImportOptions {
        columns: ColumnOptions {
            layout,
            ..ColumnOptions::default()
        },
        create_engagements: true,
        ..ImportOptions::default()
    };
    Ok((source, options))
}

impl App {
    /// `:import FILE`: checks the file, then asks.
    pub(in crate::app) fn import_file(&mut self, text: &str) {
        if !self.may(Act::Edit) {
            let refusal = self.role().refusal(Act::Edit);
            return self.complain(refusal);
        }
        if !self.reads_local_files {
            return self.complain(
                "a session over SSH cannot import: the file would be read on the server; \
                 run `hireterm import FILE` there",
            );
        }
        match parse_request(text).and_then(|request| self.import_question(request)) {
            Ok(question) => self.overlay = Some(Overlay::Confirm(question)),
            Err(why) => self.complain(why),
        }
    }

    fn import_question(&self, request: ImportRequest) -> Result<Confirm<Pending>, String> {
        let (source, options) = prepared(&request)?;
        let checked = self
            .records
            .import_dry_run(&self.writer(), &source, &options);
        let report = checked
            .map_err(|e| e.to_string())?
            .map_err(|e| e.to_string())?;
        refusal(&report, &request)?;
        Ok(Confirm::new(
            question(&report, &request),
            Pending::Import(request),
        ))
    }

    /// A yes: the import itself.
    pub(in crate::app) fn run_import(&mut self, request: ImportRequest) {
        let (source, options) = match prepared(&request) {
            Ok(prepared) => prepared,
            Err(why) => return self.complain(why),
        };
        match self.records.import(&self.writer(), &source, &options) {
            Ok((outcome, snapshot)) => {
                self.adopt(snapshot);
                match outcome {
                    Ok(report) => self.say(imported(&report, &request)),
                    Err(error) => self.complain(error.to_string()),
                }
            }
            Err(error) => self.complain(error.to_string()),
        }
    }
}

/// Why a checked file is not imported, if it is not.
fn refusal(report: &ImportReport, request: &ImportRequest) -> Result<(), String> {
    if let Some(stopped) = &report.stopped {
        return Err(format!("{}; nothing was imported", clean_line(stopped)));
    }
    let Some(first) = report.problems.first() else {
        return Ok(());
    };
    Err(format!(
        "{} of {} rows have problems, the first: {}; nothing was imported \
         (`hireterm import --dry-run {}` lists them all)",
        report.invalid,
        report.rows,
        clean_line(first),
        clean_line(&request.path.display().to_string())
    ))
}

/// The question: what would go in, and what would be created.
fn question(report: &ImportReport, request: &ImportRequest) -> String {
    let file = file_name(request);
    let what = match report.rows_of {
        crate::interchange::RowKind::Applications => "applications",
        crate::interchange::RowKind::Candidates => "candidates",
        crate::interchange::RowKind::Notes => "notes",
    };
    let mut question = format!("Import {} {what} from {file}?", report.added);
    for notice in report.notices.iter().filter(|n| n.starts_with("creates ")) {
        question.push_str(&format!(" It {}.", clean_line(notice)));
    }
    question
}

fn imported(report: &ImportReport, request: &ImportRequest) -> String {
    let written = report
        .written
        .map_or_else(|| "nothing".into(), |w| w.describe());
    format!("imported {written} from {}", file_name(request))
}

/// The file's name, as the question and the status bar name it (the
/// command line above it had the whole path).
fn file_name(request: &ImportRequest) -> String {
    let name = request.path.file_name().unwrap_or(request.path.as_os_str());
    clean_line(&name.to_string_lossy())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_reads_like_the_shell_would() {
        let read = |text: &str| parse_request(text).unwrap();
        assert_eq!(read(" a b.csv ").path, PathBuf::from("a b.csv"));
        assert_eq!(
            read("\"my export.csv\"").path,
            PathBuf::from("my export.csv")
        );
        assert_eq!(read("'x.csv' --from lever").from.as_deref(), Some("lever"));
        assert_eq!(read("'x.csv' --from lever").path, PathBuf::from("x.csv"));
        if let Some(home) = std::env::var_os("HOME") {
            assert_eq!(
                read("~/in/x.csv").path,
                PathBuf::from(home).join("in/x.csv")
            );
        }
        assert!(parse_request("  ").unwrap_err().starts_with("which file?"));
        assert!(parse_request("\"\"").is_err());
    }
}
