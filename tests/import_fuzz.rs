//! Fuzzing both importers in-process: arbitrary bytes and mutated valid
//! files never make the CSV or JSON reader, or the row checks, panic.
//! Deterministic (a fixed seed), 20,000 inputs, a few seconds.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::interchange::{Format, check_input};

const MIXED: &str = "\u{feff}Full Name,E-mail,Mobile,Skill Set,Hourly Rate,Start Date,Labels\n\
\"Silva, Ana\",ana@example.com,+351 912 345 678,\"Kubernetes:4; Go:3\",60-90,2026-07-01,\"remote; senior\"\n\
Bob Bad,not-an-email,,Go:7,90-60,2026-13-01,\n\
\"王芳 🚀\",wang@example.cn,,\"k8s:5\",80,,\n";

/// A small deterministic generator (xorshift), so that a failure names a
/// seed anyone can rerun.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SPICE: &[u8] = b"\",;:\n\r\\{}[]0123456789 \xff\xef\xbb\xbf\x1b\x00-@.";

/// Flips, inserts, deletes, repeats or cuts a few bytes of `seed`.
fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(bytes.len());
        match rng.below(5) {
            0 if !bytes.is_empty() => bytes[at] = SPICE[rng.below(SPICE.len())],
            1 => bytes.insert(at, SPICE[rng.below(SPICE.len())]),
            2 if !bytes.is_empty() => {
                let end = (at + rng.below(8)).min(bytes.len());
                bytes.drain(at..end);
            }
            3 => {
                let end = (at + rng.below(16)).min(bytes.len());
                let piece = bytes[at..end].to_vec();
                bytes.splice(at..at, piece);
            }
            _ => bytes.truncate(at),
        }
    }
    bytes
}

#[test]
fn no_input_makes_either_importer_panic() {
    let json = br#"[{"name":"Ana","email":"a@x.io","skills":{"go":3},"tags":["t"],"rate":"60-90"},
{"name":"Bo","email":"b@x.io","roles":["sre"],"created_at":"2026-06-01T09:00:00.000Z"}]"#;
    let document = br#"{"format":"hireterm-export","version":1,"candidates":[{"id":1,"name":"A","email":"a@x.io"}],"engagements":[],"applications":[],"notes":[]}"#;
    let seeds: [(&[u8], hireterm::interchange::Format); 4] = [
        (MIXED.as_bytes(), Format::Csv),
        (include_bytes!("../assets/import-example.csv"), Format::Csv),
        (json, Format::Json),
        (document, Format::Json),
    ];
    let mut rng = Rng(0x5eed_1234_abcd_0042);
    let started = std::time::Instant::now();
    for round in 0..20_000 {
        let (seed, format) = seeds[round % seeds.len()];
        let input = if round % 10 == 0 {
            (0..rng.below(300)).map(|_| rng.next() as u8).collect()
        } else {
            mutate(&mut rng, seed)
        };
        let report = std::panic::catch_unwind(|| check_input(input.as_slice(), format, &stamp()));
        assert!(
            report.is_ok(),
            "round {round} panicked on {:?}",
            String::from_utf8_lossy(&input)
        );
        let report = report.unwrap();
        assert!(report.problems.len() <= hireterm::interchange::MAX_LISTED);
        assert!(report.problem_count >= report.problems.len());
    }
    assert!(
        started.elapsed().as_secs() < 30,
        "took {:?}",
        started.elapsed()
    );
}
