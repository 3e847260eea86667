//! Shared test helpers: a real database in a temporary folder, a fixed clock,
//! record builders, and a seeded random generator (`rng::TestRng`).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod agency;
pub mod disk;
pub mod engines;
pub mod keys;
pub mod postgres;
pub mod rng;
pub mod roles;
pub mod under;

use chrono::{DateTime, TimeZone, Utc};
use hireterm::domain::*;
use hireterm::store::Store;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The fixed "now" of every test.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 9, 0, 0).single().unwrap()
}

pub fn stamp() -> Stamp {
    Stamp::new(now(), "tester")
}

/// A temporary folder that holds a database folder named `db`.
pub struct TempDb {
    pub dir: tempfile::TempDir,
}

impl TempDb {
    pub fn new() -> TempDb {
        TempDb {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.path().join("db")
    }

    /// Opens the database, waiting out a lock that a process forked by
    /// another test thread may hold for a moment (between its fork and its
    /// exec it holds copies of this process's files, the lock among them).
    pub fn open(&self) -> Store {
        for _ in 0..100 {
            match Store::open(self.path()) {
                Err(hireterm::store::StoreError::Locked { .. }) => {
                    std::thread::sleep(std::time::Duration::from_millis(50))
                }
                opened => return opened.unwrap(),
            }
        }
        Store::open(self.path()).unwrap()
    }

    /// Writes `bytes` to a file `name` beside the database; its path.
    pub fn write_file(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

/// Runs `hireterm --as importer import FILE EXTRA...` on the database:
/// whether it succeeded, and its stdout and stderr.
pub fn import_as_importer(
    db: &impl engines::Address,
    file: &Path,
    extra: &[&str],
) -> (bool, String, String) {
    let mut args = vec!["--as", "importer", "import", file.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = engines::hireterm_at(db, &args);
    let (stdout, stderr) = output_text(&out);
    (out.status.success(), stdout, stderr)
}

pub fn candidate(name: &str, email: &str) -> Candidate {
    Candidate {
        id: CandidateId(0),
        name: name.into(),
        email: email.into(),
        phone: Some("+351 912 345 678".into()),
        location: Location {
            city: "Lisbon".into(),
            country: "Portugal".into(),
            timezone: "Europe/Lisbon".into(),
        },
        roles: vec![RoleId::new("devops"), RoleId::new("microservices")],
        skills: vec![
            SkillLevel::new("kubernetes", Level::new(4).unwrap()),
            SkillLevel::new("go", Level::new(3).unwrap()),
        ],
        rate: Some(RateRange::usd(60, 90)),
        available_from: Some(chrono::NaiveDate::from_ymd_opt(2026, 7, 1).unwrap()),
        source: Source::Referral,
        tags: vec!["remote-only".into()],
        links: vec!["https://github.com/example".into()],
        created_at: now(),
        company: String::new(),
        title: String::new(),
        external_ids: Vec::new(),
        custom: Vec::new(),
        consent: None,
    }
}

pub fn engagement(title: &str) -> Engagement {
    Engagement {
        id: EngagementId(0),
        // Stored through `store_engagement`, which makes sure it exists.
        client: ClientId(1),
        owner: "tester".into(),
        title: title.into(),
        role: RoleId::new("devops"),
        requirements: vec![
            Requirement {
                skill: SkillId::new("kubernetes"),
                min_level: Level::new(3).unwrap(),
                priority: Priority::Must,
            },
            Requirement {
                skill: SkillId::new("go"),
                min_level: Level::new(2).unwrap(),
                priority: Priority::Nice,
            },
        ],
        headcount: 2,
        budget: Some(RateRange::usd(60, 90)),
        bill_rate: None,
        model: HiringModel::StaffAugmentation,
        status: EngagementStatus::Open,
        opened_at: now(),
        target_start: chrono::NaiveDate::from_ymd_opt(2026, 6, 8),
    }
}

/// The client every test engagement is for, added to `store` if missing.
pub fn test_client(store: &Store) -> ClientId {
    if let Some(client) = store.client_by_name("Northwind Logistics").unwrap() {
        return client.id;
    }
    let client = Client {
        id: ClientId(0),
        name: "Northwind Logistics".into(),
        contacts: vec![Contact::parse("Nora Lind <nora@northwind.example>").unwrap()],
        notes: String::new(),
        created_at: now(),
    };
    store.add_client(client, &stamp()).unwrap().id
}

/// Stores `engagement` for the test client (see [`test_client`]).
pub fn store_engagement(store: &Store, engagement: Engagement) -> Engagement {
    let client = test_client(store);
    store
        .add_engagement(
            Engagement {
                client,
                ..engagement
            },
            &stamp(),
        )
        .unwrap()
}

/// The built binary, run with a clean environment for the database path.
/// Without `RUST_BACKTRACE` (which `cargo test` may set): with it, every
/// refused command captures and symbolises a backtrace, a second each.
pub fn hireterm() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_hireterm"));
    command
        .env_remove("HIRETERM_DB")
        .env_remove("RUST_BACKTRACE")
        .env("NO_COLOR", "1");
    command
}

/// Every file under `path` with its contents, for "nothing changed" checks.
pub fn snapshot_files(path: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                stack.push(entry.path());
            } else {
                files.push((entry.path(), std::fs::read(entry.path()).unwrap()));
            }
        }
    }
    files.sort();
    files
}

