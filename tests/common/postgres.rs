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

/// A database of the test's own on the test server, dropped at the end,
/// and a folder of its own for the files a test writes beside it.
pub struct PgDb {
    server: String,
    pub name: String,
    pub address: String,
    pub files: tempfile::TempDir,
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
            files: tempfile::tempdir().unwrap(),
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

/// Every row of every table of the database at `address`, each as
/// (table, its cells' bytes, each after its length), sorted: what it
/// holds, for "nothing changed" and "nothing left" checks, as
/// `snapshot_files` is for a folder.
pub fn rows(address: &str) -> Vec<(String, Vec<u8>)> {
    let mut client = postgres::Client::connect(address, postgres::NoTls).unwrap();
    let tables = client
        .query(
            "SELECT table_name::text FROM information_schema.tables \
             WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
            &[],
        )
        .unwrap();
    let mut all = Vec::new();
    for table in tables {
        let table: String = table.get(0);
        all.extend(table_rows(&mut client, &table).map(|row| (table.clone(), row)));
    }
    all.sort();
    all
}

/// A table's rows, each cell as bytes: a `bytea` as it is, any other
/// value as its text.
fn table_rows(client: &mut postgres::Client, table: &str) -> impl Iterator<Item = Vec<u8>> {
    let columns = client
        .query(
            "SELECT column_name::text, data_type::text FROM information_schema.columns \
             WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position",
            &[&table],
        )
        .unwrap();
    let cells: Vec<String> = (columns.iter())
        .map(|c| match (c.get::<_, String>(0), c.get::<_, String>(1)) {
            (name, kind) if kind == "bytea" => format!("\"{name}\""),
            (name, _) => format!("convert_to(\"{name}\"::text, 'UTF8')"),
        })
        .collect();
    let sql = format!("SELECT {} FROM \"{table}\"", cells.join(", "));
    let rows = client.query(&sql, &[]).unwrap();
    rows.into_iter().map(|row| {
        let mut bytes = Vec::new();
        for i in 0..row.len() {
            // NULL as a length no cell has.
            let cell: Option<Vec<u8>> = row.get(i);
            let len = cell.as_ref().map_or(u64::MAX, |c| c.len() as u64);
            bytes.extend_from_slice(&len.to_be_bytes());
            bytes.extend_from_slice(&cell.unwrap_or_default());
        }
        bytes
    })
}
