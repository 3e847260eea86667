//! Reading CSV as a stream of records with their places, within bounds:
//! a byte-order mark is skipped, each field must be UTF-8, and no record
//! may grow past [`MAX_ROW_BYTES`] however the file is shaped.

use super::Sink;
use super::fields::{Place, Problem, Row};
use super::format::MAX_ROW_BYTES;
use super::mapped_row::Building;
use super::mapping::Mapping;
use super::report::ColumnOptions;
use csv::{ByteRecord, ReaderBuilder, StringRecord};
use serde::de::DeserializeOwned;
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read};

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
    raw: ByteRecord,
}

impl<R: Read> CsvRecords<R> {
    pub fn new(input: R) -> CsvRecords<R> {
        let capped = Capped {
            inner: skip_bom(BufReader::new(input)),
            record_start: 0,
            lines: Lines::default(),
        };
        let reader = ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(capped);
        CsvRecords {
            reader,
            raw: ByteRecord::new(),
        }
    }

    /// The next record; `Err` ends the reading (an I/O error, or a record
    /// too long to hold). Lines are counted here, not by the csv crate,
    /// whose count skips blank lines and takes a lone `\r` for no break.
    pub fn next_record(&mut self) -> Result<Option<Record>, Problem> {
        let before = self.reader.position().byte();
        match self.reader.read_byte_record(&mut self.raw) {
            Ok(false) => Ok(None),
            Ok(true) => {
                let end = self.reader.position().byte();
                let start = self.raw.position().map_or(before, |p| p.byte());
                let capped = self.reader.get_mut();
                capped.record_start = end;
                let line = capped.lines.record_line(start);
                Ok(Some(record(&self.raw, line)))
            }
            Err(error) => {
                let at = error.position().map_or(before, |p| p.byte());
                let line = self.reader.get_mut().lines.record_line(at);
                Err(fatal(&error, line))
            }
        }
    }
}

/// Where the lines of the bytes read so far start, so that a record can be
/// given its line. A line ends at `\n`, `\r\n` or a lone `\r` (Excel
/// writes `\r\n`; old Mac files use `\r`). Records are asked about in
/// order, so the lines already passed are only counted.
#[derive(Debug)]
struct Lines {
    /// The line holding the last record asked about: its number, where it
    /// starts, and whether it is blank (its first byte ends it).
    line: u64,
    start: u64,
    blank: bool,
    /// The lines after it: where each starts, and whether it is blank.
    ahead: VecDeque<(u64, bool)>,
    /// The offset of the next byte to scan.
    offset: u64,
    /// The last byte scanned was a `\r`: whether its line break takes a
    /// `\n` too is known at the next byte.
    after_cr: bool,
    /// The newest line starts at the next byte, which says if it is blank.
    opening: bool,
}

impl Default for Lines {
    fn default() -> Lines {
        Lines {
            line: 1,
            start: 0,
            blank: false,
            ahead: VecDeque::new(),
            offset: 0,
            after_cr: false,
            opening: true,
        }
    }
}

impl Lines {
    fn scan(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            let ends_line = matches!(byte, b'\n' | b'\r');
            if std::mem::take(&mut self.opening) {
                match self.ahead.back_mut() {
                    Some(newest) => newest.1 = ends_line,
                    None => self.blank = ends_line,
                }
            }
            if byte == b'\n' {
                self.ahead.push_back((self.offset + 1, false));
                self.opening = true;
            } else if self.after_cr {
                // A lone `\r` ended the line before this byte.
                self.ahead.push_back((self.offset, ends_line));
            }
            self.after_cr = byte == b'\r';
            self.offset += 1;
        }
    }

    /// The line a record placed at byte `offset` starts on; `offset` must
    /// not be before one asked about earlier. The csv crate places a
    /// record where the line break before it ends (which may be between
    /// a `\r` and its `\n`), ahead of the blank lines it skips.
    fn record_line(&mut self, offset: u64) -> u64 {
        while self
            .ahead
            .front()
            .is_some_and(|&(start, _)| start <= offset)
        {
            self.next_line();
        }
        while (offset > self.start || self.blank) && !self.ahead.is_empty() {
            self.next_line();
        }
        self.line
    }

    fn next_line(&mut self) {
        if let Some((start, blank)) = self.ahead.pop_front() {
            (self.line, self.start, self.blank) = (self.line + 1, start, blank);
        }
    }
}

