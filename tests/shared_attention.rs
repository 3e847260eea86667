#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Sessions sharing records share one attention list per snapshot: made
//! once, not once per session (`app/shared_attention.rs`).

mod common;

use common::{TempDb, app_under, demo_store, press};
use hireterm::app::App;
use hireterm::app::records::Records;
use hireterm::catalog::Catalog;
use hireterm::domain::Policy;
use hireterm::domain::access::Role;
use std::sync::Arc;

fn session(records: &Arc<Records>, policy: Policy) -> App {
    app_under(Arc::clone(records), "ana", Role::Admin, policy, (120, 40))
}

fn same_list(a: &App, b: &App) -> bool {
    std::ptr::eq(a.views().attention(), b.views().attention())
}

#[test]
fn sessions_on_one_snapshot_share_its_attention_list_and_a_write_makes_a_new_one() {
    let db = TempDb::new();
    let store = demo_store(&db, 600, 1);
    let shared = Records::load(Arc::clone(&store), Catalog::builtin()).unwrap();
    let mut ana = session(&shared, Policy::default());
    let mut bo = session(&shared, Policy::default());
    assert!(!ana.views().attention().is_empty(), "the demo has concerns");
    assert!(same_list(&ana, &bo), "one list for both sessions");
    let old = Arc::clone(ana.data_shared());

    // A move makes a new snapshot: both sessions see the list made for it,
    // one list again, not the old one.
    press(&mut ana, "2 >");
    press(&mut bo, "");
    assert!(
        !Arc::ptr_eq(&old, ana.data_shared()),
        "the move made a snapshot"
    );
    assert!(Arc::ptr_eq(ana.data_shared(), bo.data_shared()));
    assert!(
        same_list(&ana, &bo),
        "the new snapshot's list is shared too"
    );
}

#[test]
fn a_session_under_another_policy_gets_a_list_of_its_own() {
    let db = TempDb::new();
    let store = demo_store(&db, 600, 1);
    let shared = Records::load(Arc::clone(&store), Catalog::builtin()).unwrap();
    let ana = session(&shared, Policy::default());
    let mut quiet = Policy {
        answer_days: 0,
        ending_days: 0,
        ..Policy::default()
    };
    quiet.retention.consent_warning_days = 0;
    let bo = session(&shared, quiet);
    assert!(!same_list(&ana, &bo));
    let kinds = |app: &App| {
        let list = app.views().attention();
        list.iter()
            .filter(|item| {
                matches!(
                    item.concern,
                    hireterm::app::attention::Concern::ConsentEnding { .. }
                        | hireterm::app::attention::Concern::Unanswered { .. }
                )
            })
            .count()
    };
    assert!(kinds(&ana) > 0, "the default policy flags some");
    assert_eq!(kinds(&bo), 0, "the quiet policy's own list flags none");
}
