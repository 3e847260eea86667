//! The one way a key goes: input → the keymap of the current context →
//! an [`Action`] → a prompt's `handle` (`overlay.rs`) or the pane's
//! `update` (`update.rs`). An action the context does not handle is
//! dropped here (see `context.rs`), so every key `update` acts on is one
//! the keymap binds and the help lists.

use super::{Action, App, Context, Input, Key, Pane, Status};

impl App {
    /// Turns one input into state changes.
    pub fn handle_input(&mut self, input: Input) {
        match input {
            Input::Resize(width, height) => self.resize(width, height),
            Input::Key(key) => self.handle_key(key),
            Input::Paste(text) => self.paste(&text),
        }
    }

    fn handle_key(&mut self, key: Key) {
        let context = self.context();
        if let Some(action) = self.keymap.action_for(context, key) {
            self.dispatch(context, action);
        }
    }

    /// Applies one action where the user is, if that context handles it.
    /// Each leaves a message in the status bar, or clears the last one.
    pub fn update(&mut self, action: Action) {
        self.dispatch(self.context(), action);
    }

    fn dispatch(&mut self, context: Context, action: Action) {
        if !context.accepts(action) {
            return;
        }
        self.status = Status::default();
        if self.refused(action) {
            return;
        }
        if self.overlay.is_some() {
            self.overlay_update(action);
        } else {
            self.pane_update(action);
        }
    }

    /// The keymap table that applies now.
    pub fn context(&self) -> Context {
        if let Some(overlay) = &self.overlay {
            return overlay.context();
        }
        match self.pane {
            Pane::Home => Context::Home,
            Pane::Candidates if self.candidates.detail.is_some() => Context::Detail,
            Pane::Candidates => Context::Candidates,
            Pane::Pipeline => Context::Pipeline,
            Pane::Skills => Context::Skills,
            Pane::Attention => Context::Attention,
            Pane::Activity => Context::Activity,
            Pane::Bench => Context::Bench,
            Pane::Reports => Context::Reports,
        }
    }

    /// Bracketed paste: text typed all at once, into the prompt that takes
    /// text (a pane has nothing to paste into).
    fn paste(&mut self, text: &str) {
        if self.overlay.is_some() {
            self.paste_into_overlay(text);
        }
    }
}
