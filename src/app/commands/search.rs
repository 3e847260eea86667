//! What the search palette does with the hit chosen: a role or a skill
//! filters the candidates table, a candidate opens, an engagement's board
//! shows.

use crate::app::candidates::Filter;
use crate::app::list::ListCursor;
use crate::app::overlay::Overlay;
use crate::app::prompt::palette::Palette;
use crate::app::{App, Pane};
use crate::domain::{RoleId, SkillId, role_fit};
use crate::search::Target;

impl App {
    pub(in crate::app) fn open_palette(&mut self) {
        self.overlay = Some(Overlay::Palette(Palette::default()));
    }

    /// Enter in the palette: the hits brought up to date, then the one
    /// under the cursor acted on.
    pub(in crate::app) fn act_on_search(&mut self) {
        self.settle();
        let Some(Overlay::Palette(palette)) = self.overlay.take() else {
            return;
        };
        let Some(hit) = palette.selected() else {
            return self.complain("nothing matches");
        };
        match &hit.target {
            Target::Role(role) => self.filter_by_role(role),
            Target::Skill(skill) => self.filter_by_skill(skill),
            Target::Candidate(id) => {
                self.candidates.detail = None;
                self.open_detail(*id);
            }
            Target::Engagement(id) => self.show_engagement(*id),
        }
    }

    /// The candidates of a role type, best fit to its defining skills first.
    fn filter_by_role(&mut self, role_id: &RoleId) {
        let Some(role) = self.catalog.role(role_id) else {
            return;
        };
        let candidates = self.data.candidates();
        let rows = candidates
            .iter()
            .enumerate()
            .filter(|(_, c)| c.roles.contains(role_id));
        let ranked = rows.map(|(i, c)| (role_fit(c, role), i)).collect();
        let label = format!("role {}", role.name);
        self.set_filter(label, "best fit first", ranked);
    }

    /// The candidates who hold a skill, highest level first.
    fn filter_by_skill(&mut self, skill: &SkillId) {
        let candidates = self.data.candidates().iter().enumerate();
        let levels = candidates.map(|(i, c)| (c.level(skill).get(), i));
        let ranked = levels.filter(|(level, _)| *level > 0).collect();
        let label = format!("skill {}", self.catalog.skill_name(skill));
        self.set_filter(label, "highest level first", ranked);
    }

    /// Shows `ranked` (a rank and a candidate's index each), highest
    /// first, names breaking ties.
    fn set_filter(&mut self, label: String, ordered_by: &'static str, ranked: Vec<(u8, usize)>) {
        let mut rows: Vec<(u8, u32, u32)> = ranked
            .into_iter()
            .map(|(rank, i)| (rank, self.data.name_rank(i), i as u32))
            .collect();
        rows.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        self.candidates.filter = Some(Filter {
            label,
            ordered_by: Some(ordered_by),
        });
        self.candidates.order = std::sync::Arc::new(rows.into_iter().map(|r| r.2).collect());
        self.candidates.cursor = ListCursor::default();
        self.candidates.detail = None;
        self.pane = Pane::Candidates;
        self.rebuild_matrix();
    }

    /// Back to every candidate, in the table's sort order.
    pub(in crate::app) fn clear_filter(&mut self) {
        self.candidates.filter = None;
        self.candidates.order = self.data.by_name();
        self.candidates.resort(&self.data, self.catalog);
        self.candidates.cursor = ListCursor::default();
        self.rebuild_matrix();
        self.say("filter cleared");
    }
}
