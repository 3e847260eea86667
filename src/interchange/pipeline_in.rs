//! Applications from another system: a CSV file with a row per candidate
//! in a pipeline (the engagement, the candidate, the stage they are at and
//! the date they entered it; optionally who moved them there), into a
//! database that already holds those engagements and candidates.
//!
//! ```csv
//! engagement,candidate,stage,date,actor
//! E3,ana.silva@example.com,technical,2026-05-28,rui
//! ```
//!
//! Each row becomes an application opened at its stage on its date (a
//! history of one entry, into the pipeline at that stage), written with
//! its event at that time and by that actor. As with candidates, the file
//! is read twice: the first pass checks every row against the database
//! and the file and writes nothing unless all pass (or `--skip-invalid`
//! says to leave the bad ones out); the second reads it again and writes
//! a chunk of applications at a time.

pub use super::cells::stage_named;
use super::columns::fold_header;
use super::csv_in::{CsvRecords, Record};
use super::external::ExternalIndex;
use super::fields::{Place, Problem};
use super::format::MAX_ROW_BYTES;
use super::journal::{self, Chunks, Stopped};
use super::layout::{FileKind, Layout};
use super::layouts;
use super::report::{ImportOptions, ImportReport, RowKind, Written};
use super::row;
use super::write::CHUNK;
use crate::domain::problem::one_line_problems;
use crate::domain::text::clean_line;
use crate::domain::{Application, CandidateId, EngagementId, ExternalId, Stage, Stamp, Timestamp};
use crate::store::{Store, StoreError};
use chrono::TimeDelta;
use std::collections::HashMap;
use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::rc::Rc;

/// One column of an applications file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Engagement,
    Candidate,
    Stage,
    Date,
    Actor,
}

impl Col {
    const ALL: [Col; 5] = [
        Col::Engagement,
        Col::Candidate,
        Col::Stage,
        Col::Date,
        Col::Actor,
    ];

    /// Without these a row cannot become an application.
    const REQUIRED: [Col; 4] = [Col::Engagement, Col::Candidate, Col::Stage, Col::Date];

    fn name(self) -> &'static str {
        match self {
            Col::Engagement => "engagement",
            Col::Candidate => "candidate",
            Col::Stage => "stage",
            Col::Date => "date",
            Col::Actor => "actor",
        }
    }

    /// Other names for the column, folded (see [`fold_header`]).
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Col::Engagement => &["engagementid", "opening", "job"],
            Col::Candidate => &["candidateid", "email", "candidateemail"],
            Col::Stage => &["pipelinestage"],
            Col::Date => &["enteredat", "entered", "since", "stagedate"],
            Col::Actor => &["by", "movedby", "recruiter"],
        }
    }

    fn from_header(header: &str) -> Option<Col> {
        let folded = fold_header(header);
        Col::ALL
            .into_iter()
            .find(|c| c.name() == folded || c.aliases().contains(&folded.as_str()))
    }
}

/// Where each column sits in the header row.
struct Header {
    columns: Vec<Option<Col>>,
    /// The headers as written (cleaned), for messages.
    names: Vec<Rc<str>>,
}

impl Header {
    /// Maps a header row; unknown, repeated and missing columns are all
    /// named, and none of the rows is read past them.
    fn parse(head: &Record) -> Result<Header, Vec<Problem>> {
        let mut header = Header {
            columns: Vec::new(),
            names: Vec::new(),
        };
        let mut problems = Vec::new();
        for (position, (line, text)) in head.fields.iter().enumerate() {
            let raw = match text {
                Ok(raw) => raw.as_str(),
                Err(message) => {
                    problems.push(Problem::line(*line, message.clone()));
                    ""
                }
            };
            let name = clean_line(raw);
            let column = Col::from_header(raw);
            match column {
                None => problems.push(Problem::line(
                    head.line,
                    format!(
                        "column {} (`{name}`) is not an application field; known fields: {}",
                        position + 1,
                        Col::ALL.map(Col::name).join(", ")
                    ),
                )),
                Some(c) if header.columns.contains(&Some(c)) => problems.push(Problem::line(
                    head.line,
                    format!(
                        "column {} (`{name}`) repeats the {} column",
                        position + 1,
                        c.name()
                    ),
                )),
                Some(_) => {}
            }
            header.columns.push(column);
            header.names.push(name.into());
        }
        for required in Col::REQUIRED {
            if !header.columns.contains(&Some(required)) {
                let message = format!("the required column `{}` is missing", required.name());
                problems.push(Problem::line(head.line, message));
            }
        }
        if problems.is_empty() {
            Ok(header)
        } else {
            Err(problems)
        }
    }
}

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
        .any(|h| Col::from_header(h).is_none() && names_a_person(h));
    columns.contains(&Some(Col::Engagement))
        && columns.contains(&Some(Col::Stage))
        && !names_a_person
}

