//! Reading CSV as a stream of records with their places, within bounds:
//! a byte-order mark is skipped, each field must be UTF-8, and no record
//! may grow past [`MAX_ROW_BYTES`] however the file is shaped.

use super::columns::Header;
use super::fields::{Field, Place, Problem, Raw, Row};
use super::{MAX_ROW_BYTES, Sink};
use csv::{ByteRecord, ReaderBuilder, StringRecord};
use serde::de::DeserializeOwned;
use std::cell::Cell;
use std::io::{BufRead, BufReader, Read};
use std::rc::Rc;

/// One CSV record: the line it starts on, and each field with its line
/// (a field after a quoted newline starts lower down).
#[derive(Debug, Clone, Default)]
pub struct Record {
    pub line: u64,
    /// Line and text of each field, or the problem with its bytes.
    pub fields: Vec<(u64, Result<String, String>)>,
    /// Bytes in the record, for the size check.
    pub bytes: usize,
}

/// A CSV file read record by record.
pub struct CsvRecords<R: Read> {
    reader: csv::Reader<Capped<BufReader<R>>>,
    /// Where the record being read started, shared with [`Capped`].
    record_start: Rc<Cell<u64>>,
    raw: ByteRecord,
}

impl<R: Read> CsvRecords<R> {
    pub fn new(input: R) -> CsvRecords<R> {
        let record_start = Rc::new(Cell::new(0));
        let capped = Capped {
            inner: skip_bom(BufReader::new(input)),
            read: 0,
            record_start: Rc::clone(&record_start),
        };
        let reader = ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(capped);
        CsvRecords {
            reader,
            record_start,
            raw: ByteRecord::new(),
        }
    }

    /// The next record; `Err` ends the reading (an I/O error, or a record
    /// too long to hold).
    pub fn next_record(&mut self) -> Result<Option<Record>, Problem> {
        let line = self.reader.position().line();
        match self.reader.read_byte_record(&mut self.raw) {
            Ok(false) => Ok(None),
            Ok(true) => {
                self.record_start.set(self.reader.position().byte());
                let line = self.raw.position().map_or(line, |p| p.line());
                Ok(Some(record(&self.raw, line)))
            }
            Err(error) => Err(fatal(&error, line)),
        }
    }
}

/// Reads a candidate file: a header row naming the columns, then one
/// candidate per row. A header that cannot be used stops everything.
pub fn read_candidates(input: impl Read, sink: &mut dyn Sink) -> Result<(), Problem> {
    let mut records = CsvRecords::new(input);
    let Some(head) = records.next_record()? else {
        return Err(Problem::line(
            1,
            "the file is empty; it needs a header row naming its columns",
        ));
    };
    let header = header_of(&head, sink)?;
    while let Some(record) = records.next_record()? {
        sink.candidate(candidate_row(&header, record));
    }
    Ok(())
}

fn header_names(head: &Record) -> Result<Vec<String>, Problem> {
    head.fields
        .iter()
        .map(|(line, text)| text.clone().map_err(|m| Problem::line(*line, m)))
        .collect()
}

fn header_of(head: &Record, sink: &mut dyn Sink) -> Result<Header, Problem> {
    let names = header_names(head)?;
    Header::parse(names.iter().map(String::as_str)).map_err(|error| {
        for message in error.0 {
            sink.problem(Problem::line(head.line, message));
        }
        Problem::line(
            head.line,
            "the header row cannot be used, so no row was read",
        )
    })
}

fn candidate_row(header: &Header, record: Record) -> Row {
    let mut row = Row {
        line: record.line,
        ..Row::default()
    };
    if record.bytes > MAX_ROW_BYTES {
        let message = format!("the row is larger than {} KiB", MAX_ROW_BYTES / 1024);
        row.problems.push(Problem::line(record.line, message));
        return row;
    }
    if record.fields.len() != header.columns.len() {
        row.problems.push(Problem::line(
            record.line,
            format!(
                "the row has {} fields where the header has {}",
                record.fields.len(),
                header.columns.len()
            ),
        ));
    }
    let columns = header.columns.iter().zip(&header.names);
    for (index, ((line, text), (column, name))) in
        record.fields.into_iter().zip(columns).enumerate()
    {
        let place = Place {
            line,
            column: index as u64 + 1,
            name: name.clone(),
        };
        match (text, column) {
            (Ok(text), Some(column)) => row.fields.push(Field {
                column: *column,
                place,
                value: Raw::Text(text),
            }),
            (Ok(_), None) => {}
            (Err(message), _) => row.problems.push(Problem::at(&place, message)),
        }
    }
    row
}

