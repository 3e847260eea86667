//! `config.toml` in the config directory: settings a team tunes.
//!
//! ```toml
//! [aging]              # days in a stage before a card needs attention
//! screening = 2        # 0 turns aging off for that stage
//! technical_interview = 5
//! ```

use crate::domain::{AgingPolicy, Stage};
use std::path::PathBuf;

/// `$HIRETERM_CONFIG_DIR`, else the config directory
/// (`~/.config/hireterm` on Linux).
pub fn config_dir() -> Option<PathBuf> {
    std::env::var_os("HIRETERM_CONFIG_DIR")
        .map(PathBuf::from)
        .or_else(|| {
            directories::ProjectDirs::from("", "", "hireterm").map(|d| d.config_dir().to_path_buf())
        })
}

/// The aging thresholds, from `config.toml` over the defaults. A bad file
/// gives the defaults and a message saying what is wrong with it.
pub fn load_aging() -> (AgingPolicy, Option<String>) {
    let Some(path) = config_dir()
        .map(|d| d.join("config.toml"))
        .filter(|p| p.exists())
    else {
        return (AgingPolicy::default(), None);
    };
    let parsed = std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|text| parse_aging(&text));
    match parsed {
        Ok(policy) => (policy, None),
        Err(error) => {
            let message = format!(
                "{}: {error}; using the default aging thresholds",
                path.display()
            );
            (AgingPolicy::default(), Some(message))
        }
    }
}

fn stage_key(stage: Stage) -> String {
    stage.label().to_lowercase().replace(' ', "_")
}

pub fn parse_aging(text: &str) -> Result<AgingPolicy, String> {
    let table: toml::Table = toml::from_str(text).map_err(|e| e.message().to_string())?;
    let mut policy = AgingPolicy::default();
    let Some(aging) = table.get("aging") else {
        return Ok(policy);
    };
    let aging = aging.as_table().ok_or("[aging] must be a table")?;
    for (key, value) in aging {
        let stage = Stage::PIPELINE
            .into_iter()
            .find(|s| stage_key(*s) == *key)
            .ok_or_else(|| format!("[aging] has no stage `{key}`"))?;
        let days = value
            .as_integer()
            .filter(|d| (0..=365).contains(d))
            .ok_or_else(|| format!("[aging] {key} must be a number of days from 0 to 365"))?;
        policy.set(stage, (days > 0).then_some(days));
    }
    Ok(policy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aging_thresholds_override_the_defaults() {
        let policy = parse_aging("[aging]\nscreening = 4\noffer = 0\n").unwrap();
        assert_eq!(policy.threshold(Stage::Screening), Some(4));
        assert_eq!(policy.threshold(Stage::Offer), None);
        assert_eq!(policy.threshold(Stage::TechnicalInterview), Some(5));
        assert!(
            parse_aging("[aging]\ninterview = 3")
                .unwrap_err()
                .contains("no stage `interview`")
        );
        assert!(
            parse_aging("[aging]\nscreening = -1")
                .unwrap_err()
                .contains("0 to 365")
        );
    }
}
