//! Why a PostgreSQL database could not be used, in words a manager can
//! act on (a password is never among them: addresses are shown with
//! `address::shown`).

/// Why a PostgreSQL database could not be used, in words.
#[derive(Debug, thiserror::Error)]
pub enum PgError {
    #[error("`{address}` is not a database address hireterm can read: {detail}")]
    BadAddress { address: String, detail: String },
    #[error("cannot reach PostgreSQL at {address}: {detail}")]
    Unreachable { address: String, detail: String },
    #[error("PostgreSQL at {address} refused the password of `{user}`")]
    WrongPassword { address: String, user: String },
    #[error("PostgreSQL at {address} does not let `{user}` in: {detail}")]
    NotAllowed {
        address: String,
        user: String,
        detail: String,
    },
    #[error(
        "PostgreSQL at {address} has no database `{database}`: create it \
         (`createdb {database}`) or correct the address"
    )]
    NoDatabase { address: String, database: String },
    #[error(
        "the database at {address} has hireterm's schema {found}, newer than \
         this hireterm knows ({known}): upgrade hireterm before using it"
    )]
    SchemaNewer {
        address: String,
        found: i32,
        known: i32,
    },
    #[error("PostgreSQL at {address}: {detail}")]
    Other { address: String, detail: String },
}
