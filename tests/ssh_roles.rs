//! Roles over SSH, end to end: the real `hireterm serve` with keys of
//! three roles in its authorized_keys, reached by real OpenSSH clients in
//! tmux. A client's guest (a contact of a demo client) sees only the
//! candidates submitted to that client and answers one; a recruiter
//! watching that candidate sees the answer arrive, live. An interviewer
//! sees only their engagement, and no rate on any screen. Every byte the
//! server sent those two sessions is kept (tmux pipe-pane) and scanned,
//! with every screen they showed, for the demo's emails, phones and rates.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod ssh;

use hireterm::app::{App, AppOptions, Keymap};
use hireterm::domain::access::Role;
use hireterm::domain::{CandidateId, Submittal, SystemClock};
use hireterm::store::Store;
use ssh::*;
use std::path::Path;
use std::sync::Arc;

/// Who plays which part: the guest's submittal and contact, bob's
/// engagement.
struct Cast {
    /// Every demo candidate's email, phone and rate range.
    secrets: Vec<String>,
    waiting: Submittal,
    /// How many people were submitted to the guest's client.
    submitted: usize,
    client: String,
    contact: (String, String),
    name: String,
}

/// Picks the parts from the demo database and assigns bob to an
/// engagement other than the guest's.
fn cast(db: &Path) -> Cast {
    let store = Store::open(db).unwrap();
    let waiting = (store.submittals().unwrap().into_iter())
        .find(|s| s.answers.is_empty())
        .expect("a submittal waiting for its answer");
    let client = store.client(waiting.client).unwrap().unwrap();
    let contact = &client.contacts[0];
    let bobs = (store.engagements().unwrap().into_iter())
        .find(|e| e.id != waiting.engagement)
        .unwrap();
    let stamp = hireterm::domain::Stamp::new(chrono::Utc::now(), "ana");
    store
        .assign_interviewer(bobs.id, "bob", false, &stamp)
        .unwrap();
    let name = store.candidate(waiting.candidate).unwrap().unwrap().name;
    let mut people: Vec<CandidateId> = (store.submittals().unwrap().iter())
        .filter(|s| s.client == client.id)
        .map(|s| s.candidate)
        .collect();
    people.sort();
    people.dedup();
    let mut secrets = Vec::new();
    for c in store.candidates().unwrap() {
        secrets.push(c.email.clone());
        secrets.extend(c.phone.clone());
        secrets.extend(c.rate.filter(|r| r.min != r.max).map(|r| r.to_string()));
    }
    Cast {
        submitted: people.len(),
        secrets,
        client: client.name.clone(),
        contact: (contact.name.clone(), contact.email.clone()),
        waiting,
        name,
    }
}

/// The column and row of a card on the board a session of `role` would
/// draw now (the server's sessions draw the same).
fn place_on_board(db: &Path, role: Role, candidate: CandidateId) -> (usize, usize) {
    let options = AppOptions {
        actor: "probe".into(),
        clock: Arc::new(SystemClock),
        keymap: Keymap::defaults(),
        policy: Default::default(),
        notice: None,
        session: 0,
        views: hireterm::filter::default_views(),
        save_view: None,
        role,
    };
    let app = App::new(Arc::new(Store::open(db).unwrap()), options).unwrap();
    let board = app.board();
    board
        .iter()
        .enumerate()
        .find_map(|(c, cards)| Some((c, cards.iter().position(|k| k.candidate.id == candidate)?)))
        .unwrap()
}

/// A tmux terminal whose every byte goes to `NAME.bytes`: the script
/// waits for the pipe before it starts ssh.
fn open_recorded(server: &Server, tmux: &Tmux, name: &str, key: &str) {
    let go = server.path(&format!("{name}.go"));
    let script = format!(
        "while [ ! -e {} ]; do sleep 0.05; done; {}",
        quote(&go.display().to_string()),
        server.ssh_script(key)
    );
    tmux.open(name, (160, 45), &script);
    let bytes = server.path(&format!("{name}.bytes"));
    let pipe = format!("cat >> {}", quote(&bytes.display().to_string()));
    tmux.run(&["pipe-pane", "-t", name, "-o", &pipe]);
    std::fs::write(go, "").unwrap();
}

/// Every pane of a session, each captured once it shows.
fn visit_panes(tmux: &Tmux, name: &str, seen: &mut Vec<String>) {
    let panes: [(&str, &str); 8] = [
        ("0", "My work"),
        ("1", "Candidates ("),
        ("2", "Sourced ("),
        ("3", "pipeline of "),
        ("4", "Needs attention ("),
        ("5", "Activity · the newest"),
        ("6", "Bench · free within"),
        ("7", "Reports"),
    ];
    for (key, marker) in panes {
        tmux.type_text(name, key);
        seen.push(tmux.wait_for(name, marker, |s| s.contains(marker)));
    }
}

/// The detail of every card on the session's board, each captured.
fn visit_cards(tmux: &Tmux, name: &str, seen: &mut Vec<String>) {
    tmux.type_text(name, "2");
    let board = tmux.wait_for(name, "the board", |s| board_counts(s).is_some());
    for (column, &cards) in board_counts(&board).unwrap().iter().enumerate() {
        tmux.type_text(name, &format!("hhhhhh{}g", "l".repeat(column)));
        for _ in 0..cards {
            tmux.press(name, "Enter");
            seen.push(tmux.wait_for(name, "a detail", |s| s.contains("Applications")));
            tmux.press(name, "Escape");
            tmux.wait_for(name, "the board again", |s| board_counts(s).is_some());
            tmux.type_text(name, "j");
        }
    }
}

