//! The viewers' copy of the records: every record, each redacted (no
//! contacts, no pay; `redact_all.rs`), kept once for all of a server's
//! viewers with one search index, since a viewer's copy does not depend
//! on who they are.

use super::access::Redactor;
use super::data::Data;
use super::{OwnIndex, Records, Snapshot, lock};
use crate::search::SearchIndex;
use std::sync::{Arc, Mutex};

/// The copy every viewer draws, and its search index (at 100,000
/// candidates each is tens of megabytes: one for all viewers).
pub struct ViewerCopy {
    redactor: Mutex<Redactor>,
    index: OwnIndex,
}

impl Default for ViewerCopy {
    fn default() -> ViewerCopy {
        ViewerCopy {
            redactor: Mutex::new(Redactor::for_viewers()),
            index: OwnIndex::default(),
        }
    }
}

impl Records {
    /// A viewer's copy of a snapshot, shared by every viewer; its index is
    /// built once per change that reaches it.
    pub fn viewer_copy(&self, (version, full): Snapshot) -> Arc<Data> {
        let mut redactor = lock(&self.viewers.redactor);
        let before = redactor.last_copy();
        let copy = redactor.redact(&full);
        let indexed = before.is_some_and(|before| {
            let changed = copy.changed_since(&before);
            !(changed.candidates || changed.engagements || changed.clients)
        });
        if !indexed {
            (self.viewers.index).wanted((version, Arc::clone(&copy)), self.catalog);
        }
        copy
    }

    /// The search index over the viewers' copy.
    pub fn viewer_index(&self) -> Option<Arc<SearchIndex>> {
        self.viewers.index.latest(self.catalog)
    }
}
