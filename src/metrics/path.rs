//! Questions the reports ask of an application's effective path (the
//! stays its history adds up to once undone moves are taken out). The
//! path itself is `domain::history`'s, the one the board, Attention and
//! the detail read too, so that a report and the screen never disagree
//! on when a card entered a stage.

pub use crate::domain::history::{
    Stay, effective_path, fractional_days as days_between, is_forward,
};
use crate::domain::{Stage, Timestamp};

/// The last stay in `stage` that began within `[start, end)`, if any.
pub fn last_entry_between(
    path: &[Stay],
    stage: Stage,
    start: Timestamp,
    end: Timestamp,
) -> Option<&Stay> {
    path.iter()
        .rev()
        .find(|s| s.stage == stage && start <= s.entered && s.entered < end)
}

/// Whether the path enters `stage` at or after `since`.
pub fn enters_after(path: &[Stay], stage: Stage, since: Timestamp) -> bool {
    path.iter().any(|s| s.stage == stage && s.entered >= since)
}

#[cfg(test)]
mod tests {
    use super::Stage::*;
    use super::*;
    use crate::domain::StageChange;
    use crate::domain::testing::at;

    #[test]
    fn the_last_entry_in_a_period_and_entries_after_a_day() {
        let change = |from, to, day| StageChange {
            from,
            to,
            at: at(day),
            actor: "ana".into(),
            reason: None,
        };
        let history = [
            change(None, Screening, 1),
            change(Some(Screening), Rejected, 2),
            change(Some(Rejected), Screening, 6),
        ];
        let mut path = Vec::new();
        effective_path(&history, &mut path);
        let last = last_entry_between(&path, Screening, at(1), at(10)).unwrap();
        assert_eq!(last.entered, at(6));
        assert!(last_entry_between(&path, Screening, at(2), at(6)).is_none());
        assert!(enters_after(&path, Screening, at(6)));
        assert!(!enters_after(&path, Screening, at(7)));
    }
}
