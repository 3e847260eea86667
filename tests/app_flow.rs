//! Flows through `App`: keys in, then what the store holds (and what the
//! app shows).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use hireterm::app::pipeline::{self, COLUMNS};
use hireterm::app::{App, Context, Input, Key, Keymap, Pane};
use hireterm::domain::{CandidateId, EngagementId, Stage};

/// The application as the store holds it now.
fn application_now(
    app: &App,
    engagement: EngagementId,
    candidate: CandidateId,
) -> hireterm::domain::Application {
    app.store()
        .unwrap()
        .application(engagement, candidate)
        .unwrap()
        .unwrap_or_else(|| panic!("no application of {candidate} in {engagement}"))
}

/// The engagement on screen and the card under the pipeline cursor.
fn selected_card(app: &App) -> (EngagementId, CandidateId, Stage) {
    let engagement = app.engagement().expect("an engagement is shown");
    let board = pipeline::board(app.data(), engagement, now());
    let card = app
        .pipeline()
        .selected(&board)
        .expect("a card is under the pipeline cursor");
    (engagement.id, card.candidate.id, card.application.stage)
}

/// Walks right until the cursor is on a card in a column before Placed.
fn land_on_movable_card(app: &mut App) {
    for _ in 0..COLUMNS.len() {
        let engagement = app.engagement().unwrap();
        let board = pipeline::board(app.data(), engagement, now());
        let column = app.pipeline().column;
        if !board[column].is_empty() && COLUMNS[column] != Stage::Placed {
            return;
        }
        press(app, "l");
    }
    panic!("no movable card on the board");
}

#[test]
fn tabs_and_numbers_switch_panes() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 60, 3), 120, 40);
    assert_eq!(
        app.pane(),
        Pane::Home,
        "there are engagements: My work first"
    );
    press(&mut app, "tab");
    assert_eq!(app.pane(), Pane::Candidates);
    press(&mut app, "tab");
    assert_eq!(app.pane(), Pane::Pipeline);
    press(&mut app, "tab tab tab");
    assert_eq!(app.pane(), Pane::Activity, "every pane is in the tab order");
    press(&mut app, "tab");
    assert_eq!(app.pane(), Pane::Bench);
    press(&mut app, "tab");
    assert_eq!(app.pane(), Pane::Reports);
    press(&mut app, "tab");
    assert_eq!(app.pane(), Pane::Home);
    press(&mut app, "shift-tab");
    assert_eq!(app.pane(), Pane::Reports);
    press(&mut app, "shift-tab shift-tab shift-tab shift-tab");
    assert_eq!(app.pane(), Pane::Skills);
    press(&mut app, "4");
    assert_eq!(app.pane(), Pane::Attention);
    press(&mut app, "2");
    assert_eq!(app.pane(), Pane::Pipeline);
    press(&mut app, "0");
    assert_eq!(app.pane(), Pane::Home);
    press(&mut app, "1 q");
    assert!(app.should_quit());
}

#[test]
fn sorting_orders_rows_and_keeps_the_cursor_on_its_candidate() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 200, 3), 120, 40);
    let names: Vec<String> = app
        .candidates()
        .order
        .iter()
        .map(|&i| app.data().candidates()[i as usize].name.clone())
        .collect();
    let collated = |w: &[String]| hireterm::domain::collate::compare(&w[0], &w[1]).is_le();
    assert!(names.windows(2).all(collated), "not sorted by name");
    press(&mut app, "1 j j j");
    let chosen = app.candidates().selected(app.data()).unwrap().id;
    press(&mut app, "s s s s"); // name → role → skills → location → rate
    let rates: Vec<u32> = app
        .candidates()
        .order
        .iter()
        .map(|&i| {
            app.data().candidates()[i as usize]
                .rate
                .as_ref()
                .map_or(u32::MAX, |r| r.min)
        })
        .collect();
    assert!(rates.windows(2).all(|w| w[0] <= w[1]), "not sorted by rate");
    assert_eq!(app.candidates().selected(app.data()).unwrap().id, chosen);
    press(&mut app, "r");
    let first = app.data().candidates()[app.candidates().order[0] as usize]
        .rate
        .as_ref()
        .map_or(0, |r| r.min);
    assert_eq!(
        Some(first),
        rates.iter().copied().filter(|r| *r != u32::MAX).max()
    );
}

#[test]
fn vim_and_page_keys_move_within_bounds() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 100, 2), 80, 24);
    press(&mut app, "1 G");
    assert_eq!(app.candidates().cursor.selected, 99);
    press(&mut app, "j ctrl-d");
    assert_eq!(app.candidates().cursor.selected, 99);
    press(&mut app, "g ctrl-d");
    assert_eq!(
        app.candidates().cursor.selected,
        app.page_rows().div_ceil(2)
    );
    press(&mut app, "ctrl-u ctrl-u k");
    assert_eq!(app.candidates().cursor.selected, 0);
}

