//! Reading JSON as a stream: an array of candidate objects, or a whole
//! export document. Elements are handed over one at a time through a serde
//! visitor over the array (`SeqAccess`), so memory holds one element, not
//! the file; a counting reader underneath knows the line and column of
//! each element and key, and refuses an element past [`MAX_ROW_BYTES`].

use super::Sink;
use super::fields::{Problem, Row};
use super::format::{EXPORT_FORMAT, EXPORT_VERSION, MAX_ROW_BYTES};
use super::json_map::JsonRows;
use super::json_own;
use super::json_tree::{Node, NodeSeed, Position};
use super::report::ColumnOptions;
use crate::domain::text::clean_line;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde::de::value::{MapAccessDeserializer, MapDeserializer};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::cell::{Cell, RefCell};
use std::fmt;
use std::io::{BufReader, Read};
use std::rc::Rc;

/// Reads `input` to the end, feeding `sink`. `Err` is a problem that ends
/// the reading: broken JSON, an unexpected shape, an oversized element.
pub fn read(input: impl Read, sink: &mut dyn Sink, options: &ColumnOptions) -> Result<(), Problem> {
    let counter = Rc::new(Counter::default());
    let reader = Counting {
        inner: BufReader::new(input),
        counter: Rc::clone(&counter),
        at_start: true,
    };
    let mut de = serde_json::Deserializer::from_reader(reader);
    let mut ctx = Ctx {
        sink,
        counter: &counter,
        options,
        rows: Rows::Undecided,
    };
    let outcome = Top(&mut ctx)
        .deserialize(&mut de)
        .and_then(|()| de.end())
        .map_err(|e| problem(&e, &counter));
    if let Rows::Mapped(rows) = &ctx.rows {
        ctx.sink.mapped(rows.summary());
    }
    outcome
}

fn problem(error: &serde_json::Error, counter: &Counter) -> Problem {
    let text = error.to_string();
    let message = text
        .split_once(" at line ")
        .map_or(text.as_str(), |(m, _)| m)
        .to_string();
    let (line, column) = if error.line() == 0 {
        (counter.line.get(), counter.column.get())
    } else {
        (error.line() as u64, error.column() as u64)
    };
    Problem {
        line,
        at: Some((column, String::new())),
        message,
    }
}

/// Line and column of the last byte read, and bytes since the current
/// element began.
#[derive(Debug)]
struct Counter {
    line: Cell<u64>,
    column: Cell<u64>,
    since_mark: Cell<u64>,
}

impl Default for Counter {
    fn default() -> Counter {
        Counter {
            line: Cell::new(1),
            column: Cell::new(0),
            since_mark: Cell::new(0),
        }
    }
}

impl Counter {
    fn mark(&self) {
        self.since_mark.set(0);
    }
}

struct Counting<R> {
    inner: R,
    counter: Rc<Counter>,
    at_start: bool,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let c = &self.counter;
        if c.since_mark.get() > MAX_ROW_BYTES as u64 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("an element is longer than {} KiB", MAX_ROW_BYTES / 1024),
            ));
        }
        let mut n = self.inner.read(buf)?;
        if self.at_start && n > 0 {
            self.at_start = false;
            n = drop_bom(buf, n, &mut self.inner)?;
        }
        for &byte in &buf[..n] {
            if byte == b'\n' {
                c.line.set(c.line.get() + 1);
                c.column.set(0);
            } else if byte & 0xC0 != 0x80 {
                c.column.set(c.column.get() + 1);
            }
        }
        c.since_mark.set(c.since_mark.get() + n as u64);
        Ok(n)
    }
}

/// serde_json reads a byte at a time: a BOM arrives as three reads.
fn drop_bom(buf: &mut [u8], n: usize, inner: &mut impl Read) -> std::io::Result<usize> {
    if n != 1 || buf[0] != 0xEF {
        return Ok(n);
    }
    let mut rest = [0u8; 2];
    inner.read_exact(&mut rest)?;
    if rest != [0xBB, 0xBF] {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "the file does not start with JSON",
        ));
    }
    inner.read(buf)
}

struct Ctx<'s, 'c> {
    sink: &'s mut dyn Sink,
    counter: &'c Counter,
    options: &'c ColumnOptions,
    /// How candidate records are read, decided at the first one.
    rows: Rows,
}

/// How a file's candidate records are read.
enum Rows {
    Undecided,
    /// hireterm's own keys (`json_own`).
    Own,
    /// Another system's, by path (`json_map`).
    Mapped(Box<JsonRows>),
}

