//! Reading a source on a thread of its own, handing what it reads to a
//! sink on the caller's thread: each pass of an import (the check, then
//! the write) reads and splits the file on one core while the other
//! checks or writes what was read before.
//!
//! The sink sees exactly the calls [`read_source`] would make, in the same
//! order; only the thread that makes them differs, and a candidate's row
//! comes with what [`row::candidate`] makes of it ([`Sink::converted`]),
//! worked out on the reading thread too: the most of a pass's work that
//! does not need the sink. What is read ahead is
//! bounded (a few batches), so a large file is never held whole.

use super::agency::{ClientRecord, PlacementRecord, SubmittalRecord};
use super::fields::{Problem, Row};
use super::records::{ApplicationRecord, EngagementRecord, NoteRecord};
use super::{ColumnOptions, Converted, ImportSource, Sink, read_source, row, summary};
use crate::catalog::Catalog;
use crate::domain::Timestamp;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

/// Calls gathered before they are handed over: one hand-over per batch
/// keeps the channel's cost out of a row's.
const BATCH: usize = 256;

/// Batches read ahead of the sink at most.
const AHEAD: usize = 4;

/// One call of [`Sink`], kept to be made on the other thread.
enum Call {
    File(String),
    Mapped(summary::Mapped),
    /// The conversion boxed: a candidate is most of a kilobyte, which
    /// every call of the batch would otherwise take.
    Candidate(Row, Box<Converted>),
    Client(u64, ClientRecord),
    Engagement(u64, EngagementRecord),
    Application(u64, ApplicationRecord),
    Submittal(u64, SubmittalRecord),
    Placement(u64, PlacementRecord),
    Note(u64, NoteRecord),
    Problem(Problem),
    Stop(Problem),
}

/// Reads `source` into `sink` as [`read_source`] does, the reading done
/// on a thread of its own. A problem that stops the reading is told by
/// `sink.stop`: the checker notes it as the report's `stopped`, the
/// writer ignores it (it then finds its plan unfinished, which writes
/// nothing more).
/// Rows are converted with `catalog`, at `now`, as the sinks would.
pub fn read_into(
    source: &ImportSource,
    columns: &ColumnOptions,
    (catalog, now): (&Catalog, Timestamp),
    sink: &mut dyn Sink,
) {
    let (sender, receiver) = sync_channel(AHEAD);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut ahead = Ahead::new(sender, catalog, now);
            if let Err(problem) = read_source(source, columns, &mut ahead) {
                ahead.push(Call::Stop(problem));
            }
            ahead.hand_over();
        });
        replay(&receiver, sink);
    });
}

/// Makes every call received, in order, until the reader is done.
fn replay(receiver: &Receiver<Vec<Call>>, sink: &mut dyn Sink) {
    for batch in receiver {
        batch.into_iter().for_each(|call| make(call, sink));
    }
}

fn make(call: Call, sink: &mut dyn Sink) {
    match call {
        Call::File(name) => sink.file(&name),
        Call::Mapped(mapped) => sink.mapped(&mapped),
        Call::Candidate(row, converted) => sink.converted(row, *converted),
        Call::Client(line, record) => sink.client(line, record),
        Call::Engagement(line, record) => sink.engagement(line, record),
        Call::Application(line, record) => sink.application(line, record),
        Call::Submittal(line, record) => sink.submittal(line, record),
        Call::Placement(line, record) => sink.placement(line, record),
        Call::Note(line, record) => sink.note(line, record),
        Call::Problem(problem) => sink.problem(problem),
        Call::Stop(problem) => sink.stop(problem),
    }
}

/// The reader's sink: keeps each call, and hands them over a batch at a
/// time.
struct Ahead<'c> {
    sender: SyncSender<Vec<Call>>,
    batch: Vec<Call>,
    catalog: &'c Catalog,
    now: Timestamp,
}

impl<'c> Ahead<'c> {
    fn new(sender: SyncSender<Vec<Call>>, catalog: &'c Catalog, now: Timestamp) -> Ahead<'c> {
        Ahead {
            sender,
            batch: Vec::with_capacity(BATCH),
            catalog,
            now,
        }
    }

    fn push(&mut self, call: Call) {
        self.batch.push(call);
        if self.batch.len() >= BATCH {
            self.hand_over();
        }
    }

    /// Sends what is kept. A sink gone (its thread panicked) is left to
    /// the scope, which passes the panic on.
    fn hand_over(&mut self) {
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH));
        if !batch.is_empty() {
            let _ = self.sender.send(batch);
        }
    }
}

