//! Two more action classes through `App`, for every role: copying a
//! candidate's contact out of the session (`y`, OSC 52) and taking a
//! backup (`ctrl-b`). A role that may not read contacts copies nothing
//! that is a contact (the terminal receives no byte of one); a role that
//! may not back up is refused in words and no backup folder appears.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::roles::World;
use common::*;
use hireterm::domain::access::{Act, Role};

/// The backups beside the database, `<db>.backups/*`.
fn backups(world: &World) -> usize {
    let folder = world.db.dir.path().join("db.backups");
    std::fs::read_dir(folder).map_or(0, |entries| entries.count())
}

#[test]
fn only_roles_that_read_contacts_copy_one() {
    let world = World::new();
    let contacts: Vec<String> = (world.store.candidates().unwrap().into_iter())
        .flat_map(|c| [Some(c.email), c.phone].into_iter().flatten())
        .collect();
    for role in world.roles() {
        let mut app = world.app(&role);
        press(&mut app, "1 j y y");
        let sent = app.take_terminal_output();
        let holds = |c: &String| (sent.windows(osc52(c).len())).any(|w| w == osc52(c).as_slice());
        let leaked: Vec<&String> = contacts.iter().filter(|c| holds(c)).collect();
        if role.may(Act::ReadContact) {
            assert!(!leaked.is_empty(), "{role}: y copies the email");
        } else {
            assert!(leaked.is_empty(), "{role} copied {leaked:?}");
        }
    }
}

#[test]
fn only_roles_that_may_back_up_take_a_backup() {
    // A world each: backups from the app are spaced out across sessions.
    for role in World::new().roles() {
        let world = World::new();
        let before = backups(&world);
        let mut app = world.app(&role);
        press(&mut app, "ctrl-b");
        let status = app.status().text.clone();
        if role.may(Act::Backup) {
            assert_eq!(backups(&world), before + 1, "{role}: {status}");
        } else {
            assert_eq!(backups(&world), before, "{role}: {status}");
            assert_eq!(status, role.refusal(Act::Backup), "{role}");
        }
    }
    assert!(Role::Admin.may(Act::Backup) && !Role::Viewer.may(Act::Backup));
}
