//! Reaching under the store, as a crash or another process would: sled
//! opened on a closed database, and a hireterm process killed at one of
//! its pause points.

use super::hireterm;
use hireterm::store::journal::PAUSE_ENV;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

/// sled itself on a closed database, retrying while this process's last
/// handle lets go of its lock. The clean-close marker goes first, as if
/// the last session crashed: otherwise the change made here would
/// (rightly) count as damage.
pub fn raw_sled(path: &Path) -> sled::Db {
    std::fs::remove_file(path.join("hireterm.clean")).unwrap();
    let started = Instant::now();
    loop {
        match sled::open(path) {
            Ok(db) => return db,
            Err(_) if started.elapsed() < Duration::from_secs(5) => {
                std::thread::sleep(Duration::from_millis(20))
            }
            Err(e) => panic!("{e}"),
        }
    }
}

/// Runs `hireterm --db DB ARGS` until it pauses at `point` (the store's
/// pause points, `PAUSE_ENV`), then kills it with SIGKILL.
pub fn kill_at(db: &Path, point: &str, args: &[&str]) {
    let mut child = hireterm()
        .arg("--db")
        .arg(db)
        .args(args)
        .env(PAUSE_ENV, point)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = BufReader::new(child.stderr.take().unwrap());
    let mut said = Vec::new();
    for line in stderr.lines() {
        let line = line.unwrap();
        if line.contains(&format!("paused at {point}")) {
            child.kill().unwrap();
            child.wait().unwrap();
            return;
        }
        said.push(line);
    }
    let status = child.wait().unwrap();
    panic!("{args:?} never reached {point} ({status}): {said:?}");
}