impl Ctx<'_, '_> {
    /// A candidate record as a row, read the way the first one was.
    fn candidate(&mut self, record: &Node, line: u64) -> Row {
        if matches!(self.rows, Rows::Undecided) {
            self.rows = if self.options.layout.is_none()
                && (self.options.strict || json_own::is_own(record))
            {
                Rows::Own
            } else {
                Rows::Mapped(Box::new(JsonRows::new(record, self.options)))
            };
        }
        match &mut self.rows {
            Rows::Mapped(rows) => rows.row(record, line),
            _ => json_own::row(record, line, self.options.strict),
        }
    }
}

impl Position for Counter {
    fn at(&self) -> (u64, u64) {
        (self.line.get(), self.column.get())
    }
}

/// The top level: an array of candidates, or the export document.
struct Top<'x, 's, 'c>(&'x mut Ctx<'s, 'c>);

impl<'de> DeserializeSeed<'de> for Top<'_, '_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Top<'_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of candidates or a hireterm export document")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        Section(self.0, Kind::Candidates).visit_seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut last = None;
        let mut first = true;
        // A document without a version is read as version 1.
        let mut version = 1;
        while let Some(key) = map.next_key::<String>()? {
            if first && key != "format" {
                if self.0.options.strict {
                    return Err(de::Error::custom(
                        "expected an array of candidates, or an export document starting with \"format\"",
                    ));
                }
                return wrapped(self.0, key, map);
            }
            if first {
                // An export document: its candidates are in our own keys.
                self.0.rows = Rows::Own;
            }
            first = false;
            match key.as_str() {
                "format" => expect_format(&mut map)?,
                "version" => version = read_version(&mut map)?,
                section => {
                    let kind = Kind::named(section)?;
                    if last.is_some_and(|l| l >= kind) {
                        return Err(de::Error::custom(format!(
                            "\"{section}\" is out of place: sections go {}, each once",
                            Kind::ORDER
                        )));
                    }
                    if kind.since() > version {
                        return Err(de::Error::custom(format!(
                            "\"{section}\" is a section of version {} documents; this one is version {version}",
                            kind.since()
                        )));
                    }
                    last = Some(kind);
                    map.next_value_seed(Section(self.0, kind))?;
                }
            }
        }
        Ok(())
    }
}

/// Another system's records wrapped in an object (`{"data": [...],
/// "hasNext": false}`): the array under the layout's `records` key, else
/// the first array; the rest (paging and the like) is passed over.
fn wrapped<'de, A: MapAccess<'de>>(
    ctx: &mut Ctx,
    first: String,
    mut map: A,
) -> Result<(), A::Error> {
    let named = (ctx.options.layout.as_ref()).and_then(|(layout, _)| layout.records.clone());
    let mut found = false;
    let mut key = Some(first);
    while let Some(this) = key {
        if !found && named.as_deref().is_none_or(|n| n == this) {
            found = map.next_value_seed(Records(ctx))?;
        } else {
            map.next_value::<de::IgnoredAny>()?;
        }
        key = map.next_key::<String>()?;
    }
    if found {
        return Ok(());
    }
    Err(de::Error::custom(match named {
        Some(key) => format!("found no array under \"{}\"", clean_line(&key)),
        None => "found no array of records in the object (neither an array of candidates nor an export document)".to_string(),
    }))
}

/// A value that holds the records if it is an array; anything else is
/// passed over. Whether it was the array.
struct Records<'x, 's, 'c>(&'x mut Ctx<'s, 'c>);

impl<'de> DeserializeSeed<'de> for Records<'_, '_, '_> {
    type Value = bool;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Records<'_, '_, '_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<bool, A::Error> {
        Section(self.0, Kind::Candidates)
            .visit_seq(seq)
            .map(|()| true)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        while map
            .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
            .is_some()
        {}
        Ok(false)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }
}

fn expect_format<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    let found: Value = map.next_value()?;
    if found == EXPORT_FORMAT {
        Ok(())
    } else {
        Err(de::Error::custom(format!(
            "expected \"{EXPORT_FORMAT}\", found {}",
            clean_line(&found.to_string())
        )))
    }
}

/// The document's version: 1 (before clients, submittals and
/// placements) up to [`EXPORT_VERSION`].
fn read_version<'de, A: MapAccess<'de>>(map: &mut A) -> Result<u64, A::Error> {
    let found: Value = map.next_value()?;
    match found.as_u64() {
        Some(version @ 1..=EXPORT_VERSION) => Ok(version),
        _ => Err(de::Error::custom(format!(
            "expected a version from 1 to {EXPORT_VERSION}, found {}; this reads hireterm-export versions 1 to {EXPORT_VERSION}",
            clean_line(&found.to_string())
        ))),
    }
}

