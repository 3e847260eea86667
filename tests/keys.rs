//! The one key route: every action a context handles has a key in the
//! keymap and a line in the help, prompt keys can be rebound like any
//! other, and a key bound where it does nothing is reported.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::app::action::COMMANDS;
use hireterm::app::overlay::Overlay;
use hireterm::app::prompt::help::Help;
use hireterm::app::{Action, App, AppOptions, Context, Input, Key, Keymap};
use hireterm::domain::FixedClock;
use std::sync::Arc;

/// The contexts whose actions reach `update`; `[text]` is read by the
/// contexts that take text.
fn contexts() -> impl Iterator<Item = Context> {
    Context::SECTIONS.iter().map(|(_, context)| *context)
}

/// The help a user sees for `context`: over the pane itself, or (for a
/// prompt, which cannot open help: there `?` types) over a pane.
fn help_for(keymap: &Keymap, context: Context) -> Help {
    let behind = if context.is_pane() {
        context
    } else {
        Context::Candidates
    };
    Help::new(keymap, behind)
}

#[test]
fn every_action_a_context_handles_has_a_key_and_a_line_in_its_help() {
    let keymap = Keymap::defaults();
    for (action, description) in COMMANDS {
        assert!(!description.is_empty(), "{action:?} has no description");
    }
    for context in contexts() {
        let help = help_for(&keymap, context);
        let section = help
            .sections
            .iter()
            .find(|s| s.context == context)
            .unwrap_or_else(|| panic!("no help section for {context:?}"));
        for action in context.actions() {
            let keys = keymap.keys_for(context, action);
            assert!(!keys.is_empty(), "{context:?}: no key does {action:?}");
            let keys: Vec<String> = keys.iter().map(ToString::to_string).collect();
            let row = (keys.join(", "), action.description());
            assert!(
                section.rows.contains(&row),
                "{context:?}: help lacks {row:?}"
            );
            assert!(context.accepts(action), "{context:?} drops {action:?}");
        }
        if context.takes_text() {
            let typing = ("a letter".to_string(), Action::Insert('x').description());
            assert!(section.rows.contains(&typing), "{context:?}: typing");
        }
    }
}

#[test]
fn help_lists_the_filter_lines_keys_then_every_field_of_the_language() {
    let help = Help::new(&Keymap::defaults(), Context::Candidates);
    let line = help.sections.iter().find(|s| s.context == Context::Filter);
    let tab = ("tab".to_string(), Action::Complete.description());
    assert!(line.unwrap().rows.contains(&tab));
    for field in hireterm::filter::FIELDS {
        let listed = help.language.iter().any(|(e, _)| e == field.example);
        assert!(listed, "{} is not in the help", field.name);
    }
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 20, 1), 120, 40);
    press(&mut app, "?");
    let screens: Vec<String> = (0..20)
        .map(|_| {
            press(&mut app, "pgdn");
            screen_text(&draw(&app, 120, 40))
        })
        .collect();
    let shown = |text: &str| screens.iter().any(|s| s.contains(text));
    assert!(shown("The filter language") && shown("skill:k8s>=4"));
}

#[test]
fn every_binding_of_the_shipped_keymap_does_something_where_it_is() {
    let keymap = Keymap::defaults();
    for context in contexts() {
        for binding in keymap.bindings(context) {
            let works = match context {
                // The global table serves every pane.
                Context::Global => contexts().any(|c| c.is_pane() && c.accepts(binding.action)),
                _ => context.accepts(binding.action),
            };
            assert!(works, "[{context:?}] {} does nothing", binding.key);
        }
    }
}

#[test]
fn what_a_context_does_not_handle_never_reaches_it() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 60, 2), 120, 40);
    // A pane, a text prompt and a list prompt.
    for (keys, context) in [
        ("2", Context::Pipeline),
        ("#", Context::Tag),
        ("esc e", Context::Picker),
    ] {
        press(&mut app, keys);
        assert_eq!(app.context(), context);
        let before = screen_text(&draw(&app, 120, 40));
        for (action, _) in COMMANDS {
            if !context.accepts(*action) {
                app.update(*action);
                assert_eq!(app.context(), context, "{action:?} in {context:?}");
            }
        }
        assert_eq!(screen_text(&draw(&app, 120, 40)), before, "{context:?}");
        assert!(!app.should_quit());
    }
}