/// Line breaks inside a field's text, counted as [`Lines`] counts them.
fn line_breaks(bytes: &[u8]) -> u64 {
    let mut breaks = 0;
    let mut after_cr = false;
    for &byte in bytes {
        if byte == b'\r' || (byte == b'\n' && !after_cr) {
            breaks += 1;
        }
        after_cr = byte == b'\r';
    }
    breaks
}

/// Reads a candidate file: a header row naming the columns, then one
/// candidate per row, each put through the mapping the header gives (see
/// `mapping`). A header that cannot be used stops everything.
pub fn read_candidates(
    input: impl Read,
    sink: &mut dyn Sink,
    options: &ColumnOptions,
) -> Result<(), Problem> {
    let mut records = CsvRecords::new(input);
    let Some(head) = records.next_record()? else {
        return Err(Problem::line(
            1,
            "the file is empty; it needs a header row naming its columns",
        ));
    };
    let mapping = mapping_of(&head, sink, options)?;
    sink.mapped(&mapping.summary);
    while let Some(record) = records.next_record()? {
        sink.candidate(mapped_row(&mapping, record));
    }
    Ok(())
}

/// The header row's cells.
pub fn header_names(head: &Record) -> Result<Vec<String>, Problem> {
    head.fields
        .iter()
        .map(|(line, text)| text.clone().map_err(|m| Problem::line(*line, m)))
        .collect()
}

fn mapping_of(
    head: &Record,
    sink: &mut dyn Sink,
    options: &ColumnOptions,
) -> Result<Mapping, Problem> {
    let names = header_names(head)?;
    Mapping::for_header(&names, options).map_err(|error| {
        for message in error.0 {
            sink.problem(Problem::line(head.line, message));
        }
        Problem::line(
            head.line,
            "the header row cannot be used, so no row was read",
        )
    })
}

/// A record as a row: each cell through its column's slot.
pub fn mapped_row(mapping: &Mapping, record: Record) -> Row {
    let mut building = Building::new(mapping, record.line);
    if record.bytes > MAX_ROW_BYTES {
        let message = format!("the row is larger than {} KiB", MAX_ROW_BYTES / 1024);
        building
            .row
            .problems
            .push(Problem::line(record.line, message));
        return building.row;
    }
    if record.fields.len() != mapping.slots.len() {
        building.row.problems.push(Problem::line(
            record.line,
            format!(
                "the row has {} fields where the header has {}",
                record.fields.len(),
                mapping.slots.len()
            ),
        ));
    }
    let columns = mapping.slots.iter().zip(&mapping.names);
    for (index, ((line, text), (slot, name))) in record.fields.into_iter().zip(columns).enumerate()
    {
        let place = Place {
            line,
            column: index as u64 + 1,
            name: name.clone(),
        };
        match text {
            Ok(text) => building.cell(slot, place, text),
            Err(message) => building.row.problems.push(Problem::at(&place, message)),
        }
    }
    building.finish()
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
            field_line += line_breaks(bytes);
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
/// binary file without newlines) cannot take all memory; and notes where
/// lines start as bytes go by.
struct Capped<R> {
    inner: R,
    /// Where the record being read started.
    record_start: u64,
    lines: Lines,
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let limit = self.record_start + 2 * MAX_ROW_BYTES as u64;
        if self.lines.offset > limit {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!(
                    "a row is longer than {} KiB; nothing after it was read",
                    MAX_ROW_BYTES / 1024
                ),
            ));
        }
        let n = self.inner.read(buf)?;
        self.lines.scan(&buf[..n]);
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
    fn lines_end_at_lf_crlf_and_lone_cr_and_count_blank_ones() {
        for eol in ["\n", "\r\n", "\r"] {
            let text = ["a", "\"b", "c\",x", "", "d", ""].join(eol);
            let records = all(text.as_bytes());
            let lines: Vec<u64> = records.iter().map(|r| r.line).collect();
            assert_eq!(lines, [1, 2, 5], "{eol:?}");
            assert_eq!(records[1].fields[0].0, 2, "{eol:?}");
            assert_eq!(records[1].fields[1].0, 3, "{eol:?}");
            let late = all(format!("{eol}{eol}a,b{eol}").as_bytes());
            assert_eq!(late[0].line, 3, "{eol:?}");
        }
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
