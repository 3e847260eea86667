//! End to end: the real `hireterm` binary, run by `--demo` in a terminal
//! that tmux emulates, driven by keys and read back from the screen.
//!
//! Each test has a tmux server of its own (`tmux -S <socket in the test's
//! temporary folder>`, no user configuration), killed when the test ends,
//! pass or fail. The app runs as
//! `sh -c '<bin> --demo; echo HIRETERM-EXITED-$?; ...; sleep 60'`, so that
//! once it quits the pane shows its exit status and the shell's own screen.
//!
//! Without tmux these tests are skipped, except under `CI`, where they fail:
//! `.ci/run` installs tmux.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How long any one thing may take to show on screen: generous, for a
/// loaded two-core machine; the normal case takes well under a second.
const WAIT: Duration = Duration::from_secs(20);
const POLL: Duration = Duration::from_millis(100);

/// The pipeline's stages, in board order, as the column titles name them.
const STAGES: [&str; 6] = [
    "Sourced",
    "Screening",
    "Technical interview",
    "Client interview",
    "Offer",
    "Placed",
];

/// The candidates pane of the demo database.
const CANDIDATES_PANE: &str = "Candidates (500)";
/// The title of the help overlay.
const HELP_TITLE: &str = "Help · esc or ? closes";
/// The app's tab line (the shell's screen never shows it).
const TAB_LINE: &str = " 1 Candidates ";
/// What the shell prints when hireterm has exited with status 0.
const EXITED_OK: &str = "HIRETERM-EXITED-0";
const SESSION: &str = "hireterm";

