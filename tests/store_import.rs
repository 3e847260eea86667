//! The store's own import calls, under the import command (whose tests,
//! `import*.rs`, run the binary on a folder): on sled and on PostgreSQL
//! (`common/engines.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::engines::each_engine;
use common::*;
use hireterm::domain::{CandidateId, EngagementId};

/// An id that cannot be counted past is refused rather than wrapped, and
/// nothing is written.
#[test]
fn ids_too_large_to_count_past_are_refused_not_overflowed() {
    for db in each_engine() {
        eprintln!("on {}", db.engine());
        let store = db.open();
        let mut huge = candidate("Ana", "a@x.io");
        huge.id = CandidateId(u64::MAX);
        assert!(store.import_candidates(&[huge], &stamp()).is_err());
        let mut huge = engagement("Platform");
        huge.id = EngagementId(u64::MAX);
        assert!(
            store
                .import_engagements(&[(huge, "Acme".into())], &stamp())
                .is_err()
        );
        assert_eq!(store.candidate_count(), 0, "no candidate was written");
        assert!(store.engagements().unwrap().is_empty());
        assert!(store.clients().unwrap().is_empty(), "nor the client");
        assert!(store.recent_events(1).unwrap().is_empty());
    }
}