/// A store filled with the demo generator's data (seed 42) around `now()`.
pub fn demo_store(
    db: &impl engines::Opens,
    candidates: usize,
    engagements: usize,
) -> std::sync::Arc<Store> {
    let store = db.open();
    let options = hireterm::demo::DemoOptions {
        candidates,
        engagements,
        seed: 42,
        now: now(),
    };
    let data = hireterm::demo::generate(&options, hireterm::catalog::Catalog::builtin());
    hireterm::demo::write(&store, data, &stamp()).unwrap();
    std::sync::Arc::new(store)
}

/// An app over `store` with the fixed clock, the default keys and the
/// given screen size.
pub fn app_on(store: std::sync::Arc<Store>, width: u16, height: u16) -> hireterm::app::App {
    app_as(store, "tester", width, height)
}

/// [`app_on`], acting as `actor` (whose engagements My work shows).
pub fn app_as(
    store: std::sync::Arc<Store>,
    actor: &str,
    width: u16,
    height: u16,
) -> hireterm::app::App {
    app_with_role(
        store,
        actor,
        hireterm::domain::access::Role::Admin,
        width,
        height,
    )
}

/// [`app_as`] with a role: what the session may see and do.
pub fn app_with_role(
    store: std::sync::Arc<Store>,
    actor: &str,
    role: hireterm::domain::access::Role,
    width: u16,
    height: u16,
) -> hireterm::app::App {
    let records =
        hireterm::app::records::Records::load(store, hireterm::catalog::Catalog::builtin())
            .unwrap();
    app_on_records(records, actor, role, width, height)
}

/// An app session over records shared with others (as `hireterm serve`
/// runs them), with a role.
pub fn app_on_records(
    records: std::sync::Arc<hireterm::app::records::Records>,
    actor: &str,
    role: hireterm::domain::access::Role,
    width: u16,
    height: u16,
) -> hireterm::app::App {
    app_under(records, actor, role, Default::default(), (width, height))
}

/// [`app_on_records`] under `policy` (the rules of config.toml).
pub fn app_under(
    records: std::sync::Arc<hireterm::app::records::Records>,
    actor: &str,
    role: hireterm::domain::access::Role,
    policy: hireterm::domain::Policy,
    (width, height): (u16, u16),
) -> hireterm::app::App {
    let options = hireterm::app::AppOptions {
        actor: actor.into(),
        clock: std::sync::Arc::new(FixedClock(now())),
        keymap: hireterm::app::Keymap::defaults(),
        policy,
        notice: None,
        session: 0,
        views: hireterm::filter::default_views(),
        save_view: None,
        role,
    };
    let mut app = hireterm::app::App::with_records(records, options);
    app.handle_input(hireterm::app::Input::Resize(width, height));
    app
}