/// Reads a file of records of a fixed shape (an export's engagements,
/// applications or notes), handing each to `each`; a record that does not
/// fit the shape is a problem, and reading goes on.
pub fn read_records<T: DeserializeOwned>(
    input: impl Read,
    sink: &mut dyn Sink,
    mut each: impl FnMut(&mut dyn Sink, u64, T) -> Result<(), String>,
) -> Result<(), Problem> {
    let mut records = CsvRecords::new(input);
    let Some(head) = records.next_record()? else {
        return Ok(());
    };
    let headers = StringRecord::from(header_names(&head)?);
    while let Some(record) = records.next_record()? {
        let line = record.line;
        let fields = match record
            .fields
            .into_iter()
            .map(|(_, f)| f)
            .collect::<Result<Vec<String>, String>>()
        {
            Ok(fields) if record.bytes <= MAX_ROW_BYTES => StringRecord::from(fields),
            Ok(_) => {
                sink.problem(Problem::line(line, "the row is larger than 64 KiB"));
                continue;
            }
            Err(message) => {
                sink.problem(Problem::line(line, message));
                continue;
            }
        };
        let outcome = match fields.deserialize::<T>(Some(&headers)) {
            Ok(parsed) => each(sink, line, parsed),
            Err(error) => Err(describe(&error, &headers)),
        };
        if let Err(message) = outcome {
            sink.problem(Problem::line(line, message));
        }
    }
    Ok(())
}

fn describe(error: &csv::Error, headers: &StringRecord) -> String {
    match error.kind() {
        csv::ErrorKind::Deserialize { err, .. } => match err.field() {
            Some(index) => format!(
                "column {} ({}): {}",
                index + 1,
                headers.get(index as usize).unwrap_or("?"),
                err.kind()
            ),
            None => err.kind().to_string(),
        },
        _ => error.to_string(),
    }
}

fn record(raw: &ByteRecord, line: u64) -> Record {
    let mut field_line = line;
    let fields = raw
        .iter()
        .map(|bytes| {
            let at = field_line;
            field_line += bytes.iter().filter(|b| **b == b'\n').count() as u64;
            let text = std::str::from_utf8(bytes).map(str::to_string).map_err(|e| {
                format!(
                    "invalid UTF-8 (byte {} of the field); save the file as UTF-8",
                    e.valid_up_to() + 1
                )
            });
            (at, text)
        })
        .collect();
    Record {
        line,
        fields,
        bytes: raw.as_slice().len(),
    }
}

fn fatal(error: &csv::Error, line: u64) -> Problem {
    let line = error.position().map_or(line, |p| p.line());
    match error.kind() {
        csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::InvalidData => {
            Problem::line(line, io.to_string())
        }
        _ => Problem::line(line, format!("cannot read the file: {error}")),
    }
}

/// Drops a UTF-8 byte-order mark at the very start.
fn skip_bom<R: Read>(mut input: BufReader<R>) -> BufReader<R> {
    if let Ok(start) = input.fill_buf()
        && start.starts_with(b"\xEF\xBB\xBF")
    {
        input.consume(3);
    }
    input
}

/// Refuses to hand the CSV parser more than about two rows' worth of bytes
/// past the start of the record it is on, so that one endless field (or a
/// binary file without newlines) cannot take all memory.
struct Capped<R> {
    inner: R,
    read: u64,
    record_start: Rc<Cell<u64>>,
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let limit = self.record_start.get() + 2 * MAX_ROW_BYTES as u64;
        if self.read > limit {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!(
                    "a row is longer than {} KiB; nothing after it was read",
                    MAX_ROW_BYTES / 1024
                ),
            ));
        }
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &[u8]) -> Vec<Record> {
        let mut records = CsvRecords::new(text);
        let mut out = Vec::new();
        while let Some(record) = records.next_record().unwrap() {
            out.push(record);
        }
        out
    }

    #[test]
    fn lines_count_quoted_newlines_and_skip_the_bom() {
        let records = all(b"\xEF\xBB\xBFname,email\n\"Ana\nSilva\",ana@x.io\nBo,\"b@x.io\"\n");
        assert_eq!(records.len(), 3);
        assert_eq!(records[0].fields[0], (1, Ok("name".into())));
        assert_eq!(records[1].line, 2);
        assert_eq!(records[1].fields[1], (3, Ok("ana@x.io".into())));
        assert_eq!(records[2].line, 4);
    }

    #[test]
    fn invalid_utf8_is_a_field_problem() {
        let records = all(b"name\n\xff\xfe\n");
        assert!(
            records[1].fields[0]
                .1
                .as_ref()
                .unwrap_err()
                .contains("UTF-8")
        );
    }

    #[test]
    fn an_endless_field_stops_the_reading() {
        let mut text = b"name\n\"".to_vec();
        text.extend(std::iter::repeat_n(b'a', 4 * MAX_ROW_BYTES));
        let mut records = CsvRecords::new(text.as_slice());
        assert!(records.next_record().unwrap().is_some());
        let error = records.next_record().unwrap_err();
        assert_eq!(error.line, 2);
        assert!(error.message.contains("longer than 64 KiB"), "{error}");
    }
}
