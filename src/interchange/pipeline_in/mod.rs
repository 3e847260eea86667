//! Applications from another system: a CSV file with a row per candidate
//! in a pipeline, or a row per stage they went through (the engagement,
//! the candidate, the stage and the date they entered it; optionally who
//! moved them there, and the client), into a database that holds those
//! candidates and, unless `--create-engagements` says to create the
//! missing ones, those engagements.
//!
//! ```csv
//! engagement,candidate,stage,date,actor
//! E3,ana.silva@example.com,screening,2026-05-20,rui
//! E3,ana.silva@example.com,technical,2026-05-28,rui
//! ```
//!
//! Each candidate's rows in one engagement become one application whose
//! history they are (`fold`): it enters the pipeline at the earliest
//! row's stage and moves on at each later one, every move written with
//! its event at its own time and by its own actor. The file is read once
//! (`rows`), every row and every history checked against the database,
//! and nothing is written unless all pass (or `--skip-invalid` says to
//! leave the bad ones out); the applications are then written a chunk at
//! a time, after the engagements to create (`create`), under the import
//! journal, so that a failure takes all of it back. Grouping needs every
//! row, so the file is held as the applications it makes (ids, stages,
//! dates and actors: a few hundred bytes a row), never as its text.

mod create;
mod fold;
mod header;
mod lookup;
mod rows;

pub use super::cells::stage_named;
pub use create::DEFAULT_CLIENT;
pub use rows::entered_at;

use super::csv_in::CsvRecords;
use super::fields::Problem;
use super::journal::{self, Chunks, Stopped};
use super::report::{ImportOptions, ImportReport, RowKind, Written};
use super::write::CHUNK;
use crate::domain::{Application, EngagementId, Stamp};
use crate::store::{Store, StoreError};
use create::NewEngagement;
use fold::{Folded, Folding};
use header::Col;
use lookup::{EngagementRef, InStore, Lookup, Nothing};
use rows::Entry;
use std::collections::HashMap;
use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::rc::Rc;

/// Whether the file at `path` reads as an applications file: its header
/// row names an engagement and a stage, and no person by name (another
/// system's candidates file may have a job and a stage column too, but
/// it names the people in it).
pub fn looks_like_applications(path: &Path) -> bool {
    let Ok(file) = File::open(path) else {
        return false;
    };
    let Ok(Some(head)) = CsvRecords::new(file).next_record() else {
        return false;
    };
    let headers: Vec<&str> = (head.fields.iter())
        .filter_map(|(_, text)| text.as_deref().ok())
        .collect();
    let columns: Vec<Option<Col>> = headers.iter().map(|h| Col::from_header(h)).collect();
    let names_a_person = headers
        .iter()
        .any(|h| Col::from_header(h).is_none() && super::layouts::names_a_person(h));
    columns.contains(&Some(Col::Engagement))
        && columns.contains(&Some(Col::Stage))
        && !names_a_person
}

/// The reading: every row checked, and the good ones grouped.
struct Check {
    report: ImportReport,
    folding: Folding,
}

impl Check {
    fn new() -> Check {
        Check {
            report: ImportReport {
                rows_of: RowKind::Applications,
                ..ImportReport::default()
            },
            folding: Folding::default(),
        }
    }

    fn row(&mut self, outcome: Result<Entry, Vec<Problem>>) {
        self.report.rows += 1;
        match outcome {
            Ok(entry) => self.folding.add(entry),
            Err(problems) => {
                self.report.invalid += 1;
                for problem in problems {
                    self.report.note_problem(problem.to_string());
                }
            }
        }
    }

    fn run(&mut self, input: impl Read, lookup: &dyn Lookup, stamp: &Stamp) {
        let mut header_problems = Vec::new();
        let outcome = rows::read(
            input,
            lookup,
            stamp,
            &mut |_, outcome| self.row(outcome),
            &mut |problem| header_problems.push(problem),
        );
        for problem in header_problems {
            self.report.note_problem(problem.to_string());
        }
        if let Err(problem) = outcome {
            self.report.note_problem(problem.to_string());
            self.report.stopped = Some(problem.to_string());
        }
    }

