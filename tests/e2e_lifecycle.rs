//! End to end, in tmux: how the real binary's life ends and begins.
//! `--demo`'s temporary folder goes when the terminal goes (the window
//! killed: SIGHUP) and when the process is told to stop (SIGTERM), not
//! only on `q`; and the app on a `--db` that did not exist says, in its
//! status bar, that it created a new database there.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod tmux;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use tmux::*;

/// Waits (generously: a loaded machine) until `done` holds.
fn eventually(what: &str, done: impl Fn() -> bool) {
    let deadline = Instant::now() + WAIT;
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting until {what}");
        std::thread::sleep(POLL);
    }
}

/// The process ids whose parent is `parent`.
fn children(parent: u32) -> Vec<u32> {
    let path = format!("/proc/{parent}/task/{parent}/children");
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|pid| pid.parse().ok())
        .collect()
}

/// The hireterm process the pane's shell started.
fn app_pid(app: &Session) -> u32 {
    let shell: u32 = app.format("#{pane_pid}").parse().unwrap();
    eventually("the app runs under the pane's shell", || {
        !children(shell).is_empty()
    });
    let kids = children(shell);
    assert_eq!(kids.len(), 1, "{kids:?}");
    kids[0]
}

fn started_demo() -> (Session, PathBuf) {
    let app = Session::start(80, 24);
    app.wait_until_up();
    let folders = app.demo_folders();
    assert_eq!(folders.len(), 1);
    (app, folders[0].clone())
}

#[test]
fn the_demo_folder_goes_when_the_window_is_killed() {
    if !have_tmux() {
        return;
    }
    let (app, folder) = started_demo();
    assert!(folder.join("db").exists());
    // SIGHUP to the pane's processes, and the terminal gone.
    app.tmux_ok(&["kill-window", "-t", SESSION]);
    eventually("the demo folder is removed", || !folder.exists());
}

#[test]
fn the_demo_folder_goes_on_sigterm_and_the_terminal_is_restored() {
    if !have_tmux() {
        return;
    }
    let (app, folder) = started_demo();
    let pid = app_pid(&app);
    let killed = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let screen = app.wait_for_text("HIRETERM-TTY-");
    assert!(
        screen.contains("HIRETERM-TTY-cooked"),
        "{}",
        framed(&screen)
    );
    assert!(!screen.contains(TAB_LINE), "{}", framed(&screen));
    eventually("the demo folder is removed", || !folder.exists());
}

/// `hireterm --db <db>` in a tmux session of its own (not `--demo`).
struct OnDb {
    socket: [String; 2],
    _dir: tempfile::TempDir,
}

impl OnDb {
    fn start(dir: tempfile::TempDir, db: &Path) -> OnDb {
        let socket = socket_option(dir.path());
        let bin = shell_quote(env!("CARGO_BIN_EXE_hireterm").as_ref());
        let script = format!("{bin} --db {}; sleep 60", shell_quote(db.as_os_str()));
        let config = dir.path().join("config");
        std::fs::create_dir(&config).unwrap();
        let out = Command::new("tmux")
            .args(["-u", "-f", "/dev/null"])
            .args(&socket)
            .args(["new-session", "-d", "-s", SESSION, "-x", "100", "-y", "30"])
            .args(["sh", "-c", &script])
            .env_remove("TMUX")
            .env_remove("HIRETERM_DB")
            .env("HIRETERM_CONFIG_DIR", &config)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        OnDb { socket, _dir: dir }
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-u", "-f", "/dev/null"])
            .args(&self.socket)
            .args(args)
            .env_remove("TMUX")
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let screen = self.tmux(&["capture-pane", "-p", "-t", SESSION]);
            if screen.contains(text) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "no {text:?} on\n{}",
                framed(&screen)
            );
            std::thread::sleep(POLL);
        }
    }
}

impl Drop for OnDb {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

#[test]
fn the_app_says_it_created_a_new_database() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fresh").join("db");
    let app = OnDb::start(dir, &db);
    let screen = app.wait_for(TAB_LINE);
    let status = status_line(&screen).to_string();
    assert!(
        status.contains("created a new database"),
        "{}",
        framed(&screen)
    );
    app.tmux(&["send-keys", "-t", SESSION, "-l", "q"]);
    std::thread::sleep(Duration::from_millis(200));
}
