//! Driving the app to a record and running commands, as a user would:
//! the cursor put on a candidate's row, a `:` command typed and run, and
//! the question a prompt asks. And the byte scan of a database's files.

use super::{press, snapshot_files, type_text};
use hireterm::app::App;
use hireterm::app::overlay::Overlay;
use hireterm::domain::CandidateId;
use std::path::Path;

/// The candidates table (`1`) with the cursor on `id`.
pub fn select_row(app: &mut App, id: CandidateId) {
    press(app, "1 g");
    let row = (app.candidates().order.iter())
        .position(|&i| app.data().candidates()[i as usize].id == id)
        .expect("the candidate is in the table");
    for _ in 0..row {
        press(app, "j");
    }
    let selected = app.candidates().selected(app.data()).map(|c| c.id);
    assert_eq!(selected, Some(id));
}

/// `:` then `text`, run with Enter.
pub fn command(app: &mut App, text: &str) {
    press(app, ":");
    type_text(app, text);
    press(app, "enter");
}

/// The yes-or-no question on screen; panics when there is none.
pub fn question(app: &App) -> String {
    match app.overlay() {
        Some(Overlay::Confirm(question)) => question.question.clone(),
        other => panic!("no question: {other:?}; status {:?}", app.status()),
    }
}

/// Every file under `folder` holding `needle`, by path.
pub fn files_holding(folder: &Path, needle: &str) -> Vec<String> {
    let files = snapshot_files(folder).into_iter();
    let holding =
        files.filter(|(_, bytes)| (bytes.windows(needle.len())).any(|w| w == needle.as_bytes()));
    holding
        .map(|(path, _)| path.display().to_string())
        .collect()
}