    /// The applications the rows make, and the report on all of them: a
    /// history with a problem leaves out every row of it.
    fn finish(self, lookup: &dyn Lookup) -> (Vec<Folded>, ImportReport) {
        let Check {
            mut report,
            folding,
        } = self;
        let folded = folding.finish(lookup);
        for application in &folded {
            match &application.history {
                Ok(_) => report.added += 1,
                Err(problems) => {
                    report.invalid += application.rows;
                    for problem in problems {
                        report.note_problem(problem.to_string());
                    }
                }
            }
        }
        (folded, report)
    }
}

/// Why an applications import failed.
#[derive(Debug)]
pub enum Failure {
    /// The database could not be read; nothing was written.
    Read(StoreError),
    /// Writing failed half-way (and was taken back, or will be).
    Write(Stopped),
}

/// Imports the applications of the file at `path` into `store`.
pub fn import(
    store: &Store,
    path: &Path,
    options: &ImportOptions,
    stamp: &Stamp,
) -> Result<ImportReport, Failure> {
    let layout = options.columns.layout.as_ref().map(|(layout, _)| layout);
    let lookup = InStore::new(store, layout, options.create_engagements).map_err(Failure::Read)?;
    let mut check = Check::new();
    match File::open(path) {
        Ok(file) => check.run(file, &lookup, stamp),
        Err(e) => {
            let problem = format!("cannot open {}: {e}", path.display());
            check.report.note_problem(problem.clone());
            check.report.stopped = Some(problem);
        }
    }
    let (folded, mut report) = check.finish(&lookup);
    let creating = create::planned(folded.iter());
    for new in &creating {
        report.note_notice(create::describe(new));
    }
    if options.dry_run || !report.may_write(options) {
        return Ok(report);
    }
    let file = path.display().to_string();
    journal::begin(store, &file).map_err(Failure::Read)?;
    let (written, error) = write(store, folded, &creating, stamp);
    report.written = Some(journal::settle(store, &file, written, error).map_err(Failure::Write)?);
    Ok(report)
}

/// Creates the engagements, then writes the applications with good
/// histories, a chunk at a time. What was written, and what stopped it.
fn write(
    store: &Store,
    folded: Vec<Folded>,
    creating: &[NewEngagement],
    stamp: &Stamp,
) -> (Written, Option<StoreError>) {
    let mut written = Written::default();
    let mut created = HashMap::new();
    if !creating.is_empty() {
        match create::create(store, creating, stamp) {
            Ok((ids, clients)) => {
                (written.engagements, written.clients) = (ids.len(), clients);
                created = ids;
            }
            Err(error) => return (written, Some(error)),
        }
    }
    let applications: Vec<Application> = (folded.into_iter())
        .filter_map(|f| application(f, &created))
        .collect();
    let mut chunks = Chunks::default();
    for chunk in applications.chunks(CHUNK) {
        if let Err(error) = store.add_applications(chunk) {
            return (written, Some(error));
        }
        written.applications += chunk.len();
        chunks.written();
    }
    (written, None)
}

/// The application a good history makes, in the engagement it names.
fn application(folded: Folded, created: &HashMap<Rc<str>, EngagementId>) -> Option<Application> {
    let engagement = match &folded.engagement {
        EngagementRef::Stored(id) => *id,
        EngagementRef::New(title) => *created.get(title)?,
    };
    let history = folded.history.ok()?;
    Some(Application {
        engagement,
        candidate: folded.candidate,
        stage: history.last()?.to,
        history,
        scorecards: Vec::new(),
    })
}

/// Checks an applications file in memory against an empty database: the
/// rows' own values are checked, and every engagement and candidate is
/// unknown. For tests and fuzzing; never panics.
pub fn check_alone(input: impl Read, stamp: &Stamp) -> ImportReport {
    let mut check = Check::new();
    check.run(input, &Nothing, stamp);
    check.finish(&Nothing).1
}

#[cfg(test)]
mod tests;
