//! The scorecard form: an interviewer rates each required skill 1-4,
//! recommends, and writes notes, for a card in an interview stage.

use super::overlay::Overlay;
use super::{App, Key, KeyCode};
use crate::domain::{CandidateId, EngagementId, Recommendation, Scorecard, SkillId, Stage, text};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScorecardForm {
    pub engagement: EngagementId,
    pub candidate: CandidateId,
    pub name: String,
    pub stage: Stage,
    /// The engagement's required skills and their ratings (0: not rated).
    pub ratings: Vec<(SkillId, u8)>,
    pub recommendation: Option<Recommendation>,
    pub notes: String,
    /// The row being edited: a skill, then the recommendation, then notes.
    pub row: usize,
}

impl ScorecardForm {
    pub fn recommendation_row(&self) -> usize {
        self.ratings.len()
    }

    pub fn notes_row(&self) -> usize {
        self.ratings.len() + 1
    }
}

const MAX_NOTES: usize = 2000;

impl App {
    pub(super) fn open_scorecard(&mut self, candidate: CandidateId, name: String, stage: Stage) {
        let Some(engagement) = self.engagement() else {
            return;
        };
        if !matches!(stage, Stage::TechnicalInterview | Stage::ClientInterview) {
            return self.complain("scorecards are for cards in an interview stage");
        }
        let ratings = engagement
            .requirements
            .iter()
            .map(|r| (r.skill.clone(), 0))
            .collect();
        self.overlay = Some(Overlay::Scorecard(ScorecardForm {
            engagement: engagement.id,
            candidate,
            name,
            stage,
            ratings,
            recommendation: None,
            notes: String::new(),
            row: 0,
        }));
    }

    /// Up/Down pick a row; 1-4 (or Left/Right) rate a skill or choose the
    /// recommendation; typing on the notes row writes; Enter saves; Esc
    /// cancels.
    pub(super) fn scorecard_key(&mut self, key: Key) {
        let Some(Overlay::Scorecard(form)) = &mut self.overlay else {
            return;
        };
        let last = form.notes_row();
        let on_notes = form.row == last;
        match key.code {
            KeyCode::Esc => {
                self.overlay = None;
                self.say("scorecard discarded");
            }
            KeyCode::Enter => self.save_scorecard(),
            KeyCode::Up | KeyCode::BackTab => form.row = form.row.saturating_sub(1),
            KeyCode::Down | KeyCode::Tab => form.row = (form.row + 1).min(last),
            KeyCode::Backspace if on_notes => {
                form.notes.pop();
            }
            KeyCode::Char(c)
                if on_notes && !key.mods.ctrl && form.notes.chars().count() < MAX_NOTES =>
            {
                form.notes.push_str(&text::clean(&c.to_string(), false));
            }
            KeyCode::Char(c @ '1'..='4') => set_value(form, c as u8 - b'0'),
            KeyCode::Left => step_value(form, -1),
            KeyCode::Right => step_value(form, 1),
            _ => {}
        }
    }

    fn save_scorecard(&mut self) {
        let Some(Overlay::Scorecard(form)) = &self.overlay else {
            return;
        };
        let Some(recommendation) = form.recommendation else {
            return self.complain("choose a recommendation before saving");
        };
        let stamp = self.stamp();
        let scorecard = Scorecard {
            stage: form.stage,
            author: stamp.actor.clone(),
            at: stamp.at,
            ratings: form
                .ratings
                .iter()
                .filter(|(_, r)| *r > 0)
                .cloned()
                .collect(),
            recommendation,
            notes: text::clean_line(&form.notes),
        };
        let (engagement, candidate, name) = (form.engagement, form.candidate, form.name.clone());
        match self
            .store
            .add_scorecard(engagement, candidate, scorecard, &stamp)
        {
            Ok(application) => {
                self.overlay = None;
                self.write_data(|data| data.put_application(application));
                self.after_pipeline_change();
                self.say(format!(
                    "scorecard saved for {name}: {}",
                    recommendation.label()
                ));
            }
            Err(error) => self.complain(error.to_string()),
        }
    }
}

/// Sets the rating of the skill row, or picks the recommendation (1 =
/// strong no ... 4 = strong yes).
fn set_value(form: &mut ScorecardForm, value: u8) {
    if form.row < form.ratings.len() {
        form.ratings[form.row].1 = value;
    } else if form.row == form.recommendation_row() {
        form.recommendation = Recommendation::ALL.get(usize::from(value) - 1).copied();
    }
}

fn step_value(form: &mut ScorecardForm, step: i8) {
    let current = if form.row < form.ratings.len() {
        form.ratings[form.row].1
    } else {
        form.recommendation.map_or(0, |r| {
            Recommendation::ALL
                .iter()
                .position(|x| *x == r)
                .unwrap_or(0) as u8
                + 1
        })
    };
    let next = (current as i8 + step).clamp(1, 4) as u8;
    set_value(form, next);
}
