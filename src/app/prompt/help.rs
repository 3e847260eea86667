//! The help screen: every key of every context, generated from the keymap
//! itself (so it cannot drift from the real keys), the context it was
//! opened over first. It scrolls as every list does and stops at its
//! end; `/` searches it (the rows that say what was typed, their sections
//! kept). What it shows, wrapped to the width it has, is `help_rows.rs`.

pub use super::help_rows::HelpSection;
use super::help_rows::{HelpRow, rows};
use super::outcome::Outcome;
use crate::app::action::Action;
use crate::app::context::Context;
use crate::app::keymap::Keymap;
use crate::app::list::Motion;
use crate::app::text::TextInput;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Help {
    pub sections: Vec<HelpSection>,
    /// The filter language, shown after the filter line's keys: an
    /// example of each field and of the syntax, with what it does.
    pub language: Vec<(String, &'static str)>,
    /// The first row shown.
    pub scroll: usize,
    /// What `/` looks for; empty: everything shows.
    pub search: TextInput,
    /// The search line has the keys (letters type).
    pub typing: bool,
}

/// Where the help's text goes on a screen: its width and how many rows
/// show at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HelpView {
    pub width: usize,
    pub page: usize,
}

/// The longest search typed.
const MAX_SEARCH: usize = 100;

impl Help {
    /// The help over `behind`: its keys, then the global ones, then every
    /// prompt's (which cannot open help themselves: there `?` types).
    pub fn new(keymap: &Keymap, behind: Context) -> Help {
        let mut order = vec![behind, Context::Global];
        for (_, context) in Context::SECTIONS {
            if !order.contains(&context) && !context.is_pane() {
                order.push(context);
            }
        }
        Help {
            sections: order.into_iter().map(|c| section(keymap, c)).collect(),
            language: crate::filter::help_lines(),
            scroll: 0,
            search: TextInput::limited(MAX_SEARCH),
            typing: false,
        }
    }

    /// Whether the search line shows (below the rows).
    pub fn search_shown(&self) -> bool {
        self.typing || !self.search.is_empty()
    }

    /// The text's place on a screen `(columns, rows)`: as wide as its
    /// longest row wants, up to the screen's width less a margin; as tall
    /// as the screen less a margin, the borders and the search line.
    pub fn view(&self, (columns, rows): (u16, u16)) -> HelpView {
        let most = usize::from(columns).saturating_sub(4).max(10);
        let wanted = self.natural_width();
        let search = usize::from(self.search_shown());
        HelpView {
            width: wanted.min(most),
            page: usize::from(rows).saturating_sub(4 + search).max(1),
        }
    }

    /// The rows shown at `width`, the search applied.
    pub fn rows(&self, width: usize) -> Vec<HelpRow> {
        rows(&self.sections, &self.language, self.search.text(), width)
    }

    /// The width the help takes when nothing needs wrapping.
    fn natural_width(&self) -> usize {
        let rows = rows(&self.sections, &self.language, "", usize::MAX);
        rows.iter().map(HelpRow::width).max().unwrap_or(0).max(40)
    }

    /// The first row of the last screenful.
    fn last_scroll(&self, view: HelpView) -> usize {
        self.rows(view.width).len().saturating_sub(view.page)
    }

    pub fn handle(&mut self, action: Action, screen: (u16, u16)) -> Outcome<()> {
        if self.typing {
            return self.handle_typing(action);
        }
        let view = self.view(screen);
        let (page, half) = (view.page, view.page.div_ceil(2));
        let scroll = match Motion::from_action(action) {
            Some(Motion::Up) => self.scroll.saturating_sub(1),
            Some(Motion::Down) => self.scroll + 1,
            Some(Motion::PageUp) => self.scroll.saturating_sub(page),
            Some(Motion::PageDown) => self.scroll + page,
            Some(Motion::HalfPageUp) => self.scroll.saturating_sub(half),
            Some(Motion::HalfPageDown) => self.scroll + half,
            Some(Motion::Top) => 0,
            Some(Motion::Bottom) => usize::MAX,
            None => return self.handle_other(action),
        };
        self.scroll = scroll.min(self.last_scroll(view));
        Outcome::Stay
    }

    fn handle_other(&mut self, action: Action) -> Outcome<()> {
        match action {
            Action::Search => self.typing = true,
            Action::Back if !self.search.is_empty() => self.clear_search(),
            Action::Back => return Outcome::Close,
            _ => {}
        }
        Outcome::Stay
    }

    /// The search line: text edits it (from the top of what it finds),
    /// Enter keeps it, Esc drops it.
    fn handle_typing(&mut self, action: Action) -> Outcome<()> {
        match action {
            Action::Confirm => self.typing = false,
            Action::Cancel => self.clear_search(),
            edit => {
                if self.search.apply(edit) {
                    self.scroll = 0;
                }
            }
        }
        Outcome::Stay
    }

    /// Pasted text, into the search while it is typed.
    pub fn paste(&mut self, text: &str) {
        if self.typing {
            self.search.insert(text);
            self.scroll = 0;
        }
    }

    fn clear_search(&mut self) {
        self.search.clear();
        self.typing = false;
        self.scroll = 0;
    }
}

/// One row per action the context handles, with every key that does it
/// there; typing, in a context that takes text.
fn section(keymap: &Keymap, context: Context) -> HelpSection {
    let mut rows: Vec<(String, &'static str)> = context
        .actions()
        .into_iter()
        .map(|action| {
            let keys = keymap.keys_for(context, action);
            let keys: Vec<String> = keys.iter().map(ToString::to_string).collect();
            (keys.join(", "), action.description())
        })
        .collect();
    if context.takes_text() {
        rows.push(("a letter".into(), Action::Insert(' ').description()));
    }
    HelpSection { context, rows }
}