fn app_with_keymap(store: Arc<hireterm::store::Store>, overrides: &str) -> App {
    let options = AppOptions {
        session: 0,
        actor: "tester".into(),
        clock: Arc::new(FixedClock(now())),
        keymap: Keymap::with_overrides(overrides).unwrap(),
        policy: Default::default(),
        notice: None,
        views: hireterm::filter::default_views(),
        save_view: None,
        role: hireterm::domain::access::Role::Admin,
    };
    let mut app = App::new(store, options).unwrap();
    app.handle_input(Input::Resize(120, 40));
    app
}

fn palette_cursor(app: &App) -> usize {
    match app.overlay() {
        Some(Overlay::Palette(palette)) => palette.cursor.selected,
        other => panic!("no palette: {other:?}"),
    }
}

#[test]
fn a_user_keymap_rebinds_the_palettes_next_hit_key_and_a_text_key() {
    let db = TempDb::new();
    let store = demo_store(&db, 60, 2);
    let overrides =
        "[palette]\nctrl-j = \"down\"\ndown = \"none\"\n\n[text]\nctrl-x = \"clear_line\"\n";
    let mut app = app_with_keymap(store, overrides);
    press(&mut app, "/");
    type_text(&mut app, "dev");
    assert_eq!(palette_cursor(&app), 0);
    press(&mut app, "down");
    assert_eq!(palette_cursor(&app), 0, "down is unbound there now");
    press(&mut app, "ctrl-j ctrl-j");
    assert_eq!(palette_cursor(&app), 2, "ctrl-j moves to the next hit");
    let help = Help::new(app.keymap(), Context::Candidates);
    let palette = help.sections.iter().find(|s| s.context == Context::Palette);
    let rows = &palette.unwrap().rows;
    let down = rows
        .iter()
        .find(|(_, what)| *what == Action::Down.description());
    let keys: Vec<&str> = down.unwrap().0.split(", ").collect();
    assert!(
        keys.contains(&"ctrl-j") && !keys.contains(&"down"),
        "{keys:?}"
    );
    // ctrl-x clears the query; ctrl-u still does too.
    press(&mut app, "ctrl-x");
    match app.overlay() {
        Some(Overlay::Palette(palette)) => assert_eq!(palette.query.text(), ""),
        other => panic!("no palette: {other:?}"),
    }
    // q types in the palette; esc closes it.
    press(&mut app, "q esc");
    assert!(app.overlay().is_none() && !app.should_quit());
}

#[test]
fn the_text_keys_edit_every_prompt_the_same_way() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 60, 2), 120, 40);
    press(&mut app, "1 #");
    type_text(&mut app, "remote only");
    press(&mut app, "ctrl-w");
    type_text(&mut app, "first");
    press(&mut app, "home");
    type_text(&mut app, "x");
    press(&mut app, "delete");
    match app.overlay() {
        Some(Overlay::Tag(tag)) => assert_eq!(tag.text.text(), "xemote first"),
        other => panic!("no tag prompt: {other:?}"),
    }
}

#[test]
fn a_key_bound_where_its_action_does_nothing_is_reported_with_its_line() {
    let error = Keymap::with_overrides("[form]\n\nq = \"sort_next\"\n").unwrap_err();
    assert_eq!(error.line, 3);
    assert!(
        error
            .to_string()
            .contains("`sort_next` does nothing in [form]"),
        "{error}"
    );
    assert!(error.to_string().contains("[candidates]"), "{error}");
    // Anything a pane does may go in [global].
    assert!(Keymap::with_overrides("[global]\nS = \"sort_next\"\n").is_ok());
    let key = Key::parse("S").unwrap();
    let keymap = Keymap::with_overrides("[global]\nS = \"sort_next\"\n").unwrap();
    assert_eq!(
        keymap.action_for(Context::Candidates, key),
        Some(Action::SortNext)
    );
    assert_eq!(
        keymap.action_for(Context::Form, key),
        Some(Action::Insert('S'))
    );
}
