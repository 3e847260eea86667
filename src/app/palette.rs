//! The search palette: a query typed over any pane, ranked hits of every
//! kind, and what Enter does with the chosen one.
//!
//! Typing only edits the query and marks the hits stale; the search runs
//! once per frame, in `App::settle`, so keys typed ahead coalesce into one
//! search and a stale one is never run.

use super::list::{ListCursor, Motion};
use super::overlay::Overlay;
use super::{App, Key, KeyCode, Pane};
use crate::domain::{RoleId, SkillId, role_fit};
use crate::search::{Hit, Target};

/// Hits kept for the list; the screen shows what fits.
const MAX_HITS: usize = 50;
const MAX_QUERY_CHARS: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Palette {
    pub query: String,
    pub cursor: ListCursor,
    pub hits: Vec<Hit>,
    /// The query changed since `hits` were found.
    pub stale: bool,
}

/// A filter on the candidates table, set from the palette.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    /// "role DevOps Developer", shown in the header.
    pub label: String,
    /// How the filter ordered its rows ("best fit first"), until the user
    /// sorts by a column.
    pub ordered_by: Option<&'static str>,
}

impl App {
    pub(super) fn open_palette(&mut self) {
        self.overlay = Some(Overlay::Palette(Palette {
            stale: true,
            ..Palette::default()
        }));
    }

    /// Keys go to the palette directly: text edits the query, arrows move,
    /// Enter acts on the selection, Esc closes and leaves the screen as it
    /// was.
    pub(super) fn palette_key(&mut self, key: Key) {
        let page = self.page_rows();
        let Some(Overlay::Palette(palette)) = &mut self.overlay else {
            return;
        };
        let count = palette.hits.len();
        let motion = match (key.code, key.mods.ctrl) {
            (KeyCode::Up, _) | (KeyCode::BackTab, _) | (KeyCode::Char('p'), true) => {
                Some(Motion::Up)
            }
            (KeyCode::Down, _) | (KeyCode::Tab, _) | (KeyCode::Char('n'), true) => {
                Some(Motion::Down)
            }
            (KeyCode::PageDown, _) => Some(Motion::PageDown),
            (KeyCode::PageUp, _) => Some(Motion::PageUp),
            _ => None,
        };
        if let Some(motion) = motion {
            return palette.cursor.apply(motion, count, page);
        }
        match (key.code, key.mods.ctrl || key.mods.alt) {
            (KeyCode::Esc, _) => self.overlay = None,
            (KeyCode::Enter, _) => self.act_on_selection(),
            (KeyCode::Backspace, _) => edit(palette, |q| {
                q.pop();
            }),
            (KeyCode::Char('u'), true) => edit(palette, String::clear),
            (KeyCode::Char(c), false) => edit(palette, |q| {
                if q.chars().count() < MAX_QUERY_CHARS && !c.is_control() {
                    q.push(c);
                }
            }),
            _ => {}
        }
    }

    pub(super) fn paste_into_palette(&mut self, text: &str) {
        if let Some(Overlay::Palette(palette)) = &mut self.overlay {
            let clean = crate::domain::text::clean_line(text);
            edit(palette, |q| q.extend(clean.chars().take(MAX_QUERY_CHARS)));
        }
    }

    /// Readies the app for a frame: takes in other sessions' changes, and
    /// runs the search for the palette's latest query, if it changed.
    pub fn settle(&mut self) {
        self.sync();
        let Some(Overlay::Palette(palette)) = &self.overlay else {
            return;
        };
        if !palette.stale {
            return;
        }
        let query = palette.query.clone();
        let hits = match self.shared.search_index() {
            Some(index) => index.search(&query, MAX_HITS, None),
            None => Vec::new(),
        };
        if let Some(Overlay::Palette(palette)) = &mut self.overlay {
            palette.hits = hits;
            palette.cursor = ListCursor::default();
            palette.stale = false;
        }
    }

    fn act_on_selection(&mut self) {
        self.settle();
        let Some(Overlay::Palette(palette)) = self.overlay.take() else {
            return;
        };
        let Some(hit) = palette.hits.get(palette.cursor.selected) else {
            return self.complain("nothing matches");
        };
        match &hit.target {
            Target::Role(role) => self.filter_by_role(role),
            Target::Skill(skill) => self.filter_by_skill(skill),
            Target::Candidate(id) => {
                self.candidates.detail = None;
                self.open_detail(*id);
            }
            Target::Engagement(id) => {
                self.engagement = Some(*id);
                self.pipeline = Default::default();
                self.marks.clear();
                self.rebuild_matrix();
                self.pane = Pane::Pipeline;
            }
        }
    }

    /// The candidates of a role type, best fit to its defining skills first.
    fn filter_by_role(&mut self, role_id: &RoleId) {
        let Some(role) = self.catalog.role(role_id) else {
            return;
        };
        let data = &self.data;
        let mut rows: Vec<(u8, u32, u32)> = (0..data.candidates().len())
            .filter(|&i| data.candidates()[i].roles.contains(role_id))
            .map(|i| {
                (
                    role_fit(&data.candidates()[i], role),
                    data.name_rank(i),
                    i as u32,
                )
            })
            .collect();
        rows.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let label = format!("role {}", role.name);
        self.set_filter(
            label,
            "best fit first",
            rows.into_iter().map(|r| r.2).collect(),
        );
    }

    /// The candidates who hold a skill, highest level first.
    fn filter_by_skill(&mut self, skill: &SkillId) {
        let data = &self.data;
        let mut rows: Vec<(u8, u32, u32)> = (0..data.candidates().len())
            .map(|i| {
                (
                    data.candidates()[i].level(skill).get(),
                    data.name_rank(i),
                    i as u32,
                )
            })
            .filter(|r| r.0 > 0)
            .collect();
        rows.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let label = format!("skill {}", self.catalog.skill_name(skill));
        self.set_filter(
            label,
            "highest level first",
            rows.into_iter().map(|r| r.2).collect(),
        );
    }

    fn set_filter(&mut self, label: String, ordered_by: &'static str, rows: Vec<u32>) {
        self.candidates.filter = Some(Filter {
            label,
            ordered_by: Some(ordered_by),
        });
        self.candidates.order = std::sync::Arc::new(rows);
        self.candidates.cursor = ListCursor::default();
        self.candidates.detail = None;
        self.pane = Pane::Candidates;
        self.rebuild_matrix();
    }

    /// Back to every candidate, in the table's sort order.
    pub(super) fn clear_filter(&mut self) {
        self.candidates.filter = None;
        self.candidates.order = self.data.by_name();
        self.candidates.resort(&self.data, self.catalog);
        self.candidates.cursor = ListCursor::default();
        self.rebuild_matrix();
        self.say("filter cleared");
    }
}

fn edit(palette: &mut Palette, change: impl FnOnce(&mut String)) {
    change(&mut palette.query);
    palette.stale = true;
}