#[test]
fn enter_opens_the_detail_and_esc_returns_where_it_came_from() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 60, 3), 120, 40);
    press(&mut app, "1 j enter");
    let shown = app.candidates().detail.unwrap().candidate;
    assert_eq!(
        Some(shown),
        app.candidates().selected(app.data()).map(|c| c.id)
    );
    assert_eq!(app.context(), Context::Detail);
    let text = screen_text(&draw(&app, 120, 40));
    assert!(
        text.contains("Skills") && text.contains("Applications"),
        "{text}"
    );
    press(&mut app, "esc");
    assert!(app.candidates().detail.is_none());

    press(&mut app, "2");
    land_on_movable_card(&mut app);
    let (_, candidate, _) = selected_card(&app);
    press(&mut app, "enter");
    assert_eq!(
        (app.pane(), app.candidates().detail.map(|d| d.candidate)),
        (Pane::Candidates, Some(candidate))
    );
    press(&mut app, "esc");
    assert_eq!(app.pane(), Pane::Pipeline);
}

#[test]
fn moving_a_card_is_durable_before_it_is_shown() {
    let db = TempDb::new();
    let (engagement, candidate, from) = {
        let mut app = app_on(demo_store(&db, 60, 3), 120, 40);
        press(&mut app, "2");
        land_on_movable_card(&mut app);
        let (engagement, candidate, from) = selected_card(&app);
        press(&mut app, ">");
        let to = from.next().unwrap();
        assert!(
            app.status().text.contains(&format!("{from} → {to}")),
            "{:?}",
            app.status()
        );
        assert_eq!(application_now(&app, engagement, candidate).stage, to);
        (engagement, candidate, from)
    };
    // The app (and with it the store) is gone: what it showed is on disk.
    let store = db.open();
    let app = store
        .application(engagement, candidate)
        .unwrap()
        .expect("the moved application is on disk");
    assert_eq!(app.stage, from.next().unwrap());
    assert_eq!(app.history.last().unwrap().actor, "tester");
    assert!(store.check().unwrap().problems.is_empty());
}

#[test]
fn moving_back_and_the_ends_of_the_pipeline() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 60, 3), 120, 40);
    press(&mut app, "2");
    land_on_movable_card(&mut app);
    let (engagement, candidate, stage) = selected_card(&app);
    // The demo's first board (seed 42) has one card in each column.
    assert_eq!(
        (app.pipeline().column, stage),
        (0, Stage::Sourced),
        "the first movable card is the Sourced one"
    );
    // Sourced cannot go back.
    press(&mut app, "<");
    assert!(app.status().is_error, "{:?}", app.status());
    assert!(
        app.status().text.contains("is already in the first stage"),
        "{:?}",
        app.status()
    );
    assert_eq!(stage_now(&app, engagement, candidate), Stage::Sourced);
    // The cursor follows the moved card (see tests/pipeline_cursor.rs), so
    // < moves that same card back again; in an empty column there is no
    // card to act on.
    press(&mut app, ">");
    assert_eq!(stage_now(&app, engagement, candidate), Stage::Screening);
    assert_eq!(app.pipeline().column, 1, "the cursor went with the card");
    press(&mut app, "<");
    assert_eq!(stage_now(&app, engagement, candidate), Stage::Sourced);
    press(&mut app, "> h <");
    assert_eq!(app.pipeline().column, 0);
    assert!(
        app.status().is_error && app.status().text == "no card selected",
        "{:?}",
        app.status()
    );
    assert_eq!(stage_now(&app, engagement, candidate), Stage::Screening);
    // Placed, the last column, cannot go forward.
    press(&mut app, "l l l l l");
    let (_, placed, last) = selected_card(&app);
    assert_eq!(last, Stage::Placed);
    press(&mut app, ">");
    assert!(
        app.status().is_error && app.status().text.contains("is already in the last stage"),
        "{:?}",
        app.status()
    );
    assert_eq!(stage_now(&app, engagement, placed), Stage::Placed);
}

fn stage_now(app: &App, engagement: EngagementId, candidate: CandidateId) -> Stage {
    application_now(app, engagement, candidate).stage
}

#[test]
fn rejecting_records_the_reason_and_takes_the_card_off_the_board() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 60, 3), 120, 40);
    press(&mut app, "2");
    land_on_movable_card(&mut app);
    let (engagement, candidate, _) = selected_card(&app);
    let on_board = |app: &App| {
        pipeline::board(app.data(), app.engagement().unwrap(), now())
            .iter()
            .flatten()
            .any(|c| c.candidate.id == candidate)
    };
    assert!(on_board(&app));
    press(&mut app, "x down down");
    app.handle_input(Input::Paste("asked \u{1b}[31m140\u{202E}".into()));
    press(&mut app, "enter");
    let stored = application_now(&app, engagement, candidate);
    assert_eq!(stored.stage, Stage::Rejected);
    assert_eq!(
        stored.history.last().unwrap().reason.as_deref(),
        Some("failed technical interview: asked [31m140")
    );
    assert!(!on_board(&app));
    assert!(app.status().text.contains("rejected"), "{:?}", app.status());
}

