//! `[retention]` in config.toml: when `hireterm retention` erases a
//! person, and how soon before a consent ends the app warns of it.
//!
//! ```toml
//! [retention]
//! erase_after_inactive_days = 1095   # no activity about them for three years
//! erase_after_rejected_days = 365    # every application ended a year ago, nothing since
//! consent_warning_days = 30          # consents ending this soon show in Attention (0: never)
//! ```
//!
//! Each rule is off while its key is absent; with neither, nothing is
//! selected. A rule of 0 days would erase everyone at once, so the days
//! run from 1 to [`MAX_RULE_DAYS`].

use crate::domain::retention::{MAX_RULE_DAYS, RetentionRules};
use toml::{Table, Value};

/// The longest warning: a year ahead is as far as anyone plans a call.
const MAX_WARNING_DAYS: i64 = 365;

pub fn parse_retention(section: &Table) -> Result<RetentionRules, String> {
    let mut rules = RetentionRules::default();
    for (key, value) in section {
        let what = format!("[retention] {key}");
        match key.as_str() {
            "erase_after_inactive_days" => rules.inactive_days = Some(rule_days(value, &what)?),
            "erase_after_rejected_days" => rules.rejected_days = Some(rule_days(value, &what)?),
            "consent_warning_days" => {
                rules.consent_warning_days = days(value, 0, MAX_WARNING_DAYS, &what)?
            }
            _ => {
                return Err(format!(
                    "[retention] has no `{}`: erase_after_inactive_days, \
                     erase_after_rejected_days or consent_warning_days",
                    crate::domain::text::clean_line(key)
                ));
            }
        }
    }
    Ok(rules)
}

fn rule_days(value: &Value, what: &str) -> Result<u32, String> {
    days(value, 1, i64::from(MAX_RULE_DAYS), what)
}

fn days(value: &Value, min: i64, max: i64, what: &str) -> Result<u32, String> {
    value
        .as_integer()
        .filter(|n| (min..=max).contains(n))
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| format!("{what} must be a whole number of days from {min} to {max}"))
}

#[cfg(test)]
mod tests {
    use super::super::config::parse_policy;

    #[test]
    fn the_rules_read_and_each_is_off_until_set() {
        let text = "[retention]\nerase_after_inactive_days = 1095\nconsent_warning_days = 14\n";
        let rules = parse_policy(text).map(|p| p.retention).unwrap_or_default();
        assert_eq!(rules.inactive_days, Some(1095));
        assert_eq!(rules.rejected_days, None);
        assert_eq!(rules.consent_warning_days, 14);
        let none = parse_policy("").map(|p| p.retention).unwrap_or_default();
        assert!(!none.any() && none.consent_warning_days == 30);
    }

    #[test]
    fn bad_values_are_named() {
        let error = |text: &str| parse_policy(text).err().unwrap_or_default();
        let rule =
            "[retention] erase_after_inactive_days must be a whole number of days from 1 to 36500";
        assert_eq!(error("[retention]\nerase_after_inactive_days = 0"), rule);
        assert_eq!(error("[retention]\nerase_after_inactive_days = -5"), rule);
        assert_eq!(
            error("[retention]\nerase_after_inactive_days = 36501"),
            rule
        );
        assert_eq!(
            error("[retention]\nerase_after_inactive_days = \"3y\""),
            rule
        );
        assert_eq!(error("[retention]\nerase_after_inactive_days = 2.5"), rule);
        assert!(error("[retention]\nerase_after_rejected_days = 0").contains("from 1 to 36500"));
        assert!(error("[retention]\nconsent_warning_days = 400").contains("from 0 to 365"));
        assert!(
            error("[retention]\nerase_after_days = 3")
                .starts_with("[retention] has no `erase_after_days`")
        );
        assert_eq!(error("retention = 3"), "[retention] must be a table");
    }
}
