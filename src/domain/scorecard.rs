//! Scorecards: an interviewer's assessment at an interview stage.

use super::skill::SkillId;
use super::stage::Stage;
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

impl Scorecard {
    /// Every problem that makes this scorecard unfit to store.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if !matches!(
            self.stage,
            Stage::TechnicalInterview | Stage::ClientInterview
        ) {
            problems.push(format!(
                "scorecards are for interview stages, not {}",
                self.stage
            ));
        }
        for (skill, rating) in &self.ratings {
            if !(1..=4).contains(rating) {
                problems.push(format!("rating {rating} for {skill} is not from 1 to 4"));
            }
        }
        if self.notes.chars().count() > super::note::MAX_NOTE_CHARS {
            problems.push("the notes are too long".into());
        }
        problems
    }

    /// The 0-5 level an interviewer's 1-4 rating stands for, so that it is
    /// judged against a requirement on the requirement's own scale: the
    /// four steps spread over 1 to 5 (1 weak → 1, 2 fair → 2, 3 good → 4,
    /// 4 strong → 5); 0 (not rated) stays 0.
    pub fn rating_as_level(rating: u8) -> u8 {
        const AS_LEVEL: [u8; 5] = [0, 1, 2, 4, 5];
        AS_LEVEL[usize::from(rating.min(4))]
    }

    /// The latest rating of each skill over several scorecards.
    pub fn assessed(cards: &[Scorecard]) -> Vec<(SkillId, u8)> {
        let mut latest: Vec<(SkillId, u8)> = Vec::new();
        for card in cards {
            for (skill, rating) in &card.ratings {
                match latest.iter_mut().find(|(s, _)| s == skill) {
                    Some(slot) => slot.1 = *rating,
                    None => latest.push((skill.clone(), *rating)),
                }
            }
        }
        latest
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Recommendation {
    StrongNo,
    No,
    Yes,
    StrongYes,
}

impl Recommendation {
    pub const ALL: [Recommendation; 4] = [
        Recommendation::StrongNo,
        Recommendation::No,
        Recommendation::Yes,
        Recommendation::StrongYes,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Recommendation::StrongNo => "strong no",
            Recommendation::No => "no",
            Recommendation::Yes => "yes",
            Recommendation::StrongYes => "strong yes",
        }
    }
}