#[test]
fn esc_cancels_a_rejection() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 60, 3), 120, 40);
    press(&mut app, "2");
    land_on_movable_card(&mut app);
    let (engagement, candidate, stage) = selected_card(&app);
    press(&mut app, "x q esc");
    assert!(app.overlay().is_none());
    assert!(!app.should_quit(), "q typed into the prompt must not quit");
    assert_eq!(application_now(&app, engagement, candidate).stage, stage);
}

#[test]
fn choosing_another_engagement_changes_the_board_and_the_matrix() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 80, 4), 120, 40);
    let first = app.engagement().unwrap().id;
    press(&mut app, "3 e down enter");
    let second = app.engagement().unwrap().id;
    assert_ne!(first, second);
    let active = app
        .data()
        .pipeline(second)
        .iter()
        .filter(|a| !a.stage.is_exit())
        .count();
    assert_eq!(app.matrix().order.len(), active);
    press(&mut app, "t");
    assert_eq!(app.matrix().order.len(), 80, "t shows every candidate");
}

#[test]
fn sorting_the_matrix_by_score_puts_the_best_fit_first() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 80, 4), 120, 40);
    press(&mut app, "3 s");
    let engagement = app.engagement().unwrap();
    let scores: Vec<u8> = app
        .matrix()
        .order
        .iter()
        .map(|&i| {
            hireterm::domain::match_score(
                &app.data().candidates()[i as usize],
                engagement,
                &Default::default(),
            )
            .score
        })
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn the_help_overlay_lists_the_real_bindings_of_the_pane() {
    let db = TempDb::new();
    let overrides = "[pipeline]\nm = \"move_forward\"\n";
    let options = hireterm::app::AppOptions {
        session: 0,
        actor: "tester".into(),
        clock: std::sync::Arc::new(hireterm::domain::FixedClock(now())),
        keymap: Keymap::with_overrides(overrides).unwrap(),
        policy: Default::default(),
        notice: None,
        views: hireterm::filter::default_views(),
        save_view: None,
        role: hireterm::domain::access::Role::Admin,
    };
    let mut app = App::new(demo_store(&db, 30, 2), options).unwrap();
    app.handle_input(Input::Resize(120, 40));
    press(&mut app, "2 ?");
    let text = screen_text(&draw(&app, 120, 40));
    assert!(
        text.contains(">, L, m") && text.contains("move the card to the next stage"),
        "{text}"
    );
    press(&mut app, "esc");
    assert!(app.overlay().is_none());
    assert_eq!(
        app.keymap().action_for(Context::Pipeline, Key::char('m')),
        Some(hireterm::app::Action::MoveForward)
    );
}

mod palette {
    use super::*;
    use hireterm::app::overlay::Overlay;
    use hireterm::search::Target;

    fn hits(app: &App) -> Vec<hireterm::search::Hit> {
        match app.overlay() {
            Some(Overlay::Palette(p)) => p.hits.clone(),
            other => panic!("no palette: {other:?}"),
        }
    }

    #[test]
    fn slash_and_ctrl_k_open_it_from_every_pane_and_esc_puts_back_the_view() {
        let db = TempDb::new();
        let mut app = app_on(demo_store(&db, 80, 3), 120, 40);
        for (pane, keys) in [
            (Pane::Candidates, "1 /"),
            (Pane::Pipeline, "2 ctrl-k"),
            (Pane::Skills, "3 /"),
        ] {
            press(&mut app, keys);
            assert!(matches!(app.overlay(), Some(Overlay::Palette(_))), "{keys}");
            type_text(&mut app, "q");
            press(&mut app, "esc");
            assert_eq!(
                (app.pane(), app.overlay().is_none(), app.should_quit()),
                (pane, true, false),
                "{keys}"
            );
        }
    }

    #[test]
    fn a_role_filters_the_candidates_by_fit_and_esc_clears_it() {
        let db = TempDb::new();
        let mut app = app_on(demo_store(&db, 200, 3), 120, 40);
        press(&mut app, "3 /");
        type_text(&mut app, "sre");
        assert_eq!(
            hits(&app)[0].target,
            Target::Role(hireterm::domain::RoleId::new("devops"))
        );
        press(&mut app, "enter");
        assert_eq!(app.pane(), Pane::Candidates);
        let role = app
            .catalog()
            .role(&hireterm::domain::RoleId::new("devops"))
            .unwrap();
        let rows = &app.candidates().order;
        let devops = app
            .data()
            .candidates()
            .iter()
            .filter(|c| c.roles.contains(&role.id))
            .count();
        assert!(
            devops > 0 && devops < 200,
            "the demo has some DevOps people"
        );
        assert_eq!(rows.len(), devops, "exactly the candidates of the role");
        let fits: Vec<u8> = rows
            .iter()
            .map(|&i| hireterm::domain::role_fit(&app.data().candidates()[i as usize], role))
            .collect();
        assert!(
            fits.windows(2).all(|w| w[0] >= w[1]),
            "best fit first: {fits:?}"
        );
        assert!(
            rows.iter()
                .all(|&i| app.data().candidates()[i as usize].roles.contains(&role.id))
        );
        let text = screen_text(&draw(&app, 120, 40));
        assert!(text.contains("filter: role:devops"), "{text}");
        press(&mut app, "esc");
        assert_eq!(
            (
                app.candidates().order.len(),
                app.candidates().filter.is_none()
            ),
            (200, true)
        );
    }

