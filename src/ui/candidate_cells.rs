//! The text of each cell of the candidates table, for the rows on screen
//! only: "Top skills" puts the skills the filter (else the engagement)
//! names first, and "Available" is the first day free by the bench's rule,
//! the day `avail<=14d` compares.

use super::safe;
use crate::app::App;
use crate::app::candidates::Column;
use crate::app::table_filter::focus_skills;
use crate::catalog::Catalog;
use crate::domain::bench::first_free_day;
use crate::domain::{Candidate, CandidateId, Placement, SkillId, SkillLevel, Stage};
use chrono::NaiveDate;
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write;

/// What the cells of one frame need, worked out once for the frame.
pub struct Cells<'a> {
    catalog: &'a Catalog,
    focus: Vec<SkillId>,
    /// Each row's placements, for its first free day.
    placements: HashMap<CandidateId, Vec<&'a Placement>>,
    today: NaiveDate,
}

impl<'a> Cells<'a> {
    /// For the candidates at `rows` (indices).
    pub fn new(app: &'a App, rows: &[u32], columns: &[Column]) -> Cells<'a> {
        let mut placements: HashMap<CandidateId, Vec<&Placement>> = HashMap::new();
        if columns.contains(&Column::Available) {
            let candidates = app.data().candidates();
            for &i in rows {
                placements.insert(candidates[i as usize].id, Vec::new());
            }
            for p in app.data().agency().placements() {
                if let Some(theirs) = placements.get_mut(&p.candidate) {
                    theirs.push(p);
                }
            }
        }
        let table = app.candidates();
        Cells {
            catalog: app.catalog(),
            focus: focus_skills(table.filter.as_ref(), app.engagement()),
            placements,
            today: app.clock().now().date_naive(),
        }
    }

    /// A cell's text, borrowed where it can be (this runs for every cell
    /// on screen, every frame).
    pub fn text<'c>(
        &self,
        column: Column,
        candidate: &'c Candidate,
        stage: Option<Stage>,
    ) -> Cow<'c, str>
    where
        'a: 'c,
    {
        let catalog = self.catalog;
        match column {
            Column::Name => safe(&candidate.name),
            Column::Role => candidate
                .primary_role()
                .map_or(Cow::Borrowed("—"), |r| safe(catalog.role_name(r))),
            Column::Skills => Cow::Owned(skills_text(candidate, &self.focus, catalog)),
            Column::Location => Cow::Owned(safe(&candidate.location.to_string()).into_owned()),
            Column::Rate => candidate.rate.as_ref().map_or(Cow::Borrowed("—"), |r| {
                Cow::Owned(safe(&r.to_string()).into_owned())
            }),
            Column::Available => self.available(candidate),
            Column::Stage => Cow::Borrowed(stage.map_or("—", |s| s.label())),
        }
    }

    fn available(&self, candidate: &Candidate) -> Cow<'static, str> {
        let theirs = self
            .placements
            .get(&candidate.id)
            .map_or(&[][..], Vec::as_slice);
        match first_free_day(candidate, theirs, self.today) {
            None => Cow::Borrowed("—"),
            Some(day) if day <= self.today => Cow::Borrowed("now"),
            Some(day) => Cow::Owned(day.format("%Y-%m-%d").to_string()),
        }
    }
}

/// "Top skills": those in `focus` the candidate holds, in its order, then
/// their strongest others; three at most.
fn skills_text(candidate: &Candidate, focus: &[SkillId], catalog: &Catalog) -> String {
    let named = focus.iter().filter_map(|id| {
        let held = candidate.skills.iter().find(|s| &s.skill == id)?;
        (held.level.get() > 0).then_some(held)
    });
    let mut shown: Vec<&SkillLevel> = named.take(3).collect();
    for held in candidate.top_skills(candidate.skills.len()) {
        if shown.len() == 3 {
            break;
        }
        if !shown.iter().any(|s| s.skill == held.skill) {
            shown.push(held);
        }
    }
    let mut text = String::new();
    for (i, held) in shown.iter().enumerate() {
        let separator = if i == 0 { "" } else { " · " };
        let name = safe(catalog.skill_name(&held.skill));
        let _ = write!(text, "{separator}{name} {}", held.level);
    }
    text
}
