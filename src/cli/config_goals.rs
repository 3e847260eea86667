//! The `[goals]` section of config.toml: the team's monthly goal and each
//! recruiter's override (`[goals.NAME]`), read into `domain::Goals`.
//!
//! ```toml
//! [goals]              # a month's goal for each recruiter
//! submittals = 20      # client submittals
//! interviews = 6       # client interviews requested
//! placements = 2
//!
//! [goals.ana]          # Ana's own (what is left out is the team's)
//! placements = 3
//! ```

use crate::domain::text::clean_line;
use crate::domain::{GoalOverride, Goals};
use toml::{Table, Value};

/// Most a monthly goal may be: more is a typo.
const MAX_GOAL: i64 = 10_000;

/// The `[goals]` table over the defaults; a mistake is named.
pub fn parse_goals(section: &Table) -> Result<Goals, String> {
    let mut goals = Goals::default();
    let mut team = GoalOverride::default();
    for (key, value) in section {
        match value.as_table() {
            Some(own) => {
                let name = clean_line(key);
                if name.trim().is_empty() {
                    return Err("[goals] has a recruiter with no name".into());
                }
                goals.set_override(&name, parse_goal(own, &format!("[goals.{name}]"))?);
            }
            None => set_figure(&mut team, key, value, "[goals]")?,
        }
    }
    goals.team.submittals = team.submittals.unwrap_or(goals.team.submittals);
    goals.team.interviews = team.interviews.unwrap_or(goals.team.interviews);
    goals.team.placements = team.placements.unwrap_or(goals.team.placements);
    Ok(goals)
}

fn parse_goal(table: &Table, section: &str) -> Result<GoalOverride, String> {
    let mut goal = GoalOverride::default();
    for (key, value) in table {
        set_figure(&mut goal, key, value, section)?;
    }
    Ok(goal)
}

fn set_figure(
    goal: &mut GoalOverride,
    key: &str,
    value: &Value,
    section: &str,
) -> Result<(), String> {
    let slot = match key {
        "submittals" => &mut goal.submittals,
        "interviews" => &mut goal.interviews,
        "placements" => &mut goal.placements,
        _ => {
            return Err(format!(
                "{section} has no `{}`: submittals, interviews or placements",
                clean_line(key)
            ));
        }
    };
    let figure = value
        .as_integer()
        .filter(|n| (0..=MAX_GOAL).contains(n))
        .ok_or_else(|| format!("{section} {key} must be a whole number from 0 to {MAX_GOAL}"))?;
    *slot = Some(figure as u32);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn goals(text: &str) -> Result<Goals, String> {
        let table: Table = toml::from_str(text).map_err(|e| e.to_string())?;
        let section = table.get("goals").and_then(Value::as_table);
        parse_goals(section.ok_or("no [goals]")?)
    }

    #[test]
    fn the_team_goal_and_an_override_read_in_any_order() {
        let read = goals("[goals.ana]\nplacements = 3\n[goals]\nsubmittals = 25\n").unwrap();
        assert_eq!(read.team.submittals, 25);
        assert_eq!(read.team.interviews, 6, "the default stays");
        let ana = read.for_recruiter("Ana");
        assert_eq!((ana.submittals, ana.placements), (25, 3));
    }

    #[test]
    fn mistakes_are_named() {
        let error = |text: &str| goals(text).unwrap_err();
        assert_eq!(
            error("[goals]\nsubmitals = 3"),
            "[goals] has no `submitals`: submittals, interviews or placements"
        );
        assert_eq!(
            error("[goals]\nplacements = -1"),
            "[goals] placements must be a whole number from 0 to 10000"
        );
        assert_eq!(
            error("[goals.bo]\ninterviews = \"six\""),
            "[goals.bo] interviews must be a whole number from 0 to 10000"
        );
    }
}