    #[test]
    fn a_skill_lists_its_holders_highest_level_first() {
        let db = TempDb::new();
        let mut app = app_on(demo_store(&db, 200, 3), 120, 40);
        press(&mut app, "/");
        type_text(&mut app, "k8s");
        press(&mut app, "enter");
        let skill = hireterm::domain::SkillId::new("kubernetes");
        let levels: Vec<u8> = app
            .candidates()
            .order
            .iter()
            .map(|&i| app.data().candidates()[i as usize].level(&skill).get())
            .collect();
        let holders = app
            .data()
            .candidates()
            .iter()
            .filter(|c| c.level(&skill).get() > 0)
            .count();
        assert!(holders > 0, "the demo has Kubernetes people");
        assert_eq!(levels.len(), holders, "exactly the skill's holders");
        assert!(levels.iter().all(|l| *l > 0));
        assert!(levels.windows(2).all(|w| w[0] >= w[1]), "{levels:?}");
    }

    #[test]
    fn a_candidate_opens_its_detail_and_an_engagement_its_pipeline() {
        let db = TempDb::new();
        let mut app = app_on(demo_store(&db, 80, 4), 120, 40);
        let name = app.data().candidates()[7].name.clone();
        let id = app.data().candidates()[7].id;
        press(&mut app, "2 /");
        type_text(&mut app, &name);
        let position = hits(&app)
            .iter()
            .position(|h| h.target == Target::Candidate(id))
            .expect("the candidate is among the hits for their name");
        for _ in 0..position {
            press(&mut app, "down");
        }
        press(&mut app, "enter");
        assert_eq!(app.candidates().detail.map(|d| d.candidate), Some(id));
        press(&mut app, "esc");
        assert_eq!(
            app.pane(),
            Pane::Pipeline,
            "esc returns to where the search began"
        );

        let last = app.data().engagements().last().unwrap().clone();
        press(&mut app, "/");
        type_text(&mut app, &last.title);
        let position = hits(&app)
            .iter()
            .position(|h| h.target == Target::Engagement(last.id))
            .expect("the engagement is among the hits for its title");
        for _ in 0..position {
            press(&mut app, "down");
        }
        press(&mut app, "enter");
        assert_eq!(
            (app.pane(), app.engagement().map(|e| e.id)),
            (Pane::Pipeline, Some(last.id))
        );
    }

    #[test]
    fn typed_ahead_keys_run_one_search_and_pasted_text_is_cleaned() {
        let db = TempDb::new();
        let mut app = app_on(demo_store(&db, 40, 2), 120, 40);
        press(&mut app, "/");
        for c in "kube".chars() {
            app.handle_input(Input::Key(Key::char(c)));
        }
        let Some(Overlay::Palette(p)) = app.overlay() else {
            panic!()
        };
        assert!(
            p.stale && p.hits.iter().all(|h| h.label != "Kubernetes"),
            "no search until the frame"
        );
        app.settle();
        assert_eq!(hits(&app)[0].label, "Kubernetes");
        press(&mut app, "ctrl-u");
        app.handle_input(Input::Paste("do\u{1b}[2Jcker".into()));
        app.settle();
        let Some(Overlay::Palette(p)) = app.overlay() else {
            panic!()
        };
        assert_eq!(p.query.text(), "do[2Jcker");
    }
}

#[test]
fn notes_show_in_the_candidate_detail() {
    let db = TempDb::new();
    let store = demo_store(&db, 30, 2);
    let id = store.candidates().unwrap()[0].id;
    store
        .add_note(
            id,
            None,
            "Prefers remote.\nAsked \u{1b}]52;c;x\u{7} about visas.",
            &stamp(),
        )
        .unwrap();
    let mut app = app_on(store, 120, 40);
    press(&mut app, "1");
    let position = app
        .candidates()
        .order
        .iter()
        .position(|&i| app.data().candidates()[i as usize].id == id)
        .expect("the candidate with the note is in the table");
    for _ in 0..position {
        press(&mut app, "j");
    }
    press(&mut app, "enter");
    let text = screen_text(&draw(&app, 120, 40));
    assert!(
        text.contains("Notes")
            && text.contains("Prefers remote.")
            && text.contains("Asked ]52;c;x about visas."),
        "{text}"
    );
    assert!(text.contains("tester"), "the author shows: {text}");
}

