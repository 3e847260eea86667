//! What a store holds besides its trees, by engine: on sled, the keepers
//! of its folder (the flusher, the power-cut guard, the watermark, the
//! clean close); on PostgreSQL, the connection its trees share.

use super::error::{Result, StoreError};
use super::kv::Pg;
use super::{CleanClose, Store, close, durable, flusher, watermark};
use std::sync::Arc;

pub(super) enum Engine {
    Sled(Box<SledParts>),
    Pg(Arc<Pg>),
}

/// sled's own parts of an open store, in the order they must be let go:
/// the flusher's thread ends before sled's last handle closes sled, and
/// the clean-close marker is written after.
pub(super) struct SledParts {
    pub flusher: flusher::Flusher,
    pub db: sled::Db,
    pub _last_handle: close::LastHandle,
    pub watermark: watermark::Watermark,
    pub durable: durable::Durable,
    pub closer: CleanClose,
}

impl Engine {
    pub fn is_sled(&self) -> bool {
        matches!(self, Engine::Sled(_))
    }

    pub fn sled(&self) -> Option<&SledParts> {
        match self {
            Engine::Sled(sled) => Some(sled),
            Engine::Pg(_) => None,
        }
    }

    /// The clean close to come, on sled.
    pub fn closer(&mut self) -> Option<&mut CleanClose> {
        match self {
            Engine::Sled(sled) => Some(&mut sled.closer),
            Engine::Pg(_) => None,
        }
    }
}

impl Store {
    /// sled's database, for what works on a folder's files (`what`, said
    /// when the store is on PostgreSQL instead).
    pub(super) fn sled_db(&self, what: &'static str) -> Result<&sled::Db> {
        match self.engine.sled() {
            Some(sled) => Ok(&sled.db),
            None => Err(StoreError::NeedsFolder {
                what,
                address: self.path.display().to_string(),
            }),
        }
    }

    /// The PostgreSQL connection, when the store is on PostgreSQL.
    pub(super) fn postgres(&self) -> Option<&Arc<Pg>> {
        match &self.engine {
            Engine::Sled(_) => None,
            Engine::Pg(pg) => Some(pg),
        }
    }
}
