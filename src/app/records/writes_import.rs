//! An import from the app (`:import FILE`): the whole import is one write
//! of the records' owner, so every other session's writes wait for it (an
//! import's journal needs to be the only writer while it runs), and the
//! records are read again once it is done, since it may add thousands.

use super::data::Data;
use super::guard::{Need, On};
use super::writes::Writer;
use super::{Records, Snapshot};
use crate::domain::access::Act;
use crate::interchange::{ImportError, ImportOptions, ImportReport, ImportSource, import};
use crate::store::Result;

/// What an import did, or why it did not.
pub type Imported = std::result::Result<ImportReport, ImportError>;

impl Records {
    /// Imports `source` as `hireterm import` would; the import's own
    /// outcome (a refused file, a failure taken back) is the first part,
    /// the records read again after it the second.
    pub fn import(
        &self,
        by: &Writer,
        source: &ImportSource,
        options: &ImportOptions,
    ) -> Result<(Imported, Snapshot)> {
        let (done, snapshot) = self.write(
            by,
            Need(Act::Edit, On::Records),
            |store| {
                let outcome = import(store, source, options, &by.stamp);
                Ok((outcome, Data::load(store)?))
            },
            |data, (_, fresh)| *data = fresh.clone(),
        )?;
        Ok((done.0, snapshot))
    }

    /// What importing `source` would do, with every write held off while
    /// it reads (a dry run writes nothing).
    pub fn import_dry_run(
        &self,
        by: &Writer,
        source: &ImportSource,
        options: &ImportOptions,
    ) -> Result<Imported> {
        let options = ImportOptions {
            dry_run: true,
            ..options.clone()
        };
        self.hold_writes(|store| import(store, source, &options, &by.stamp))
    }
}