#[test]
fn the_attention_pane_lists_the_latest_concern_first_and_jumps_to_the_card() {
    use hireterm::app::attention::{Concern, items};
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 200, 6), 120, 40);
    let list = items(app.data(), app.policy(), now());
    assert!(
        list.iter()
            .any(|i| matches!(i.concern, Concern::Stuck { .. })),
        "the demo has stuck cards"
    );
    assert!(
        list.windows(2).all(|w| w[0].since >= w[1].since),
        "latest first"
    );
    for item in &list {
        if let Concern::Stuck {
            stage,
            days_in_stage,
            ..
        } = item.concern
        {
            assert!(days_in_stage >= app.aging().threshold(stage).unwrap());
        }
    }
    let (index, engagement, candidate) = list
        .iter()
        .enumerate()
        .find_map(|(i, item)| match item.concern {
            Concern::Stuck {
                engagement,
                candidate,
                ..
            } => Some((i, engagement, candidate)),
            _ => None,
        })
        .expect("the demo has a stuck card on the attention list");
    press(&mut app, "4");
    for _ in 0..index {
        press(&mut app, "j");
    }
    press(&mut app, "enter");
    assert_eq!(app.pane(), Pane::Pipeline);
    assert_eq!(selected_card(&app).0, engagement);
    assert_eq!(
        selected_card(&app).1,
        candidate,
        "the cursor is on the stuck card"
    );
}

#[test]
fn a_stricter_aging_policy_flags_more_cards() {
    use hireterm::app::attention::items;
    let db = TempDb::new();
    let app = app_on(demo_store(&db, 200, 6), 120, 40);
    let default = items(app.data(), app.policy(), now()).len();
    let mut strict = hireterm::domain::Policy::default();
    for stage in hireterm::domain::Stage::PIPELINE {
        if stage.is_active() {
            strict.aging.set(stage, Some(1));
        }
    }
    assert!(items(app.data(), &strict, now()).len() > default);
}

#[test]
fn withdrawing_takes_its_own_reasons_and_reopening_puts_the_card_back() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 60, 3), 120, 40);
    press(&mut app, "2");
    land_on_movable_card(&mut app);
    let (engagement, candidate, stage) = selected_card(&app);
    press(&mut app, "w down");
    let text = screen_text(&draw(&app, 120, 40));
    assert!(
        text.contains("Withdraw ") && text.contains("accepted another offer"),
        "{text}"
    );
    press(&mut app, "enter");
    let stored = application_now(&app, engagement, candidate);
    assert_eq!(stored.stage, Stage::Withdrawn);
    assert_eq!(
        stored.history.last().unwrap().reason.as_deref(),
        Some("rate expectations changed")
    );

    // The detail view re-opens it where it was.
    app.handle_input(Input::Key(Key::char('1')));
    let position = app
        .candidates()
        .order
        .iter()
        .position(|&i| app.data().candidates()[i as usize].id == candidate)
        .expect("the card's candidate is in the table");
    press(&mut app, "g");
    for _ in 0..position {
        press(&mut app, "j");
    }
    press(&mut app, "enter o");
    let reopened = application_now(&app, engagement, candidate);
    assert_eq!(reopened.stage, stage);
    assert_eq!(
        reopened.history.last().unwrap().reason.as_deref(),
        Some("re-opened")
    );
    assert!(
        app.status().text.contains("re-opened"),
        "{:?}",
        app.status()
    );
    assert!(app.store().unwrap().check().unwrap().problems.is_empty());
}

#[test]
fn activity_feeds_show_the_event_log_globally_and_per_candidate() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 60, 3), 140, 40);
    press(&mut app, "2");
    land_on_movable_card(&mut app);
    let (_, candidate, from) = selected_card(&app);
    press(&mut app, "> 5");
    assert_eq!(app.pane(), Pane::Activity);
    let newest = &app.activity()[0];
    assert_eq!(newest.actor, "tester");
    assert!(
        matches!(newest.kind, hireterm::domain::EventKind::StageChanged { candidate: c, .. } if c == candidate)
    );
    let text = screen_text(&draw(&app, 140, 40));
    assert!(
        text.contains(&format!("{from} → {}", from.next().unwrap())),
        "{text}"
    );

    press(&mut app, "1 g");
    let position = app
        .candidates()
        .order
        .iter()
        .position(|&i| app.data().candidates()[i as usize].id == candidate)
        .expect("the card's candidate is in the table");
    for _ in 0..position {
        press(&mut app, "j");
    }
    press(&mut app, "enter");
    let shown = app.candidates().detail.unwrap().candidate;
    assert_eq!(shown, candidate);
    let feed = app.detail_feed();
    assert!(!feed.is_empty() && feed.iter().all(|e| e.kind.candidate() == Some(shown)));
    assert!(feed.windows(2).all(|w| w[0].id > w[1].id), "newest first");
    assert_eq!(
        feed.len(),
        app.store()
            .unwrap()
            .events()
            .unwrap()
            .iter()
            .filter(|e| e.kind.candidate() == Some(shown))
            .filter(|e| !matches!(e.kind, hireterm::domain::EventKind::CandidateViewed { .. }))
            .count(),
        "every change, without the record of who opened it (that is the audit's)"
    );
}

