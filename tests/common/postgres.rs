//! The PostgreSQL the engine's tests run against: `.ci/run` starts one of
//! its own and names it in `HIRETERM_TEST_POSTGRES`. Without it those
//! tests say so and pass, except under `CI`, where they fail.

use std::sync::atomic::{AtomicUsize, Ordering};

/// The variable naming the test server (`postgres://user:pw@host:port/db`).
pub const SERVER_ENV: &str = "HIRETERM_TEST_POSTGRES";

/// The test server's address; `None` (said on stderr) without one.
pub fn server() -> Option<String> {
    match std::env::var(SERVER_ENV) {
        Ok(address) if !address.is_empty() => Some(address),
        _ if std::env::var_os("CI").is_some() => {
            panic!(
                "{SERVER_ENV} is not set: under CI the PostgreSQL tests need the server .ci/run starts"
            )
        }
        _ => {
            eprintln!("skipped: no PostgreSQL ({SERVER_ENV} is not set; .ci/run starts one)");
            None
        }
    }
}

/// `address` naming another database on the same server.
pub fn with_database(address: &str, database: &str) -> String {
    let (base, query) = match address.split_once('?') {
        Some((base, query)) => (base, format!("?{query}")),
        None => (address, String::new()),
    };
    let at = base
        .rfind('/')
        .filter(|&at| at > "postgres://".len())
        .unwrap_or(base.len());
    format!("{}/{database}{query}", &base[..at])
}

/// A database of the test's own on the test server, dropped at the end.
pub struct PgDb {
    server: String,
    pub name: String,
    pub address: String,
}

impl PgDb {
    /// `None` when there is no test server (see [`server`]).
    pub fn new() -> Option<PgDb> {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let server = server()?;
        let name = format!(
            "hireterm_test_{}_{}",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::Relaxed)
        );
        admin(&server)
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap();
        let address = with_database(&server, &name);
        Some(PgDb {
            server,
            name,
            address,
        })
    }
}

impl Drop for PgDb {
    fn drop(&mut self) {
        let drop = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        let _ = admin(&self.server).batch_execute(&drop);
    }
}

/// A plain connection to the server's own database, for set-up.
pub fn admin(server: &str) -> postgres::Client {
    postgres::Client::connect(server, postgres::NoTls).unwrap()
}
