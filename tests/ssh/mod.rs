//! The SSH end-to-end harness: `hireterm serve` in a folder of its own
//! (a demo database, a host key, client keys made by `ssh-keygen`, an
//! authorized_keys file, the server's log), and a private tmux server in
//! which OpenSSH clients run. Without `ssh`, `ssh-keygen` or `tmux` the
//! tests are skipped, except under `CI`, where they fail: `.ci/run`
//! installs them.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod flood;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::time::{Duration, Instant};

pub const WAIT: Duration = Duration::from_secs(20);
pub const POLL: Duration = Duration::from_millis(50);
pub const STAGES: [&str; 6] = [
    "Sourced",
    "Screening",
    "Technical interview",
    "Client interview",
    "Offer",
    "Placed",
];
/// The candidates pane of the test's demo database.
pub const CANDIDATES_PANE: &str = "Candidates (60)";

/// The first screen of `user`'s session: their own My work (the demo
/// database has engagements).
pub fn home_of(user: &str) -> String {
    format!("┌ My work · {user} ")
}

/// Whether `tool` runs here; under `CI` it must.
pub fn have(tool: &str, version_flag: &str) -> bool {
    let ok = Command::new(tool)
        .arg(version_flag)
        .stdin(Stdio::null())
        .output()
        .is_ok_and(|out| out.status.success() || !out.stderr.is_empty());
    if !ok && std::env::var_os("CI").is_some() {
        panic!("{tool} is required; .ci/run installs it");
    }
    if !ok {
        eprintln!("skipping: cannot run {tool}; .ci/run installs it");
    }
    ok
}

pub fn have_tools() -> bool {
    have("ssh", "-V") && have("ssh-keygen", "-?") && have("tmux", "-V")
}

/// `hireterm serve` on a demo database, with keys for ana and bob in its
/// authorized_keys (a stranger's key is made too, and left out).
pub struct Server {
    pub dir: tempfile::TempDir,
    child: Child,
    pub port: u16,
}

impl Server {
    pub fn start(extra: &[&str]) -> Server {
        Server::start_binary(Path::new(env!("CARGO_BIN_EXE_hireterm")), extra)
    }

    /// The same, serving with the hireterm binary at `bin` (another build,
    /// to compare with).
    pub fn start_binary(bin: &Path, extra: &[&str]) -> Server {
        Server::start_with(bin, extra, |_, _| {})
    }

