//! A demo database set up for the role tests: an engagement with a
//! submittal still waiting for the client's answer, an interviewer (bob)
//! assigned to it, and a session of any role over the shared records.

use super::engines::Opens;
use super::{TempDb, app_on_records, demo_store, draw, press, screen_text, stamp};
use hireterm::app::App;
use hireterm::app::records::Records;
use hireterm::catalog::Catalog;
use hireterm::domain::access::Role;
use hireterm::domain::{CandidateId, EngagementId, SubmittalId};
use hireterm::store::Store;
use std::sync::Arc;

pub const WIDTH: u16 = 160;
pub const HEIGHT: u16 = 50;

/// The world on a folder, or (`World::on`) on either engine.
pub struct World<D = TempDb> {
    pub db: D,
    pub store: Arc<Store>,
    pub records: Arc<Records>,
    /// The guest's and bob's engagement.
    pub engagement: EngagementId,
    /// Its client's name (the guest is `client:` it).
    pub client: String,
    /// A submittal of that engagement with no answer yet.
    pub waiting: SubmittalId,
}

impl World {
    pub fn new() -> World {
        World::on(TempDb::new())
    }
}

impl<D: Opens> World<D> {
    /// The world in `db`, a fresh database on any engine.
    pub fn on(db: D) -> World<D> {
        let store = demo_store(&db, 120, 6);
        let submittals = store.submittals().unwrap();
        let waiting = submittals
            .iter()
            .find(|s| s.answers.is_empty())
            .expect("a submittal waiting for its answer")
            .clone();
        let client = store.client(waiting.client).unwrap().unwrap().name;
        store
            .assign_interviewer(waiting.engagement, "bob", false, &stamp())
            .unwrap();
        let records = Records::load(Arc::clone(&store), Catalog::builtin()).unwrap();
        World {
            db,
            store,
            records,
            engagement: waiting.engagement,
            client,
            waiting: waiting.id,
        }
    }

    /// The five roles, the guest being this world's client's.
    pub fn roles(&self) -> [Role; 5] {
        [
            Role::Admin,
            Role::Recruiter,
            Role::Interviewer,
            Role::Client(self.client.clone()),
            Role::Viewer,
        ]
    }

    /// A session of `role` over the shared records, on the world's
    /// engagement's board.
    pub fn app(&self, role: &Role) -> App {
        let actor = match role {
            Role::Admin => "ana",
            Role::Recruiter => "rui",
            Role::Interviewer => "bob",
            Role::Client(_) => "guest",
            Role::Viewer => "vic",
        };
        let mut app = app_on_records(
            Arc::clone(&self.records),
            actor,
            role.clone(),
            WIDTH,
            HEIGHT,
        );
        show_engagement(&mut app, self.engagement);
        app
    }

    /// How many events the log holds.
    pub fn events(&self) -> usize {
        self.store.events().unwrap().len()
    }
}

/// Chooses an engagement in the picker (`e`, its id, enter).
pub fn show_engagement(app: &mut App, engagement: EngagementId) {
    press(app, "e");
    super::type_text(app, &engagement.to_string());
    press(app, "enter 2");
    assert_eq!(app.engagement().map(|e| e.id), Some(engagement));
}

/// Puts the board's cursor on a candidate's card.
pub fn select_card(app: &mut App, candidate: CandidateId) {
    for _ in 0..500 {
        let board = app.board();
        let (column, row) = board
            .iter()
            .enumerate()
            .find_map(|(c, cards)| {
                let r = cards
                    .iter()
                    .position(|card| card.candidate.id == candidate)?;
                Some((c, r))
            })
            .expect("the card is on the board");
        let at = (app.pipeline().column, app.pipeline().cards[column].selected);
        let key = match at {
            (c, _) if c < column => "l",
            (c, _) if c > column => "h",
            (_, r) if r < row => "j",
            (_, r) if r > row => "k",
            _ => return,
        };
        press(app, key);
    }
    panic!("could not reach the card of {candidate}");
}

/// The screen of every pane (and the detail of each candidate on the
/// board), as one text.
pub fn every_screen(app: &mut App) -> String {
    let mut text = String::new();
    for pane in ["0", "1", "2", "3", "4", "5", "6", "7"] {
        press(app, pane);
        text.push_str(&screen_text(&draw(app, WIDTH, HEIGHT)));
    }
    press(app, "2");
    let cards: Vec<CandidateId> = (app.board().iter().flatten())
        .map(|c| c.candidate.id)
        .collect();
    for candidate in cards {
        press(app, "2");
        select_card(app, candidate);
        press(app, "enter");
        text.push_str(&screen_text(&draw(app, WIDTH, HEIGHT)));
        press(app, "esc");
    }
    text
}

/// What of the demo's candidates (emails, phones, rate ranges) shows in
/// `text`.
pub fn secrets_in(store: &Store, text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for c in store.candidates().unwrap() {
        let mut secrets = vec![c.email.clone()];
        secrets.extend(c.phone.clone());
        secrets.extend(c.rate.filter(|r| r.min != r.max).map(|r| r.to_string()));
        found.extend(secrets.into_iter().filter(|s| text.contains(s.as_str())));
    }
    found
}
