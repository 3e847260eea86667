//! Where the app's backups of a database go (`<db>.backups/<time>`),
//! finding the latest finished one (which a damaged database's message
//! names), and rotating them so that only the newest few are kept.

use super::manifest;
use super::staging;
use std::io;
use std::path::{Path, PathBuf};

/// The folder holding the backups of the database at `database`: beside
/// a folder; for a PostgreSQL address (which has no folder), in this
/// user's data directory, under a name made of the server and database.
pub fn folder_for(database: &Path) -> PathBuf {
    if super::is_address(database) {
        return data_dir().join("backups").join(address_folder(database));
    }
    let mut name = database.as_os_str().to_owned();
    name.push(".backups");
    PathBuf::from(name)
}

/// Where hireterm keeps its own files (the default database's folder).
fn data_dir() -> PathBuf {
    directories::ProjectDirs::from("", "", "hireterm")
        .map_or_else(std::env::temp_dir, |dirs| dirs.data_dir().to_path_buf())
}

/// `postgres://user:***@host:port/name?options` as `host-port-name`: the
/// user and password left out, anything a file name should not hold as
/// `-`.
fn address_folder(address: &Path) -> String {
    let shown = super::shown(address);
    let rest = shown
        .split_once("://")
        .map_or(shown.as_str(), |(_, rest)| rest);
    let rest = rest.rsplit_once('@').map_or(rest, |(_, host)| host);
    let rest = rest.split('?').next().unwrap_or(rest);
    rest.chars()
        .map(
            |c| match c.is_ascii_alphanumeric() || c == '.' || c == '_' {
                true => c,
                false => '-',
            },
        )
        .collect()
}

/// The app's name for a backup taken at `time`: names sort as times do.
pub fn name_at(time: chrono::DateTime<chrono::Utc>) -> String {
    time.format("%Y%m%d-%H%M%S").to_string()
}

/// True when `folder` holds a backup that was finished: its manifest is
/// written last, just before it gets its name.
pub fn is_finished(folder: &Path) -> bool {
    folder.join(manifest::FILE_NAME).is_file()
}

/// The newest finished backup of `database` in its backups folder: names
/// are times (`20261206-104500`), so the greatest name is the newest.
/// Unfinished folders are passed over.
pub fn latest(database: &Path) -> Option<PathBuf> {
    std::fs::read_dir(folder_for(database))
        .ok()?
        .flatten()
        .filter(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
        .map(|entry| entry.path())
        .filter(|path| path.is_dir() && is_finished(path))
        .max()
}

/// Every copy of `database` hireterm made that is still on disk: the
/// finished backups in its backups folder and the databases `restore`
/// moved aside (`NAME.before-restore-TIME`), oldest first. An erasure
/// names them: they still hold what it removed.
pub fn copies_of(database: &Path) -> Vec<PathBuf> {
    let listed = |folder: &Path| -> Vec<PathBuf> {
        std::fs::read_dir(folder)
            .map(|entries| entries.flatten().map(|e| e.path()).collect())
            .unwrap_or_default()
    };
    let mut copies: Vec<PathBuf> = listed(&folder_for(database))
        .into_iter()
        .filter(|path| path.is_dir() && is_finished(path))
        .collect();
    let name = database.file_name().unwrap_or_default().to_string_lossy();
    let aside = format!("{name}.before-restore-");
    copies.extend(
        listed(&staging::parent_of(database))
            .into_iter()
            .filter(|path| {
                path.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(&aside))
            }),
    );
    copies.sort();
    copies
}

/// Keeps the newest `keep` finished backups the app took of `database`
/// (0: keeps all) and removes the older ones, and any unfinished folder a
/// killed backup left. Only folders named as the app names them are
/// touched; a backup is removed only once `keep` newer finished ones
/// exist. Returns the removed folders.
pub fn rotate(database: &Path, keep: usize) -> io::Result<Vec<PathBuf>> {
    let folder = folder_for(database);
    staging::sweep_abandoned_in(&folder);
    if keep == 0 {
        return Ok(Vec::new());
    }
    let mut taken: Vec<PathBuf> = std::fs::read_dir(&folder)?
        .flatten()
        .filter(|entry| is_app_name(&entry.file_name().to_string_lossy()))
        .map(|entry| entry.path())
        .filter(|path| path.is_dir())
        .collect();
    taken.sort_by(|a, b| b.cmp(a));
    let mut finished = 0;
    let mut removed = Vec::new();
    for backup in taken {
        if finished >= keep {
            std::fs::remove_dir_all(&backup)?;
            removed.push(backup);
        } else if is_finished(&backup) {
            finished += 1;
        }
    }
    Ok(removed)
}

/// `YYYYmmdd-HHMMSS`, as [`name_at`] writes it.
fn is_app_name(name: &str) -> bool {
    name.len() == 15
        && name.char_indices().all(|(i, c)| match i {
            8 => c == '-',
            _ => c.is_ascii_digit(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_has_its_backups_under_the_server_and_database() {
        let address = Path::new("postgres://ana:secret@db.example.com:5433/agency?sslmode=require");
        let folder = folder_for(address);
        assert!(
            folder.ends_with("backups/db.example.com-5433-agency"),
            "{folder:?}"
        );
        assert!(!folder.to_string_lossy().contains("secret"));
        assert_eq!(
            folder_for(Path::new("/data/db")),
            Path::new("/data/db.backups")
        );
    }

    #[test]
    fn app_names_are_times() {
        let time = chrono::DateTime::parse_from_rfc3339("2026-12-06T10:45:00Z").unwrap();
        let name = name_at(time.to_utc());
        assert_eq!(name, "20261206-104500");
        assert!(is_app_name(&name));
        for other in [
            "mine",
            "20261206104500",
            "20261206-10450x",
            ".20261206-104500",
        ] {
            assert!(!is_app_name(other), "{other}");
        }
    }
}
