//! Running the real hireterm with system calls failing on purpose: the
//! LD_PRELOAD shim in `shim.c` (built here with the system's C compiler)
//! fails the Nth `write`, `fsync`, `rename` or `open` on files under one
//! folder. A sweep runs a command once to count its calls, then once per
//! chosen N, and hands each outcome to the caller to judge.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// The calls a fault can be injected into.
pub const CALLS: [&str; 4] = ["write", "sync", "rename", "open"];

/// How a fault behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// One call fails with EIO; the disk then works again.
    Once,
    /// Every call from the Nth on fails with ENOSPC: a disk that filled.
    Full,
}

/// The shim, compiled once per test binary; `None` (after saying why)
/// without a C compiler, which under CI is a failure.
pub fn shim() -> Option<&'static Path> {
    static SHIM: OnceLock<Option<PathBuf>> = OnceLock::new();
    SHIM.get_or_init(build_shim).as_deref()
}

fn build_shim() -> Option<PathBuf> {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fault/shim.c");
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("hireterm-fault-shim.so");
    let built = Command::new("cc")
        .args(["-shared", "-fPIC", "-O1", "-Wall", "-o"])
        .arg(&out)
        .arg(&source)
        .arg("-ldl")
        .output();
    match built {
        Ok(result) if result.status.success() => Some(out),
        other => {
            let why = match other {
                Ok(result) => String::from_utf8_lossy(&result.stderr).into_owned(),
                Err(e) => e.to_string(),
            };
            assert!(
                std::env::var_os("CI").is_none(),
                "the fault-injection shim must build under CI: {why}"
            );
            eprintln!("skipped: cannot build the fault-injection shim: {why}");
            None
        }
    }
}

/// One run of hireterm with a fault armed.
pub struct Armed<'a> {
    pub shim: &'a Path,
    /// Calls on files under this folder count.
    pub under: &'a Path,
    pub call: &'a str,
    /// 0: count only.
    pub nth: usize,
    pub fault: Fault,
}

impl Armed<'_> {
    /// Runs `command` with the fault; its output and how many calls of
    /// the kind it made.
    pub fn run(&self, mut command: Command) -> (Output, usize) {
        let report = tempfile::NamedTempFile::new().unwrap();
        self.arm(&mut command, report.path());
        let case = format!("{} #{} ({:?})", self.call, self.nth, self.fault);
        let output = output_within(command, RUN_LIMIT, &case);
        (output, calls_in(report.path()))
    }

    /// Sets the shim and the fault on `command`, which will append its
    /// count of calls to `report` when it ends.
    pub fn arm(&self, command: &mut Command, report: &Path) {
        command
            // With RUST_BACKTRACE set, every error report captures and
            // symbolises a backtrace (about a second in a debug build):
            // it tripled the sweeps' time and tells them nothing.
            .env("RUST_BACKTRACE", "0")
            .env("LD_PRELOAD", self.shim)
            .env("FAULT_PATH", self.under)
            .env("FAULT_CALL", self.call)
            .env("FAULT_NTH", self.nth.to_string())
            .env("FAULT_REPORT", report)
            // A flush sled never finishes is an error after this long.
            .env("HIRETERM_FLUSH_TIMEOUT_SECS", "3")
            // And an open that stalls on the failing disk gives up sooner.
            .env("HIRETERM_OPEN_TIMEOUT_SECS", "5");
        if self.fault == Fault::Full {
            command
                .env("FAULT_ERRNO", "ENOSPC")
                .env("FAULT_STICKY", "1");
        }
    }
}

/// The most calls a process reported to `report` (see the shim).
pub fn calls_in(report: &Path) -> usize {
    std::fs::read_to_string(report)
        .unwrap_or_default()
        .lines()
        .filter_map(|line| line.split(' ').next()?.parse::<usize>().ok())
        .max()
        .unwrap_or(0)
}

/// The bound on one run: far above the flush deadline. A run still going
/// then is a hang, and the test fails naming it.
const RUN_LIMIT: std::time::Duration = std::time::Duration::from_secs(60);

/// Runs `command` to the end, or fails the test if it takes longer than
/// `limit` (killing it first).
fn output_within(mut command: Command, limit: std::time::Duration, case: &str) -> Output {
    use std::process::Stdio;
    let started = std::time::Instant::now();
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            let stacks = stacks_of(child.id());
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!(
                "hung for {}s under a fault ({case}): {}\n{stacks}",
                limit.as_secs(),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    child.wait_with_output().unwrap()
}

/// Where a hung process's threads were (with gdb, where it is
/// installed): written to a file, which the failure names.
fn stacks_of(pid: u32) -> String {
    let stacks = Command::new("gdb")
        .args([
            "-p",
            &pid.to_string(),
            "-batch",
            "-ex",
            "thread apply all bt",
        ])
        .output();
    let Ok(stacks) = stacks else {
        return "(no gdb here to show where it waited)".into();
    };
    let file = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("hang-{pid}.txt"));
    match std::fs::write(&file, &stacks.stdout) {
        Ok(()) => format!("its threads' stacks: {}", file.display()),
        Err(e) => format!("(could not keep its stacks: {e})"),
    }
}

/// The Ns to fail for a command that makes `count` calls: the first few
/// (opening), some in the middle, and the last few (the write itself and
/// the close).
pub fn sample(count: usize) -> Vec<usize> {
    let mut chosen: Vec<usize> = (1..=count.min(4)).collect();
    chosen.extend([count / 3, count / 2, (2 * count) / 3]);
    chosen.extend(count.saturating_sub(2)..=count);
    chosen.retain(|n| (1..=count).contains(n));
    chosen.sort_unstable();
    chosen.dedup();
    chosen
}

/// A failed command must say what went wrong in words: something on
/// stderr, no panic, no Rust debug formatting, and nothing about an
/// erasure's rewrite (no swept command erases: a close that failed once
/// was told as a rewrite left undone).
pub fn assert_clear_failure(output: &Output, case: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_clear_text(&stderr, case);
    assert!(
        !stderr.contains("erasure"),
        "{case}: a failed close told as an erasure's rewrite: {stderr}"
    );
}

/// A command refused for a full disk says that the disk is full.
pub fn assert_names_full_disk(output: &Output, case: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("is full"),
        "{case}: a full disk not named as one: {stderr}"
    );
}

/// The same for a message shown anywhere (a session's status line).
pub fn assert_clear_text(text: &str, case: &str) {
    assert!(!text.trim().is_empty(), "{case}: failed silently");
    for bad in ["panicked", "Os {", "Custom {", "RUST_BACKTRACE", "kind: "] {
        assert!(!text.contains(bad), "{case}: unclear message: {text}");
    }
}

/// A smaller sample, for runs that cost seconds (a server and a
/// session): the first three calls, the middle one and the last.
pub fn sample_few(count: usize) -> Vec<usize> {
    let mut chosen: Vec<usize> = (1..=count.min(3)).collect();
    chosen.extend([count / 2, count]);
    chosen.retain(|n| (1..=count).contains(n));
    chosen.sort_unstable();
    chosen.dedup();
    chosen
}

/// A folder for one case, in memory where the system has a tmpfs at
/// `/dev/shm`: the shim fails calls before they reach the kernel, so a
/// disk that syncs for free only makes the sweep faster.
pub fn scratch_dir() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    if shm.is_dir()
        && let Ok(dir) = tempfile::tempdir_in(shm)
    {
        return dir;
    }
    tempfile::tempdir().unwrap()
}