#[test]
fn marked_cards_move_and_reject_together_in_one_go() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 300, 4), 140, 40);
    press(&mut app, "2");
    let engagement = app.engagement().unwrap().id;
    // Mark every card of the fullest column before Placed.
    let board = pipeline::board(app.data(), app.engagement().unwrap(), now());
    let column = (0..COLUMNS.len() - 1)
        .max_by_key(|&c| board[c].len())
        .unwrap();
    let ids: Vec<CandidateId> = board[column].iter().map(|c| c.candidate.id).collect();
    assert_eq!(ids.len(), 2, "the demo's fullest column holds two cards");
    for _ in 0..column {
        press(&mut app, "l");
    }
    for _ in 0..ids.len() {
        press(&mut app, "space j");
    }
    assert_eq!(app.marks().len(), ids.len());
    let events_before = app.store().unwrap().events().unwrap().len();
    press(&mut app, ">");
    assert!(
        app.status()
            .text
            .contains(&format!("moved {} marked cards forward", ids.len())),
        "{:?}",
        app.status()
    );
    assert!(app.marks().is_empty());
    assert_eq!(
        app.store().unwrap().events().unwrap().len(),
        events_before + ids.len(),
        "one event per card"
    );
    for id in &ids {
        assert_eq!(
            application_now(&app, engagement, *id).stage,
            COLUMNS[column + 1]
        );
    }

    // Mark them all again and reject them with one reason: all eight
    // cards on the board but the placed one, which cannot be rejected.
    press(&mut app, "*");
    let marked = app.marks().clone();
    let placed: Vec<CandidateId> = marked
        .iter()
        .copied()
        .filter(|id| stage_now(&app, engagement, *id) == Stage::Placed)
        .collect();
    assert_eq!((marked.len(), placed.len()), (8, 1), "{marked:?}");
    press(&mut app, "x down enter");
    assert_eq!(
        app.status().text,
        "7 marked cards rejected: rate above budget",
        "{:?}",
        app.status()
    );
    let rejected = marked
        .iter()
        .filter(|id| stage_now(&app, engagement, **id) == Stage::Rejected)
        .count();
    assert_eq!(rejected, 7);
    assert_eq!(stage_now(&app, engagement, placed[0]), Stage::Placed);
    assert!(app.marks().is_empty());
    assert!(app.store().unwrap().check().unwrap().problems.is_empty());
}

#[test]
fn a_scorecard_rates_required_skills_and_shows_as_assessed_levels() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 300, 4), 140, 40);
    press(&mut app, "2");
    // Find an engagement and a card in Technical interview.
    let technical = COLUMNS
        .iter()
        .position(|s| *s == Stage::TechnicalInterview)
        .unwrap();
    let mut found = false;
    for _ in 0..app.data().engagements().len() {
        let board = pipeline::board(app.data(), app.engagement().unwrap(), now());
        if !board[technical].is_empty() {
            found = true;
            break;
        }
        press(&mut app, "e down enter");
    }
    assert!(found, "the demo has a card in technical interview");
    for _ in 0..technical {
        press(&mut app, "l");
    }
    let (engagement, candidate, _) = selected_card(&app);
    let first_skill = app.engagement().unwrap().requirements[0].skill.clone();
    let skills = app.engagement().unwrap().requirements.len();
    press(&mut app, "c 3 down 2");
    for _ in 1..skills {
        press(&mut app, "down");
    }
    press(&mut app, "4 down a b c enter");
    assert!(
        app.status().text.contains("scorecard saved"),
        "{:?}",
        app.status()
    );
    let stored = application_now(&app, engagement, candidate);
    let card = stored
        .scorecards
        .last()
        .expect("the scorecard is stored on the application");
    assert_eq!(card.ratings[0], (first_skill, 3));
    assert_eq!(
        card.recommendation,
        hireterm::domain::Recommendation::StrongYes
    );
    assert_eq!(
        (card.notes.as_str(), card.author.as_str()),
        ("abc", "tester")
    );

    // The matrix shows the rating starred beside the self-reported digit,
    // on the requirement's 0-5 scale (a 3 of 4 stands for 4).
    press(&mut app, "3");
    let text = screen_text(&draw(&app, 140, 40));
    assert!(text.contains("★4"), "{text}");

    // No recommendation, no save; and not outside the interview stages.
    press(&mut app, "2 c enter");
    assert!(app.status().is_error && app.status().text.contains("recommendation"));
    press(&mut app, "esc");
}