/// Whether a header is a person's name (or part of it), as a candidates
/// file of any layout writes it.
fn names_a_person(header: &str) -> bool {
    use super::target::Target;
    let generic = super::layouts::spreadsheet(super::layout::FileKind::Csv).column(header);
    matches!(
        generic,
        Some(Target::Name(_) | Target::Column(super::columns::Column::Name))
    ) || super::columns::Column::from_header(header) == Some(super::columns::Column::Name)
}

/// When a row's candidate entered its stage: a date (`2026-05-28`, at
/// midnight UTC) or an RFC 3339 time, to the millisecond (as stored), no
/// later than a day past `now`.
pub fn entered_at(text: &str, now: Timestamp) -> Result<Timestamp, String> {
    let at = match row::date(text) {
        Ok(Some(day)) => day.and_time(chrono::NaiveTime::MIN).and_utc(),
        Ok(None) => return Err("the date is empty".into()),
        Err(date_problem) => match row::timestamp(text) {
            Ok(Some(at)) => at,
            Ok(None) => return Err("the date is empty".into()),
            Err(_) if !text.contains(['T', 't', ' ']) => return Err(date_problem),
            Err(time_problem) => return Err(time_problem),
        },
    };
    let at = Timestamp::from_timestamp_millis(at.timestamp_millis()).unwrap_or(at);
    if at > now + TimeDelta::days(1) {
        return Err(format!("`{text}` is in the future"));
    }
    Ok(at)
}

/// A stage by our name, else as another system names it: the layout's
/// value map (`--from`, `--map`), then the names most systems use
/// (`Phone Screen`, `Onsite`, `Hired`: `assets/layouts/spreadsheet.toml`).
fn stage_read(text: &str, layout: Option<&Layout>) -> Result<Stage, String> {
    stage_named(text).or_else(|ours| {
        (layout.and_then(|l| l.stage(text)))
            .or_else(|| layouts::spreadsheet(FileKind::Csv).stage(text))
            .ok_or(ours)
    })
}

/// What a row's names are looked up in.
trait Lookup {
    fn engagement(&self, text: &str) -> Result<EngagementId, String>;
    fn candidate(&self, text: &str) -> Result<CandidateId, String>;
    /// A stage, ours or another system's.
    fn stage(&self, text: &str) -> Result<Stage, String> {
        stage_read(text, None)
    }
    /// The stage the candidate is at in the engagement's pipeline, if
    /// they are in it.
    fn stage_of(
        &self,
        engagement: EngagementId,
        candidate: CandidateId,
    ) -> Result<Option<Stage>, String>;
}

fn unreadable(error: StoreError) -> String {
    format!("the database could not be read: {error}")
}

/// The database, with its engagements' titles at hand (they are few);
/// and when the file is another system's (`--from`, `--map`), that
/// layout, whose stage names it uses, and the stored candidates by their
/// ids in that system, by which it may name them.
struct InStore<'s> {
    store: &'s Store,
    titles: Vec<(EngagementId, String)>,
    layout: Option<&'s Layout>,
    external: ExternalIndex,
}

impl<'s> InStore<'s> {
    fn new(store: &'s Store, layout: Option<&'s Layout>) -> Result<InStore<'s>, StoreError> {
        let titles = store
            .engagements()?
            .into_iter()
            .map(|e| (e.id, clean_line(&e.title)))
            .collect();
        let mut external = ExternalIndex::default();
        if layout.is_some() {
            for candidate in store.each_candidate() {
                external.insert(&candidate?);
            }
        }
        Ok(InStore {
            store,
            titles,
            layout,
            external,
        })
    }
}