/// Which of `secrets` show in `text`.
fn found<'a>(secrets: &'a [String], text: &str) -> Vec<&'a String> {
    secrets
        .iter()
        .filter(|s| text.contains(s.as_str()))
        .collect()
}

#[test]
fn a_guest_answers_live_and_an_interviewer_sees_no_rate_or_contact() {
    if !have_tools() {
        return;
    }
    let mut roles = None;
    let mut server = Server::start_with(
        Path::new(env!("CARGO_BIN_EXE_hireterm")),
        &[],
        |dir, _| {
            let cast = cast(&dir.join("db"));
            for (name, comment) in [("guest", "guest"), ("intv", "intv")] {
                keygen(dir, name, comment);
            }
            let key =
                |name: &str| std::fs::read_to_string(dir.join(format!("{name}.pub"))).unwrap();
            let keys = format!(
                "{}hireterm-role=\"client:{}\",hireterm-user=\"{}\" {}hireterm-role=\"interviewer\",hireterm-user=\"bob\" {}",
                key("ana"),
                cast.client.to_uppercase(),
                cast.contact.1,
                key("guest"),
                key("intv"),
            );
            std::fs::write(dir.join("authorized_keys"), keys).unwrap();
            let guest = Role::Client(cast.client.clone());
            let spot = place_on_board(&dir.join("db"), guest, cast.waiting.candidate);
            roles = Some((cast, spot));
        },
    );
    let (cast, (column, row)) = roles.unwrap();
    let tmux = Tmux::new(server.dir.path());
    tmux.open("ana", (160, 45), &server.ssh_script("ana"));
    open_recorded(&server, &tmux, "guest", "guest");
    open_recorded(&server, &tmux, "intv", "intv");
    tmux.wait_for("guest", "the guest's first screen", |s| {
        s.contains(&home_of(&cast.contact.0))
    });
    tmux.wait_for("intv", "bob's first screen", |s| {
        s.contains(&home_of("bob"))
    });

    // Ana, a recruiter, watches the candidate's submittals.
    tmux.wait_for("ana", "ana's first screen", |s| s.contains(&home_of("ana")));
    tmux.type_text("ana", "/");
    tmux.type_text("ana", &cast.name);
    tmux.press("ana", "Enter");
    let sent = cast.waiting.id.to_string();
    let waiting = |s: &str| {
        s.lines()
            .any(|l| l.contains(&format!("◆ {sent} ")) && l.contains("none yet"))
    };
    let ana = tmux.wait_for("ana", "the submittal waiting", waiting);
    assert!(
        !found(&cast.secrets, &ana).is_empty(),
        "a recruiter sees contacts and rates"
    );

    let mut seen = Vec::new();
    visit_panes(&tmux, "guest", &mut seen);
    assert_eq!(
        count(&seen[1], "Candidates"),
        Some(cast.submitted),
        "{}",
        seen[1]
    );
    visit_cards(&tmux, "guest", &mut seen);
    tmux.type_text(
        "guest",
        &format!("2hhhhhh{}g{}", "l".repeat(column), "j".repeat(row)),
    );
    tmux.type_text("guest", "a");
    tmux.wait_for("guest", "the answer prompt", |s| s.contains(&cast.name));
    tmux.press("guest", "Enter");
    tmux.wait_for("guest", "the answer recorded", |s| {
        status_line(s).contains("interview requested")
    });
    // On ana's screen, with no key pressed.
    tmux.wait_for("ana", "the guest's answer, live", |s| {
        s.lines()
            .any(|l| l.contains(&format!("◆ {sent} ")) && l.contains("interview requested"))
    });

    visit_panes(&tmux, "intv", &mut seen);
    visit_cards(&tmux, "intv", &mut seen);
    tmux.type_text("intv", "2>");
    let refused = tmux.wait_for("intv", "the refusal", |s| {
        status_line(s).contains("may not")
    });
    assert!(status_line(&refused).contains("An interviewer may not move cards"));

    let screens = seen.join("\n");
    let bytes = |name: &str| {
        String::from_utf8_lossy(&std::fs::read(server.path(&format!("{name}.bytes"))).unwrap())
            .into_owned()
    };
    let (guest, bob) = (bytes("guest"), bytes("intv"));
    assert!(
        guest.len() > 1000 && bob.len() > 1000,
        "the bytes were recorded"
    );
    for text in [&screens, &guest, &bob] {
        assert_eq!(found(&cast.secrets, text), Vec::<&String>::new());
    }
    assert!(!bob.contains("/h"), "no rate reaches the interviewer");
    assert!(server.terminate().success(), "{}", server.log());
    let store = Store::open(server.path("db")).unwrap();
    let answered = store.submittal(cast.waiting.id).unwrap().unwrap();
    let answer = answered.answers.last().unwrap();
    assert_eq!(
        answer.by, cast.contact.0,
        "the answer is the client contact's"
    );
}
