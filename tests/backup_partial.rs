//! Half-made backups never look whole: a backup killed part way or cut
//! short by a full disk leaves nothing at its name and nothing `restore`
//! accepts; the database it was taken from is intact; a failed `ctrl-b`
//! does not use up the turn; the app keeps only the newest backups.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod backup_common;
mod common;

use backup_common::*;
use common::*;
use hireterm::store::{Store, backups};
use std::path::Path;

fn backup_command(db: &Path, target: &Path) -> std::process::Command {
    let mut command = hireterm();
    command.arg("backup").arg(target).arg("--db").arg(db);
    command
}

fn restore(db: &Path, backup: &Path) -> std::process::Output {
    hireterm()
        .args(["restore", "--force"])
        .arg(backup)
        .arg("--db")
        .arg(db)
        .output()
        .unwrap()
}

fn assert_whole(db: &TempDb, candidates: usize) {
    let store = db.open();
    assert_eq!(store.candidate_count(), candidates);
    let problems = store.check().unwrap().problems;
    assert!(problems.is_empty(), "{problems:?}");
}

/// Fills the disk of `folder` but for about `room` bytes.
fn fill_disk(folder: &Path, room: u64) {
    let free = hireterm_free_bytes(folder);
    let filler = vec![0u8; free.saturating_sub(room) as usize];
    std::fs::write(folder.join("filler"), filler).unwrap();
}

fn hireterm_free_bytes(folder: &Path) -> u64 {
    let out = std::process::Command::new("df")
        .args(["--output=avail", "-B1"])
        .arg(folder)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines().nth(1).unwrap().trim().parse().unwrap()
}

#[test]
fn a_killed_backup_leaves_nothing_at_its_name_and_nothing_restore_accepts() {
    let (source, victim) = (TempDb::new(), TempDb::new());
    drop(demo_store(&source, 60, 2));
    drop(demo_store(&victim, 7, 1));
    let before = snapshot_files(&victim.path());
    for point in ["backup-copied", "backup-checked"] {
        let target = source.dir.path().join(format!("killed-at-{point}"));
        let backup = Paused::start(backup_command(&source.path(), &target), point);
        let partial = source
            .dir
            .path()
            .join(format!(".killed-at-{point}.partial-{}", backup.pid()));
        backup.kill();
        assert!(!target.exists(), "killed at {point}, the name stays free");
        assert!(
            partial.is_dir(),
            "the unfinished copy is under its own name"
        );
        for candidate in [&partial, &target] {
            let out = restore(&victim.path(), candidate);
            let said = String::from_utf8_lossy(&out.stderr);
            assert!(!out.status.success(), "{point}: {}", candidate.display());
            assert!(said.contains("is not a finished backup"), "{said}");
            assert!(said.contains("Nothing was restored"), "{said}");
        }
        assert_eq!(snapshot_files(&victim.path()), before, "untouched");
        assert_whole(&source, 60);
        // The next try at that name succeeds, and sweeps the dead one's
        // folder away.
        let out = backup_command(&source.path(), &target).output().unwrap();
        assert!(out.status.success(), "{out:?}");
        assert!(!partial.exists());
        assert!(backups::is_finished(&target));
    }
}

#[test]
fn a_backup_that_meets_a_full_disk_says_so_and_leaves_no_folder() {
    if !root_or_skip("the full-disk backup test") {
        return;
    }
    let db = TempDb::new();
    drop(demo_store(&db, 300, 3));
    let full = Mount::tmpfs(&db.dir.path().join("small"), "4m");
    fill_disk(&full.path, 100_000);
    let target = full.path.join("backup");
    let out = backup_command(&db.path(), &target).output().unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(said.contains("is full"), "{said}");
    assert!(said.contains(&target.display().to_string()), "{said}");
    assert!(!said.contains("Os {"), "{said}");
    assert!(!target.exists());
    assert_eq!(
        names_in(&full.path),
        ["filler"],
        "nothing half-made is left"
    );
    assert_whole(&db, 300);
}