impl Sink for Ahead<'_> {
    fn file(&mut self, name: &str) {
        self.push(Call::File(name.to_string()));
    }
    fn mapped(&mut self, mapping: &summary::Mapped) {
        self.push(Call::Mapped(mapping.clone()));
    }
    fn candidate(&mut self, row: Row) {
        let converted = row::candidate(&row, self.catalog, self.now);
        self.push(Call::Candidate(row, Box::new(converted)));
    }
    fn client(&mut self, line: u64, record: ClientRecord) {
        self.push(Call::Client(line, record));
    }
    fn engagement(&mut self, line: u64, record: EngagementRecord) {
        self.push(Call::Engagement(line, record));
    }
    fn application(&mut self, line: u64, record: ApplicationRecord) {
        self.push(Call::Application(line, record));
    }
    fn submittal(&mut self, line: u64, record: SubmittalRecord) {
        self.push(Call::Submittal(line, record));
    }
    fn placement(&mut self, line: u64, record: PlacementRecord) {
        self.push(Call::Placement(line, record));
    }
    fn note(&mut self, line: u64, record: NoteRecord) {
        self.push(Call::Note(line, record));
    }
    fn problem(&mut self, problem: Problem) {
        self.push(Call::Problem(problem));
    }
    fn stop(&mut self, problem: Problem) {
        self.push(Call::Stop(problem));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Timestamp;
    use std::path::Path;

    /// Every call a sink is made, in words, a candidate's with what was
    /// made of its row (converted here when the reader did not).
    #[derive(Default)]
    struct Recorder(Vec<String>);

    fn now() -> Timestamp {
        "2026-06-01T00:00:00Z".parse().unwrap()
    }

    impl Sink for Recorder {
        fn file(&mut self, name: &str) {
            self.0.push(format!("file {name}"));
        }
        fn mapped(&mut self, mapping: &summary::Mapped) {
            self.0.push(format!("mapped {mapping:?}"));
        }
        fn candidate(&mut self, row: Row) {
            let converted = row::candidate(&row, Catalog::builtin(), now());
            self.converted(row, converted);
        }
        fn converted(&mut self, row: Row, candidate: Converted) {
            self.0.push(format!("candidate {row:?} {candidate:?}"));
        }
        fn client(&mut self, line: u64, record: ClientRecord) {
            self.0.push(format!("client {line} {record:?}"));
        }
        fn engagement(&mut self, line: u64, record: EngagementRecord) {
            self.0.push(format!("engagement {line} {record:?}"));
        }
        fn application(&mut self, line: u64, record: ApplicationRecord) {
            self.0.push(format!("application {line} {record:?}"));
        }
        fn submittal(&mut self, line: u64, record: SubmittalRecord) {
            self.0.push(format!("submittal {line} {record:?}"));
        }
        fn placement(&mut self, line: u64, record: PlacementRecord) {
            self.0.push(format!("placement {line} {record:?}"));
        }
        fn note(&mut self, line: u64, record: NoteRecord) {
            self.0.push(format!("note {line} {record:?}"));
        }
        fn problem(&mut self, problem: Problem) {
            self.0.push(format!("problem {problem:?}"));
        }
        fn stop(&mut self, problem: Problem) {
            self.0.push(format!("stop {problem:?}"));
        }
    }

    /// The calls reading `source` on this thread makes, and those made
    /// through [`read_into`].
    fn both_ways(source: &ImportSource) -> (Vec<String>, Vec<String>) {
        let columns = ColumnOptions::default();
        let mut direct = Recorder::default();
        if let Err(problem) = read_source(source, &columns, &mut direct) {
            direct.stop(problem);
        }
        let mut ahead = Recorder::default();
        read_into(source, &columns, (Catalog::builtin(), now()), &mut ahead);
        (direct.0, ahead.0)
    }

    fn rows(count: usize) -> String {
        let mut csv = String::from("name,email,skills\n");
        for i in 0..count {
            match i % 7 {
                // A row of its own problems, and one with a bad address.
                3 => csv.push_str(&format!("Person {i},,\"Rust:9\"\n")),
                5 => csv.push_str(&format!("Person {i},not-an-address,Go:3\n")),
                _ => csv.push_str(&format!("Person {i},p{i}@example.com,Rust:4\n")),
            }
        }
        csv
    }

    #[test]
    fn the_sink_is_told_what_a_read_on_its_own_thread_tells() {
        let folder = tempfile::tempdir().unwrap();
        // More rows than the read-ahead holds, so that the reader waits.
        let count = BATCH * (AHEAD + 3) + 17;
        let path = folder.path().join("people.csv");
        std::fs::write(&path, rows(count)).unwrap();
        let (direct, ahead) = both_ways(&ImportSource::Csv(path));
        assert!(direct.len() > count, "every row, and the mapping");
        assert!(direct.iter().any(|call| call.contains("Err(")));
        assert_eq!(direct, ahead);
    }

    #[test]
    fn a_read_that_stops_is_told_as_a_stop() {
        let missing = Path::new("/nonexistent/hireterm/people.csv").to_path_buf();
        let (direct, ahead) = both_ways(&ImportSource::Csv(missing));
        assert_eq!(direct.len(), 1);
        assert!(direct[0].starts_with("stop "), "{direct:?}");
        assert_eq!(direct, ahead);
    }
}