impl Lookup for InStore<'_> {
    fn stage(&self, text: &str) -> Result<Stage, String> {
        stage_read(text, self.layout)
    }

    /// An id (`E3`, `3`) of an engagement on file, else an exact title
    /// that only one engagement has.
    fn engagement(&self, text: &str) -> Result<EngagementId, String> {
        let id = text.parse::<EngagementId>().ok();
        if let Some(id) = id.filter(|id| self.titles.iter().any(|(e, _)| e == id)) {
            return Ok(id);
        }
        let titled: Vec<EngagementId> = self
            .titles
            .iter()
            .filter(|(_, title)| title == text)
            .map(|(e, _)| *e)
            .collect();
        match (titled.as_slice(), id) {
            ([one], _) => Ok(*one),
            ([], Some(id)) => Err(format!("no engagement {id}")),
            ([], None) => Err(format!("no engagement is titled `{text}`")),
            (many, _) => {
                let ids: Vec<String> = many.iter().map(ToString::to_string).collect();
                Err(format!(
                    "{} engagements are titled `{text}` ({}): name one by its id",
                    many.len(),
                    ids.join(", ")
                ))
            }
        }
    }

    /// An id (`C12`, `12`) of a candidate on file, or an email.
    /// An id the other system gave them (with its layout), an id of ours
    /// (`C12`, `12`), or an email.
    fn candidate(&self, text: &str) -> Result<CandidateId, String> {
        let theirs = self.layout.map(|l| ExternalId::new(l.system.clone(), text));
        if let Some(found) = theirs.and_then(|id| self.external.find_id(&id)) {
            return Ok(found);
        }
        if text.contains('@') {
            return match self.store.candidate_by_email(text).map_err(unreadable)? {
                Some(candidate) => Ok(candidate.id),
                None => Err(format!("no candidate has the email {text}")),
            };
        }
        let id = text
            .parse::<CandidateId>()
            .map_err(|_| format!("`{text}` is neither a candidate id (C12) nor an email"))?;
        match self.store.candidate(id).map_err(unreadable)? {
            Some(_) => Ok(id),
            None => Err(format!("no candidate {id}")),
        }
    }

    fn stage_of(
        &self,
        engagement: EngagementId,
        candidate: CandidateId,
    ) -> Result<Option<Stage>, String> {
        let app = self.store.application(engagement, candidate);
        Ok(app.map_err(unreadable)?.map(|a| a.stage))
    }
}

/// An empty database: every name is unknown.
struct Nothing;

impl Lookup for Nothing {
    fn engagement(&self, text: &str) -> Result<EngagementId, String> {
        Err(format!("no engagement `{text}` in an empty database"))
    }

    fn candidate(&self, text: &str) -> Result<CandidateId, String> {
        Err(format!("no candidate `{text}` in an empty database"))
    }

    fn stage_of(&self, _: EngagementId, _: CandidateId) -> Result<Option<Stage>, String> {
        Ok(None)
    }
}

/// Reads the file, handing each row (its line, and the application it
/// makes or every problem with it) to `each`. `Err` is what stopped the
/// reading: a header that cannot be used (each of its problems handed to
/// `header_problem` first), or a file that cannot be read on.
fn read(
    input: impl Read,
    lookup: &dyn Lookup,
    stamp: &Stamp,
    each: &mut dyn FnMut(u64, Result<Application, Vec<Problem>>),
    header_problem: &mut dyn FnMut(Problem),
) -> Result<(), Problem> {
    let mut records = CsvRecords::new(input);
    let Some(head) = records.next_record()? else {
        return Err(Problem::line(
            1,
            "the file is empty; it needs a header row: engagement,candidate,stage,date",
        ));
    };
    let header = Header::parse(&head).map_err(|problems| {
        problems.into_iter().for_each(&mut *header_problem);
        Problem::line(
            head.line,
            "the header row cannot be used, so no row was read",
        )
    })?;
    while let Some(record) = records.next_record()? {
        let line = record.line;
        each(line, application(&header, record, lookup, stamp));
    }
    Ok(())
}

