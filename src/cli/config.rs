//! `config.toml` in the config directory: the rules a team tunes.
//!
//! ```toml
//! [aging]              # days in a stage before a card needs attention
//! screening = 2        # 0 turns aging off for that stage
//! technical_interview = 5
//!
//! [promise]            # the first candidates reach the client within...
//! count = 3            # ...this many distinct candidates submitted
//! hours = 48           # ...within this many hours of opening
//! skip_weekends = true # Saturdays and Sundays do not count
//!
//! [submittals]
//! answer_days = 3      # a client answer outstanding this long needs attention (0: never)
//! resubmit_days = 90   # sending the same person to the same client again asks first
//!
//! [placements]
//! ending_days = 30     # placements ending this soon need attention
//!
//! [money]
//! burden_percent = 0   # the agency's costs, as a share of pay
//! margin_floor_percent = 20  # a gross margin below this is flagged
//!
//! [backups]
//! keep = 10            # backups taken with ctrl-b to keep (0: all)
//!
//! [currency]           # no rates are fetched: margins across currencies use these
//! base = "USD"
//! rates = { EUR = 1.08, GBP = 1.27 }   # 1 EUR is worth 1.08 USD
//!
//! [goals]              # a recruiter's month: see `config_goals.rs`
//! submittals = 20
//!
//! [terminal]           # see `config_terminal.rs`
//! clipboard = true     # y copies with OSC 52
//!
//! [retention]          # see `config_retention.rs`
//! erase_after_inactive_days = 1095
//! ```
//!
//! Saved views (`[[views]]`) are in the same file, read by `views.rs`; the
//! local user's role (`[access]`) by `config_access.rs`.

use crate::domain::{Fx, Policy, Stage};
use std::path::PathBuf;
use toml::{Table, Value};

/// `$HIRETERM_CONFIG_DIR`, else the config directory
/// (`~/.config/hireterm` on Linux).
pub fn config_dir() -> Option<PathBuf> {
    std::env::var_os("HIRETERM_CONFIG_DIR")
        .map(PathBuf::from)
        .or_else(|| {
            directories::ProjectDirs::from("", "", "hireterm").map(|d| d.config_dir().to_path_buf())
        })
}

/// `config.toml` in the config directory.
pub fn config_path() -> Option<PathBuf> {
    config_dir().map(|dir| dir.join("config.toml"))
}

/// The rules from `config.toml` over the defaults. A bad file gives the
/// defaults and a message saying what is wrong with it.
pub fn load_policy() -> (Policy, Option<String>) {
    let Some(path) = config_path().filter(|p| p.exists()) else {
        return (Policy::default(), None);
    };
    let parsed = std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|text| parse_policy(&text));
    match parsed {
        Ok(policy) => (policy, None),
        Err(error) => {
            let message = format!("{}: {error}; using the default settings", path.display());
            (Policy::default(), Some(message))
        }
    }
}

fn stage_key(stage: Stage) -> String {
    stage.label().to_lowercase().replace(' ', "_")
}

/// Every section of the file over the defaults; an unknown section or key
/// is an error naming it, so that a typo is not silently ignored.
pub fn parse_policy(text: &str) -> Result<Policy, String> {
    let table: Table = toml::from_str(text).map_err(|e| e.message().to_string())?;
    let mut policy = Policy::default();
    for (name, value) in &table {
        if name == "views" || name == "access" {
            continue; // saved views: `views.rs`; the role: `config_access.rs`
        }
        let section = value
            .as_table()
            .ok_or_else(|| format!("[{name}] must be a table"))?;
        match name.as_str() {
            "aging" => parse_aging(section, &mut policy)?,
            "promise" => parse_promise(section, &mut policy)?,
            "submittals" => parse_submittals(section, &mut policy)?,
            "placements" => parse_placements(section, &mut policy)?,
            "money" => parse_money(section, &mut policy)?,
            "backups" => parse_backups(section, &mut policy)?,
            "currency" => policy.money.fx = parse_currency(section)?,
            "goals" => policy.goals = super::config_goals::parse_goals(section)?,
            "terminal" => policy.terminal = super::config_terminal::parse_terminal(section)?,
            "retention" => policy.retention = super::config_retention::parse_retention(section)?,
            other => return Err(format!("unknown section [{other}]")),
        }
    }
    Ok(policy)
}

fn parse_aging(section: &Table, policy: &mut Policy) -> Result<(), String> {
    for (key, value) in section {
        let stage = Stage::PIPELINE
            .into_iter()
            .find(|s| stage_key(*s) == *key)
            .ok_or_else(|| format!("[aging] has no stage `{key}`"))?;
        let days = whole(value, 0, 365, &format!("[aging] {key}"))?;
        policy.aging.set(stage, (days > 0).then_some(days));
    }
    Ok(())
}

fn parse_promise(section: &Table, policy: &mut Policy) -> Result<(), String> {
    for (key, value) in section {
        let what = format!("[promise] {key}");
        match key.as_str() {
            "count" => policy.promise.count = whole(value, 1, 100, &what)? as usize,
            "hours" => policy.promise.hours = whole(value, 1, 24 * 90, &what)?,
            "skip_weekends" => policy.promise.skip_weekends = flag(value, &what)?,
            _ => return Err(format!("[promise] has no `{key}`")),
        }
    }
    Ok(())
}

