//! The real `hireterm` binary in a terminal that tmux emulates, shared by
//! the end-to-end tests (`e2e_tmux.rs`, `e2e_agency.rs`): a private tmux
//! server per test, keys in, the screen read back.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How long any one thing may take to show on screen: generous, for a
/// loaded two-core machine; the normal case takes well under a second.
pub const WAIT: Duration = Duration::from_secs(20);
pub const POLL: Duration = Duration::from_millis(100);

/// The pipeline's stages, in board order, as the column titles name them.
pub const STAGES: [&str; 6] = [
    "Sourced",
    "Screening",
    "Technical interview",
    "Client interview",
    "Offer",
    "Placed",
];

/// The candidates pane of the demo database.
pub const CANDIDATES_PANE: &str = "Candidates (500)";
/// My work, the first screen of a database with engagements.
pub const HOME_PANE: &str = "┌ My work · ";
/// The title of the help overlay.
pub const HELP_TITLE: &str = "Help · esc or ? closes";
/// The app's tab line (the shell's screen never shows it).
pub const TAB_LINE: &str = " 2 Pipeline ";
/// What the shell prints when hireterm has exited with status 0.
pub const EXITED_OK: &str = "HIRETERM-EXITED-0";
pub const SESSION: &str = "hireterm";

/// Whether tmux can be run here; under `CI` it must be.
pub fn have_tmux() -> bool {
    let why = match Command::new("tmux").arg("-V").output() {
        Ok(out) if out.status.success() => return true,
        Ok(out) => format!(
            "`tmux -V` failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ),
        Err(error) => format!("cannot run tmux: {error}"),
    };
    if std::env::var_os("CI").is_some() {
        panic!("tmux is required; .ci/run installs it ({why})");
    }
    eprintln!("skipping this end-to-end test: {why}; .ci/run installs tmux");
    false
}

/// `text` as one word for `sh`.
pub fn shell_quote(text: &OsStr) -> String {
    format!("'{}'", text.to_string_lossy().replace('\'', r"'\''"))
}

/// `hireterm --demo` in a detached tmux session on a private server. The
/// server is killed on drop, then the temporary folder (the app's TMPDIR and
/// config directory) is removed.
pub struct Session {
    /// `-S <path>`, or `-L <name>` where the path would be too long for a
    /// Unix socket.
    socket: [String; 2],
    dir: tempfile::TempDir,
    started: Instant,
}

impl Session {
    /// Starts the app in a `width` × `height` terminal.
    pub fn start(width: u16, height: u16) -> Session {
        Session::start_with_keymap(width, height, None)
    }

    /// The same, with `keymap` as the user's keymap file.
    pub fn start_with_keymap(width: u16, height: u16, keymap: Option<&str>) -> Session {
        Session::start_with(width, height, keymap, None)
    }

    /// The same, with `editor` (a script) as `$EDITOR`.
    pub fn start_with(
        width: u16,
        height: u16,
        keymap: Option<&str>,
        editor: Option<&str>,
    ) -> Session {
        Session::launch(width, height, keymap, editor, "--demo", &[])
    }

    /// The app on the database at `db` (made beforehand, e.g. by
    /// `hireterm demo --now`, so that its days are known) instead of
    /// `--demo`.
    pub fn start_on_database(width: u16, height: u16, db: &Path) -> Session {
        let args = format!("--db {}", shell_quote(db.as_os_str()));
        Session::launch(width, height, None, None, &args, &[])
    }

    /// [`Session::start_on_database`], the app stopping at the pause point
    /// `point` (`store/pause.rs`) until a line (`C-j`) is typed.
    pub fn start_paused_at(width: u16, height: u16, db: &Path, point: &str) -> Session {
        let args = format!("--db {}", shell_quote(db.as_os_str()));
        let pause = [(hireterm::store::PAUSE_ENV, point)];
        Session::launch(width, height, None, None, &args, &pause)
    }

    /// [`Session::start_paused_at`], the pause ended by creating `resume`
    /// rather than by a line typed (the app may be on the screen then).
    pub fn start_paused_until(
        width: u16,
        height: u16,
        db: &Path,
        point: &str,
        resume: &Path,
    ) -> Session {
        let args = format!("--db {}", shell_quote(db.as_os_str()));
        let resume = resume.to_str().expect("a UTF-8 path");
        let pause = [
            (hireterm::store::PAUSE_ENV, point),
            (hireterm::store::RESUME_ENV, resume),
        ];
        Session::launch(width, height, None, None, &args, &pause)
    }

    /// `hireterm <args>` in the terminal, then its exit status.
    fn launch(
        width: u16,
        height: u16,
        keymap: Option<&str>,
        editor: Option<&str>,
        args: &str,
        env: &[(&str, &str)],
    ) -> Session {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let socket = socket_option(dir.path());
        // The guard exists before the server does, so any failure below
        // still kills whatever was started.
        let session = Session {
            socket,
            dir,
            started: Instant::now(),
        };
        let config = session.dir.path().join("config");
        std::fs::create_dir(&config).unwrap();
        if let Some(text) = keymap {
            std::fs::write(config.join("keymap.toml"), text).unwrap();
        }
        let bin = shell_quote(OsStr::new(env!("CARGO_BIN_EXE_hireterm")));
        // After the app: its exit status, whether it left the terminal in
        // raw mode, then time to read the screen.
        let script = format!(
            "{bin} {args}; code=$?; \
             if stty -a | grep -q -e -icanon; then tty=raw; else tty=cooked; fi; \
             echo HIRETERM-EXITED-$code; echo HIRETERM-TTY-$tty; sleep 60"
        );
        let (width, height) = (width.to_string(), height.to_string());
        // The server, started by this command, hands its environment to the
        // pane: no inherited settings that change what the app does.
        let out = session
            .tmux_command()
            .args([
                "new-session",
                "-d",
                "-s",
                SESSION,
                "-x",
                &width,
                "-y",
                &height,
            ])
            .args(["sh", "-c", &script])
            .env_remove("HIRETERM_OPEN_TIMEOUT_SECS")
            .env_remove("HIRETERM_DB")
            .env("HIRETERM_CONFIG_DIR", &config)
            .env("NO_COLOR", "1")
            .env("EDITOR", editor.unwrap_or(""))
            .env_remove("VISUAL")
            .env("TMPDIR", session.dir.path())
            .envs(env.iter().copied())
            .output()
            .expect("tmux new-session");
        assert!(
            out.status.success(),
            "tmux new-session failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        session
    }

    /// tmux on this test's server, with no user configuration.
    pub fn tmux_command(&self) -> Command {
        let mut command = Command::new("tmux");
        command
            .args(["-u", "-f", "/dev/null"])
            .args(&self.socket)
            .env_remove("TMUX")
            .env_remove("TMUX_PANE");
        command
    }

    pub fn tmux(&self, args: &[&str]) -> Output {
        self.tmux_command()
            .args(args)
            .output()
            .expect("running tmux")
    }

    /// Runs a tmux command that must succeed; its standard output.
    pub fn tmux_ok(&self, args: &[&str]) -> String {
        let out = self.tmux(args);
        assert!(
            out.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The text on the screen now, one line per row.
    pub fn screen(&self) -> String {
        self.tmux_ok(&["capture-pane", "-p", "-t", SESSION])
    }

    /// Types `text` as it is (`>` is a `>`, not a key name).
    pub fn type_text(&self, text: &str) {
        self.tmux_ok(&["send-keys", "-t", SESSION, "-l", text]);
    }

    /// Presses a key by its tmux name (`Escape`, `Enter`).
    pub fn press(&self, key: &str) {
        self.tmux_ok(&["send-keys", "-t", SESSION, key]);
    }

    /// Resizes the terminal.
    pub fn resize(&self, width: u16, height: u16) {
        let (width, height) = (width.to_string(), height.to_string());
        self.tmux_ok(&["resize-window", "-t", SESSION, "-x", &width, "-y", &height]);
    }

    /// A tmux format (`#{alternate_on}`) of the pane.
    pub fn format(&self, format: &str) -> String {
        self.tmux_ok(&["display-message", "-p", "-t", SESSION, format])
            .trim()
            .to_string()
    }

    /// Polls the screen until `ready` holds; the screen then. On time-out,
    /// panics with the last screen.
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            if Instant::now() >= deadline {
                panic!(
                    "timed out after {WAIT:?} waiting for {what}; the screen:\n{}",
                    framed(&screen)
                );
            }
            std::thread::sleep(POLL);
        }
    }

    pub fn wait_for_text(&self, text: &str) -> String {
        self.wait_for(&format!("{text:?}"), |screen| screen.contains(text))
    }

    /// The demo database folders in the app's TMPDIR.
    pub fn demo_folders(&self) -> Vec<PathBuf> {
        std::fs::read_dir(self.dir.path())
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| file_name_starts_with(path, "hireterm-demo-"))
            .collect()
    }

    /// Waits for the first screen (My work), checks that the demo
    /// database lives in this test's TMPDIR, and goes to the candidates
    /// pane, where the tests start.
    pub fn wait_until_up(&self) -> String {
        self.wait_for_text(HOME_PANE);
        self.type_text("1");
        let screen = self.wait_for_text(CANDIDATES_PANE);
        let folders = self.demo_folders();
        assert_eq!(
            folders.len(),
            1,
            "expected one hireterm-demo-* folder in the app's TMPDIR, found {folders:?}"
        );
        screen
    }

    /// Quits with `q`, then checks that the app exited with status 0 and
    /// gave the terminal back as it found it, and that the demo database
    /// is gone.
    pub fn quit(&self) {
        self.type_text("q");
        let screen = self.wait_for_text(EXITED_OK);
        assert_eq!(
            self.format("#{alternate_on}"),
            "0",
            "the alternate screen is still on after quitting:\n{}",
            framed(&screen)
        );
        assert!(
            !screen.contains(TAB_LINE),
            "the app's screen is still shown after quitting:\n{}",
            framed(&screen)
        );
        let screen = self.wait_for_text("HIRETERM-TTY-");
        assert!(
            screen.contains("HIRETERM-TTY-cooked"),
            "the terminal was left in raw mode:\n{}",
            framed(&screen)
        );
        assert_eq!(
            self.format("#{cursor_flag}"),
            "1",
            "the cursor is still hidden after quitting"
        );
        assert_eq!(
            self.demo_folders(),
            Vec::<PathBuf>::new(),
            "the demo database was not removed"
        );
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // Harmless when the server is gone already (or never started).
        let _ = self.tmux(&["kill-server"]);
        eprintln!("(tmux session ran for {:?})", self.started.elapsed());
    }
}

/// Where this test's tmux server listens: a socket in `dir` (removed with
/// it), unless that path is too long for a Unix socket; then a unique name.
pub fn socket_option(dir: &Path) -> [String; 2] {
    let path = dir.join("tmux.sock");
    match path.to_str() {
        Some(path) if path.len() < 100 => ["-S".into(), path.into()],
        _ => {
            static NEXT: AtomicUsize = AtomicUsize::new(0);
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.subsec_nanos());
            let name = format!(
                "hireterm-e2e-{}-{}-{nanos}",
                std::process::id(),
                NEXT.fetch_add(1, Ordering::Relaxed)
            );
            ["-L".into(), name]
        }
    }
}

