//! The copies of a database that an erasure does not reach: backups in
//! `<db>.backups/` and databases `restore` moved aside. `erase` and
//! `retention` name them, since they still hold what was erased.

use super::output::line;
use crate::store::backups;
use std::path::Path;

/// Says which copies still hold the data of `whose` ("this person's").
pub fn tell_copies(path: &Path, whose: &str) {
    let copies = backups::copies_of(path);
    if crate::store::is_address(path) {
        // What hireterm cannot list: PostgreSQL's own history and copies.
        line(format!(
            "on PostgreSQL, the write-ahead log, its archive, standbys, pg_dump and \
             pg_basebackup copies, and any hireterm_replaced_ schema a restore kept still \
             hold {whose} data until they age out or are dropped"
        ));
    }
    if copies.is_empty() {
        line(format!(
            "no backups hireterm took of this database were found (in {})",
            backups::folder_for(path).display()
        ));
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
