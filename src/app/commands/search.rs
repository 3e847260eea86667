//! What the search palette does with the row chosen: a role or a skill
//! becomes the table's filter (`role:devops`, `skill:kubernetes`), a
//! candidate opens, an engagement's board shows, a view applies, and
//! `:filter` opens the filter line.

use crate::app::overlay::Overlay;
use crate::app::prompt::commands::{Entry, is_command};
use crate::app::prompt::palette::Palette;
use crate::app::table_filter::Ranking;
use crate::app::{App, Pane};
use crate::domain::Level;
use crate::filter::{Cmp, Filter, Group, Term, Test};
use crate::search::Target;

impl App {
    pub(in crate::app) fn open_palette(&mut self) {
        self.overlay = Some(Overlay::Palette(Palette::default()));
    }

    /// `:`: the palette as the command line.
    pub(in crate::app) fn open_command_line(&mut self) {
        let palette = Palette::command_line(self.command_history.clone());
        self.overlay = Some(Overlay::Palette(palette));
    }

    /// Enter in the palette: the rows brought up to date, then the one
    /// under the cursor acted on.
    pub(in crate::app) fn act_on_search(&mut self) {
        self.settle();
        let Some(Overlay::Palette(palette)) = self.overlay.take() else {
            return;
        };
        let query = palette.query.text().trim().to_string();
        if let Some(entry) = palette.selected_entry() {
            self.remember_command(&query);
            return self.run_entry(entry.clone());
        }
        if is_command(&query) {
            return self.complain(format!("`{query}` is not a command; : alone lists them"));
        }
        let Some(hit) = palette.selected() else {
            return self.complain("nothing matches");
        };
        match &hit.target {
            Target::Role(role) => {
                let ranking = Ranking::RoleFit(role.clone());
                self.filter_by_term(Test::Role(role.clone()), ranking)
            }
            Target::Skill(skill) => {
                let test = Test::Skill {
                    skill: skill.clone(),
                    cmp: Cmp::Ge,
                    level: Level::new(1).unwrap_or(Level::NONE),
                };
                self.filter_by_term(test, Ranking::SkillLevel(skill.clone()))
            }
            Target::Candidate(id) => {
                self.candidates.detail = None;
                self.open_detail(*id);
            }
            Target::Engagement(id) => self.show_engagement(*id),
        }
    }

    /// What a command or view does.
    fn run_entry(&mut self, entry: Entry) {
        match entry {
            Entry::Filter(text) => self.open_filter_line(&text),
            Entry::View { name, .. } => self.apply_view(&name),
            Entry::Pane(pane) => {
                self.candidates.detail = None;
                self.show(pane);
            }
            Entry::Engagement(Some((id, _))) => self.show_engagement(id),
            Entry::Engagement(None) => self.open_picker(),
            Entry::Quit => self.quit = true,
            Entry::Help => {
                let help = crate::app::prompt::help::Help::new(&self.keymap, self.context());
                self.overlay = Some(Overlay::Help(help));
            }
            Entry::Delete(id) => self.delete_by_id(&id),
            Entry::Erase(id) => self.erase_by_id(&id),
            Entry::Import(file) => self.import_file(&file),
        }
    }

    /// A command run from the line, for Up next time (the same twice in a
    /// row once; the last hundred).
    fn remember_command(&mut self, query: &str) {
        const KEPT: usize = 100;
        if !is_command(query)
            || self
                .command_history
                .last()
                .is_some_and(|last| last == query)
        {
            return;
        }
        self.command_history.push(query.to_string());
        if self.command_history.len() > KEPT {
            self.command_history.remove(0);
        }
    }

    /// The table filtered by one term (`role:devops`), in the order the
    /// term brings ("best fit first") until the user sorts; the filter
    /// line refines it.
    fn filter_by_term(&mut self, test: Test, ranking: Ranking) {
        let term = Term {
            negated: false,
            test,
        };
        let filter = Filter {
            groups: vec![Group { any_of: vec![term] }],
        };
        let active = crate::app::table_filter::ActiveFilter::new(filter).ranked(Some(ranking));
        self.candidates.detail = None;
        self.pane = Pane::Candidates;
        self.show_filter(Some(active));
        self.say_filtered();
    }

    /// Back to every candidate, in the table's sort order, with the
    /// table's own columns.
    pub(in crate::app) fn clear_filter(&mut self) {
        self.candidates.columns.clear();
        self.show_filter(None);
        self.say("filter cleared");
    }
}
