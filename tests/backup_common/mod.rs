//! Helpers for the backup and restore tests: a real hireterm stopped at a
//! named pause point (`HIRETERM_TEST_PAUSE`), `hireterm serve` holding a
//! database, a small tmpfs and a read-only mount (as root), and a
//! backup's manifest rewritten as a forger (or a buggy writer) would.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Long enough for a loaded machine; only reached when something is wrong.
pub const WAIT: Duration = Duration::from_secs(30);

/// A hireterm process waiting at a pause point.
pub struct Paused {
    child: Child,
    lines: mpsc::Receiver<String>,
    pub stderr: String,
}

impl Paused {
    /// Starts `command` and waits until it reports it paused at `point`.
    pub fn start(mut command: Command, point: &str) -> Paused {
        let mut child = command
            .env(hireterm::store::PAUSE_ENV, point)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut paused = Paused {
            child,
            lines,
            stderr: String::new(),
        };
        let wanted = format!("paused at {point}");
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match paused.lines.recv_timeout(left) {
                Ok(line) if line.contains(&wanted) => return paused,
                Ok(line) => paused.stderr += &format!("{line}\n"),
                Err(_) => panic!(
                    "hireterm never paused at {point} (status {:?}); it said:\n{}",
                    paused.child.try_wait(),
                    paused.stderr
                ),
            }
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// SIGKILL, as a power cut or the OOM killer would end it.
    pub fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }

    /// Lets it go on, and waits for it to end: its status and the rest
    /// of what it said.
    pub fn resume(mut self) -> (ExitStatus, String) {
        let mut stdin = self.child.stdin.take().unwrap();
        stdin.write_all(b"\n").unwrap();
        drop(stdin);
        let status = wait_for(&mut self.child);
        while let Ok(line) = self.lines.recv_timeout(Duration::from_secs(1)) {
            self.stderr += &format!("{line}\n");
        }
        (status, self.stderr.clone())
    }
}

impl Drop for Paused {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn wait_for(child: &mut Child) -> ExitStatus {
    let deadline = Instant::now() + WAIT;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        assert!(Instant::now() < deadline, "hireterm did not end");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// `hireterm serve` on a database, with a host key and an (empty)
/// authorized_keys file of its own in `dir`; its log is `dir/serve.log`.
pub fn serve_command(db: &Path, dir: &Path) -> Command {
    std::fs::write(dir.join("authorized_keys"), "").unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_hireterm"));
    command
        .env("HIRETERM_CONFIG_DIR", dir.join("config"))
        .env_remove("HIRETERM_DB")
        .arg("serve")
        .arg("--db")
        .arg(db)
        .args(["--listen", "127.0.0.1:0", "--authorized-keys"])
        .arg(dir.join("authorized_keys"))
        .arg("--host-key")
        .arg(dir.join("host_key"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(dir.join("serve.log")).unwrap());
    command
}

/// A running `hireterm serve`, ended with SIGTERM (or killed if dropped).
pub struct Serving {
    child: Child,
    log: PathBuf,
}

impl Serving {
    /// Starts serve and waits until it listens (it holds the database by
    /// then).
    pub fn start(db: &Path, dir: &Path) -> Serving {
        let child = serve_command(db, dir).spawn().unwrap();
        let serving = Serving {
            child,
            log: dir.join("serve.log"),
        };
        let deadline = Instant::now() + WAIT;
        while !serving.log().contains("listening on") {
            assert!(
                Instant::now() < deadline,
                "serve did not listen:\n{}",
                serving.log()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        serving
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// SIGTERM: serve closes the database cleanly and exits.
    pub fn terminate(mut self) -> ExitStatus {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
        assert!(sent.success());
        wait_for(&mut self.child)
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Whether this test runs as root; without root, a test that needs it is
/// skipped with a message, except under `CI`, where it fails.
pub fn root_or_skip(what: &str) -> bool {
    let out = Command::new("id").arg("-u").output().unwrap();
    let root = String::from_utf8_lossy(&out.stdout).trim() == "0";
    if !root && std::env::var_os("CI").is_some() {
        panic!("{what} needs root (mount), and CI must run it");
    }
    if !root {
        eprintln!("skipping {what}: it needs root to mount a small tmpfs");
    }
    root
}

/// A mount over `path`, unmounted when dropped.
pub struct Mount {
    pub path: PathBuf,
}

impl Mount {
    /// A tmpfs of `size` (as `mount -o size=` takes it) at `path`.
    pub fn tmpfs(path: &Path, size: &str) -> Mount {
        std::fs::create_dir_all(path).unwrap();
        run(
            "mount",
            &["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"],
            path,
        );
        Mount {
            path: path.to_path_buf(),
        }
    }

    /// `path` mounted over itself read-only: not even root can write it.
    pub fn read_only(path: &Path) -> Mount {
        run("mount", &["--bind", &path.display().to_string()], path);
        let mount = Mount {
            path: path.to_path_buf(),
        };
        run("mount", &["-o", "remount,bind,ro"], path);
        mount
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.path).status();
    }
}

fn run(program: &str, args: &[&str], path: &Path) {
    let out = Command::new(program).args(args).arg(path).output().unwrap();
    assert!(
        out.status.success(),
        "{program} {args:?} {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Rewrites a backup's manifest through `edit` and gives it the files'
/// current sizes and checksums and a valid last line, as a backup written
/// by a buggy hireterm (or a forger) would have it.
pub fn forge_manifest(backup: &Path, edit: impl FnOnce(String) -> String) {
    let path = backup.join("hireterm.backup");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut body: String = text
        .lines()
        .filter(|line| !line.starts_with("file\t") && !line.starts_with("end\t"))
        .map(|line| format!("{line}\n"))
        .collect();
    for (name, bytes) in database_files(backup) {
        let crc = crc32fast::hash(&bytes);
        body += &format!("file\t{name}\t{}\t{crc:08x}\n", bytes.len());
    }
    let body = edit(body);
    let end = format!("end\t{:08x}\n", crc32fast::hash(body.as_bytes()));
    std::fs::write(path, body + &end).unwrap();
}

/// The database's own files (sled's and the watermark), by relative name.
pub fn database_files(folder: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = matches!(name.as_str(), "conf" | "db" | "hireterm.watermark")
            || (name.starts_with("snap.") && !name.ends_with(".generating"));
        if name == "blobs" {
            for blob in std::fs::read_dir(entry.path()).unwrap() {
                let blob = blob.unwrap();
                let blob_name = format!("blobs/{}", blob.file_name().to_string_lossy());
                files.push((blob_name, std::fs::read(blob.path()).unwrap()));
            }
        } else if ours {
            files.push((name, std::fs::read(entry.path()).unwrap()));
        }
    }
    files.sort();
    files
}

/// The names in `folder`, sorted.
pub fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
