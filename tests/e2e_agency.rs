//! End to end, the agency's loop in the real binary (tmux, `--demo`):
//! a client and an engagement made in their forms, three people added
//! from the skill matrix, submitted to the client, the client's answers
//! recorded, one moved through the interviews to Placed on terms, and
//! found on the bench as ending on the day given.
//!
//! Without tmux this test is skipped, except under `CI`, where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod tmux;

use tmux::*;

/// Waits for `text` in the status line (the bottom line).
fn status_says(app: &Session, text: &str) -> String {
    app.wait_for(&format!("the status line to say {text:?}"), |screen| {
        status_line(screen).contains(text)
    })
}

/// The name in the title of the candidate detail on screen.
fn detail_name(screen: &str) -> String {
    let line = screen
        .lines()
        .find(|l| l.contains("┌ ") && l.contains(" · C"))
        .unwrap();
    let title = line.split("┌ ").nth(1).unwrap();
    title.split(" · C").next().unwrap().trim().to_string()
}

#[test]
fn a_client_an_engagement_three_submittals_answers_and_a_placement_on_the_bench() {
    if !have_tmux() {
        return;
    }
    let app = Session::start(120, 40);
    app.wait_until_up();

    // A client, then an engagement for it.
    app.type_text("2C");
    app.wait_for_text("New client");
    app.type_text("Acme Robotics");
    app.press("Tab");
    app.type_text("Jane Roe <jane@acme-robotics.example> +1 555 0100");
    app.press("C-s");
    status_says(&app, "saved client Acme Robotics");
    app.type_text("A");
    app.wait_for_text("New engagement");
    app.type_text("acme rob");
    app.press("Enter");
    app.press("Tab");
    app.press("Tab");
    app.type_text("DevOps for Acme Robotics");
    app.press("Tab");
    app.type_text("devops");
    app.press("Enter");
    app.press("Tab");
    app.type_text("kube");
    app.press("Enter");
    app.type_text("2m");
    for _ in 0..3 {
        app.press("Tab");
    }
    app.type_text("60-150");
    app.press("Tab");
    app.press("Tab");
    app.type_text("120");
    app.press("C-s");
    status_says(&app, "added E13 DevOps for Acme Robotics");

    // Three people from the skill matrix (all candidates), each with p.
    app.type_text("3t");
    app.wait_for("the matrix of every candidate", is_matrix);
    for n in 1..=3 {
        app.type_text("p");
        app.wait_for_text("Add to the pipeline of");
        app.press("Enter");
        status_says(&app, "1 added to E13 at Sourced");
        app.type_text("j");
        if n < 3 {
            app.wait_for("the status to clear", |screen| {
                !status_line(screen).contains("added")
            });
        }
    }

    // Each submitted to the client, on the board.
    app.type_text("2");
    app.wait_for("three cards at Sourced", |s| count(s, "Sourced") == Some(3));
    for _ in 0..3 {
        app.type_text("S");
        app.wait_for_text("The profile sent:");
        app.press("Enter");
        status_says(&app, "submitted to jane@acme-robotics.example");
        app.type_text("j");
    }
    let screen = app.wait_for("three submitted cards", |s| s.matches("◆?").count() == 3);
    assert!(screen.contains("Submit") || screen.contains("◆?"));

    // The answers: a rejection with its reason, a hold, an interview.
    app.type_text("g");
    app.type_text("a");
    app.wait_for_text("The client's answer");
    app.press("Down");
    app.type_text("rate above budget");
    app.press("Enter");
    status_says(&app, "rejected by the client");
    app.type_text("ja");
    app.wait_for_text("The client's answer");
    app.press("Down");
    app.press("Down");
    app.press("Enter");
    status_says(&app, "on hold");
    app.type_text("ja");
    app.wait_for_text("The client's answer");
    app.press("Enter");
    status_says(&app, "moved to Client interview");

    // Through the interviews to Placed, on terms: the cursor went with
    // the card to Client interview.
    app.wait_for("the Client interview column", |s| {
        count(s, "Client") == Some(1)
    });
    app.press("Enter");
    let name = detail_name(&app.wait_for_text("Applications"));
    app.press("Escape");
    // Esc then > at once would read as alt->: wait for the board.
    app.wait_for("the board again", is_board);
    app.type_text(">");
    status_says(&app, "Client interview → Offer");
    // Still on the card, now at Offer: > asks for the placement's terms.
    app.type_text(">");
    app.wait_for_text(&format!("Place {name} in E13"));
    let end = (chrono::Utc::now().date_naive() + chrono::Duration::days(20)).to_string();
    app.press("Tab");
    app.type_text(&end);
    app.press("C-s");
    status_says(&app, "placed (P");
    app.wait_for("the card at Placed", |s| count(s, "Placed") == Some(1));

    // The bench: ending on the day given, free the day after.
    app.type_text("6");
    app.wait_for_text("Bench · free within 30 days");
    // Latest free at the bottom: page up from there until the row shows.
    app.type_text("G");
    let wanted = format!("ends {end}");
    let mut screen = String::new();
    for _ in 0..20 {
        screen = app.screen();
        if screen.contains(&wanted) {
            break;
        }
        app.press("PageUp");
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
    let row = screen
        .lines()
        .find(|l| l.contains(&format!("ends {end}")))
        .unwrap();
    assert!(
        row.contains(&name),
        "the placed person: {row}\n{}",
        framed(&screen)
    );
    app.quit();
}
