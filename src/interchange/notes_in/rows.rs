//! A notes file read row by row: each row the note it makes, or every
//! problem with it, by line and column. Both passes read through here.

use super::header::{Col, Header};
use crate::domain::note::note_text;
use crate::domain::problem::one_line_problems;
use crate::domain::text::clean_line;
use crate::domain::{CandidateId, EngagementId, Note, NoteId, Stamp, Timestamp};
use crate::interchange::csv_in::{CsvRecords, Record};
use crate::interchange::fields::{Place, Problem};
use crate::interchange::format::MAX_ROW_BYTES;
use crate::interchange::note_lookup::Lookup;
use crate::interchange::pipeline_in::entered_at;
use std::io::Read;
use std::sync::Arc;

/// What the rows are read with: the names' lookup, the import's stamp
/// (its time bounds the notes' times, its actor is the default author),
/// and the columns `--drop` leaves out.
pub(super) struct Reading<'r> {
    pub(super) lookup: &'r dyn Lookup,
    pub(super) stamp: &'r Stamp,
    pub(super) drop: &'r [String],
}

/// Reads the file, handing each row (its line, and the note it makes or
/// every problem with it) to `each`. `Err` is what stopped the reading:
/// a header that cannot be used (each of its problems handed to
/// `header_problem` first), or a file that cannot be read on.
pub(super) fn read(
    input: impl Read,
    reading: &Reading,
    each: &mut dyn FnMut(u64, Result<Note, Vec<Problem>>),
    header_problem: &mut dyn FnMut(Problem),
) -> Result<(), Problem> {
    let mut records = CsvRecords::new(input);
    let Some(head) = records.next_record()? else {
        return Err(Problem::line(
            1,
            "the file is empty; it needs a header row: candidate,note,author,date",
        ));
    };
    let header = Header::parse(&head, reading.drop).map_err(|problems| {
        problems.into_iter().for_each(&mut *header_problem);
        Problem::line(
            head.line,
            "the header row cannot be used, so no row was read",
        )
    })?;
    while let Some(record) = records.next_record()? {
        let line = record.line;
        each(line, note(&header, record, reading));
    }
    Ok(())
}

/// What a row's cells say, as far as they could be read.
#[derive(Default)]
struct Cells {
    candidate: Option<CandidateId>,
    text: Option<String>,
    author: Option<String>,
    at: Option<Timestamp>,
    engagement: Option<EngagementId>,
}

/// The note a row describes, or every problem with it.
fn note(header: &Header, record: Record, reading: &Reading) -> Result<Note, Vec<Problem>> {
    let line = record.line;
    if record.bytes > MAX_ROW_BYTES {
        let message = format!("the row is larger than {} KiB", MAX_ROW_BYTES / 1024);
        return Err(vec![Problem::line(line, message)]);
    }
    let (cells, mut problems) = cells(header, record, reading);
    let (Some(candidate), Some(text), Some(at)) = (cells.candidate, cells.text, cells.at) else {
        return Err(problems);
    };
    if let Some(engagement) = cells.engagement {
        let problem = match reading.lookup.applied(engagement, candidate) {
            Ok(true) => None,
            Ok(false) => Some(format!(
                "{candidate} is not in the pipeline of {engagement}, so no note can be about \
                 that application"
            )),
            Err(message) => Some(message),
        };
        problems.extend(problem.map(|p| Problem::line(line, p)));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Note {
        id: NoteId(0),
        candidate,
        engagement: cells.engagement,
        at,
        author: (cells.author).unwrap_or_else(|| reading.stamp.actor.clone()),
        text,
    })
}

/// What a row's cells say, and every problem with them.
fn cells(header: &Header, record: Record, reading: &Reading) -> (Cells, Vec<Problem>) {
    let mut problems = Vec::new();
    if record.fields.len() != header.columns.len() {
        let message = format!(
            "the row has {} fields where the header has {}",
            record.fields.len(),
            header.columns.len()
        );
        problems.push(Problem::line(record.line, message));
    }
    let mut cells = Cells::default();
    let columns = header.columns.iter().zip(&header.names);
    for (index, ((field_line, text), (column, name))) in
        record.fields.into_iter().zip(columns).enumerate()
    {
        let Some(column) = *column else { continue };
        if let Err(message) = text.and_then(|text| cell(&mut cells, column, &text, reading)) {
            let place = Place {
                line: field_line,
                column: index as u64 + 1,
                name: Arc::clone(name),
            };
            problems.push(Problem::at(&place, message));
        }
    }
    (cells, problems)
}

/// Reads one cell into `cells`, or says what is wrong with it. The note
/// keeps its line breaks; every other cell is one line.
fn cell(cells: &mut Cells, column: Col, raw: &str, reading: &Reading) -> Result<(), String> {
    if column == Col::Note {
        cells.text = Some(note_text(raw)?);
        return Ok(());
    }
    let text = clean_line(raw);
    match column {
        Col::Author => match one_line_problems("author", &text).into_iter().next() {
            Some(problem) => return Err(problem.message),
            None if text.is_empty() => {}
            None => cells.author = Some(text),
        },
        Col::Engagement if text.is_empty() => {}
        _ if text.is_empty() => return Err(format!("{} is empty", column.name())),
        Col::Candidate => cells.candidate = Some(reading.lookup.candidate(&text)?),
        Col::Engagement => cells.engagement = Some(reading.lookup.engagement(&text)?),
        Col::Date => cells.at = Some(entered_at(&text, reading.stamp.at)?),
        Col::Note => {}
    }
    Ok(())
}
