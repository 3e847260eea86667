//! A database address: a folder means the embedded engine, a
//! `postgres://` (or `postgresql://`) URL means PostgreSQL.

/// Whether `text` names a PostgreSQL database rather than a folder.
pub fn is_postgres(text: &str) -> bool {
    let lower = text.trim_start().to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

/// The address as it may be shown or logged: a password in it replaced
/// by `***`.
pub fn shown(address: &str) -> String {
    let Some((scheme, rest)) = address.split_once("://") else {
        return address.to_string();
    };
    let (authority, tail) = match rest.find(['/', '?']) {
        Some(at) => rest.split_at(at),
        None => (rest, ""),
    };
    match authority.rsplit_once('@') {
        Some((user, host)) => match user.split_once(':') {
            Some((name, _password)) => format!("{scheme}://{name}:***@{host}{tail}"),
            None => address.to_string(),
        },
        None => address.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_postgres_and_folders_are_not() {
        for url in [
            "postgres://db/h",
            "postgresql://u@db:5433/h",
            "POSTGRES://x",
        ] {
            assert!(is_postgres(url), "{url}");
        }
        for folder in ["db", "/srv/postgres/db", "./postgres:/x", "postgres"] {
            assert!(!is_postgres(folder), "{folder}");
        }
    }

    #[test]
    fn a_password_is_never_shown() {
        assert_eq!(
            shown("postgres://ana:s3cr@t@db.example:5432/agency?sslmode=require"),
            "postgres://ana:***@db.example:5432/agency?sslmode=require"
        );
        assert_eq!(
            shown("postgres://ana@db/agency"),
            "postgres://ana@db/agency"
        );
        assert_eq!(shown("postgres://db/agency"), "postgres://db/agency");
    }
}
