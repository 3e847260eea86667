//! `hireterm serve`: the SSH server, on a tokio runtime of its own, until
//! SIGINT or SIGTERM; then the sessions are told and closed and the
//! database is closed cleanly.

use super::config::{config_dir, config_path};
use super::views_save::{NO_CONFIG_DIR, save_view_in};
use crate::app::ViewSaver;
use crate::app::records::{Closed, Records};
use crate::catalog::Catalog;
use crate::domain::SystemClock;
use crate::filter::{View, put_view};
use crate::serve::log::Log;
use crate::serve::startups::StartupLimits;
use crate::serve::{AppSetup, ServeConfig, Server};
use crate::store::Store;
use crate::ui::Theme;
use clap::Args;
use color_eyre::eyre::{Result, WrapErr, eyre};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address and port to listen on (port 0: any free port, logged).
    #[arg(long, default_value = "127.0.0.1:2222", value_name = "ADDR")]
    pub listen: SocketAddr,
    /// Public keys allowed in, OpenSSH format [default: authorized_keys in
    /// the config directory].
    #[arg(long, value_name = "FILE")]
    pub authorized_keys: Option<PathBuf>,
    /// The server's private key, created (ed25519, mode 0600) when missing
    /// [default: host_ed25519_key in the config directory].
    #[arg(long, value_name = "FILE")]
    pub host_key: Option<PathBuf>,
    /// Sessions at once; more are told to come back later.
    #[arg(long, default_value_t = 32, value_name = "N",
          value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub max_sessions: u32,
    /// End a session after this many seconds without a key (0: never).
    #[arg(long, default_value_t = 1800, value_name = "SECS")]
    pub idle_timeout: u64,
    /// New connections allowed from one address in any minute.
    #[arg(long, default_value_t = 20, value_name = "N",
          value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub connections_per_minute: u32,
    /// Seconds a connection has to log in and start its session; then it
    /// is closed (sshd's LoginGraceTime).
    #[arg(long, default_value_t = 20, value_name = "SECS",
          value_parser = clap::value_parser!(u64).range(1..=600))]
    pub login_grace: u64,
    /// Connections logging in at once; past half of it a newcomer may
    /// push out a stalled one at random, and at the cap the oldest
    /// stalled one makes room (a newcomer is never refused for room).
    #[arg(long, default_value_t = 64, value_name = "N",
          value_parser = clap::value_parser!(u32).range(2..=10_000))]
    pub max_startups: u32,
    /// Connections logging in at once from one address (IPv6: one /64);
    /// a newer one pushes out the oldest.
    #[arg(long, default_value_t = 10, value_name = "N",
          value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub max_startups_per_address: u32,
}

/// A panic message can quote the text it was handling (a candidate's
/// name, say), and the server's log must never hold candidate data: log
/// where it happened, on which thread, and nothing else.
fn quiet_panics(log: Log) {
    std::panic::set_hook(Box::new(move |info| {
        let thread = std::thread::current();
        let place = info
            .location()
            .map_or_else(String::new, |l| format!(" at {}:{}", l.file(), l.line()));
        log.line(format_args!(
            "a panic in thread {}{place}; that session ends, the others go on",
            thread.name().unwrap_or("?")
        ));
    }));
}

/// Before the database is opened: the allocator tuned to give memory
/// back (`serve::malloc`), which restarts the process once.
pub fn prepare() {
    if let Some(error) = crate::serve::malloc::restart_tuned() {
        Log::stderr().line(format_args!(
            "cannot restart with the tuned allocator ({error}); serving without it"
        ));
    }
}

pub fn serve(store: Store, args: &ServeArgs) -> Result<ExitCode> {
    let config = serve_config(args)?;
    let log = Log::stderr();
    quiet_panics(log.clone());
    let settings = super::tui::app_settings();
    if let Some(notice) = &settings.notice {
        log.line(&notice.text);
    }
    let views = Arc::new(Mutex::new(settings.views));
    let setup = AppSetup {
        keymap: settings.keymap,
        policy: settings.policy,
        notice: settings.notice,
        clock: Arc::new(SystemClock),
        theme: Theme::from_env(),
        save_view: Some(team_view_saver(Arc::clone(&views), config_path())),
        views,
    };
    // The records hold the only handle on the store (after a full disk
    // they reopen it, which needs every handle back); this one is kept to
    // close it at the end.
    // A large database's sessions start before every candidate is read.
    let no_report = &mut |_, _| {};
    let records = Records::load_for_screens(Arc::new(store), Catalog::builtin(), no_report)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(step_threads())
        .thread_name("hireterm-serve")
        .build()
        .wrap_err("cannot start the server's runtime")?;
    let outcome = runtime.block_on(async {
        let stop = stop_signal(log.clone())?;
        let server = Server::new(&config, Arc::clone(&records), setup, log.clone())?;
        let listener = tokio::net::TcpListener::bind(args.listen)
            .await
            .map_err(|e| {
                std::io::Error::new(e.kind(), format!("cannot listen on {}: {e}", args.listen))
            })?;
        server.run(listener, stop).await
    });
    // Connections still open hold the records through their handlers.
    runtime.shutdown_timeout(Duration::from_secs(1));
    close_store(records, &log);
    outcome.map_err(|e| eyre!("{e}"))?;
    Ok(ExitCode::SUCCESS)
}

/// Threads that run the sessions' steps (tokio's blocking pool): a few per
/// core, so that one slow step (a backup, a write on a slow disk) leaves
/// the others running; bounded by the cores, not by the sessions, which
/// are tasks waiting on the runtime's workers (one per core).
fn step_threads() -> usize {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    cores * 4
}