fn parse_submittals(section: &Table, policy: &mut Policy) -> Result<(), String> {
    for (key, value) in section {
        let what = format!("[submittals] {key}");
        match key.as_str() {
            "answer_days" => policy.answer_days = whole(value, 0, 365, &what)?,
            "resubmit_days" => policy.resubmit_days = whole(value, 0, 3650, &what)?,
            _ => return Err(format!("[submittals] has no `{key}`")),
        }
    }
    Ok(())
}

fn parse_placements(section: &Table, policy: &mut Policy) -> Result<(), String> {
    for (key, value) in section {
        match key.as_str() {
            "ending_days" => policy.ending_days = whole(value, 0, 365, "[placements] ending_days")?,
            _ => return Err(format!("[placements] has no `{key}`")),
        }
    }
    Ok(())
}

fn parse_money(section: &Table, policy: &mut Policy) -> Result<(), String> {
    for (key, value) in section {
        let what = format!("[money] {key}");
        match key.as_str() {
            "burden_percent" => policy.money.burden_percent = percent(value, &what)?,
            "margin_floor_percent" => policy.money.floor_percent = percent(value, &what)?,
            _ => return Err(format!("[money] has no `{key}`")),
        }
    }
    Ok(())
}

fn parse_backups(section: &Table, policy: &mut Policy) -> Result<(), String> {
    for (key, value) in section {
        match key.as_str() {
            "keep" => policy.backups_keep = whole(value, 0, 10_000, "[backups] keep")? as usize,
            _ => return Err(format!("[backups] has no `{key}`")),
        }
    }
    Ok(())
}

fn parse_currency(section: &Table) -> Result<Fx, String> {
    let mut base = "USD".to_string();
    let mut rates = Vec::new();
    for (key, value) in section {
        match key.as_str() {
            "base" => {
                base = value
                    .as_str()
                    .ok_or("[currency] base must be a code like \"USD\"")?
                    .to_string()
            }
            "rates" => {
                let table = value
                    .as_table()
                    .ok_or("[currency] rates must be a table like { EUR = 1.08 }")?;
                for (code, rate) in table {
                    let what = format!("[currency] rates.{code}");
                    rates.push((code.clone(), number(rate, &what)?));
                }
            }
            _ => return Err(format!("[currency] has no `{key}`")),
        }
    }
    Fx::new(&base, rates).map_err(|e| format!("[currency]: {e}"))
}

fn whole(value: &Value, min: i64, max: i64, what: &str) -> Result<i64, String> {
    value
        .as_integer()
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| format!("{what} must be a whole number from {min} to {max}"))
}

fn number(value: &Value, what: &str) -> Result<f64, String> {
    value
        .as_float()
        .or_else(|| value.as_integer().map(|n| n as f64))
        .ok_or_else(|| format!("{what} must be a number"))
}

fn percent(value: &Value, what: &str) -> Result<f64, String> {
    let n = number(value, what)?;
    (0.0..=100.0)
        .contains(&n)
        .then_some(n)
        .ok_or_else(|| format!("{what} must be from 0 to 100"))
}

fn flag(value: &Value, what: &str) -> Result<bool, String> {
    value
        .as_bool()
        .ok_or_else(|| format!("{what} must be true or false"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aging_thresholds_override_the_defaults() {
        let policy = parse_policy("[aging]\nscreening = 4\noffer = 0\n").unwrap();
        assert_eq!(policy.aging.threshold(Stage::Screening), Some(4));
        assert_eq!(policy.aging.threshold(Stage::Offer), None);
        assert_eq!(policy.aging.threshold(Stage::TechnicalInterview), Some(5));
        let error = |text: &str| parse_policy(text).unwrap_err();
        assert!(error("[aging]\ninterview = 3").contains("no stage `interview`"));
        assert!(error("[aging]\nscreening = -1").contains("0 to 365"));
    }

    #[test]
    fn every_section_reads_and_mistakes_are_named() {
        let text = "[promise]\ncount = 2\nhours = 24\nskip_weekends = false\n\
                    [submittals]\nanswer_days = 5\nresubmit_days = 30\n\
                    [placements]\nending_days = 14\n\
                    [money]\nburden_percent = 12.5\nmargin_floor_percent = 25\n\
                    [backups]\nkeep = 3\n\
                    [currency]\nbase = \"EUR\"\nrates = { USD = 0.9 }\n";
        let policy = parse_policy(text).unwrap();
        assert_eq!((policy.promise.count, policy.promise.hours), (2, 24));
        assert!(!policy.promise.skip_weekends);
        assert_eq!(
            (policy.answer_days, policy.resubmit_days, policy.ending_days),
            (5, 30, 14)
        );
        assert_eq!(
            (policy.money.burden_percent, policy.money.floor_percent),
            (12.5, 25.0)
        );
        assert_eq!(policy.backups_keep, 3);
        assert_eq!(policy.money.fx.base(), "EUR");
        assert_eq!(policy.money.fx.convert(10.0, "USD", "EUR").unwrap(), 9.0);
        let error = |text: &str| parse_policy(text).unwrap_err();
        assert!(error("[promis]\ncount = 2").contains("unknown section [promis]"));
        assert!(error("[promise]\ncount = 0").contains("1 to 100"));
        assert!(error("[money]\nburden_percent = 120").contains("0 to 100"));
        assert!(error("[currency]\nrates = { EUR = -1 }").contains("positive"));
        assert!(error("[submittals]\nanswer = 3").contains("no `answer`"));
        assert!(error("[backups]\nkeep = -1").contains("0 to 10000"));
        assert!(error("[backups]\ncount = 3").contains("no `count`"));
    }
}