/// The application a row describes, or every problem with it.
fn application(
    header: &Header,
    record: Record,
    lookup: &dyn Lookup,
    stamp: &Stamp,
) -> Result<Application, Vec<Problem>> {
    let line = record.line;
    if record.bytes > MAX_ROW_BYTES {
        let message = format!("the row is larger than {} KiB", MAX_ROW_BYTES / 1024);
        return Err(vec![Problem::line(line, message)]);
    }
    let mut problems = Vec::new();
    if record.fields.len() != header.columns.len() {
        problems.push(Problem::line(
            line,
            format!(
                "the row has {} fields where the header has {}",
                record.fields.len(),
                header.columns.len()
            ),
        ));
    }
    let (mut engagement, mut candidate, mut stage, mut at) = (None, None, None, None);
    let mut actor = stamp.actor.clone();
    let columns = header.columns.iter().zip(&header.names);
    for (index, ((field_line, text), (column, name))) in
        record.fields.into_iter().zip(columns).enumerate()
    {
        let Some(column) = *column else { continue };
        let place = Place {
            line: field_line,
            column: index as u64 + 1,
            name: Rc::clone(name),
        };
        let text = text.map(|t| clean_line(&t));
        let value = match (text, column) {
            (Err(message), _) => Err(message),
            (Ok(text), Col::Actor) => {
                let problems = one_line_problems("actor", &text);
                match problems.into_iter().next() {
                    Some(problem) => Err(problem.message),
                    None if text.is_empty() => Ok(()),
                    None => {
                        actor = text;
                        Ok(())
                    }
                }
            }
            (Ok(text), _) if text.is_empty() => Err(format!("{} is empty", column.name())),
            (Ok(text), Col::Engagement) => lookup.engagement(&text).map(|e| {
                engagement = Some(e);
            }),
            (Ok(text), Col::Candidate) => lookup.candidate(&text).map(|c| {
                candidate = Some(c);
            }),
            (Ok(text), Col::Stage) => lookup.stage(&text).map(|s| {
                stage = Some(s);
            }),
            (Ok(text), Col::Date) => entered_at(&text, stamp.at).map(|t| {
                at = Some(t);
            }),
        };
        if let Err(message) = value {
            problems.push(Problem::at(&place, message));
        }
    }
    let (Some(engagement), Some(candidate), Some(stage), Some(at)) =
        (engagement, candidate, stage, at)
    else {
        return Err(problems);
    };
    match lookup.stage_of(engagement, candidate) {
        Ok(None) => {}
        Ok(Some(held)) => problems.push(Problem::line(
            line,
            format!("{candidate} is already in the pipeline of {engagement}, at {held}"),
        )),
        Err(message) => problems.push(Problem::line(line, message)),
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Application::new(engagement, candidate, stage, at, &actor))
}

/// The first pass: every row checked, and whether each is to be written.
struct Check {
    report: ImportReport,
    plan: Vec<bool>,
    /// (engagement, candidate) -> the line that has them.
    seen: HashMap<(EngagementId, CandidateId), u64>,
}

impl Check {
    fn new() -> Check {
        Check {
            report: ImportReport {
                rows_of: RowKind::Applications,
                ..ImportReport::default()
            },
            plan: Vec::new(),
            seen: HashMap::new(),
        }
    }

    fn row(&mut self, line: u64, outcome: Result<Application, Vec<Problem>>) {
        self.report.rows += 1;
        let outcome = outcome.and_then(|app| {
            let key = (app.engagement, app.candidate);
            match self.seen.get(&key) {
                Some(earlier) => Err(vec![Problem::line(
                    line,
                    format!("{} in {} is also on line {earlier}", key.1, key.0),
                )]),
                None => {
                    self.seen.insert(key, line);
                    Ok(app)
                }
            }
        });
        let ok = match outcome {
            Ok(_) => {
                self.report.added += 1;
                true
            }
            Err(problems) => {
                self.report.invalid += 1;
                for problem in problems {
                    self.report.note_problem(problem.to_string());
                }
                false
            }
        };
        self.plan.push(ok);
    }

