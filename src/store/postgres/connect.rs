//! Connecting to PostgreSQL: TLS when the server offers it (with the
//! system's root certificates), the schema brought up to date, and every
//! way it can fail said in words a manager can act on.

use super::address::shown;
use super::error::PgError;
use postgres::Client;
use postgres::error::SqlState;
use std::str::FromStr;
use std::time::Duration;

/// How long a connection may take when the address does not say
/// (`connect_timeout=` in it does).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Connects to the database at `address` and brings its schema up to
/// date (`schema.rs`).
pub fn connect(address: &str) -> Result<Client, PgError> {
    let mut client = connect_only(address)?;
    super::schema::migrate(&mut client, address)?;
    Ok(client)
}

/// Connects without touching the schema: for a database only read (the
/// source of `hireterm copy`), which must not get tables it lacked.
pub fn connect_only(address: &str) -> Result<Client, PgError> {
    let mut config = postgres::Config::from_str(address).map_err(|e| PgError::BadAddress {
        address: shown(address),
        detail: e.to_string(),
    })?;
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(CONNECT_TIMEOUT);
    }
    let user = config.get_user().unwrap_or_default().to_string();
    let database = config.get_dbname().unwrap_or(&user).to_string();
    config
        .connect(tls(address)?)
        .map_err(|error| classify(address, (&user, &database), &error))
}

/// TLS through rustls, trusting the system's root certificates; used
/// when the server offers it (the address's `sslmode`, `prefer` unless
/// it says otherwise).
fn tls(address: &str) -> Result<tokio_postgres_rustls::MakeRustlsConnect, PgError> {
    let mut roots = rustls::RootCertStore::empty();
    // Certificates the system has but rustls cannot read are left out:
    // the others still verify.
    for certificate in rustls_native_certs::load_native_certs().certs {
        let _ = roots.add(certificate);
    }
    // rustls marks ring's provider deprecated for want of post-quantum
    // key exchange; aws-lc-rs has it but needs cmake and a C build on
    // every machine, and ring is what the SSH server already uses.
    #[allow(deprecated)]
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| PgError::Other {
            address: shown(address),
            detail: format!("TLS cannot be set up: {e}"),
        })?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
}

/// A failed connection, in words.
fn classify(address: &str, (user, database): (&str, &str), error: &postgres::Error) -> PgError {
    let address = shown(address);
    let user = user.to_string();
    let detail = match error.as_db_error() {
        Some(db) => db.message().to_string(),
        None => plain(error),
    };
    match error.code() {
        Some(&SqlState::INVALID_PASSWORD) => PgError::WrongPassword { address, user },
        Some(&SqlState::INVALID_AUTHORIZATION_SPECIFICATION) => PgError::NotAllowed {
            address,
            user,
            detail,
        },
        Some(&SqlState::INVALID_CATALOG_NAME) => PgError::NoDatabase {
            address,
            database: database.to_string(),
        },
        Some(_) => PgError::Other { address, detail },
        None => PgError::Unreachable { address, detail },
    }
}

/// The error and its causes in one line ("error connecting to server:
/// Connection refused (os error 111)").
fn plain(error: &postgres::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}
