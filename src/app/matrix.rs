//! The skill matrix pane: candidates against skills, the engagement's
//! required skills first.

use super::list::ListCursor;
use super::records::data::Data;
use crate::catalog::Catalog;
use crate::domain::{Category, Engagement, Level, Priority, SkillId, match_score};
use std::ops::Range;

/// Widths the drawing uses, shared so that horizontal scrolling here
/// agrees with what is on screen.
pub const NAME_WIDTH: u16 = 20;
/// The score and the margin the engagement's bill rate leaves over the
/// candidate's rate: `85%  28%!`.
pub const SCORE_WIDTH: u16 = 11;
/// The narrowest skill column: room for `5★4!` and a space.
pub const CELL_WIDTH: u16 = 5;

/// A skill column's width: its short name with its mark (`*k8s`,
/// `+Docker`) and a space, at least [`CELL_WIDTH`].
pub fn column_width(catalog: &Catalog, column: &MatrixColumn) -> u16 {
    use unicode_width::UnicodeWidthStr;
    let short = catalog.skill(&column.skill).map_or(0, |s| s.short.width());
    let mark = usize::from(column.requirement.is_some());
    CELL_WIDTH.max(u16::try_from(mark + short + 1).unwrap_or(u16::MAX))
}

/// The columns on screen: from `offset` (moved as little as needed to
/// show `cursor`), as many as fit in `room` (one at least).
pub fn visible_range(widths: &[u16], offset: usize, cursor: usize, room: u16) -> Range<usize> {
    let span =
        |from: usize, to: usize| -> u32 { widths[from..=to].iter().map(|&w| u32::from(w)).sum() };
    let cursor = cursor.min(widths.len().saturating_sub(1));
    let mut first = offset.min(cursor);
    while first < cursor && span(first, cursor) > u32::from(room) {
        first += 1;
    }
    let (mut end, mut used) = (first, 0u32);
    while end < widths.len() && used + u32::from(widths[end]) <= u32::from(room) {
        used += u32::from(widths[end]);
        end += 1;
    }
    first..end.max((first + 1).min(widths.len()))
}

/// The room the skill columns have in a matrix `width` columns wide.
pub fn cells_room(width: u16) -> u16 {
    width.saturating_sub(NAME_WIDTH + SCORE_WIDTH + 2)
}

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
    /// The candidates pane's rows (its filter holds), in the matrix's own
    /// order.
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

    /// Recomputes the rows from their source, by name (the matrix's own
    /// order, whatever the source's), or by score when asked.
    pub fn rebuild(
        &mut self,
        data: &Data,
        engagement: Option<&Engagement>,
        candidates_order: &[u32],
        fx: &crate::domain::Fx,
    ) {
        self.order = match (self.source, engagement) {
            (MatrixRows::Pipeline, Some(e)) => data
                .pipeline(e.id)
                .iter()
                .filter(|a| !a.stage.is_exit())
                .filter_map(|a| data.index_of(a.candidate))
                .map(|i| i as u32)
                .collect(),
            (MatrixRows::Pipeline, None) => Vec::new(),
            (MatrixRows::Candidates, _) => candidates_order.to_vec(),
        };
        self.order.sort_by_key(|&i| data.name_rank(i as usize));
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

    /// Moves the column cursor over columns `widths` wide, scrolling so
    /// that it stays in `room`.
    pub fn step_column(&mut self, step: isize, widths: &[u16], room: u16) {
        let last = widths.len().saturating_sub(1) as isize;
        self.column = (self.column as isize + step).clamp(0, last.max(0)) as usize;
        self.column_offset = visible_range(widths, self.column_offset, self.column, room).start;
    }
}

impl Default for MatrixState {
    fn default() -> Self {
        Self::new()
    }
}
