//! The pieces of an applications import, alone.
use super::*;
use crate::domain::Stage;
use crate::domain::testing::at;

#[test]
fn stages_are_named_as_move_takes_them_in_any_case() {
    for (text, stage) in [
        ("technical", Stage::TechnicalInterview),
        ("Technical interview", Stage::TechnicalInterview),
        ("TechnicalInterview", Stage::TechnicalInterview),
        ("client_interview", Stage::ClientInterview),
        ("CLIENT", Stage::ClientInterview),
        ("screen", Stage::Screening),
        (" Placed ", Stage::Placed),
        ("withdrawn", Stage::Withdrawn),
    ] {
        assert_eq!(stage_named(text), Ok(stage), "{text}");
    }
    let vague = stage_named("Interview").unwrap_err();
    assert!(
        vague.contains("Technical interview or Client interview"),
        "{vague}"
    );
    let unknown = stage_named("hired\u{1b}[2J").unwrap_err();
    assert!(
        unknown.starts_with("`hired[2J` is not a stage: sourced, screening,"),
        "{unknown}"
    );
}

#[test]
fn dates_are_midnight_utc_and_times_are_kept_to_the_millisecond() {
    let now = at(20);
    let midnight = entered_at("2026-01-05", now).unwrap();
    assert_eq!(midnight.to_rfc3339(), "2026-01-05T00:00:00+00:00");
    let time = entered_at("2026-01-05T14:30:00.123456+02:00", now).unwrap();
    assert_eq!(time.to_rfc3339(), "2026-01-05T12:30:00.123+00:00");
    assert!(entered_at("2026-01-21", now).is_ok(), "today, anywhere");
    let future = entered_at("2026-01-22", now).unwrap_err();
    assert!(future.contains("in the future"), "{future}");
    for bad in ["2026-13-01", "0000-12-31", "5 May", "2026-01-05T25:00:00Z"] {
        assert!(entered_at(bad, now).is_err(), "{bad}");
    }
    assert!(
        entered_at("2026-13-01", now)
            .unwrap_err()
            .contains("YYYY-MM-DD")
    );
}

#[test]
fn an_empty_database_knows_no_row_but_still_checks_its_values() {
    let text = "engagement,candidate,stage,date\nE1,C1,nowhere,2026-01-02\n";
    let report = check_alone(text.as_bytes(), &Stamp::new(at(20), "t"));
    assert_eq!((report.rows, report.invalid, report.added), (1, 1, 0));
    assert_eq!(report.rows_of, RowKind::Applications);
    assert_eq!(report.problem_count, 3, "{:?}", report.problems);
    assert!(report.problems[2].contains("`nowhere` is not a stage"));
}

#[test]
fn a_candidates_rows_in_one_engagement_fold_into_one_history_by_date() {
    let text = "engagement,candidate,stage,date,actor\n\
                E1,C1,technical,2026-01-09,Rui\n\
                E1,C1,sourced,2026-01-02,Ana\n\
                E1,C1,screening,2026-01-05,Ana\n\
                E1,C1,screening,2026-01-06,Ana\n";
    let mut folding = fold::Folding::default();
    let stamp = Stamp::new(at(20), "t");
    let read = rows::read(
        text.as_bytes(),
        &Everything,
        &stamp,
        &mut |_, entry| folding.add(entry.unwrap()),
        &mut |_| {},
    );
    assert!(read.is_ok());
    let folded = folding.finish(&Everything);
    assert_eq!(folded.len(), 1);
    assert_eq!(folded[0].rows, 4);
    let history = folded[0].history.as_ref().unwrap();
    let moves: Vec<(Option<Stage>, Stage, &str)> = (history.iter())
        .map(|c| (c.from, c.to, c.actor.as_str()))
        .collect();
    assert_eq!(
        moves,
        [
            (None, Stage::Sourced, "Ana"),
            (Some(Stage::Sourced), Stage::Screening, "Ana"),
            (Some(Stage::Screening), Stage::TechnicalInterview, "Rui"),
        ],
        "the repeated stage adds nothing"
    );
}

#[test]
fn a_move_hireterm_refuses_is_a_problem_of_its_row() {
    let text = "engagement,candidate,stage,date\n\
                E1,C1,offer,2026-01-02\n\
                E1,C1,screening,2026-01-05\n";
    let mut folding = fold::Folding::default();
    let stamp = Stamp::new(at(20), "t");
    let mut each = |_, entry: Result<rows::Entry, _>| folding.add(entry.unwrap());
    assert!(rows::read(text.as_bytes(), &Everything, &stamp, &mut each, &mut |_| {}).is_ok());
    let folded = folding.finish(&Everything);
    let problems = folded[0].history.as_ref().unwrap_err();
    assert_eq!(
        problems[0].to_string(),
        "line 3: C1 in E1 moves from Offer to Screening on 2026-01-05, which hireterm \
         does not allow (back one stage at most; out of an exit only into an active stage)"
    );
}

/// A database where every id names a record and nobody is in a pipeline.
struct Everything;

impl Lookup for Everything {
    fn engagement(&self, text: &str) -> Result<EngagementRef, String> {
        text.parse()
            .map(EngagementRef::Stored)
            .map_err(|_| text.into())
    }

    fn candidate(&self, text: &str) -> Result<crate::domain::CandidateId, String> {
        text.parse().map_err(|_| text.into())
    }

    fn stage_of(
        &self,
        _: EngagementId,
        _: crate::domain::CandidateId,
    ) -> Result<Option<Stage>, String> {
        Ok(None)
    }
}
