//! The scorecard form: an interviewer rates each required skill 1-4,
//! recommends, and writes notes, for a card in an interview stage.

use super::outcome::Outcome;
use crate::app::action::Action;
use crate::app::text::TextInput;
use crate::domain::{CandidateId, EngagementId, Recommendation, SkillId, Stage};

const MAX_NOTES: usize = 2000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScorecardForm {
    pub engagement: EngagementId,
    pub candidate: CandidateId,
    pub name: String,
    pub stage: Stage,
    /// The engagement's required skills and their ratings (0: not rated).
    pub ratings: Vec<(SkillId, u8)>,
    pub recommendation: Option<Recommendation>,
    pub notes: TextInput,
    /// The row being edited: a skill, then the recommendation, then notes.
    pub row: usize,
}

/// What a saved scorecard holds, before the app stamps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScorecardDraft {
    pub engagement: EngagementId,
    pub candidate: CandidateId,
    pub name: String,
    pub stage: Stage,
    pub ratings: Vec<(SkillId, u8)>,
    pub recommendation: Recommendation,
    pub notes: String,
}

impl ScorecardForm {
    pub fn new(
        (engagement, candidate): (EngagementId, CandidateId),
        name: String,
        stage: Stage,
        skills: Vec<SkillId>,
    ) -> ScorecardForm {
        ScorecardForm {
            engagement,
            candidate,
            name,
            stage,
            ratings: skills.into_iter().map(|s| (s, 0)).collect(),
            recommendation: None,
            notes: TextInput::limited(MAX_NOTES),
            row: 0,
        }
    }

    pub fn recommendation_row(&self) -> usize {
        self.ratings.len()
    }

    pub fn notes_row(&self) -> usize {
        self.ratings.len() + 1
    }

    /// Up and down pick a row; on a rating or the recommendation, 1-4 (or
    /// left and right) set it; on the notes row, text edits the notes.
    pub fn handle(&mut self, action: Action) -> Outcome<ScorecardDraft> {
        let last = self.notes_row();
        match action {
            Action::Cancel => return Outcome::Close,
            Action::Confirm => return self.draft(),
            Action::Up => self.row = self.row.saturating_sub(1),
            Action::Down => self.row = (self.row + 1).min(last),
            edit if self.row == last => {
                self.notes.apply(edit);
            }
            Action::Insert(c @ '1'..='4') => self.set_value(c as u8 - b'0'),
            Action::CursorLeft => self.step_value(-1),
            Action::CursorRight => self.step_value(1),
            _ => {}
        }
        Outcome::Stay
    }

    fn draft(&self) -> Outcome<ScorecardDraft> {
        let Some(recommendation) = self.recommendation else {
            return Outcome::Refuse("choose a recommendation before saving".into());
        };
        Outcome::Submit(ScorecardDraft {
            engagement: self.engagement,
            candidate: self.candidate,
            name: self.name.clone(),
            stage: self.stage,
            ratings: self
                .ratings
                .iter()
                .filter(|(_, r)| *r > 0)
                .cloned()
                .collect(),
            recommendation,
            notes: self.notes.value(),
        })
    }

    /// Sets the rating of the skill row, or picks the recommendation (1 =
    /// strong no ... 4 = strong yes).
    fn set_value(&mut self, value: u8) {
        if self.row < self.ratings.len() {
            self.ratings[self.row].1 = value;
        } else if self.row == self.recommendation_row() {
            self.recommendation = Recommendation::ALL.get(usize::from(value) - 1).copied();
        }
    }

    fn step_value(&mut self, step: i8) {
        let current = if self.row < self.ratings.len() {
            self.ratings[self.row].1
        } else {
            self.recommendation
                .and_then(|r| Recommendation::ALL.iter().position(|x| *x == r))
                .map_or(0, |i| i as u8 + 1)
        };
        let next = (current as i8 + step).clamp(1, 4) as u8;
        self.set_value(next);
    }
}
