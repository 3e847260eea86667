//! `ctrl-b`: a backup beside the database, `<db>.backups/<time>`, at most
//! one every few minutes for the whole process (see `Records`).

use crate::app::App;

impl App {
    pub(in crate::app) fn take_backup(&mut self) {
        if let Err(wait) = self.records.claim_backup() {
            return self.complain(format!(
                "a backup was taken moments ago; the next one can be taken in {} s",
                wait.as_secs().max(1)
            ));
        }
        let stamp = self.clock.now().format("%Y%m%d-%H%M%S").to_string();
        let store = match self.records.store() {
            Ok(store) => store,
            Err(error) => {
                self.records.release_backup();
                return self.complain(error.to_string());
            }
        };
        let mut folder = store.path().as_os_str().to_owned();
        folder.push(".backups");
        let target = std::path::PathBuf::from(folder).join(stamp);
        match store.backup_to(&target) {
            Ok(()) => self.say(format!("backup written to {}", target.display())),
            Err(error) => {
                // A failed try does not use up the turn.
                self.records.release_backup();
                self.complain(error.to_string());
            }
        }
    }
}
