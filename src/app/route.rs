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
            Input::Mouse(mouse) => self.mouse(mouse),
            Input::Paste(text) => self.paste(&text),
            Input::Changed => {}
        }
    }

    fn handle_key(&mut self, key: Key) {
        let context = self.context();
        if let Some(action) = self.keymap.action_for(context, key) {
            self.dispatch(context, action);
        } else if key == Key::ctrl('c') {
            self.say_how_to_quit(context);
        }
    }

    /// Ctrl-C, bound to nothing, is not ignored in silence: people press
    /// it to leave, so say what does (with the keys as bound).
    fn say_how_to_quit(&mut self, context: Context) {
        let key_of = |context: Context, action: Action| {
            let keys = self.keymap.keys_for(context, action);
            keys.first().map(|key| key.to_string())
        };
        let quit = key_of(Context::Home, Action::Quit)
            .map_or("nothing is bound to quit".to_string(), |key| {
                format!("{key} quits")
            });
        let text = match context.is_pane() {
            true => format!("ctrl-c does not quit: {quit}"),
            false => {
                let close =
                    key_of(context, Action::Cancel).or_else(|| key_of(context, Action::Back));
                let close = close.unwrap_or_else(|| "esc".to_string());
                format!("ctrl-c does not quit: {close} closes this, then {quit}")
            }
        };
        self.say(text);
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
        // `y` again goes on to the next detail only straight after a `y`.
        if action != Action::Copy {
            self.copy_step = None;
        }
        self.status = Status::default();
        if self.refused(action) || self.waits_for_candidates(action) {
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
