//! `ctrl-b`: a backup beside the database, `<db>.backups/<time>`, at most
//! one every few minutes for the whole process (see `Records`); the
//! oldest are removed beyond the number config.toml keeps.

use crate::app::App;
use crate::app::records::Records;
use crate::store::{BackupError, backups};
use std::path::Path;

/// A claimed turn to take a backup, given back when dropped unless the
/// backup was written: a failed try (a full disk, an unwritable folder,
/// even a panic) does not use up the turn.
struct Turn<'a> {
    records: &'a Records,
    used: bool,
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        if !self.used {
            self.records.release_backup();
        }
    }
}

impl App {
    pub(in crate::app) fn take_backup(&mut self) {
        // Checked here too, not only at the key: a backup holds everyone's
        // records, whatever this session may see.
        let act = crate::domain::access::Act::Backup;
        if !self.may(act) {
            return self.complain(self.role().refusal(act));
        }
        if let Err(wait) = self.records.claim_backup() {
            return self.complain(format!(
                "a backup was taken moments ago; the next one can be taken in {} s",
                wait.as_secs().max(1)
            ));
        }
        let records = std::sync::Arc::clone(&self.records);
        let mut turn = Turn {
            records: &records,
            used: false,
        };
        let database = records.path();
        let target = backups::folder_for(database).join(backups::name_at(self.clock.now()));
        if let Err(error) = copy_then_finish(&records, &target) {
            return self.complain(error.to_string());
        }
        turn.used = true;
        match backups::rotate(database, self.policy.backups_keep) {
            Ok(_) => self.say(format!("backup written to {}", target.display())),
            Err(error) => self.complain(format!(
                "backup written to {}; older backups could not be removed: {error}",
                target.display()
            )),
        }
    }
}

/// Copies the database while holding off every session's writes (so the
/// copy is one consistent moment of the records), then checks and names
/// the copy without holding them off.
fn copy_then_finish(records: &Records, target: &Path) -> Result<(), BackupError> {
    records
        .hold_writes(|store| store.start_backup(target))??
        .finish()
}
