//! Notes from another system: a CSV file with a row per note (the
//! candidate, the text, who wrote it and when; optionally the engagement
//! it is about), into a database that already holds those candidates.
//!
//! ```csv
//! candidate,note,author,date,engagement
//! ana.silva@example.com,"Called; wants remote only",rui,2026-05-28T14:30:00Z,
//! C12,Client liked the system design round,ana,2026-05-29,E3
//! ```
//!
//! Each row becomes a note with its author and time, its event stamped
//! with the same (`Store::add_notes`). As with applications
//! (`pipeline_in`), the file is read twice and never held whole: the
//! first pass (`check`) checks every row against the database and the
//! file and writes nothing unless all pass (or `--skip-invalid` says to
//! leave the bad ones out); the second (`write`) reads it again and
//! writes a chunk of notes at a time, under the import journal, so that a
//! failure half-way takes everything back. A note already stored, or
//! twice in the file, is left out and counted: the same file imported
//! twice adds nothing the second time.

mod check;
mod header;
mod rows;
mod write;

use super::csv_in::CsvRecords;
use super::journal;
use super::note_lookup::{InStore, Nothing};
use super::pipeline_in::Failure;
use super::report::{ImportOptions, ImportReport, Written};
use crate::domain::Stamp;
use crate::store::Store;
use check::Check;
use rows::Reading;
use std::fs::File;
use std::io::Read;
use std::path::Path;

/// Whether the file at `path` reads as a notes file: its header row
/// names a candidate and a note, and no stage and no person by name.
pub fn looks_like_notes(path: &Path) -> bool {
    let Ok(file) = File::open(path) else {
        return false;
    };
    let Ok(Some(head)) = CsvRecords::new(file).next_record() else {
        return false;
    };
    let headers: Vec<&str> = (head.fields.iter())
        .filter_map(|(_, text)| text.as_deref().ok())
        .collect();
    header::reads_as_notes(&headers)
}

/// Imports the notes of the file at `path` into `store`. Candidates are
/// found by the ids the layout's system gave them (`--from`, `--map`),
/// by our ids or by email; `--drop` leaves columns out.
pub fn import(
    store: &Store,
    path: &Path,
    options: &ImportOptions,
    stamp: &Stamp,
) -> Result<ImportReport, Failure> {
    let layout = options.columns.layout.as_ref().map(|(layout, _)| layout);
    let lookup = InStore::new(store, layout).map_err(Failure::Read)?;
    let reading = Reading {
        lookup: &lookup,
        stamp,
        drop: &options.columns.drop,
    };
    let mut check = Check::new(&reading);
    match File::open(path) {
        Ok(file) => check.run(file),
        Err(e) => {
            let problem = format!("cannot open {}: {e}", path.display());
            check.report.note_problem(problem.clone());
            check.report.stopped = Some(problem);
        }
    }
    // The fingerprints go before the writing begins; the plan stays.
    let (plan, mut report) = (check.plan, check.report);
    if options.dry_run || !report.may_write(options) {
        return Ok(report);
    }
    let file = path.display().to_string();
    journal::begin(store, &file).map_err(Failure::Read)?;
    let (notes, error) = write::write(store, path, &reading, &plan);
    let written = Written {
        notes,
        ..Written::default()
    };
    report.written = Some(journal::settle(store, &file, written, error).map_err(Failure::Write)?);
    Ok(report)
}

/// Checks a notes file in memory against an empty database: the rows'
/// own values are checked, and every candidate and engagement is
/// unknown. For tests and fuzzing; never panics.
pub fn check_alone(input: impl Read, stamp: &Stamp) -> ImportReport {
    let reading = Reading {
        lookup: &Nothing,
        stamp,
        drop: &[],
    };
    let mut check = Check::new(&reading);
    check.run(input);
    check.report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::at;
    use crate::interchange::RowKind;

    #[test]
    fn an_empty_database_knows_no_row_but_still_checks_its_values() {
        let text = "Candidate ID,Body,Created By,Created At,Visibility\n\
                    C1,\" \u{200b} \",\"Ana\u{1b}[2J\",2026-13-01,public\n";
        let report = check_alone(text.as_bytes(), &Stamp::new(at(20), "t"));
        assert_eq!(report.rows_of, RowKind::Notes);
        assert!(report.stopped.is_some(), "{:?}", report.problems);
        assert!(
            report.problems[0].starts_with("line 1: column 5 (`Visibility`) is not a note field"),
            "{:?}",
            report.problems
        );
        let text = "candidate,note,author,date\nC1,\" \u{200b} \",Ana,2026-13-01\n";
        let report = check_alone(text.as_bytes(), &Stamp::new(at(20), "t"));
        assert_eq!((report.rows, report.invalid, report.added), (1, 1, 0));
        let problems = report.problems.join("\n");
        for expected in [
            "line 2, column 1 (candidate): no candidate `C1` in an empty database",
            "line 2, column 2 (note): the note is empty",
            "line 2, column 4 (date): `2026-13-01` is not a date",
        ] {
            assert!(problems.contains(expected), "{expected} in {problems}");
        }
    }
}