#[test]
fn undo_and_redo_moves_rejections_and_bulk_actions_audited_in_the_log() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 300, 4), 140, 40);
    press(&mut app, "2");
    land_on_movable_card(&mut app);
    let (engagement, candidate, stage) = selected_card(&app);
    let stage_of = |app: &App| application_now(app, engagement, candidate).stage;

    press(&mut app, ">");
    assert_eq!(stage_of(&app), stage.next().unwrap());
    press(&mut app, "u");
    assert_eq!(stage_of(&app), stage, "{:?}", app.status());
    let last = application_now(&app, engagement, candidate)
        .history
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        (last.reason.as_deref(), last.actor.as_str()),
        (Some("undo"), "tester")
    );
    press(&mut app, "ctrl-r");
    assert_eq!(stage_of(&app), stage.next().unwrap());
    press(&mut app, "u");

    // A rejection undone puts the card back where it was.
    press(&mut app, "x enter");
    assert_eq!(stage_of(&app), Stage::Rejected);
    press(&mut app, "u");
    assert_eq!(stage_of(&app), stage);

    // A bulk move is one undo.
    press(&mut app, "*");
    let marked: Vec<CandidateId> = app.marks().iter().copied().collect();
    let before: Vec<Stage> = marked
        .iter()
        .map(|c| application_now(&app, engagement, *c).stage)
        .collect();
    assert_eq!(marked.len(), 8, "every card of the demo's first board");
    press(&mut app, ">");
    assert_eq!(
        app.status().text,
        "moved 6 marked cards forward (2 could not move forward: placing needs each \
         card's terms, > on each)",
        "the placed card cannot move on, the one at Offer needs its terms"
    );
    press(&mut app, "u");
    let after: Vec<Stage> = marked
        .iter()
        .map(|c| application_now(&app, engagement, *c).stage)
        .collect();
    assert_eq!(before, after);

    // Nothing left to redo after a new action; nothing to undo at the bottom.
    press(&mut app, "> ctrl-r");
    assert!(app.status().is_error && app.status().text.contains("nothing to redo"));
    for _ in 0..10 {
        press(&mut app, "u");
    }
    assert!(
        app.status().text.contains("nothing to undo"),
        "{:?}",
        app.status()
    );
    let undos = app.store().unwrap().events().unwrap().iter().filter(|e| matches!(&e.kind, hireterm::domain::EventKind::StageChanged { reason: Some(r), .. } if r == "undo")).count();
    // Every undo is in the event log: the move, the redone move, the
    // rejection, the six cards of the bulk move, and the last move.
    assert_eq!(undos, 10, "every undo is in the event log");
    assert!(
        app.store().unwrap().check().unwrap().problems.is_empty(),
        "{:?}",
        app.store().unwrap().check().unwrap().problems
    );
}

#[test]
fn an_undo_refuses_when_the_card_has_moved_since() {
    let db = TempDb::new();
    let store = demo_store(&db, 200, 3);
    let mut app = app_on(store.clone(), 140, 40);
    press(&mut app, "2");
    land_on_movable_card(&mut app);
    let (engagement, candidate, stage) = selected_card(&app);
    assert_eq!(stage, Stage::Sourced, "the demo's first movable card");
    press(&mut app, ">");
    assert_eq!(stage_now(&app, engagement, candidate), Stage::Screening);
    // Someone else (the CLI, another session) moves it on meanwhile.
    let elsewhere = Stage::TechnicalInterview;
    store
        .move_stage(engagement, candidate, elsewhere, None, &stamp())
        .unwrap();
    press(&mut app, "u");
    assert!(
        app.status().is_error && app.status().text.contains("has moved since"),
        "{:?}",
        app.status()
    );
    assert_eq!(
        store
            .application(engagement, candidate)
            .unwrap()
            .unwrap()
            .stage,
        elsewhere
    );
}

#[test]
fn notes_are_written_inline_on_a_candidate_or_a_card() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 60, 3), 140, 40);
    press(&mut app, "1 enter n");
    let candidate = app.candidates().detail.unwrap().candidate;
    type_text(&mut app, "Call back Monday");
    app.handle_input(Input::Paste(" \u{1b}[31mre: rate".into()));
    press(&mut app, "enter");
    assert_eq!(app.status().text, "note saved");
    let notes = app.store().unwrap().notes_of(candidate).unwrap();
    assert_eq!(
        (notes[0].text.as_str(), notes[0].engagement),
        ("Call back Monday [31mre: rate", None)
    );
    // The notes follow the applications: scrolled into sight.
    press(&mut app, "pgdn pgdn");
    assert!(screen_text(&draw(&app, 140, 40)).contains("Call back Monday"));

    press(&mut app, "esc 2");
    land_on_movable_card(&mut app);
    let (engagement, card, _) = selected_card(&app);
    press(&mut app, "n");
    type_text(&mut app, "q is text here");
    press(&mut app, "enter");
    assert!(!app.should_quit());
    let notes = app.store().unwrap().notes_of(card).unwrap();
    assert_eq!(
        notes.last().map(|n| (n.text.as_str(), n.engagement)),
        Some(("q is text here", Some(engagement)))
    );
    press(&mut app, "n esc");
    assert_eq!(
        app.store().unwrap().notes_of(card).unwrap().len(),
        notes.len(),
        "esc discards"
    );
}

#[test]
fn a_frontend_with_an_editor_collects_the_note_there() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 30, 2), 140, 40);
    app.enable_external_editor();
    press(&mut app, "1 enter n");
    assert!(
        app.overlay().is_none(),
        "no inline editor when an external one is offered"
    );
    let target = app.take_external_edit().expect("a request for the editor");
    app.finish_external_edit(target, Some("Written in vim.\nTwo lines.".into()));
    let notes = app.store().unwrap().notes_of(target.candidate).unwrap();
    assert_eq!(notes[0].text, "Written in vim.\nTwo lines.");
    // An editor that fails or returns nothing falls back to the inline one.
    press(&mut app, "n");
    let target = app.take_external_edit().unwrap();
    app.finish_external_edit(target, None);
    assert!(matches!(
        app.overlay(),
        Some(hireterm::app::overlay::Overlay::Note(_))
    ));
}

