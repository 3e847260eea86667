//! Scorecards: an interviewer's assessment at an interview stage.

use super::pipeline::Stage;
use super::skill::SkillId;
use super::time::{self, Timestamp};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scorecard {
    pub stage: Stage,
    pub author: String,
    #[serde(with = "time::millis")]
    pub at: Timestamp,
    /// A rating from 1 (weak) to 4 (strong) per assessed skill.
    pub ratings: Vec<(SkillId, u8)>,
    pub recommendation: Recommendation,
    pub notes: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Recommendation {
    StrongNo,
    No,
    Yes,
    StrongYes,
}

impl Recommendation {
    pub fn label(self) -> &'static str {
        match self {
            Recommendation::StrongNo => "strong no",
            Recommendation::No => "no",
            Recommendation::Yes => "yes",
            Recommendation::StrongYes => "strong yes",
        }
    }
}