/// Saving a view from any session writes the server's config file
/// (`file`, when there is a config directory) and puts the view in the
/// team's list, which sessions opened later start with. The lock held
/// while writing keeps two sessions' saves from reading the file at once
/// and losing one.
fn team_view_saver(views: Arc<Mutex<Vec<View>>>, file: Option<PathBuf>) -> ViewSaver {
    Arc::new(move |view: &View| {
        let file = file.as_deref().ok_or(NO_CONFIG_DIR)?;
        let mut views = views.lock().unwrap_or_else(PoisonError::into_inner);
        save_view_in(file, view)?;
        put_view(&mut views, view.clone());
        Ok(())
    })
}

fn serve_config(args: &ServeArgs) -> Result<ServeConfig> {
    let in_config_dir = |name: &str| {
        config_dir().map(|dir| dir.join(name)).ok_or_else(|| {
            eyre!(
                "cannot find your config directory; pass --{}",
                name.replace('_', "-")
            )
        })
    };
    Ok(ServeConfig {
        authorized_keys: match &args.authorized_keys {
            Some(path) => path.clone(),
            None => in_config_dir("authorized_keys")?,
        },
        host_key: match &args.host_key {
            Some(path) => path.clone(),
            None => in_config_dir("host_ed25519_key")?,
        },
        max_sessions: args.max_sessions as usize,
        idle_timeout: (args.idle_timeout > 0).then(|| Duration::from_secs(args.idle_timeout)),
        connections_per_minute: args.connections_per_minute,
        login_grace: Duration::from_secs(args.login_grace),
        startups: StartupLimits::new(
            args.max_startups as usize,
            args.max_startups_per_address as usize,
        ),
    })
}

/// A future that completes on SIGINT or SIGTERM. The handlers are set up
/// here, before the server listens, so that a signal arriving as soon as
/// it does is already ours (and not the default: death without a flush).
/// Ctrl-C typed inside a session is a key in that session; only the
/// server's own terminal or `kill` send these.
fn stop_signal(log: Log) -> std::io::Result<impl std::future::Future<Output = ()>> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut terminate = signal(SignalKind::terminate())?;
    Ok(async move {
        let name = tokio::select! {
            _ = interrupt.recv() => "SIGINT",
            _ = terminate.recv() => "SIGTERM",
        };
        log.line(format_args!("{name} received"));
    })
}

/// Closes the store (flushed, marked closed cleanly; rewritten first if
/// an erasure in a session asked for it) once nothing else holds the
/// records. A session thread that has not ended still holds them: then
/// the store is only flushed (the next open checks it, slower, and the
/// next close rewrites it).
fn close_store(records: Arc<Records>, log: &Log) {
    if records.rewrite_pending() {
        log.line("rewriting the database, as an erasure asked: no earlier version is kept");
    }
    match records.close() {
        Ok(Closed::Clean { rewrote: None }) => log.line("database closed"),
        Ok(Closed::Clean {
            rewrote: Some(took),
        }) => log.line(format_args!(
            "database closed (rewritten first, in {:.1}s, as an erasure asked)",
            took.as_secs_f64()
        )),
        Ok(Closed::SessionsRunning { flushed }) => log.line(format_args!(
            "a session is still running; database {}",
            if flushed { "flushed" } else { "NOT flushed" }
        )),
        // Only the records held it; a reopen that failed left none.
        Ok(Closed::NotClosed) => log.line("database NOT closed cleanly: the next open checks it"),
        Err(error) => log.line(format_args!("database closed with an error: {error}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filter::{ColumnKey, default_views};

    /// The log's lines, kept in memory.
    #[derive(Clone, Default)]
    struct Lines(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Lines {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn the_shutdown_rewrites_a_database_an_erasure_marked() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("db")).unwrap();
        let stamp = crate::domain::Stamp::new(chrono::Utc::now(), "dpo");
        let person = crate::domain::testing::candidate_with(&[]);
        let id = store.add_candidate(person, &stamp).unwrap().id;
        store.erase_candidate(id, "request R-7", &stamp).unwrap();
        let records = Records::load(Arc::new(store), Catalog::builtin()).unwrap();
        let lines = Lines::default();
        close_store(records, &Log::to(lines.clone()));
        let log = String::from_utf8(lines.0.lock().unwrap().clone()).unwrap();
        assert!(
            log.contains("rewriting the database, as an erasure asked"),
            "{log}"
        );
        assert!(
            log.contains("database closed (rewritten first, in "),
            "{log}"
        );
        let store = Store::open(dir.path().join("db")).unwrap();
        assert!(!store.compaction_pending().unwrap());
        assert!(store.check().unwrap().problems.is_empty());
    }

    #[test]
    fn a_view_saved_in_one_session_is_in_the_file_and_the_teams_list() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config.toml");
        let views = Arc::new(Mutex::new(default_views()));
        let ana = team_view_saver(Arc::clone(&views), Some(file.clone()));
        let bo = team_view_saver(Arc::clone(&views), Some(file.clone()));
        let view = |name: &str| View {
            name: name.into(),
            filter: "tag:hot".into(),
            sort: ColumnKey::Name,
            descending: false,
            columns: Vec::new(),
        };
        ana(&view("ana's")).unwrap();
        bo(&view("bo's")).unwrap();
        let text = std::fs::read_to_string(&file).unwrap();
        let in_file = crate::cli::views::views_in(&text).unwrap();
        assert_eq!(*views.lock().unwrap(), in_file);
        assert_eq!(in_file.len(), default_views().len() + 2);
        let nowhere = team_view_saver(views, None);
        assert_eq!(nowhere(&view("x")), Err(NO_CONFIG_DIR.to_string()));
    }
}