#[test]
fn the_app_keeps_only_the_newest_finished_backups() {
    let db = TempDb::new();
    let store = demo_store(&db, 20, 1);
    let folder = backups::folder_for(&db.path());
    let older = ["20260101-090000", "20260201-090000", "20260301-090000"];
    for name in older {
        store.backup_to(&folder.join(name)).unwrap();
    }
    // Not the app's, or unfinished: never counted, only the dead
    // process's unfinished folder is removed.
    std::fs::create_dir_all(folder.join("mine")).unwrap();
    std::fs::create_dir_all(folder.join("20260401-090000")).unwrap();
    std::fs::create_dir_all(folder.join(".20260501-090000.partial-4294967294")).unwrap();
    let options = hireterm::app::AppOptions {
        actor: "tester".into(),
        clock: std::sync::Arc::new(hireterm::domain::FixedClock(now())),
        keymap: hireterm::app::Keymap::defaults(),
        policy: hireterm::domain::Policy {
            backups_keep: 2,
            ..Default::default()
        },
        notice: None,
        session: 0,
        views: hireterm::filter::default_views(),
        save_view: None,
        role: hireterm::domain::access::Role::Admin,
    };
    let mut app = hireterm::app::App::new(store, options).unwrap();
    press(&mut app, "ctrl-b");
    assert!(
        app.status().text.starts_with("backup written to"),
        "{:?}",
        app.status()
    );
    let newest = backups::name_at(now());
    assert_eq!(
        names_in(&folder),
        [
            "20260301-090000",
            "20260401-090000",
            newest.as_str(),
            "mine"
        ]
    );
    assert_eq!(backups::latest(&db.path()), Some(folder.join(newest)));
}

fn app_with_default_keep(db: &TempDb) -> hireterm::app::App {
    app_on(demo_store(db, 20, 1), 120, 40)
}

fn assert_refused_then_taken(app: &mut hireterm::app::App, mend: impl FnOnce()) {
    press(app, "ctrl-b");
    let status = app.status().clone();
    assert!(status.is_error, "{status:?}");
    assert!(!status.text.contains("moments ago"), "{status:?}");
    assert!(!status.text.contains("Os {"), "{status:?}");
    mend();
    press(app, "ctrl-b");
    assert!(
        app.status().text.starts_with("backup written to"),
        "the failed try did not use up the turn: {:?}",
        app.status()
    );
}

#[test]
fn a_failed_ctrl_b_does_not_use_up_the_turn() {
    // A folder that cannot be made (a file is in the way).
    let db = TempDb::new();
    let mut app = app_with_default_keep(&db);
    let folder = backups::folder_for(&db.path());
    std::fs::write(&folder, "in the way").unwrap();
    assert_refused_then_taken(&mut app, || std::fs::remove_file(&folder).unwrap());
    let copy = Store::open(backups::latest(&db.path()).unwrap()).unwrap();
    assert_eq!(copy.candidate_count(), 20);
    drop(copy);
    if !root_or_skip("the full-disk part of the ctrl-b test") {
        return;
    }
    // A full disk: the half-written copy goes too, so the next try (at
    // the same time, by the test's clock) has its name free.
    let db = TempDb::new();
    let mut app = app_with_default_keep(&db);
    let full = Mount::tmpfs(&backups::folder_for(&db.path()), "4m");
    fill_disk(&full.path, 50_000);
    assert_refused_then_taken(&mut app, || {
        assert_eq!(
            names_in(&full.path),
            ["filler"],
            "nothing half-made is left"
        );
        std::fs::remove_file(full.path.join("filler")).unwrap();
    });
    assert!(app.status().text.contains(&backups::name_at(now())));
    let copy = Store::open(backups::latest(&db.path()).unwrap()).unwrap();
    assert_eq!(copy.candidate_count(), 20);
}