pub fn file_name_starts_with(path: &Path, prefix: &str) -> bool {
    path.file_name()
        .is_some_and(|name| name.to_string_lossy().starts_with(prefix))
}

/// A screen, set off from the panic message around it.
pub fn framed(screen: &str) -> String {
    let rule = "-".repeat(40);
    format!("{rule}\n{}\n{rule}", screen.trim_end())
}

/// `N` in the first `<label> (N)` on the screen.
pub fn count(screen: &str, label: &str) -> Option<usize> {
    let opening = format!("{label} (");
    screen.match_indices(&opening).find_map(|(at, _)| {
        let rest = &screen[at + opening.len()..];
        let (digits, _) = rest.split_once(')')?;
        digits.parse().ok()
    })
}

/// The counts of every stage's column title, if all six show.
pub fn board_counts(screen: &str) -> Option<Vec<usize>> {
    STAGES.iter().map(|stage| count(screen, stage)).collect()
}

/// The bottom line with something on it: the status bar.
pub fn status_line(screen: &str) -> &str {
    screen
        .lines()
        .rev()
        .find(|line| !line.trim().is_empty())
        .unwrap_or("")
}

pub fn is_board(screen: &str) -> bool {
    screen.contains("┌ Sourced (") && screen.contains("┐┌")
}

/// A stage header of the narrow list: `│Sourced (2)      …│`, the stage at
/// the left edge inside the border. Its stage's index and count.
pub fn list_header(line: &str) -> Option<(usize, usize)> {
    let inner = line.strip_prefix('│')?.strip_suffix('│')?;
    STAGES.iter().enumerate().find_map(|(stage, label)| {
        let rest = inner.strip_prefix(label)?.strip_prefix(" (")?;
        let (digits, after) = rest.split_once(')')?;
        let count = digits.parse().ok()?;
        after.trim().is_empty().then_some((stage, count))
    })
}

pub fn is_list(screen: &str) -> bool {
    !screen.contains("┐┌")
        && screen
            .lines()
            .any(|line| matches!(list_header(line), Some((0, _))))
}

/// The skill matrix's header row: `│Candidate     Score *Ev… …`.
pub fn is_matrix(screen: &str) -> bool {
    !screen.contains(CANDIDATES_PANE)
        && screen.lines().any(|line| {
            line.trim_start_matches('│').starts_with("Candidate ") && line.contains("Score")
        })
}
