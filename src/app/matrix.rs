//! The skill matrix pane: candidates against skills, the engagement's
//! required skills first.

use super::list::ListCursor;
use super::records::data::Data;
use crate::catalog::Catalog;
use crate::domain::{Category, Engagement, Level, Priority, SkillId, match_score};

/// Widths the drawing uses, shared so that horizontal scrolling here
/// agrees with what is on screen.
pub const NAME_WIDTH: u16 = 20;
/// The score and the margin the engagement's bill rate leaves over the
/// candidate's rate: `85%  28%!`.
pub const SCORE_WIDTH: u16 = 11;
pub const CELL_WIDTH: u16 = 5;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixColumn {
    pub skill: SkillId,
    pub category: Category,
    /// Set for the engagement's required skills.
    pub requirement: Option<(Priority, Level)>,
}

/// The engagement's must-haves, then its nice-to-haves, then every other
/// skill grouped by category in catalog order.
pub fn columns(catalog: &Catalog, engagement: Option<&Engagement>) -> Vec<MatrixColumn> {
    let mut columns = Vec::with_capacity(catalog.skills().len());
    let requirements = engagement.map_or(&[][..], |e| e.requirements.as_slice());
    for priority in [Priority::Must, Priority::Nice] {
        for r in requirements.iter().filter(|r| r.priority == priority) {
            let category = catalog
                .skill(&r.skill)
                .map_or(Category::Languages, |s| s.category);
            columns.push(MatrixColumn {
                skill: r.skill.clone(),
                category,
                requirement: Some((r.priority, r.min_level)),
            });
        }
    }
    for category in Category::ALL {
        for skill in catalog.skills_in(category) {
            if !requirements.iter().any(|r| r.skill == skill.id) {
                columns.push(MatrixColumn {
                    skill: skill.id.clone(),
                    category,
                    requirement: None,
                });
            }
        }
    }
    columns
}

/// Which candidates are the rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatrixRows {
    /// The current engagement's pipeline (exits left out).
    Pipeline,
    /// The candidates pane's rows, in its order.
    Candidates,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixState {
    pub source: MatrixRows,
    /// Indices into `Data::candidates`, in display order.
    pub order: Vec<u32>,
    pub rows: ListCursor,
    pub column: usize,
    /// The first skill column on screen.
    pub column_offset: usize,
    pub by_score: bool,
    pub descending: bool,
}

impl MatrixState {
    pub fn new() -> MatrixState {
        MatrixState {
            source: MatrixRows::Pipeline,
            order: Vec::new(),
            rows: ListCursor::default(),
            column: 0,
            column_offset: 0,
            by_score: false,
            descending: true,
        }
    }

    /// Recomputes the rows from their source, sorted by score when asked.
    pub fn rebuild(
        &mut self,
        data: &Data,
        engagement: Option<&Engagement>,
        candidates_order: &[u32],
        fx: &crate::domain::Fx,
    ) {
        self.order = match (self.source, engagement) {
            (MatrixRows::Pipeline, Some(e)) => {
                let mut rows: Vec<u32> = data
                    .pipeline(e.id)
                    .iter()
                    .filter(|a| !a.stage.is_exit())
                    .filter_map(|a| data.index_of(a.candidate))
                    .map(|i| i as u32)
                    .collect();
                rows.sort_by_key(|&i| data.name_rank(i as usize));
                rows
            }
            (MatrixRows::Pipeline, None) => Vec::new(),
            (MatrixRows::Candidates, _) => candidates_order.to_vec(),
        };
        if let (true, Some(e)) = (self.by_score, engagement) {
            let scores: Vec<u8> = self
                .order
                .iter()
                .map(|&i| match_score(&data.candidates()[i as usize], e, fx).score)
                .collect();
            let mut paired: Vec<(u8, u32)> =
                scores.into_iter().zip(self.order.iter().copied()).collect();
            // Stable, so equal scores keep the source's order.
            paired.sort_by(|a, b| {
                if self.descending {
                    b.0.cmp(&a.0)
                } else {
                    a.0.cmp(&b.0)
                }
            });
            self.order = paired.into_iter().map(|(_, i)| i).collect();
        }
    }

    /// How many skill columns fit in `width`.
    pub fn visible_columns(width: u16) -> usize {
        usize::from(width.saturating_sub(NAME_WIDTH + SCORE_WIDTH + 2) / CELL_WIDTH).max(1)
    }

    /// Moves the column cursor, scrolling so that it stays on screen.
    pub fn step_column(&mut self, step: isize, total: usize, width: u16) {
        let last = total.saturating_sub(1) as isize;
        self.column = (self.column as isize + step).clamp(0, last.max(0)) as usize;
        let visible = Self::visible_columns(width);
        self.column_offset = super::list::visible_offset(self.column_offset, self.column, visible);
    }
}

impl Default for MatrixState {
    fn default() -> Self {
        Self::new()
    }
}
