//! Opening the interactive screen, or the summary when there is no
//! terminal to open it in; the settings it starts with (keys, rules,
//! saved views), which `hireterm serve` shares.

use super::stats;
use crate::app::records::READ_BEHIND_FROM;
use crate::app::records::Records;
use crate::app::{App, AppOptions, Keymap, Status};
use crate::catalog::Catalog;
use crate::domain::{Policy, SystemClock};
use crate::filter::View;
use crate::store::{FirstRecords, Locked, Store};
use crate::term::local::LocalScreen;
use crate::ui::loading::Loading;
use color_eyre::eyre::Result;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// Where a user keymap may live: `$HIRETERM_CONFIG_DIR/keymap.toml`, else
/// `keymap.toml` in the config directory (`~/.config/hireterm` on Linux).
pub fn keymap_path() -> Option<PathBuf> {
    super::config::config_dir().map(|dir| dir.join("keymap.toml"))
}

/// The keymap, with the user's file over the defaults. A bad file does not
/// stop the app: its error, with the line, waits in the status bar.
fn load_keymap() -> (Keymap, Option<Status>) {
    let Some(path) = keymap_path().filter(|p| p.exists()) else {
        return (Keymap::defaults(), None);
    };
    let outcome = std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|text| Keymap::with_overrides(&text).map_err(|e| e.to_string()));
    match outcome {
        Ok(keymap) => (keymap, None),
        Err(error) => {
            let text = format!("{}: {error}; using the default keys", path.display());
            (
                Keymap::defaults(),
                Some(Status {
                    text,
                    is_error: true,
                }),
            )
        }
    }
}

/// What the app starts with from the config directory.
pub(super) struct Settings {
    pub keymap: Keymap,
    /// The rules of `config.toml`.
    pub policy: Policy,
    /// The saved views of `config.toml` over the defaults.
    pub views: Vec<View>,
    /// The first problem with any of them, for the status bar.
    pub notice: Option<Status>,
}

pub(super) fn app_settings() -> Settings {
    let (keymap, keymap_notice) = load_keymap();
    let (policy, policy_notice) = super::config::load_policy();
    let (views, views_notice) = super::views::load_views();
    let notice = keymap_notice.or(policy_notice.or(views_notice).map(|text| Status {
        text,
        is_error: true,
    }));
    Settings {
        keymap,
        policy,
        views,
        notice,
    }
}

/// The app on `store`; `created`: the store was made just now (a `--db`
/// where there was none), which the status bar (or stderr, off a
/// terminal) says.
pub fn open(store: Store, actor: String, created: bool) -> Result<ExitCode> {
    if !on_a_terminal() {
        if created {
            super::output::warn(super::database::created_notice(store.path()));
        }
        stats::summary(&store)?;
        return Ok(ExitCode::SUCCESS);
    }
    run(LocalScreen::start()?, store, actor, created)
}

/// [`open`] on the database at `path`, with the screen up before the
/// database opens: a large one takes seconds to open (every file is
/// checked), and the screen says so meanwhile (`term/local.rs`); or, if
/// its last clean close left its first screen's records beside it, that
/// screen is drawn at once and the open runs behind it.
pub fn open_at(path: &Path, actor: String, created: bool) -> Result<ExitCode> {
    if !on_a_terminal() {
        return open(Store::open(path)?, actor, created);
    }
    let screen = LocalScreen::start()?;
    if crate::store::is_address(path) {
        // A database on PostgreSQL has no folder to lock, and no first
        // screen left beside it.
        let database = crate::store::shown(path);
        let (screen, opened) = screen.opening(&database, || Store::open(path));
        return run(screen, opened?, actor, created);
    }
    let locked = Store::lock(path)?;
    let first = locked.first_screen();
    if let Some(first) = first.filter(|f| f.candidate_count >= READ_BEHIND_FROM) {
        return run_behind(screen, locked, first, actor);
    }
    let database = path.display().to_string();
    let (screen, opened) = screen.opening(&database, || locked.open());
    run(screen, opened?, actor, created)
}

/// The app on `first` while `locked` opens on a thread; the open's error,
/// if it fails, once the terminal is back.
fn run_behind(
    screen: LocalScreen,
    locked: Locked,
    first: FirstRecords,
    actor: String,
) -> Result<ExitCode> {
    let records = Records::opening(locked.path(), Catalog::builtin(), first);
    let opening = Arc::clone(&records);
    let opener = std::thread::Builder::new()
        .name("hireterm-opener".into())
        .spawn(move || opening.attach(locked.open()))?;
    let ran = run_app(screen, app_on(Arc::clone(&records), actor, None));
    // A quit while the open runs waits for it: the close that follows
    // marks the database clean again.
    let opened = opener.join();
    opened.unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
    closed_after(records, ran)
}

fn on_a_terminal() -> bool {
    std::io::stdout().is_terminal() && std::io::stdin().is_terminal()
}

/// The app in `screen` until it quits; the store closed after it.
fn run(screen: LocalScreen, store: Store, actor: String, created: bool) -> Result<ExitCode> {
    let created = created.then(|| super::database::created_notice(store.path()));
    let mut screen = screen;
    let records = load_showing(&mut screen, store)?;
    let ran = run_app(screen, app_on(Arc::clone(&records), actor, created));
    closed_after(records, ran)
}

/// Runs `app` in `screen` until it quits. The app (and its handle on the
/// records) is dropped on return: the close needs the only handle, to
/// rewrite the database if an erasure in the app asked for it.
fn run_app(screen: LocalScreen, mut app: App) -> std::io::Result<()> {
    screen.run(&mut app)
}

/// Closes the records once the app has run; the app's error first.
fn closed_after(records: Arc<Records>, ran: std::io::Result<()>) -> Result<ExitCode> {
    let closed = super::close::close_records(records);
    ran?;
    closed?;
    Ok(ExitCode::SUCCESS)
}

/// The local app on `records`, with the settings of the config directory;
/// `created`: the notice of a database made just now.
fn app_on(records: Arc<Records>, actor: String, created: Option<String>) -> App {
    let mut settings = app_settings();
    if let Some(text) = created {
        // A problem with the config files is the more urgent news.
        let notice = settings.notice.take();
        settings.notice = notice.or(Some(Status {
            text,
            is_error: false,
        }));
    }
    let (role, role_notice) = super::config_access::load_role();
    let notice = role_notice.map(|text| Status {
        text,
        is_error: true,
    });
    let options = AppOptions {
        session: 0,
        actor,
        role,
        clock: Arc::new(SystemClock),
        keymap: settings.keymap,
        policy: settings.policy,
        notice: notice.or(settings.notice),
        views: settings.views,
        save_view: Some(Arc::new(super::views_save::save_view)),
    };
    let mut app = App::with_records(records, options);
    app.allow_local_files();
    app
}

/// Reads the records with the loading frame on the screen (a large
/// database's candidates but those its pipelines name are read behind
/// the first screen: `app/records/loading.rs`).
fn load_showing(screen: &mut LocalScreen, store: Store) -> Result<Arc<Records>> {
    let database = store.path().display().to_string();
    let mut report = |read, of| screen.loading(&database, Loading { read, of });
    let catalog = Catalog::builtin();
    Ok(Records::load_for_screens(
        Arc::new(store),
        catalog,
        &mut report,
    )?)
}
