//! The rows of an applications file, each read into an [`Entry`]: who
//! entered which stage of which engagement, when, and by whose hand.

use super::super::csv_in::{CsvRecords, Record};
use super::super::fields::{Place, Problem};
use super::super::format::MAX_ROW_BYTES;
use super::super::row;
use super::header::{Col, Header};
use super::lookup::{EngagementRef, Lookup};
use crate::domain::problem::one_line_problems;
use crate::domain::text::clean_line;
use crate::domain::{CandidateId, Stage, Stamp, Timestamp};
use chrono::TimeDelta;
use std::io::Read;
use std::sync::Arc;

/// One row: a candidate entering a stage of an engagement's pipeline.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub line: u64,
    pub engagement: EngagementRef,
    pub candidate: CandidateId,
    pub stage: Stage,
    pub at: Timestamp,
    pub actor: String,
    /// The client the row names, for an engagement to create.
    pub client: Option<String>,
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

/// Reads the file, handing each row (its line, and the entry it makes or
/// every problem with it) to `each`. `Err` is what stopped the reading:
/// a header that cannot be used (each of its problems handed to
/// `header_problem` first), or a file that cannot be read on.
pub(super) fn read(
    input: impl Read,
    lookup: &dyn Lookup,
    stamp: &Stamp,
    each: &mut dyn FnMut(u64, Result<Entry, Vec<Problem>>),
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
        each(line, entry(&header, record, lookup, stamp));
    }
    Ok(())
}

/// What a row's cells said, as they are read.
#[derive(Default)]
struct Cells {
    engagement: Option<EngagementRef>,
    candidate: Option<CandidateId>,
    stage: Option<Stage>,
    at: Option<Timestamp>,
    actor: Option<String>,
    client: Option<String>,
}

/// The entry a row describes, or every problem with it.
fn entry(
    header: &Header,
    record: Record,
    lookup: &dyn Lookup,
    stamp: &Stamp,
) -> Result<Entry, Vec<Problem>> {
    let line = record.line;
    if record.bytes > MAX_ROW_BYTES {
        let message = format!("the row is larger than {} KiB", MAX_ROW_BYTES / 1024);
        return Err(vec![Problem::line(line, message)]);
    }
    let mut problems = Vec::new();
    if record.fields.len() != header.columns.len() {
        let (found, wanted) = (record.fields.len(), header.columns.len());
        let message = format!("the row has {found} fields where the header has {wanted}");
        problems.push(Problem::line(line, message));
    }
    let mut cells = Cells::default();
    let columns = header.columns.iter().zip(&header.names);
    for (index, ((field_line, text), (column, name))) in
        record.fields.into_iter().zip(columns).enumerate()
    {
        let Some(column) = *column else { continue };
        let text = text.map(|t| clean_line(&t));
        if let Err(message) = text.and_then(|text| cells.read(column, text, lookup, stamp)) {
            let place = Place {
                line: field_line,
                column: index as u64 + 1,
                name: Arc::clone(name),
            };
            problems.push(Problem::at(&place, message));
        }
    }
    match cells {
        Cells {
            engagement: Some(engagement),
            candidate: Some(candidate),
            stage: Some(stage),
            at: Some(at),
            actor,
            client,
        } if problems.is_empty() => Ok(Entry {
            line,
            engagement,
            candidate,
            stage,
            at,
            actor: actor.unwrap_or_else(|| stamp.actor.clone()),
            client,
        }),
        _ => Err(problems),
    }
}

impl Cells {
    /// Reads one cell of `column`.
    fn read(
        &mut self,
        column: Col,
        text: String,
        lookup: &dyn Lookup,
        stamp: &Stamp,
    ) -> Result<(), String> {
        match column {
            Col::Actor | Col::Client => {
                if let Some(problem) = one_line_problems(column.name(), &text).into_iter().next() {
                    return Err(problem.message);
                }
                let kept = (!text.is_empty()).then_some(text);
                match column {
                    Col::Actor => self.actor = kept,
                    _ => self.client = kept,
                }
            }
            _ if text.is_empty() => return Err(format!("{} is empty", column.name())),
            Col::Engagement => self.engagement = Some(lookup.engagement(&text)?),
            Col::Candidate => self.candidate = Some(lookup.candidate(&text)?),
            Col::Stage => self.stage = Some(lookup.stage(&text)?),
            Col::Date => self.at = Some(entered_at(&text, stamp.at)?),
        }
        Ok(())
    }
}
