//! Where the app's backups of a database go (`<db>.backups/<time>`), and
//! finding the latest one, which a damaged database's message names.

use std::path::{Path, PathBuf};

/// The folder holding the backups of the database at `database`.
pub fn folder_for(database: &Path) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(".backups");
    PathBuf::from(name)
}

/// The newest backup of `database` in its backups folder: names are
/// times (`20261206-104500`), so the greatest name is the newest. Folders
/// whose name marks them unfinished are passed over.
pub fn latest(database: &Path) -> Option<PathBuf> {
    std::fs::read_dir(folder_for(database))
        .ok()?
        .flatten()
        .filter(|entry| entry.path().is_dir())
        .filter(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
        .map(|entry| entry.path())
        .max()
}
