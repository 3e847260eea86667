//! The copies of a database that an erasure does not reach: backups in
//! `<db>.backups/` and databases `restore` moved aside. `erase` and
//! `retention` name them, since they still hold what was erased.

use super::output::line;
use crate::store::backups;
use std::path::Path;

/// Says which copies still hold the data of `whose` ("this person's").
pub fn tell_copies(path: &Path, whose: &str) {
    let copies = backups::copies_of(path);
    if copies.is_empty() {
        line("no backups of this database were found beside it");
        return;
    }
    line(format!(
        "{} copies taken before still hold {whose} data; erase or delete them too:",
        copies.len()
    ));
    for copy in copies {
        line(format!("  {}", copy.display()));
    }
}
