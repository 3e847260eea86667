//! The PostgreSQL engine (issue 20, in progress): a database address
//! (`postgres://…`) instead of a folder, for a firm that runs several
//! `hireterm serve` instances on one set of records.
//!
//! Built so far: telling an address from a folder ([`address`]),
//! connecting with TLS when the server asks for it and errors in words
//! ([`mod@connect`]), and the versioned schema applied on connect
//! ([`schema`], history in `migrations/`). The store's reads and writes
//! on it are not written yet: nothing in the app uses this module.
//!
//! Client: the `postgres` crate (sfackler's rust-postgres, the most used
//! and best kept PostgreSQL client for Rust), in its blocking form
//! because the store's API is blocking; TLS through rustls with the
//! system's roots (`tokio-postgres-rustls`, `rustls-native-certs`) on the
//! `ring` provider the SSH server already builds, so no OpenSSL.

pub mod address;
pub mod connect;
pub mod error;
pub mod listen;
pub mod schema;

pub use connect::connect;
pub use error::PgError;
