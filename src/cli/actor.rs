//! Who the event log names for a change made from this machine: `--as`,
//! else the login name the environment carries (`$USER`, `$LOGNAME`),
//! else the account's name in the system's user database (a service, a
//! container or `env -i` may run without either variable).

use crate::domain::text::clean_line;

/// The actor for `given` (`--as`), cleaned to one line.
pub fn actor(given: Option<&str>) -> String {
    let name = given
        .map(str::to_string)
        .or_else(|| std::env::var("USER").ok())
        .or_else(|| std::env::var("LOGNAME").ok())
        .filter(|name| !clean_line(name).is_empty())
        .or_else(account_name)
        .unwrap_or_default();
    let clean = clean_line(&name);
    if clean.is_empty() {
        "unknown".into()
    } else {
        clean
    }
}

/// The name of this process's real user, as `getpwuid_r` reads it (from
/// /etc/passwd or whatever the system's name service uses).
fn account_name() -> Option<String> {
    let user = nix::unistd::User::from_uid(nix::unistd::getuid()).ok()??;
    Some(user.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_wins_and_is_kept_to_one_line() {
        assert_eq!(actor(Some("ana")), "ana");
        assert!(!actor(Some("ana\u{1b}[2J")).contains('\u{1b}'));
    }

    #[test]
    fn the_account_has_a_name() {
        let name = account_name().expect("the test's user is in the user database");
        assert!(!name.is_empty());
    }
}