    /// The same, with `configure` given the server's folder and its
    /// command before it starts (to set its environment, say).
    pub fn start_with(
        bin: &Path,
        extra: &[&str],
        configure: impl FnOnce(&Path, &mut Command),
    ) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("db");
        fill_demo(dir.path(), db.as_os_str());
        Server::launch(bin, dir, db.as_os_str(), extra, configure)
    }

    /// A server on the database at `db` (a PostgreSQL address, say), as
    /// it is: a second instance on the same records.
    pub fn start_on(db: &str) -> Server {
        let bin = Path::new(env!("CARGO_BIN_EXE_hireterm"));
        let dir = tempfile::tempdir().unwrap();
        Server::launch(bin, dir, std::ffi::OsStr::new(db), &[], |_, _| {})
    }

    /// Keys for ana, bob and eve (only ana's and bob's authorized), then
    /// `hireterm serve` on `db` with `extra`, waited for until it listens.
    fn launch(
        bin: &Path,
        dir: tempfile::TempDir,
        db: &std::ffi::OsStr,
        extra: &[&str],
        configure: impl FnOnce(&Path, &mut Command),
    ) -> Server {
        let path = dir.path();
        let mut authorized = String::new();
        for (name, comment) in [("ana", "ana@laptop"), ("bob", "bob@desk"), ("eve", "eve")] {
            keygen(path, name, comment);
            if name != "eve" {
                authorized += &std::fs::read_to_string(path.join(format!("{name}.pub"))).unwrap();
            }
        }
        std::fs::write(path.join("authorized_keys"), authorized).unwrap();
        let log = std::fs::File::create(path.join("server.log")).unwrap();
        let mut command = hireterm_at(bin, path);
        configure(path, &mut command);
        let child = command
            .arg("serve")
            .arg("--db")
            .arg(db)
            .args(["--listen", "127.0.0.1:0", "--authorized-keys"])
            .arg(path.join("authorized_keys"))
            .arg("--host-key")
            .arg(path.join("host_key"))
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap();
        let mut server = Server {
            dir,
            child,
            port: 0,
        };
        let log = server.wait_log("the server to listen", |log| log.contains("listening on"));
        let (_, after) = log.split_once("listening on 127.0.0.1:").unwrap();
        server.port = after.lines().next().unwrap().trim().parse().unwrap();
        server
    }

    /// The server's process id, to read its `/proc` entries.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.path("server.log")).unwrap_or_default()
    }

    pub fn wait_log(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        wait_until(
            what,
            || Some(self.log()).filter(|log| ready(log)),
            || self.log(),
        )
    }

    /// `ssh` to this server with `key`, as the issue asks; no user or
    /// system configuration, no agent, no other identities.
    pub fn ssh_args(&self, keys: &[&str]) -> Vec<String> {
        let mut args: Vec<String> = ["-F", "/dev/null", "-p", &self.port.to_string()]
            .map(String::from)
            .to_vec();
        for key in keys {
            args.push("-i".into());
            args.push(self.path(key).display().to_string());
        }
        for option in [
            "StrictHostKeyChecking=no",
            "UserKnownHostsFile=/dev/null",
            "BatchMode=yes",
            "IdentitiesOnly=yes",
            "IdentityAgent=none",
            "LogLevel=ERROR",
            "ConnectTimeout=10",
        ] {
            args.push("-o".into());
            args.push(option.into());
        }
        args
    }

    /// Runs ssh to completion, without a terminal.
    pub fn ssh(&self, keys: &[&str], extra: &[&str]) -> Output {
        Command::new("ssh")
            .args(self.ssh_args(keys))
            .args(extra)
            .arg("127.0.0.1")
            .stdin(Stdio::null())
            .output()
            .unwrap()
    }

    /// The shell command that runs ssh in a tmux pane, then says how it
    /// ended and keeps the pane for reading.
    pub fn ssh_script(&self, key: &str) -> String {
        let args: Vec<String> = self.ssh_args(&[key]).iter().map(|a| quote(a)).collect();
        format!(
            "ssh {} -t 127.0.0.1; echo SSH-EXITED-$?; sleep 60",
            args.join(" ")
        )
    }

    /// SIGKILL, as a machine's crash would end it, then waits for it.
    pub fn kill(&mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }

    /// SIGTERM, then the exit status (within the wait).
    pub fn terminate(&mut self) -> ExitStatus {
        let pid = self.child.id().to_string();
        assert!(
            Command::new("kill")
                .args(["-TERM", &pid])
                .status()
                .unwrap()
                .success()
        );
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "no exit after SIGTERM:\n{}",
                self.log()
            );
            std::thread::sleep(POLL);
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A `kB` field of `/proc/PID/status` (`VmRSS`, `VmHWM`), in KiB.
pub fn proc_kib(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status
        .lines()
        .find(|l| l.starts_with(&format!("{field}:")))
        .unwrap_or_else(|| panic!("no {field} in /proc/{pid}/status"));
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// The process's open file descriptors (`/proc/PID/fd`).
pub fn open_fds(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd"))
        .unwrap()
        .count()
}

pub fn hireterm(dir: &Path) -> Command {
    hireterm_at(Path::new(env!("CARGO_BIN_EXE_hireterm")), dir)
}

/// The hireterm binary at `bin`, run as the tests run it.
pub fn hireterm_at(bin: &Path, dir: &Path) -> Command {
    let mut command = Command::new(bin);
    command
        .env("HIRETERM_CONFIG_DIR", dir.join("config"))
        .env("NO_COLOR", "1")
        .env_remove("HIRETERM_DB")
        .env_remove("HIRETERM_OPEN_TIMEOUT_SECS");
    command
}

pub fn keygen(dir: &Path, name: &str, comment: &str) {
    let out = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f"])
        .arg(dir.join(name))
        .output()
        .unwrap();
    assert!(out.status.success(), "ssh-keygen: {out:?}");
}

/// `SHA256:...` of a public key file, as the server logs it.
pub fn fingerprint(path: &Path) -> String {
    let out = Command::new("ssh-keygen")
        .arg("-lf")
        .arg(path)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.split_whitespace().nth(1).unwrap().to_string()
}

pub fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// Polls `probe` until it gives something; on time-out, panics with
/// `show()`.
pub fn wait_until<T>(what: &str, probe: impl Fn() -> Option<T>, show: impl Fn() -> String) -> T {
    let deadline = Instant::now() + WAIT;
    loop {
        if let Some(found) = probe() {
            return found;
        }
        if Instant::now() >= deadline {
            panic!("timed out waiting for {what}:\n{}", show());
        }
        std::thread::sleep(POLL);
    }
}

/// A private tmux server: one session per ssh client, killed on drop.
pub struct Tmux {
    socket: PathBuf,
}

impl Tmux {
    pub fn new(dir: &Path) -> Tmux {
        Tmux {
            socket: dir.join("tmux.sock"),
        }
    }

    pub fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-u", "-f", "/dev/null", "-S"])
            .arg(&self.socket)
            .args(args)
            .env_remove("TMUX")
            .output()
            .unwrap();
        assert!(out.status.success(), "tmux {args:?}: {out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// A `width` × `height` terminal named `name`, running `script`.
    pub fn open(&self, name: &str, (width, height): (u16, u16), script: &str) {
        let (w, h) = (width.to_string(), height.to_string());
        self.run(&[
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            &w,
            "-y",
            &h,
            "sh",
            "-c",
            script,
        ]);
    }

    pub fn screen(&self, name: &str) -> String {
        self.run(&["capture-pane", "-p", "-t", name])
    }

    pub fn type_text(&self, name: &str, text: &str) {
        self.run(&["send-keys", "-t", name, "-l", text]);
    }

    pub fn press(&self, name: &str, key: &str) {
        self.run(&["send-keys", "-t", name, key]);
    }

    pub fn wait_for(&self, name: &str, what: &str, ready: impl Fn(&str) -> bool) -> String {
        wait_until(
            &format!("{what} in {name}'s terminal"),
            || Some(self.screen(name)).filter(|screen| ready(screen)),
            || self.screen(name),
        )
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

/// `N` in the first `<label> (N)` on the screen.
pub fn count(screen: &str, label: &str) -> Option<usize> {
    let opening = format!("{label} (");
    screen.match_indices(&opening).find_map(|(at, _)| {
        let (digits, _) = screen[at + opening.len()..].split_once(')')?;
        digits.parse().ok()
    })
}

/// The counts in the six column titles of the board, if all show.
pub fn board_counts(screen: &str) -> Option<Vec<usize>> {
    STAGES.iter().map(|stage| count(screen, stage)).collect()
}

pub fn status_line(screen: &str) -> &str {
    screen
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
}

/// The demo's small agency (60 candidates, 3 engagements, seed 7) written
/// into the database at `db`, a folder or an address.
pub fn fill_demo(dir: &Path, db: &std::ffi::OsStr) {
    let demo = hireterm(dir)
        .args(["demo", "--candidates", "60", "--engagements", "3"])
        .args(["--seed", "7", "--db"])
        .arg(db)
        .output()
        .unwrap();
    assert!(demo.status.success(), "demo: {demo:?}");
}

/// Moves the first card of the first non-empty column one stage on; the
/// counts after the move.
pub fn move_a_card(tmux: &Tmux, name: &str) -> Vec<usize> {
    tmux.type_text(name, "2");
    let board = tmux.wait_for(name, "the board", |s| board_counts(s).is_some());
    let counts = board_counts(&board).unwrap();
    let from = (0..STAGES.len() - 1).find(|&c| counts[c] > 0).unwrap();
    tmux.type_text(name, &format!("{}>", "l".repeat(from)));
    let moved = format!("{} → {}", STAGES[from], STAGES[from + 1]);
    let mut expected = counts.clone();
    expected[from] -= 1;
    expected[from + 1] += 1;
    tmux.wait_for(name, &format!("{moved} and counts {expected:?}"), |s| {
        status_line(s).contains(&moved) && board_counts(s).as_ref() == Some(&expected)
    });
    expected
}

/// The stage moves made by `actor` in the event log of the database at
/// `db` (a folder or a PostgreSQL address).
pub fn moves_by(db: impl AsRef<Path>, actor: &str) -> usize {
    let store = hireterm::store::Store::open(db).unwrap();
    let events = store.recent_events(10_000).unwrap();
    let moved = |e: &&hireterm::domain::Event| {
        e.actor == actor && matches!(e.kind, hireterm::domain::EventKind::StageChanged { .. })
    };
    events.iter().filter(moved).count()
}
