//! The PostgreSQL engine's connection (issue 20, in progress), against a
//! real server (`.ci/run` starts one; see `common/postgres.rs`): the
//! schema applied once on connect, even by two instances at once, and
//! recorded; a newer schema refused; the constraints that must hold; and
//! every way a connection fails said in words, the password never shown.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::postgres::{PgDb, admin, with_database};
use hireterm::store::postgres::{PgError, connect, schema};

fn versions(address: &str) -> Vec<i32> {
    let rows = admin(address)
        .query("SELECT version FROM hireterm_schema ORDER BY version", &[])
        .unwrap();
    rows.iter().map(|row| row.get(0)).collect()
}

#[test]
fn the_schema_is_applied_once_and_recorded() {
    let Some(db) = PgDb::new() else { return };
    drop(connect(&db.address).unwrap());
    drop(connect(&db.address).unwrap());
    let all: Vec<i32> = (1..=schema::KNOWN).collect();
    assert_eq!(versions(&db.address), all);
    let tables = admin(&db.address)
        .query(
            "SELECT table_name::text FROM information_schema.tables
             WHERE table_schema = 'public' ORDER BY 1",
            &[],
        )
        .unwrap();
    let names: Vec<String> = tables.iter().map(|row| row.get(0)).collect();
    for table in [
        "candidates",
        "applications",
        "events",
        "engagements",
        "meta",
    ] {
        assert!(names.iter().any(|n| n == table), "{table} in {names:?}");
    }
}

#[test]
fn two_instances_starting_at_once_apply_each_version_once() {
    let Some(db) = PgDb::new() else { return };
    let starts: Vec<_> = (0..4)
        .map(|_| {
            let address = db.address.clone();
            std::thread::spawn(move || connect(&address).map(drop))
        })
        .collect();
    for start in starts {
        start.join().unwrap().unwrap();
    }
    assert_eq!(versions(&db.address).len(), schema::KNOWN as usize);
}

#[test]
fn a_schema_newer_than_this_build_is_refused_in_words() {
    let Some(db) = PgDb::new() else { return };
    drop(connect(&db.address).unwrap());
    admin(&db.address)
        .execute(
            "INSERT INTO hireterm_schema (version, name) VALUES ($1, 'from the future')",
            &[&(schema::KNOWN + 1)],
        )
        .unwrap();
    let error = connect(&db.address).err().unwrap();
    assert!(matches!(error, PgError::SchemaNewer { .. }), "{error:?}");
    let text = error.to_string();
    assert!(text.contains("upgrade hireterm"), "{text}");
    assert!(!text.contains(&password_of(&db.address)), "{text}");
}

#[test]
fn what_must_hold_is_a_constraint() {
    let Some(db) = PgDb::new() else { return };
    drop(connect(&db.address).unwrap());
    let mut client = admin(&db.address);
    let add = "INSERT INTO candidates (id, name, email, record) VALUES ($1, 'Ana', $2, '')";
    client.execute(add, &[&1i64, &"ana@example.com"]).unwrap();
    let twice = client
        .execute(add, &[&2i64, &"ana@example.com"])
        .unwrap_err();
    assert_eq!(
        twice.code(),
        Some(&postgres::error::SqlState::UNIQUE_VIOLATION)
    );
    let unnormalised = client
        .execute(add, &[&3i64, &"Bo@Example.com"])
        .unwrap_err();
    assert_eq!(
        unnormalised.code(),
        Some(&postgres::error::SqlState::CHECK_VIOLATION)
    );
    // A card for nobody is refused when its transaction commits.
    let mut tx = client.transaction().unwrap();
    tx.execute(
        "INSERT INTO applications (engagement, candidate, stage, record) VALUES (1, 99, 'sourced', '')",
        &[],
    )
    .unwrap();
    let orphan = tx.commit().unwrap_err();
    assert_eq!(
        orphan.code(),
        Some(&postgres::error::SqlState::FOREIGN_KEY_VIOLATION)
    );
    let stage = client
        .execute(
            "INSERT INTO applications (engagement, candidate, stage, record) VALUES (1, 1, 'hired', '')",
            &[],
        )
        .unwrap_err();
    assert_eq!(
        stage.code(),
        Some(&postgres::error::SqlState::CHECK_VIOLATION)
    );
}

#[test]
fn a_failed_connection_says_why_without_the_password() {
    let Some(db) = PgDb::new() else { return };
    let password = password_of(&db.address);
    let wrong = db
        .address
        .replacen(&format!(":{password}@"), ":not-the-password@", 1);
    let error = connect(&wrong).err().unwrap();
    assert!(matches!(error, PgError::WrongPassword { .. }), "{error:?}");
    assert!(
        error
            .to_string()
            .contains("refused the password of `hireterm`")
    );
    let missing = with_database(&db.address, "no_such_database");
    let error = connect(&missing).err().unwrap();
    assert!(matches!(error, PgError::NoDatabase { .. }), "{error:?}");
    assert!(
        error.to_string().contains("createdb no_such_database"),
        "{error}"
    );
    for error in [
        connect(&wrong).err().unwrap(),
        connect(&missing).err().unwrap(),
    ] {
        assert!(!error.to_string().contains(&password), "{error}");
    }
}

#[test]
fn an_unreachable_server_is_said_in_words() {
    // No server needed: a port nothing listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let address = format!("postgres://ana:secret@127.0.0.1:{port}/agency?connect_timeout=2");
    let error = connect(&address).err().unwrap();
    assert!(matches!(error, PgError::Unreachable { .. }), "{error:?}");
    let text = error.to_string();
    assert!(
        text.starts_with("cannot reach PostgreSQL at postgres://ana:***@127.0.0.1"),
        "{text}"
    );
    assert!(!text.contains("secret"), "{text}");
    let error = connect("postgres://ana@127.0.0.1:notaport/agency")
        .err()
        .unwrap();
    assert!(matches!(error, PgError::BadAddress { .. }), "{error:?}");
}

fn password_of(address: &str) -> String {
    let authority = address
        .split("://")
        .nth(1)
        .unwrap()
        .split('@')
        .next()
        .unwrap();
    authority
        .split_once(':')
        .map(|(_, p)| p.to_string())
        .unwrap_or_default()
}
