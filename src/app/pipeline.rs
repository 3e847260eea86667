//! The pipeline pane: one engagement's board, a column per stage and a
//! card per candidate, and the cursor over it.

use super::list::{ListCursor, Motion};
use super::records::data::Data;
use crate::domain::time::days_between;
use crate::domain::{
    Application, Candidate, Engagement, EngagementId, MatchScore, Stage, Timestamp, match_score,
};

/// The board's columns: the pipeline stages. Exits leave the board.
pub const COLUMNS: [Stage; 6] = Stage::PIPELINE;

/// Below this many columns the board becomes a list grouped by stage.
pub const BOARD_MIN_WIDTH: u16 = 100;

/// One candidate on the board.
#[derive(Debug, Clone)]
pub struct Card<'a> {
    pub application: &'a Application,
    pub candidate: &'a Candidate,
    pub days_in_stage: i64,
    pub score: MatchScore,
    pub facts: CardFacts,
}

/// A card by position: its application's index in the engagement's
/// pipeline and its candidate's in the records, with what was worked out
/// for it. The board is kept as these between changes (see `views.rs`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Slot {
    pub application: u32,
    pub candidate: u32,
    pub days_in_stage: i64,
    pub score: MatchScore,
    pub facts: CardFacts,
}

/// Where a card's latest submittal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sent {
    Waiting,
    Interview,
    Rejected,
    OnHold,
}

impl Sent {
    /// `◆?` waiting, `◆✓` interview, `◆✗` rejected, `◆…` on hold.
    pub fn glyph(self) -> &'static str {
        match self {
            Sent::Waiting => "◆?",
            Sent::Interview => "◆✓",
            Sent::Rejected => "◆✗",
            Sent::OnHold => "◆…",
        }
    }
}

/// What a card shows beside its name: its submittal and its margin.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct CardFacts {
    pub sent: Option<Sent>,
    /// The gross margin (a fraction): the placement's, else estimated from
    /// the bill rate proposed and the lowest rate the candidate asks.
    pub margin: Option<f64>,
    /// The margin is below the floor (`[money] margin_floor_percent`).
    pub below_floor: bool,
}

impl CardFacts {
    /// ` ◆? margin 28%!`: what a card's second line adds.
    pub fn text(&self) -> String {
        format!("{}{}", self.sent_text(), self.margin_text())
    }

    /// ` ◆?`, or nothing before a submittal.
    pub fn sent_text(&self) -> String {
        self.sent
            .map_or(String::new(), |s| format!(" {}", s.glyph()))
    }

    /// ` margin 28%`, with `!` below the floor; nothing without a margin.
    pub fn margin_text(&self) -> String {
        let Some(margin) = self.margin else {
            return String::new();
        };
        let flag = if self.below_floor { "!" } else { "" };
        format!(" margin {:.0}%{flag}", margin * 100.0)
    }
}

/// The facts of `application`'s card.
pub fn card_facts(
    data: &Data,
    engagement: &Engagement,
    application: &Application,
    money: &crate::domain::MoneyPolicy,
) -> CardFacts {
    let agency = data.agency();
    let latest = agency
        .submittals_of(engagement.id, application.candidate)
        .last();
    let sent = latest.map(|s| match s.answer().map(|a| a.kind) {
        None => Sent::Waiting,
        Some(crate::domain::AnswerKind::InterviewRequested) => Sent::Interview,
        Some(crate::domain::AnswerKind::Rejected) => Sent::Rejected,
        Some(crate::domain::AnswerKind::OnHold) => Sent::OnHold,
    });
    let placed = agency.placement_of(engagement.id, application.candidate);
    let rates = match placed {
        Some(p) => Some((p.terms().bill.clone(), p.terms().pay.clone())),
        None => {
            let bill = latest
                .and_then(|s| s.bill_rate.clone())
                .or_else(|| engagement.quoted_bill_rate());
            let asked = data
                .candidate(application.candidate)
                .and_then(|c| c.rate.clone());
            bill.zip(asked.map(|r| crate::domain::HourlyRate::new(r.min, &r.currency)))
        }
    };
    let margin = rates.and_then(|(bill, pay)| money.margin(&bill, &pay).ok());
    CardFacts {
        sent,
        margin: margin.and_then(|m| m.gross),
        below_floor: margin.is_some_and(|m| m.is_below(money.floor_percent)),
    }
}

/// The cards of every column, longest in stage first: who is stuck shows
/// at the top.
pub fn board<'a>(data: &'a Data, engagement: &Engagement, now: Timestamp) -> Vec<Vec<Card<'a>>> {
    let slots = slots(
        data,
        engagement,
        &crate::domain::MoneyPolicy::default(),
        now,
    );
    cards(data, engagement.id, &slots)
}