#[test]
fn tags_go_on_marked_cards_in_one_go_and_undo_takes_them_off() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 200, 3), 140, 40);
    press(&mut app, "2 *");
    let marked: Vec<CandidateId> = app.marks().iter().copied().collect();
    assert_eq!(marked.len(), 8, "every card of the demo's first board");
    press(&mut app, "#");
    type_text(&mut app, "shortlist-q3");
    press(&mut app, "enter");
    assert!(
        app.status().text.contains("shortlist-q3"),
        "{:?}",
        app.status()
    );
    let tagged = |app: &App| {
        marked
            .iter()
            .filter(|c| {
                app.store()
                    .unwrap()
                    .candidate(**c)
                    .unwrap()
                    .unwrap()
                    .tags
                    .contains(&"shortlist-q3".to_string())
            })
            .count()
    };
    assert_eq!(tagged(&app), marked.len());
    assert!(marked.iter().all(|c| {
        app.data()
            .candidate(*c)
            .unwrap()
            .tags
            .contains(&"shortlist-q3".to_string())
    }));
    press(&mut app, "u");
    assert_eq!(tagged(&app), 0, "{:?}", app.status());
    press(&mut app, "ctrl-r");
    assert_eq!(tagged(&app), marked.len());
    assert!(app.store().unwrap().check().unwrap().problems.is_empty());
}

#[test]
fn a_note_can_be_undone_and_redone() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 40, 2), 140, 40);
    press(&mut app, "1 enter n");
    let candidate = app.candidates().detail.unwrap().candidate;
    type_text(&mut app, "Too junior");
    press(&mut app, "enter");
    assert_eq!(app.store().unwrap().notes_of(candidate).unwrap().len(), 1);
    press(&mut app, "u");
    assert!(
        app.store().unwrap().notes_of(candidate).unwrap().is_empty(),
        "{:?}",
        app.status()
    );
    assert!(app.data().notes_of(candidate).is_empty());
    press(&mut app, "ctrl-r");
    assert_eq!(
        app.store().unwrap().notes_of(candidate).unwrap()[0].text,
        "Too junior"
    );
    press(&mut app, "u");
    assert!(
        app.store().unwrap().notes_of(candidate).unwrap().is_empty(),
        "the redone note is undone by its new id"
    );
    let removed = app
        .store()
        .unwrap()
        .events()
        .unwrap()
        .iter()
        .filter(|e| matches!(e.kind, hireterm::domain::EventKind::NoteRemoved { .. }))
        .count();
    assert_eq!(removed, 2, "each undo is in the log");
    assert!(app.store().unwrap().check().unwrap().problems.is_empty());
}

#[test]
fn rows_of_the_candidates_table_are_marked_and_tagged_together() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 50, 2), 140, 40);
    press(&mut app, "1 space space space");
    assert_eq!(app.marks().len(), 3, "space marks and moves down");
    assert!(screen_text(&draw(&app, 140, 40)).contains("● "));
    press(&mut app, "#");
    type_text(&mut app, "call-back");
    press(&mut app, "enter");
    let tagged = app
        .data()
        .candidates()
        .iter()
        .filter(|c| c.tags.contains(&"call-back".to_string()))
        .count();
    assert_eq!(tagged, 3);
    press(&mut app, "* esc");
    assert!(app.marks().is_empty(), "esc clears the marks");
}

#[test]
fn a_backup_can_be_taken_while_the_app_runs() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 30, 2), 140, 40);
    press(&mut app, "ctrl-b");
    assert!(
        app.status().text.starts_with("backup written to"),
        "{:?}",
        app.status()
    );
    let target = db
        .dir
        .path()
        .join("db.backups")
        .join(now().format("%Y%m%d-%H%M%S").to_string());
    let copy = hireterm::store::Store::open(&target).unwrap();
    assert_eq!(copy.candidate_count(), 30);
    // A second backup right away is refused: over SSH many sessions share
    // the server's disk.
    press(&mut app, "ctrl-b");
    assert!(
        app.status().is_error && app.status().text.contains("the next one can be taken in"),
        "{:?}",
        app.status()
    );
    let folders = std::fs::read_dir(db.dir.path().join("db.backups")).unwrap();
    assert_eq!(folders.flatten().filter(|e| e.path().is_dir()).count(), 1);
}

#[test]
fn the_detail_view_never_scrolls_its_text_out_of_sight() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 30, 2), 120, 40);
    press(&mut app, "enter");
    for _ in 0..200 {
        app.handle_input(Input::Key(Key::char('j')));
    }
    let text = screen_text(&draw(&app, 120, 40));
    assert!(
        text.contains("Activity"),
        "the end of the detail stays on screen: {text}"
    );
}