/// Presses keys written in the keymap notation, space-separated
/// (`"2 j > esc"`).
pub fn press(app: &mut hireterm::app::App, keys: &str) {
    for name in keys.split_whitespace() {
        let key = hireterm::app::Key::parse(name).unwrap();
        app.handle_input(hireterm::app::Input::Key(key));
    }
    // As the runner does before each frame: run the search typed so far.
    app.settle();
}

/// Types text into whatever has the keyboard (a prompt, the palette).
pub fn type_text(app: &mut hireterm::app::App, text: &str) {
    for c in text.chars() {
        app.handle_input(hireterm::app::Input::Key(hireterm::app::Key::char(c)));
    }
    app.settle();
}

/// Draws the app into a test terminal of its size and returns the screen.
pub fn draw(
    app: &hireterm::app::App,
    width: u16,
    height: u16,
) -> ratatui::Terminal<ratatui::backend::TestBackend> {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| hireterm::ui::render(frame, app, &hireterm::ui::Theme::MONO))
        .unwrap();
    terminal
}

/// The screen as text, one line per row.
pub fn screen_text(terminal: &ratatui::Terminal<ratatui::backend::TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            text.push_str(buffer[(x, y)].symbol());
        }
        text.push('\n');
    }
    text
}

/// Writes a candidate straight into sled, bypassing the store's checks, as
/// an older or foreign writer might have (the store refuses control
/// characters). The database must be closed; it is marked as not closed
/// cleanly, as such a writer would leave it.
pub fn plant_raw_candidate(db: &TempDb, candidate: &Candidate) {
    let _ = std::fs::remove_file(db.path().join("hireterm.clean"));
    let raw = open_raw(db);
    let bytes = hireterm::store::encode(candidate).unwrap();
    raw.open_tree("candidates")
        .unwrap()
        .insert(candidate.id.to_key(), bytes)
        .unwrap();
    raw.open_tree("emails")
        .unwrap()
        .insert(candidate.email.as_bytes(), &candidate.id.to_key())
        .unwrap();
    raw.flush().unwrap();
}

