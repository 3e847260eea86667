//! Recruiters' monthly goals (`[goals]` in config.toml): how many client
//! submittals, client interviews and placements a recruiter aims at in a
//! calendar month, the team's goal with per-recruiter overrides, and how
//! far a count is from its goal.

/// What one recruiter aims at in a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Goal {
    pub submittals: u32,
    pub interviews: u32,
    pub placements: u32,
}

impl Default for Goal {
    /// 20 submittals, 6 client interviews, 2 placements a month: the
    /// usual 3–5 submittals per interview and about 3 interviews per
    /// placement.
    fn default() -> Self {
        Goal {
            submittals: 20,
            interviews: 6,
            placements: 2,
        }
    }
}

/// A recruiter's own goal where it differs from the team's: each figure
/// left out is the team's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoalOverride {
    pub submittals: Option<u32>,
    pub interviews: Option<u32>,
    pub placements: Option<u32>,
}

/// The team's goal and each recruiter's override, by name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Goals {
    pub team: Goal,
    /// Keyed by [`recruiter_key`] (trimmed, lower case).
    overrides: Vec<(String, GoalOverride)>,
}

/// How a recruiter's name is compared: whatever the case, as an
/// engagement's owner is (`ANA` is `ana`).
pub fn recruiter_key(name: &str) -> String {
    name.trim().to_lowercase()
}

impl Goals {
    /// Sets `name`'s override (replacing an earlier one).
    pub fn set_override(&mut self, name: &str, goal: GoalOverride) {
        let key = recruiter_key(name);
        self.overrides.retain(|(k, _)| *k != key);
        self.overrides.push((key, goal));
    }

    /// The goal of the recruiter called `name`: their override over the
    /// team's.
    pub fn for_recruiter(&self, name: &str) -> Goal {
        let key = recruiter_key(name);
        let Some((_, own)) = self.overrides.iter().find(|(k, _)| *k == key) else {
            return self.team;
        };
        Goal {
            submittals: own.submittals.unwrap_or(self.team.submittals),
            interviews: own.interviews.unwrap_or(self.team.interviews),
            placements: own.placements.unwrap_or(self.team.placements),
        }
    }
}

/// Where a count stands against its goal: below half, half to the goal,
/// at or above it. The glyph carries the meaning without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Pace {
    /// Below half the goal: `‼` (red).
    Behind,
    /// Half the goal or more, below it: `!` (yellow).
    Near,
    /// At or above the goal (or no goal): `✓` (green).
    Met,
}

impl Pace {
    /// `count` against `goal` (a goal of 0 is always met).
    pub fn of(count: f64, goal: f64) -> Pace {
        if count >= goal {
            Pace::Met
        } else if count * 2.0 >= goal {
            Pace::Near
        } else {
            Pace::Behind
        }
    }

    pub fn glyph(self) -> &'static str {
        match self {
            Pace::Behind => "‼",
            Pace::Near => "!",
            Pace::Met => "✓",
        }
    }

    /// `behind`, `near`, `met`: the word JSON and CSV carry.
    pub fn word(self) -> &'static str {
        match self {
            Pace::Behind => "behind",
            Pace::Near => "near",
            Pace::Met => "met",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_override_changes_only_what_it_names_whatever_the_case() {
        let mut goals = Goals::default();
        let own = GoalOverride {
            placements: Some(3),
            ..GoalOverride::default()
        };
        goals.set_override(" Ana ", own);
        let ana = goals.for_recruiter("ANA");
        assert_eq!((ana.submittals, ana.interviews, ana.placements), (20, 6, 3));
        assert_eq!(goals.for_recruiter("bo"), Goal::default());
    }

    #[test]
    fn below_half_is_behind_half_is_near_the_goal_is_met() {
        assert_eq!(Pace::of(9.0, 20.0), Pace::Behind);
        assert_eq!(Pace::of(10.0, 20.0), Pace::Near);
        assert_eq!(Pace::of(19.0, 20.0), Pace::Near);
        assert_eq!(Pace::of(20.0, 20.0), Pace::Met);
        assert_eq!(Pace::of(0.0, 0.0), Pace::Met, "nothing asked");
        assert_eq!(
            [Pace::Behind, Pace::Near, Pace::Met].map(Pace::glyph),
            ["‼", "!", "✓"]
        );
    }
}
