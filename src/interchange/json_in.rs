//! Reading JSON as a stream: an array of candidate objects, or a whole
//! export document. Elements are handed over one at a time through a serde
//! visitor over the array (`SeqAccess`), so memory holds one element, not
//! the file; a counting reader underneath knows the line and column of
//! each element and key, and refuses an element past [`MAX_ROW_BYTES`].

use super::Sink;
use super::columns::Column;
use super::fields::{Field, Place, Problem, Raw, Row};
use super::format::{EXPORT_FORMAT, EXPORT_VERSION, MAX_ROW_BYTES};
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
pub fn read(input: impl Read, sink: &mut dyn Sink) -> Result<(), Problem> {
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
    };
    Top(&mut ctx)
        .deserialize(&mut de)
        .and_then(|()| de.end())
        .map_err(|e| problem(&e, &counter))
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
                return Err(de::Error::custom(
                    "expected an array of candidates, or an export document starting with \"format\"",
                ));
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
        let record = MapAccessDeserializer::new(map);
        if self.1 == Kind::Candidates {
            let row = candidate_row(record, ctx.counter, line)?;
            ctx.sink.candidate(row);
            return Ok(());
        }
        let value = Value::deserialize(record)?;
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

/// A candidate object's keys and values, each with its place; what is
/// wrong with a key or a value's type is noted on the row.
fn candidate_row<'de, A: MapAccess<'de>>(
    map: MapAccessDeserializer<A>,
    counter: &Counter,
    line: u64,
) -> Result<Row, A::Error> {
    struct Fields<'c>(&'c Counter, u64);
    impl<'de> Visitor<'de> for Fields<'_> {
        type Value = Row;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a candidate object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Row, A::Error> {
            let mut row = Row {
                line: self.1,
                ..Row::default()
            };
            while let Some(key) = map.next_key::<String>()? {
                let place = key_place(self.0, &key);
                let value: Value = map.next_value()?;
                add_field(&mut row, place, &key, value);
            }
            Ok(row)
        }
    }
    de::Deserializer::deserialize_map(map, Fields(counter, line))
}

/// The place of a key just read: its line, and the column of its opening
/// quote (exact for keys without escapes).
fn key_place(counter: &Counter, key: &str) -> Place {
    let width = key.chars().count() as u64 + 1;
    Place {
        line: counter.line.get(),
        column: counter.column.get().saturating_sub(width).max(1),
        name: clean_line(key).into(),
    }
}

fn add_field(row: &mut Row, place: Place, key: &str, value: Value) {
    let Some(column) = Column::from_header(key) else {
        let message = format!("`{}` is not a candidate field", place.name);
        row.problems.push(Problem::at(&place, message));
        return;
    };
    if row.get(column).is_some() {
        let message = format!("the {column} field appears twice");
        row.problems.push(Problem::at(&place, message));
        return;
    }
    match raw(value, column == Column::Skills) {
        Ok(None) => {}
        Ok(Some(value)) => row.fields.push(Field {
            column,
            place,
            value,
        }),
        Err(message) => row.problems.push(Problem::at(&place, message)),
    }
}

/// A JSON value as the row checker reads it; `None` for null.
fn raw(value: Value, skills: bool) -> Result<Option<Raw>, String> {
    let scalar = |v: Value| match v {
        Value::String(s) => Ok(s),
        Value::Number(n) => Ok(n.to_string()),
        other => Err(format!("expected text or a number, found {}", kind(&other))),
    };
    match value {
        Value::Null => Ok(None),
        Value::Array(items) => {
            let items = items.into_iter().map(scalar).collect::<Result<_, _>>()?;
            Ok(Some(Raw::List(items)))
        }
        Value::Object(entries) if skills => {
            let items = entries
                .into_iter()
                .map(|(k, v)| scalar(v).map(|level| format!("{k}:{level}")))
                .collect::<Result<_, _>>()?;
            Ok(Some(Raw::List(items)))
        }
        other => scalar(other).map(|s| Some(Raw::Text(s))),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
