//! Helpers for the store's transactions ([`Transactional`](super::kv::Transactional)). A
//! transaction's closure may run more than once, so everything in it is a
//! pure function of what it reads.

use super::error::StoreError;
use super::kv::TxTree;
use super::records::{self, Record};
use crate::domain::ids::MAX_ID;
use crate::domain::{Event, EventId, EventKind, Stamp};

pub use super::kv::{TxError, TxResult};

pub fn abort<T>(error: StoreError) -> TxResult<T> {
    Err(TxError::Abort(error))
}

/// Counter keys in the `meta` tree.
pub const CANDIDATE_SEQ: &[u8] = b"seq:candidate";
pub const ENGAGEMENT_SEQ: &[u8] = b"seq:engagement";
pub const EVENT_SEQ: &[u8] = b"seq:event";
pub const NOTE_SEQ: &[u8] = b"seq:note";
pub const CLIENT_SEQ: &[u8] = b"seq:client";
pub const SUBMITTAL_SEQ: &[u8] = b"seq:submittal";
pub const PLACEMENT_SEQ: &[u8] = b"seq:placement";

/// Reserves `count` consecutive ids and returns the first. Ids start at 1
/// and end at [`MAX_ID`]: a counter that would hand out an id past it
/// refuses instead (nothing wraps, nothing overflows).
pub fn reserve_ids(meta: &TxTree, key: &[u8], count: u64) -> TxResult<u64> {
    let next = read_counter(meta.get(key)?.as_deref());
    let after = next.checked_add(count).filter(|&after| after <= MAX_ID + 1);
    let Some(after) = after else {
        return abort(StoreError::IdsUsedUp {
            kind: counter_kind(key),
        });
    };
    meta.insert(key, &after.to_be_bytes())?;
    Ok(next)
}

/// The kind of record a counter numbers, for messages: `seq:note` is
/// `note`.
pub fn counter_kind(key: &[u8]) -> String {
    let name = key.strip_prefix(b"seq:").unwrap_or(key);
    String::from_utf8_lossy(name).into_owned()
}

/// The next id a counter would hand out.
pub fn read_counter(stored: Option<&[u8]>) -> u64 {
    stored.and_then(records::id_from_key).unwrap_or(1)
}

pub fn put<R: Record>(tree: &TxTree, key: &[u8], record: &R) -> TxResult<()> {
    let bytes = records::encode(record).map_err(|e| TxError::Abort(StoreError::Encode(e)))?;
    tree.insert(key, bytes)?;
    Ok(())
}

pub fn get<R: Record>(tree: &TxTree, key: &[u8]) -> TxResult<Option<R>> {
    match tree.get(key)? {
        None => Ok(None),
        Some(bytes) => records::decode(&bytes).map(Some).or_else(|error| {
            abort(StoreError::Corrupt {
                tree: R::TREE,
                key: records::describe_key(key),
                error,
            })
        }),
    }
}

/// Appends one event to the log inside the caller's transaction.
pub fn append_event(
    events: &TxTree,
    event_index: &TxTree,
    meta: &TxTree,
    stamp: &Stamp,
    kind: EventKind,
) -> TxResult<EventId> {
    let id = EventId(reserve_ids(meta, EVENT_SEQ, 1)?);
    super::counts::event(meta)?;
    if let Some(candidate) = kind.candidate() {
        event_index.insert(super::records::candidate_event_key(candidate, id), &[])?;
    }
    let event = Event {
        id,
        at: stamp.at,
        actor: stamp.actor.clone(),
        kind,
    };
    put(events, &id.to_key(), &event)?;
    Ok(id)
}