/// [`board`] as positions.
pub fn slots(
    data: &Data,
    engagement: &Engagement,
    money: &crate::domain::MoneyPolicy,
    now: Timestamp,
) -> Vec<Vec<Slot>> {
    let mut columns: Vec<Vec<Slot>> = COLUMNS.iter().map(|_| Vec::new()).collect();
    for (index, application) in data.pipeline(engagement.id).iter().enumerate() {
        let (Some(column), Some(at)) = (
            column_of(application.stage),
            data.index_of(application.candidate),
        ) else {
            continue;
        };
        let entered = application.entered_stage_at().unwrap_or(now);
        columns[column].push(Slot {
            application: index as u32,
            candidate: at as u32,
            days_in_stage: days_between(entered, now),
            score: match_score(&data.candidates()[at], engagement, &money.fx),
            facts: card_facts(data, engagement, application, money),
        });
    }
    let candidates = data.candidates();
    for slots in &mut columns {
        slots.sort_by(|a, b| {
            b.days_in_stage.cmp(&a.days_in_stage).then_with(|| {
                let name = |s: &Slot| &candidates[s.candidate as usize].name;
                name(a).cmp(name(b))
            })
        });
    }
    columns
}

/// The cards the slots stand for, in `data` (the snapshot they were
/// worked out from).
pub fn cards<'a>(
    data: &'a Data,
    engagement: EngagementId,
    slots: &[Vec<Slot>],
) -> Vec<Vec<Card<'a>>> {
    let pipeline = data.pipeline(engagement);
    slots
        .iter()
        .map(|column| {
            column
                .iter()
                .filter_map(|slot| {
                    Some(Card {
                        application: pipeline.get(slot.application as usize)?,
                        candidate: data.candidates().get(slot.candidate as usize)?,
                        days_in_stage: slot.days_in_stage,
                        score: slot.score,
                        facts: slot.facts,
                    })
                })
                .collect()
        })
        .collect()
}

pub fn column_of(stage: Stage) -> Option<usize> {
    COLUMNS.iter().position(|s| *s == stage)
}

/// How many of an engagement's applications have left the board.
pub fn exited(data: &Data, engagement: &Engagement) -> usize {
    data.pipeline(engagement.id)
        .iter()
        .filter(|a| a.stage.is_exit())
        .count()
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PipelineState {
    /// The column under the cursor.
    pub column: usize,
    /// The cursor within each column.
    pub cards: [ListCursor; 6],
}

impl PipelineState {
    /// The card under the cursor.
    pub fn selected<'b, 'a>(&self, board: &'b [Vec<Card<'a>>]) -> Option<&'b Card<'a>> {
        board
            .get(self.column)?
            .get(self.cards[self.column].selected)
    }

    /// Moves within the column; in the list layout, walking off the end of
    /// one stage (or out of an empty one) continues into the next stage
    /// that has cards, and off its top into the previous one's last card.
    pub fn motion(&mut self, motion: Motion, board: &[Vec<Card>], page: usize, as_list: bool) {
        let len = board[self.column].len();
        let at = self.cards[self.column].selected;
        let flows_on = as_list;
        let first = board.iter().position(|c| !c.is_empty());
        let last = board.iter().rposition(|c| !c.is_empty());
        match motion {
            Motion::Down if flows_on && at + 1 >= len => self.step_column(board, 1, false),
            Motion::Up if flows_on && at == 0 => self.step_column(board, -1, true),
            // In the list, top and bottom are the whole list's.
            Motion::Top if as_list && first.is_some() => {
                self.column = first.unwrap_or(0);
                self.cards[self.column].selected = 0;
            }
            Motion::Bottom if as_list && last.is_some() => {
                self.column = last.unwrap_or(0);
                self.cards[self.column].selected = board[self.column].len().saturating_sub(1);
            }
            _ => self.cards[self.column].apply(motion, len, page),
        }
    }

    /// To the nearest column in the direction of `step` that has cards,
    /// landing on its first card (or its last, going up); stays put when
    /// there is none.
    pub fn step_column(&mut self, board: &[Vec<Card>], step: isize, to_last: bool) {
        let mut column = self.column as isize + step;
        while (0..COLUMNS.len() as isize).contains(&column) {
            let len = board[column as usize].len();
            if len > 0 {
                self.column = column as usize;
                self.cards[self.column].selected = if to_last { len - 1 } else { 0 };
                return;
            }
            column += step;
        }
    }

    /// Left and right in the board layout visit every column, empty or not.
    pub fn side_step(&mut self, step: isize) {
        let column = (self.column as isize + step).clamp(0, COLUMNS.len() as isize - 1);
        self.column = column as usize;
    }

    pub fn clamp(&mut self, board: &[Vec<Card>], page: usize) {
        for (cursor, cards) in self.cards.iter_mut().zip(board) {
            cursor.clamp(cards.len(), page);
        }
    }
}

/// The card under the cursor, as the actions on it need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardRef {
    pub candidate: crate::domain::CandidateId,
    pub name: String,
    pub stage: Stage,
}

impl CardRef {
    pub fn of(card: &Card) -> CardRef {
        CardRef {
            candidate: card.candidate.id,
            name: card.candidate.name.clone(),
            stage: card.application.stage,
        }
    }
}