/// Whether tmux can be run here; under `CI` it must be.
fn have_tmux() -> bool {
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
fn shell_quote(text: &OsStr) -> String {
    format!("'{}'", text.to_string_lossy().replace('\'', r"'\''"))
}

/// `hireterm --demo` in a detached tmux session on a private server. The
/// server is killed on drop, then the temporary folder (the app's TMPDIR and
/// config directory) is removed.
struct Session {
    /// `-S <path>`, or `-L <name>` where the path would be too long for a
    /// Unix socket.
    socket: [String; 2],
    dir: tempfile::TempDir,
    started: Instant,
}

impl Session {
    /// Starts the app in a `width` × `height` terminal.
    fn start(width: u16, height: u16) -> Session {
        Session::start_with_keymap(width, height, None)
    }

    /// The same, with `keymap` as the user's keymap file.
    fn start_with_keymap(width: u16, height: u16, keymap: Option<&str>) -> Session {
        Session::start_with(width, height, keymap, None)
    }

    /// The same, with `editor` (a script) as `$EDITOR`.
    fn start_with(width: u16, height: u16, keymap: Option<&str>, editor: Option<&str>) -> Session {
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
            "{bin} --demo; code=$?; \
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
    fn tmux_command(&self) -> Command {
        let mut command = Command::new("tmux");
        command
            .args(["-u", "-f", "/dev/null"])
            .args(&self.socket)
            .env_remove("TMUX")
            .env_remove("TMUX_PANE");
        command
    }

    fn tmux(&self, args: &[&str]) -> Output {
        self.tmux_command()
            .args(args)
            .output()
            .expect("running tmux")
    }

    /// Runs a tmux command that must succeed; its standard output.
    fn tmux_ok(&self, args: &[&str]) -> String {
        let out = self.tmux(args);
        assert!(
            out.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The text on the screen now, one line per row.
    fn screen(&self) -> String {
        self.tmux_ok(&["capture-pane", "-p", "-t", SESSION])
    }

    /// Types `text` as it is (`>` is a `>`, not a key name).
    fn type_text(&self, text: &str) {
        self.tmux_ok(&["send-keys", "-t", SESSION, "-l", text]);
    }

    /// Presses a key by its tmux name (`Escape`, `Enter`).
    fn press(&self, key: &str) {
        self.tmux_ok(&["send-keys", "-t", SESSION, key]);
    }

    /// Resizes the terminal.
    fn resize(&self, width: u16, height: u16) {
        let (width, height) = (width.to_string(), height.to_string());
        self.tmux_ok(&["resize-window", "-t", SESSION, "-x", &width, "-y", &height]);
    }

    /// A tmux format (`#{alternate_on}`) of the pane.
    fn format(&self, format: &str) -> String {
        self.tmux_ok(&["display-message", "-p", "-t", SESSION, format])
            .trim()
            .to_string()
    }

    /// Polls the screen until `ready` holds; the screen then. On time-out,
    /// panics with the last screen.
    fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
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

    fn wait_for_text(&self, text: &str) -> String {
        self.wait_for(&format!("{text:?}"), |screen| screen.contains(text))
    }

    /// The demo database folders in the app's TMPDIR.
    fn demo_folders(&self) -> Vec<PathBuf> {
        std::fs::read_dir(self.dir.path())
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| file_name_starts_with(path, "hireterm-demo-"))
            .collect()
    }

    /// Waits for the candidates pane, and checks that the demo database
    /// lives in this test's TMPDIR.
    fn wait_until_up(&self) -> String {
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
    fn quit(&self) {
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
fn socket_option(dir: &Path) -> [String; 2] {
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

fn file_name_starts_with(path: &Path, prefix: &str) -> bool {
    path.file_name()
        .is_some_and(|name| name.to_string_lossy().starts_with(prefix))
}

/// A screen, set off from the panic message around it.
fn framed(screen: &str) -> String {
    let rule = "-".repeat(40);
    format!("{rule}\n{}\n{rule}", screen.trim_end())
}

/// `N` in the first `<label> (N)` on the screen.
fn count(screen: &str, label: &str) -> Option<usize> {
    let opening = format!("{label} (");
    screen.match_indices(&opening).find_map(|(at, _)| {
        let rest = &screen[at + opening.len()..];
        let (digits, _) = rest.split_once(')')?;
        digits.parse().ok()
    })
}

/// The counts of every stage's column title, if all six show.
fn board_counts(screen: &str) -> Option<Vec<usize>> {
    STAGES.iter().map(|stage| count(screen, stage)).collect()
}

/// The bottom line with something on it: the status bar.
fn status_line(screen: &str) -> &str {
    screen
        .lines()
        .rev()
        .find(|line| !line.trim().is_empty())
        .unwrap_or("")
}

fn is_board(screen: &str) -> bool {
    screen.contains("┌ Sourced (") && screen.contains("┐┌")
}

/// A stage header of the narrow list: `│Sourced (2)      …│`, the stage at
/// the left edge inside the border. Its stage's index and count.
fn list_header(line: &str) -> Option<(usize, usize)> {
    let inner = line.strip_prefix('│')?.strip_suffix('│')?;
    STAGES.iter().enumerate().find_map(|(stage, label)| {
        let rest = inner.strip_prefix(label)?.strip_prefix(" (")?;
        let (digits, after) = rest.split_once(')')?;
        let count = digits.parse().ok()?;
        after.trim().is_empty().then_some((stage, count))
    })
}

fn is_list(screen: &str) -> bool {
    !screen.contains("┐┌")
        && screen
            .lines()
            .any(|line| matches!(list_header(line), Some((0, _))))
}

/// The skill matrix's header row: `│Candidate     Score *Ev… …`.
fn is_matrix(screen: &str) -> bool {
    !screen.contains(CANDIDATES_PANE)
        && screen.lines().any(|line| {
            line.trim_start_matches('│').starts_with("Candidate ") && line.contains("Score")
        })
}

#[test]
fn every_pane_a_card_move_and_a_clean_exit() {
    if !have_tmux() {
        return;
    }
    // Wide enough for every column title, counts and all, on the board:
    // at 120 columns "Technical interview (N)" is cut.
    let app = Session::start(180, 40);
    app.wait_until_up();

    // Every pane, and back.
    app.type_text("2");
    app.wait_for("the pipeline board", |screen| {
        is_board(screen)
            && screen.contains("Technical interview (")
            && !screen.contains(CANDIDATES_PANE)
    });
    app.type_text("3");
    app.wait_for("the skill matrix", is_matrix);
    app.type_text("1");
    app.wait_for("the candidates pane again", |screen| {
        screen.contains(CANDIDATES_PANE) && !is_matrix(screen)
    });
    app.type_text("?");
    app.wait_for("the help overlay", |screen| screen.contains(HELP_TITLE));
    app.press("Escape");
    app.wait_for("the help overlay to close", |screen| {
        !screen.contains(HELP_TITLE) && screen.contains(CANDIDATES_PANE)
    });

    // Move the first card of the first non-empty column one stage on (the
    // cursor starts in the first column; `l` steps right).
    app.type_text("2");
    let before = app.wait_for("the pipeline board", |screen| {
        is_board(screen) && board_counts(screen).is_some()
    });
    let counts = board_counts(&before).unwrap();
    let from = (0..STAGES.len() - 1)
        .find(|&column| counts[column] > 0)
        .unwrap_or_else(|| panic!("no card to move forward on the board:\n{}", framed(&before)));
    if from > 0 {
        app.type_text(&"l".repeat(from));
    }
    app.type_text(">");
    let moved = format!("{} → {}", STAGES[from], STAGES[from + 1]);
    let mut expected = counts.clone();
    expected[from] -= 1;
    expected[from + 1] += 1;
    let after = app.wait_for(
        &format!("the status bar to say {moved:?} and the counts to become {expected:?}"),
        |screen| {
            status_line(screen).contains(&moved) && board_counts(screen).as_ref() == Some(&expected)
        },
    );
    // `<name>: Sourced → Screening`
    let status = status_line(&after);
    let name = status
        .split_once(&format!(": {moved}"))
        .map(|(name, _)| name.trim());
    assert!(
        name.is_some_and(|name| !name.is_empty()),
        "the status bar does not name the moved candidate: {status:?}"
    );

    app.quit();
}

#[test]
fn too_small_then_enlarged() {
    if !have_tmux() {
        return;
    }
    let app = Session::start(50, 12);
    app.wait_for("the too-small message", |screen| {
        screen.contains("Terminal too small")
            && screen.contains("50×12 here; hireterm needs 60×16.")
    });
    assert_eq!(app.demo_folders().len(), 1);

    app.resize(100, 30);
    let screen = app.wait_for("the candidates pane after enlarging", |screen| {
        screen.contains(CANDIDATES_PANE) && !screen.contains("Terminal too small")
    });
    assert!(screen.contains(TAB_LINE), "{}", framed(&screen));

    app.quit();
}

#[test]
fn narrow_pipeline_is_a_list_grouped_by_stage() {
    if !have_tmux() {
        return;
    }
    let app = Session::start(80, 24);
    app.wait_until_up();
    app.type_text("2");
    let screen = app.wait_for("the pipeline as a list", is_list);

    // One box, stage headers at its left edge, each followed by its cards
    // (indented), the first right under the box's top border.
    assert!(!is_board(&screen), "{}", framed(&screen));
    let lines: Vec<&str> = screen.lines().collect();
    let top = lines
        .iter()
        .position(|line| line.starts_with('┌'))
        .unwrap_or_else(|| panic!("no box on screen:\n{}", framed(&screen)));
    let bottom = lines
        .iter()
        .rposition(|line| line.starts_with('└'))
        .unwrap_or_else(|| panic!("no box on screen:\n{}", framed(&screen)));
    let headers: Vec<(usize, usize, usize)> = lines
        .iter()
        .enumerate()
        .filter_map(|(row, line)| list_header(line).map(|(stage, count)| (row, stage, count)))
        .collect();
    assert_eq!(
        headers.first().map(|h| (h.0, h.1)),
        Some((top + 1, 0)),
        "the list does not start with the Sourced header:\n{}",
        framed(&screen)
    );
    assert!(
        headers.len() >= 2,
        "fewer than two stage headers show:\n{}",
        framed(&screen)
    );
    for (index, &(row, stage, count)) in headers.iter().enumerate() {
        assert_eq!(
            stage,
            index,
            "stage headers out of order:\n{}",
            framed(&screen)
        );
        // The header's cards, then the next header (or the box's end).
        let end = headers.get(index + 1).map_or(bottom, |next| next.0);
        let cards = &lines[row + 1..end];
        if index + 1 < headers.len() {
            assert_eq!(
                cards.len(),
                count,
                "{} ({count}) is followed by {} lines before the next stage:\n{}",
                STAGES[stage],
                cards.len(),
                framed(&screen)
            );
        }
        for card in cards.iter().take(count) {
            assert!(
                card.starts_with("│  "),
                "not an indented card line under {}: {card:?}\n{}",
                STAGES[stage],
                framed(&screen)
            );
        }
    }
    let sourced = headers[0].2;

    // The board takes over at 100 columns, and gives way again below.
    app.resize(100, 24);
    let board = app.wait_for("the board at 100 columns", is_board);
    assert_eq!(
        count(&board, "Sourced"),
        Some(sourced),
        "{}",
        framed(&board)
    );
    app.resize(99, 24);
    app.wait_for("the list again at 99 columns", |screen| {
        is_list(screen) && !is_board(screen)
    });

    app.quit();
}

#[test]
fn a_user_keymap_rebinds_keys_and_a_bad_one_names_its_line() {
    if !have_tmux() {
        return;
    }
    let app = Session::start_with_keymap(120, 30, Some("[global]\nw = \"show_pipeline\"\n"));
    app.wait_for("the candidates pane", |screen| {
        screen.contains(CANDIDATES_PANE)
    });
    app.press("w");
    app.wait_for("the pipeline, reached with the rebound key", is_board);
    app.quit();

    let app = Session::start_with_keymap(120, 30, Some("[global]\nq = \"quit\"\nz = \"jump\"\n"));
    let screen = app.wait_for("the keymap error in the status bar", |screen| {
        status_line(screen).contains("keymap line 3: unknown action `jump`")
    });
    assert!(
        screen.contains(CANDIDATES_PANE),
        "the app still runs: {}",
        framed(&screen)
    );
    app.quit();
}

#[test]
fn a_note_is_written_in_the_users_editor_and_the_screen_comes_back() {
    if !have_tmux() {
        return;
    }
    // An "editor" that writes its note and exits, as a person would.
    let scripts = tempfile::tempdir().unwrap();
    let script = scripts.path().join("fake-editor");
    std::fs::write(
        &script,
        "#!/bin/sh\nprintf 'Written in the editor' > \"$1\"\n",
    )
    .unwrap();
    std::process::Command::new("chmod")
        .arg("+x")
        .arg(&script)
        .status()
        .unwrap();
    let app = Session::start_with(120, 30, None, Some(script.to_str().unwrap()));
    app.wait_for("the candidates pane", |screen| {
        screen.contains(CANDIDATES_PANE)
    });
    app.press("Enter");
    app.wait_for("the detail view", |screen| screen.contains("Contact"));
    app.press("n");
    let screen = app.wait_for("the note saved, on the redrawn screen", |screen| {
        status_line(screen).contains("note saved") && screen.contains("Contact")
    });
    assert!(
        !screen.contains("Note on "),
        "no inline editor: {}",
        framed(&screen)
    );
    // The note sits near the end of the detail: scroll down to it.
    let mut seen = false;
    for _ in 0..60 {
        app.press("j");
        std::thread::sleep(Duration::from_millis(30));
        if app.screen().contains("Written in the editor") {
            seen = true;
            break;
        }
    }
    assert!(
        seen,
        "the note's text shows in the detail: {}",
        framed(&app.screen())
    );
    // Keys still reach the app after the editor has gone.
    app.press("Escape");
    app.wait_for("the candidates table", |screen| {
        screen.contains(CANDIDATES_PANE)
    });
    app.quit();
}

#[test]
fn a_candidate_is_added_in_the_form_and_found_by_search() {
    if !have_tmux() {
        return;
    }
    let app = Session::start(100, 30);
    app.wait_until_up();
    app.type_text("a");
    app.wait_for_text("New candidate");
    app.type_text("Zed Quist");
    app.press("Tab");
    app.type_text("zed@quist.io");
    for _ in 0..6 {
        app.press("Tab");
    }
    app.type_text("kube");
    app.wait_for_text("▸ Kubernetes");
    app.press("Enter");
    app.type_text("4");
    app.wait_for_text("Kubernetes 4");
    // Ctrl-s reaches the app: raw mode turns off the terminal's XOFF.
    app.press("C-s");
    let screen = app.wait_for("the saved candidate in the table", |screen| {
        screen.contains("Candidates (501)") && status_line(screen).contains("added Zed Quist")
    });
    assert!(!screen.contains("New candidate"), "{}", framed(&screen));
    app.type_text("/quist");
    app.wait_for("the new candidate among the search's hits", |screen| {
        screen
            .lines()
            .any(|line| line.contains("│Candidate  Zed Quist"))
    });
    app.press("Escape");
    // The table's title shows behind the palette too: wait for the palette
    // to close, or the next key could arrive as alt-q after the ESC.
    app.wait_for("the palette closed", |screen| {
        screen.contains("Candidates (501)") && !screen.contains("Search roles, skills")
    });
    app.quit();
}
