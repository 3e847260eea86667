//! The `[access]` section of config.toml: the local user's role, for the
//! app on this machine and every command that reads or writes records.
//!
//! ```toml
//! [access]
//! role = "recruiter"   # admin (the default), recruiter, interviewer, client:NAME, viewer
//! ```
//!
//! A mistake in it is said, and the least role (viewer) applies meanwhile:
//! a typo must not give more than was written.

use crate::domain::access::Role;
use toml::Table;

/// The local user's role from `config.toml`: admin when unset; viewer,
/// with a message naming the mistake, when the section is wrong.
pub fn load_role() -> (Role, Option<String>) {
    let Some(path) = super::config::config_path().filter(|p| p.exists()) else {
        return (Role::Admin, None);
    };
    let parsed = std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|text| parse_role(&text));
    match parsed {
        Ok(role) => (role, None),
        Err(error) => {
            let message = format!("{}: {error}; acting as a viewer", path.display());
            (Role::Viewer, Some(message))
        }
    }
}

/// The role in a config file's text (admin without an `[access]` role).
pub fn parse_role(text: &str) -> Result<Role, String> {
    let table: Table = toml::from_str(text).map_err(|e| e.message().to_string())?;
    let Some(section) = table.get("access") else {
        return Ok(Role::Admin);
    };
    let section = section.as_table().ok_or("[access] must be a table")?;
    let mut role = Role::Admin;
    for (key, value) in section {
        match key.as_str() {
            "role" => {
                let text = value
                    .as_str()
                    .ok_or("[access] role must be text, such as \"recruiter\"")?;
                role = Role::parse(text).map_err(|e| format!("[access] role: {e}"))?;
            }
            _ => return Err(format!("[access] has no `{key}`")),
        }
    }
    Ok(role)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_local_role_is_admin_unless_the_config_says_otherwise() {
        assert_eq!(parse_role(""), Ok(Role::Admin));
        assert_eq!(parse_role("[aging]\nscreening = 2\n"), Ok(Role::Admin));
        assert_eq!(
            parse_role("[access]\nrole = \"viewer\"\n"),
            Ok(Role::Viewer)
        );
        assert_eq!(
            parse_role("[access]\nrole = \"client:Acme Corp\"\n"),
            Ok(Role::Client("Acme Corp".into()))
        );
        let error = |text: &str| parse_role(text).unwrap_err();
        assert!(error("[access]\nrole = \"boss\"").contains("`boss` is not a role"));
        assert!(error("[access]\nrole = 3").contains("must be text"));
        assert!(error("[access]\nrol = \"admin\"").contains("no `rol`"));
        assert!(error("access = 1").contains("must be a table"));
    }

    #[test]
    fn the_rules_reader_leaves_the_access_section_to_this_one() {
        let text = "[access]\nrole = \"interviewer\"\n[promise]\ncount = 2\n";
        assert_eq!(
            super::super::config::parse_policy(text)
                .unwrap()
                .promise
                .count,
            2
        );
    }
}
