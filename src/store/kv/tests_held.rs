//! A PostgreSQL transaction's writes are held and sent many rows a
//! statement (`pg/pending.rs`); they must act as if sent one by one.
//! The first test runs on both engines, as `tests.rs`'s do.

use super::tests::{event, on_both, pg_engine};
use super::{Transactional, TxError};

/// More writes than are held at once, one key written twice, and reads
/// in between: each read sees every write before it.
#[test]
fn many_writes_in_one_transaction_read_back_and_the_last_of_a_key_wins() {
    on_both(|engine| {
        let meta = (engine.open)("meta");
        meta.transaction(|tx| {
            for n in 0..3000u32 {
                tx.insert(format!("k{n:05}").as_bytes(), n.to_be_bytes().to_vec())?;
            }
            tx.insert(b"k00007", b"again".to_vec())?;
            let read = tx.get(b"k02999")?;
            assert_eq!(
                read.as_deref(),
                Some(&2999u32.to_be_bytes()[..]),
                "{}",
                engine.name
            );
            assert_eq!(tx.get(b"k00007")?.as_deref(), Some(&b"again"[..]));
            tx.insert(b"k00008", b"last".to_vec())?;
            Ok::<_, TxError>(())
        })
        .unwrap();
        assert_eq!(meta.len().unwrap(), 3000, "{}", engine.name);
        assert_eq!(meta.get("k00007").unwrap().as_deref(), Some(&b"again"[..]));
        assert_eq!(meta.get("k00008").unwrap().as_deref(), Some(&b"last"[..]));
    });
}

/// A write PostgreSQL cannot take (a value that is not an event), held
/// until the commit, still ends the transaction: none of the 1,500
/// writes before it is there.
#[test]
fn a_held_write_refused_at_the_commit_takes_every_other_with_it() {
    let Some((engine, _)) = pg_engine() else {
        return;
    };
    let events = (engine.open)("events");
    let refused = events.transaction(|tx| {
        for id in 1..=1500u64 {
            tx.insert(id.to_be_bytes(), event(id, id))?;
        }
        tx.insert(1501u64.to_be_bytes(), b"not an event".to_vec())?;
        Ok::<_, TxError>(())
    });
    assert!(refused.is_err());
    assert_eq!(events.len().unwrap(), 0);
}

/// An index tree read inside the transaction sees the rows held for the
/// table it reads (on sled, the index entries written beside them).
#[test]
fn an_index_read_in_the_transaction_sees_its_table_s_held_rows() {
    use crate::domain::{CandidateId, EventId};
    use crate::store::records::candidate_event_key;
    on_both(|engine| {
        let events = (engine.open)("events");
        let index = (engine.open)("events_by_candidate");
        let seen = (&events, &index)
            .transaction(|(events, index)| {
                for id in 1..=40u64 {
                    events.insert(EventId(id).to_key(), event(id, 7))?;
                    let key = candidate_event_key(CandidateId(7), EventId(id));
                    index.insert(key, Vec::new())?;
                }
                let last = candidate_event_key(CandidateId(7), EventId(40));
                Ok::<_, TxError>(index.get(last)?.is_some())
            })
            .unwrap();
        assert!(seen, "{}", engine.name);
        assert_eq!(events.len().unwrap(), 40, "{}", engine.name);
    });
}
