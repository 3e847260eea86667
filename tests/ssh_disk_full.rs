//! `hireterm serve` on a real full disk (a small tmpfs; root only, see
//! `common::disk`; issue 13, item 2): a write that meets the full disk
//! stops the store's writes, the server's log says so once, and once
//! there is room again the server reopens the store by itself, says so,
//! and writes go through, all without a restart. In process: the server
//! is given the records its sessions write through, and the test writes
//! through the same records, as a session would.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::disk::SmallDisk;
use common::*;
use hireterm::app::Keymap;
use hireterm::app::records::Records;
use hireterm::app::records::writes::Writer;
use hireterm::catalog::Catalog;
use hireterm::domain::SystemClock;
use hireterm::serve::log::Log;
use hireterm::serve::startups::StartupLimits;
use hireterm::serve::{AppSetup, ServeConfig, Server};
use hireterm::store::Store;
use hireterm::ui::Theme;
use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The server's log lines, collected in memory.
#[derive(Clone, Default)]
struct Lines(Arc<Mutex<Vec<u8>>>);

impl Write for Lines {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Lines {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }

    /// Waits (10 s at most: the server looks every 2 s) for a line
    /// containing `words`.
    fn wait_for(&self, words: &str) -> String {
        let until = Instant::now() + Duration::from_secs(10);
        while Instant::now() < until {
            let text = self.text();
            if text.contains(words) {
                return text;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("no line with {words:?} in 10 s:\n{}", self.text());
    }
}

fn config(dir: &Path) -> ServeConfig {
    std::fs::write(dir.join("authorized_keys"), "").unwrap();
    ServeConfig {
        authorized_keys: dir.join("authorized_keys"),
        host_key: dir.join("host_key"),
        max_sessions: 2,
        idle_timeout: None,
        connections_per_minute: 20,
        login_grace: Duration::from_secs(20),
        startups: StartupLimits::new(64, 10),
    }
}

fn setup() -> AppSetup {
    AppSetup {
        keymap: Keymap::defaults(),
        policy: Default::default(),
        notice: None,
        clock: Arc::new(SystemClock),
        theme: Theme::MONO,
        views: Default::default(),
        save_view: None,
    }
}

fn writer() -> Writer {
    Writer::admin(0, stamp())
}

#[test]
fn serve_says_when_a_full_disk_stops_writes_and_resumes_them_by_itself() {
    let Some(disk) = SmallDisk::mount(24) else {
        return;
    };
    let path = disk.path().join("db");
    let store = Store::open(&path).unwrap();
    let who = (store.add_candidate(candidate("Ada", "ada@example.com"), &stamp()))
        .unwrap()
        .id;
    store.close().unwrap();
    let records = Records::load(Arc::new(Store::open(&path).unwrap()), Catalog::builtin()).unwrap();

    // The server's own files are elsewhere: only the database's disk fills.
    let dir = tempfile::tempdir().unwrap();
    let lines = Lines::default();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let log = Log::to(lines.clone());
    let server = Server::new(&config(dir.path()), Arc::clone(&records), setup(), log).unwrap();
    let running = runtime.spawn(async move {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        server.run(listener, async { drop(stopped.await) }).await
    });

    let filler = disk.fill(2 << 20);
    let mut refused = None;
    for n in 0..10_000 {
        let text = format!("note {n} {}", "x".repeat(2000));
        if let Err(error) = records.add_note(&writer(), who, None, &text) {
            refused = Some(error);
            break;
        }
    }
    let refused = refused.expect("the disk never filled");
    assert!(refused.is_disk_full(), "{refused}");
    let stopped_line = format!(
        "writes stopped: disk full at {}; will retry",
        path.display()
    );
    lines.wait_for(&stopped_line);

    std::fs::remove_file(filler).unwrap();
    let log = lines.wait_for("writes resumed");
    assert_eq!(log.matches(&stopped_line).count(), 1, "said once:\n{log}");
    let after = "written once the room came back";
    records.add_note(&writer(), who, None, after).unwrap();

    stop.send(()).unwrap();
    runtime.block_on(running).unwrap().unwrap();
    drop(runtime);
    let store = Arc::try_unwrap(records).ok().unwrap().into_store().unwrap();
    Arc::try_unwrap(store).ok().unwrap().close().unwrap();
    let store = Store::open(&path).unwrap();
    let notes = store.notes_of(who).unwrap();
    assert!(notes.iter().any(|note| note.text == after));
}
