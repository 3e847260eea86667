//! Scorecards: `c` on a card in an interview stage opens the form; saving
//! stamps it with the author and time and appends it to the application.

use crate::app::App;
use crate::app::overlay::Overlay;
use crate::app::pipeline::CardRef;
use crate::app::prompt::scorecard::{ScorecardDraft, ScorecardForm};
use crate::domain::{Scorecard, Stage};

impl App {
    pub(in crate::app) fn open_scorecard(&mut self, card: CardRef) {
        let Some(engagement) = self.engagement() else {
            return;
        };
        if !matches!(
            card.stage,
            Stage::TechnicalInterview | Stage::ClientInterview
        ) {
            return self.complain("scorecards are for cards in an interview stage");
        }
        let skills = engagement.requirements.iter().map(|r| r.skill.clone());
        let form = ScorecardForm::new(
            (engagement.id, card.candidate),
            card.name,
            card.stage,
            skills.collect(),
        );
        self.overlay = Some(Overlay::Scorecard(form));
    }

    pub(in crate::app) fn save_scorecard(&mut self, draft: ScorecardDraft) {
        let by = self.writer();
        let scorecard = Scorecard {
            stage: draft.stage,
            author: by.stamp.actor.clone(),
            at: by.stamp.at,
            ratings: draft.ratings,
            recommendation: draft.recommendation,
            notes: draft.notes,
        };
        match self
            .records
            .add_scorecard(&by, draft.engagement, draft.candidate, scorecard)
        {
            Ok((_, snapshot)) => {
                self.overlay = None;
                self.adopt(snapshot);
                let verdict = draft.recommendation.label();
                self.say(format!("scorecard saved for {}: {verdict}", draft.name));
            }
            Err(error) => self.complain(error.to_string()),
        }
    }
}