    fn run(&mut self, input: impl Read, lookup: &dyn Lookup, stamp: &Stamp) {
        let mut header_problems = Vec::new();
        let outcome = read(
            input,
            lookup,
            stamp,
            &mut |line, outcome| self.row(line, outcome),
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
    let lookup = InStore::new(store, layout).map_err(Failure::Read)?;
    let mut check = Check::new();
    match File::open(path) {
        Ok(file) => check.run(file, &lookup, stamp),
        Err(e) => {
            let problem = format!("cannot open {}: {e}", path.display());
            check.report.note_problem(problem.clone());
            check.report.stopped = Some(problem);
        }
    }
    let (plan, mut report) = (check.plan, check.report);
    if options.dry_run || !report.may_write(options) {
        return Ok(report);
    }
    let file = path.display().to_string();
    journal::begin(store, &file).map_err(Failure::Read)?;
    let (written, error) = write(store, path, &lookup, stamp, &plan);
    let written = Written {
        applications: written,
        ..Written::default()
    };
    report.written = Some(journal::settle(store, &file, written, error).map_err(Failure::Write)?);
    Ok(report)
}

/// The second pass: the file read again and its planned rows written, a
/// chunk at a time. How many were written, and what stopped it.
fn write(
    store: &Store,
    path: &Path,
    lookup: &dyn Lookup,
    stamp: &Stamp,
    plan: &[bool],
) -> (usize, Option<StoreError>) {
    let changed = |what: String| {
        StoreError::Invalid(vec![format!("{what}: the file changed during the import")])
    };
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) => {
            return (
                0,
                Some(changed(format!("it could not be opened again ({e})"))),
            );
        }
    };
    let (mut written, mut error) = (0, None);
    let mut chunk: Vec<Application> = Vec::with_capacity(CHUNK);
    let mut index = 0;
    let mut chunks = Chunks::default();
    let mut flush = |chunk: &mut Vec<Application>, written: &mut usize| {
        let outcome = store.add_applications(chunk);
        if outcome.is_ok() {
            *written += chunk.len();
            chunks.written();
        }
        chunk.clear();
        outcome.err()
    };
    let outcome = read(
        file,
        lookup,
        stamp,
        &mut |line, outcome| {
            let planned = plan.get(index).copied().unwrap_or(false);
            index += 1;
            if error.is_some() || !planned {
                return;
            }
            match outcome {
                Ok(app) => {
                    chunk.push(app);
                    if chunk.len() >= CHUNK {
                        error = flush(&mut chunk, &mut written);
                    }
                }
                Err(_) => error = Some(changed(format!("line {line} reads differently"))),
            }
        },
        &mut |_| {},
    );
    if let (Err(problem), None) = (outcome, &error) {
        error = Some(changed(format!("it could not be read again ({problem})")));
    }
    if error.is_none() && !chunk.is_empty() {
        error = flush(&mut chunk, &mut written);
    }
    (written, error)
}

/// Checks an applications file in memory against an empty database: the
/// rows' own values are checked, and every engagement and candidate is
/// unknown. For tests and fuzzing; never panics.
pub fn check_alone(input: impl Read, stamp: &Stamp) -> ImportReport {
    let mut check = Check::new();
    check.run(input, &Nothing, stamp);
    check.report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::at;

    #[test]
    fn stages_are_named_as_move_takes_them_in_any_case() {
        for (text, stage) in [
            ("technical", Stage::TechnicalInterview),
            ("Technical interview", Stage::TechnicalInterview),
            ("TechnicalInterview", Stage::TechnicalInterview),
            ("client_interview", Stage::ClientInterview),
            ("CLIENT", Stage::ClientInterview),
            ("screen", Stage::Screening),
            (" Placed ", Stage::Placed),
            ("withdrawn", Stage::Withdrawn),
        ] {
            assert_eq!(stage_named(text), Ok(stage), "{text}");
        }
        let vague = stage_named("Interview").unwrap_err();
        assert!(
            vague.contains("Technical interview or Client interview"),
            "{vague}"
        );
        let unknown = stage_named("hired\u{1b}[2J").unwrap_err();
        assert!(
            unknown.starts_with("`hired[2J` is not a stage: sourced, screening,"),
            "{unknown}"
        );
    }

    #[test]
    fn dates_are_midnight_utc_and_times_are_kept_to_the_millisecond() {
        let now = at(20);
        let midnight = entered_at("2026-01-05", now).unwrap();
        assert_eq!(midnight.to_rfc3339(), "2026-01-05T00:00:00+00:00");
        let time = entered_at("2026-01-05T14:30:00.123456+02:00", now).unwrap();
        assert_eq!(time.to_rfc3339(), "2026-01-05T12:30:00.123+00:00");
        assert!(entered_at("2026-01-21", now).is_ok(), "today, anywhere");
        let future = entered_at("2026-01-22", now).unwrap_err();
        assert!(future.contains("in the future"), "{future}");
        for bad in ["2026-13-01", "0000-12-31", "5 May", "2026-01-05T25:00:00Z"] {
            assert!(entered_at(bad, now).is_err(), "{bad}");
        }
        assert!(
            entered_at("2026-13-01", now)
                .unwrap_err()
                .contains("YYYY-MM-DD")
        );
    }

    #[test]
    fn an_empty_database_knows_no_row_but_still_checks_its_values() {
        let text = "engagement,candidate,stage,date\nE1,C1,nowhere,2026-01-02\n";
        let report = check_alone(text.as_bytes(), &Stamp::new(at(20), "t"));
        assert_eq!((report.rows, report.invalid, report.added), (1, 1, 0));
        assert_eq!(report.rows_of, RowKind::Applications);
        assert_eq!(report.problem_count, 3, "{:?}", report.problems);
        assert!(report.problems[2].contains("`nowhere` is not a stage"));
    }
}