/// The sections of an export document, in the order they must come: each
/// after those its records refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Candidates,
    Clients,
    Engagements,
    Applications,
    Submittals,
    Placements,
    Notes,
}

impl Kind {
    const ORDER: &str =
        "candidates, clients, engagements, applications, submittals, placements, notes";

    fn named<E: de::Error>(key: &str) -> Result<Kind, E> {
        match key {
            "candidates" => Ok(Kind::Candidates),
            "clients" => Ok(Kind::Clients),
            "engagements" => Ok(Kind::Engagements),
            "applications" => Ok(Kind::Applications),
            "submittals" => Ok(Kind::Submittals),
            "placements" => Ok(Kind::Placements),
            "notes" => Ok(Kind::Notes),
            other => Err(E::custom(format!(
                "unknown key \"{}\" in the export document",
                clean_line(other)
            ))),
        }
    }

    /// The first document version with this section.
    fn since(self) -> u64 {
        match self {
            Kind::Clients | Kind::Submittals | Kind::Placements => 2,
            _ => 1,
        }
    }
}

/// One array of the document, element by element.
struct Section<'x, 's, 'c>(&'x mut Ctx<'s, 'c>, Kind);

impl<'de> DeserializeSeed<'de> for Section<'_, '_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Section<'_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let (ctx, kind) = (self.0, self.1);
        while seq.next_element_seed(Element(ctx, kind))?.is_some() {
            ctx.counter.mark();
        }
        Ok(())
    }
}

struct Element<'x, 's, 'c>(&'x mut Ctx<'s, 'c>, Kind);

impl<'de> DeserializeSeed<'de> for Element<'_, '_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl Element<'_, '_, '_> {
    /// An element that is not an object: a problem of its own, as a CSV
    /// row that does not fit is.
    fn not_an_object<E>(self, found: &str) -> Result<(), E> {
        let line = self.0.counter.line.get();
        let message = format!("expected an object, found {found}");
        self.0.sink.problem(Problem::line(line, message));
        Ok(())
    }
}

impl<'de> Visitor<'de> for Element<'_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.not_an_object("true or false")
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.not_an_object("a number")
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.not_an_object("a number")
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.not_an_object("a number")
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.not_an_object("text")
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.not_an_object("null")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
        self.not_an_object("a list")
    }

    /// A record of the wrong shape (a missing field, a value of the wrong
    /// type) is a problem of its own: only broken JSON stops the reading.
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let ctx = self.0;
        let line = ctx.counter.line.get();
        ctx.counter.mark();
        if self.1 == Kind::Candidates {
            let record = NodeSeed(ctx.counter).visit_map(map)?;
            let row = ctx.candidate(&record, line);
            ctx.sink.candidate(row);
            return Ok(());
        }
        let value = Value::deserialize(MapAccessDeserializer::new(map))?;
        let sink = &mut *ctx.sink;
        let outcome = match self.1 {
            Kind::Clients => typed(value).map(|r| sink.client(line, r)),
            Kind::Engagements => typed(value).map(|r| sink.engagement(line, r)),
            Kind::Applications => typed(value).map(|r| sink.application(line, r)),
            Kind::Submittals => typed(value).map(|r| sink.submittal(line, r)),
            Kind::Placements => typed(value).map(|r| sink.placement(line, r)),
            _ => typed(value).map(|r| sink.note(line, r)),
        };
        if let Err(message) = outcome {
            ctx.sink.problem(Problem::line(line, message));
        }
        Ok(())
    }
}

/// An object read as a record of type `T`; the message of a value that
/// does not fit names the key it is under.
fn typed<T: DeserializeOwned>(value: Value) -> Result<T, String> {
    let Value::Object(map) = value else {
        return serde_json::from_value(value).map_err(|e| e.to_string());
    };
    let key = RefCell::new(String::new());
    let entries = map
        .into_iter()
        .inspect(|(k, _)| k.clone_into(&mut key.borrow_mut()));
    let record = MapDeserializer::<_, serde_json::Error>::new(entries);
    T::deserialize(record).map_err(|error| {
        let message = clean_line(&error.to_string());
        if message.contains("field `") {
            message
        } else {
            format!("{}: {message}", clean_line(&key.borrow()))
        }
    })
}