/// The database opened with sled itself, past the store (which must be
/// closed): sled lets go of its lock a moment after the store is dropped.
pub fn open_raw(db: &TempDb) -> sled::Db {
    for _ in 0..500 {
        if let Ok(raw) = sled::open(db.path()) {
            return raw;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    sled::open(db.path()).unwrap()
}

/// Writes any record straight into its tree, bypassing the store's
/// checks (as [`plant_raw_candidate`] does), to test what `check` finds.
/// The database must be closed.
pub fn plant_raw<R: hireterm::store::Record>(db: &TempDb, key: &[u8], record: &R) {
    let _ = std::fs::remove_file(db.path().join("hireterm.clean"));
    let raw = open_raw(db);
    let bytes = hireterm::store::encode(record).unwrap();
    raw.open_tree(R::TREE).unwrap().insert(key, bytes).unwrap();
    raw.flush().unwrap();
}

/// The open add/edit form, if any.
pub fn open_form(app: &hireterm::app::App) -> Option<&hireterm::app::form::Form> {
    use hireterm::app::overlay::Overlay;
    match app.overlay()? {
        Overlay::CandidateForm(sheet) => Some(&sheet.form),
        Overlay::EngagementForm(sheet) => Some(&sheet.form),
        Overlay::Duplicate(prompt) => Some(&prompt.form.form),
        Overlay::ClientForm(sheet) => Some(&sheet.form),
        Overlay::PlacementForm(sheet) => Some(&sheet.form),
        _ => None,
    }
}

/// The candidate form open over the app; panics when there is none.
pub fn candidate_sheet(app: &hireterm::app::App) -> &hireterm::app::form::candidate::CandidateForm {
    use hireterm::app::overlay::Overlay;
    match app.overlay() {
        Some(Overlay::CandidateForm(sheet)) => sheet,
        other => panic!("no candidate form: {other:?}"),
    }
}

/// The duplicate prompt open over the app; panics when there is none.
pub fn duplicate_prompt(
    app: &hireterm::app::App,
) -> &hireterm::app::prompt::duplicate::DuplicatePrompt {
    use hireterm::app::overlay::Overlay;
    match app.overlay() {
        Some(Overlay::Duplicate(prompt)) => prompt,
        other => panic!("no duplicate prompt: {other:?}"),
    }
}

/// The error shown beside the open form's field labelled `label`.
pub fn error_of(app: &hireterm::app::App, label: &str) -> Option<String> {
    let form = open_form(app).unwrap();
    let field = form.fields.iter().find(|f| f.label == label).unwrap();
    field.error.clone()
}

/// The screen row that shows `label` as a field.
pub fn row_of(app: &hireterm::app::App, label: &str) -> String {
    let (width, height) = app.size();
    let text = screen_text(&draw(app, width, height));
    // The last such line: the form sits below the table's header, which
    // names columns such as Available too.
    text.lines()
        .rev()
        .find(|l| l.contains(&format!(" {label:<11}")))
        .unwrap_or_else(|| panic!("no row {label}: {text}"))
        .to_string()
}

/// Moves the cursor to the candidate `id` in the table and opens the form.
pub fn edit_candidate(app: &mut hireterm::app::App, id: CandidateId) {
    let row = app
        .candidates()
        .order
        .iter()
        .position(|&i| app.data().candidates()[i as usize].id == id)
        .unwrap();
    for _ in 0..row {
        press(app, "j");
    }
    press(app, "E");
    assert_eq!(
        candidate_sheet(app).editing.as_ref().map(|c| c.id),
        Some(id)
    );
}

pub fn level(n: u8) -> Level {
    Level::new(n).unwrap()
}

/// Tabs through the open form to the field labelled `label`.
pub fn focus_field(app: &mut hireterm::app::App, label: &str) {
    for _ in 0..20 {
        let form = open_form(app).expect("a form is open");
        if form.focused().label == label {
            return;
        }
        press(app, "tab");
    }
    panic!("no field {label}");
}

/// Empties the field in focus and types `text` into it.
pub fn fill(app: &mut hireterm::app::App, label: &str, text: &str) {
    focus_field(app, label);
    let len = open_form(app)
        .unwrap()
        .focused()
        .input
        .text()
        .chars()
        .count();
    press(app, "end");
    for _ in 0..len {
        press(app, "backspace");
    }
    type_text(app, text);
}

/// Runs the binary on the database at `db` and returns what it did.
pub fn hireterm_on(db: &Path, args: &[&str]) -> std::process::Output {
    hireterm().arg("--db").arg(db).args(args).output().unwrap()
}

/// Both output streams of a run, lossily decoded, for assertions.
pub fn output_text(out: &std::process::Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Copies a database folder as it is, sub-folders included (one copy
/// per case of the damage and fault suites).
pub fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// OSC 52 as a terminal reads it: set the clipboard to `text`.
pub fn osc52(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = b"\x1b]52;c;".to_vec();
    for chunk in text.as_bytes().chunks(3) {
        let n = chunk.iter().fold(0u32, |n, b| n << 8 | u32::from(*b)) << (8 * (3 - chunk.len()));
        for i in 0..4 {
            out.push(match i <= chunk.len() {
                true => ALPHABET[(n >> (18 - 6 * i) & 63) as usize],
                false => b'=',
            });
        }
    }
    out.push(7);
    out
}

/// Flips 64 bytes in the middle of the database's `db` file, keeping its
/// length: damage only a checksum of the bytes finds.
pub fn damage_middle(db: &Path) {
    let path = db.join("db");
    let mut bytes = std::fs::read(&path).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle..middle + 64]
        .iter_mut()
        .for_each(|b| *b ^= 0xff);
    std::fs::write(&path, &bytes).unwrap();
}
