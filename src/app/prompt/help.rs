//! The help screen: every key of every context, generated from the keymap
//! itself (so it cannot drift from the real keys), the context it was
//! opened over first.

use super::outcome::Outcome;
use crate::app::action::Action;
use crate::app::context::Context;
use crate::app::keymap::Keymap;

/// One context's keys: a row per action it handles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpSection {
    pub context: Context,
    /// The keys (`k, up`) and what the action does.
    pub rows: Vec<(String, &'static str)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Help {
    pub sections: Vec<HelpSection>,
    /// The filter language, shown after the filter line's keys: an
    /// example of each field and of the syntax, with what it does.
    pub language: Vec<(String, &'static str)>,
    /// The first line shown.
    pub scroll: usize,
}

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
        }
    }

    /// How many lines the sections take: a title, the rows, a blank;
    /// and the language's the same.
    pub fn line_count(&self) -> usize {
        let sections: usize = self.sections.iter().map(|s| s.rows.len().max(1) + 2).sum();
        sections + self.language.len() + 2
    }

    pub fn handle(&mut self, action: Action, page: usize) -> Outcome<()> {
        let last = self.line_count().saturating_sub(page);
        self.scroll = match action {
            Action::Up => self.scroll.saturating_sub(1),
            Action::Down => self.scroll + 1,
            Action::PageUp => self.scroll.saturating_sub(page),
            Action::PageDown => self.scroll + page,
            Action::Top => 0,
            Action::Bottom => last,
            Action::Back => return Outcome::Close,
            _ => return Outcome::Stay,
        }
        .min(last);
        Outcome::Stay
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
