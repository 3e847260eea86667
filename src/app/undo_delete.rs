//! Undo and redo of a deletion: the record put back under its id (the
//! store records it as added again), or deleted again. Each is a write of
//! its own, checked and audited like the deletion.

use super::App;
use super::records::Snapshot;
use crate::domain::{Client, Engagement, Note};
use crate::store::DeletedCandidate;

/// A record deleted, whole, so that an undo can put it back.
#[derive(Debug, Clone, PartialEq)]
pub enum Deleted {
    Candidate(Box<DeletedCandidate>),
    Engagement(Engagement),
    Client(Client),
    Note(Note),
}

impl Deleted {
    /// `C12 Ana Lima`, `E3 Platform engineers`, `note N5 of C12`.
    pub fn describe(&self) -> String {
        let said = match self {
            Deleted::Candidate(d) => format!("{} {}", d.candidate.id, d.candidate.name),
            Deleted::Engagement(e) => format!("{} {}", e.id, e.title),
            Deleted::Client(c) => format!("{} {}", c.id, c.name),
            Deleted::Note(n) => format!("note {} of {}", n.id, n.candidate),
        };
        crate::domain::text::clean_line(&said)
    }
}

impl App {
    /// Puts the record back (undo) or deletes it again (redo); the
    /// deletion as it now stands, or `None` when the store refused.
    pub(super) fn replay_deleted(&mut self, deleted: &Deleted, redo: bool) -> Option<Deleted> {
        let written = match redo {
            true => self.delete_again(deleted),
            false => self
                .put_back(deleted)
                .map(|snapshot| (deleted.clone(), snapshot)),
        };
        match written {
            Ok((now, snapshot)) => {
                self.took_in_deletion(&now, snapshot, !redo);
                let said = match redo {
                    true => format!("redid: deleted {}", now.describe()),
                    false => format!("undid the delete: {} is back", now.describe()),
                };
                self.say(said);
                Some(now)
            }
            Err(error) => {
                self.complain(error.to_string());
                None
            }
        }
    }

    fn put_back(&mut self, deleted: &Deleted) -> crate::store::Result<Snapshot> {
        let by = self.writer();
        let records = &self.records;
        let written = match deleted {
            Deleted::Candidate(d) => records.restore_candidate(&by, d),
            Deleted::Engagement(e) => records.restore_engagement(&by, e),
            Deleted::Client(c) => records.restore_client(&by, c),
            Deleted::Note(n) => records.restore_note(&by, n),
        };
        written.map(|((), snapshot)| snapshot)
    }

    fn delete_again(&mut self, deleted: &Deleted) -> crate::store::Result<(Deleted, Snapshot)> {
        let by = self.writer();
        let records = &self.records;
        Ok(match deleted {
            Deleted::Candidate(d) => {
                let (d, s) = records.delete_candidate(&by, d.candidate.id)?;
                (Deleted::Candidate(Box::new(d)), s)
            }
            Deleted::Engagement(e) => {
                let (e, s) = records.delete_engagement(&by, e.id)?;
                (Deleted::Engagement(e), s)
            }
            Deleted::Client(c) => {
                let (c, s) = records.delete_client(&by, c.id)?;
                (Deleted::Client(c), s)
            }
            Deleted::Note(n) => {
                let (n, s) = records.delete_note(&by, n)?;
                (Deleted::Note(n), s)
            }
        })
    }

    /// Takes in the snapshot of a deletion (`back`: of a record put back),
    /// with the cursors and the board on what is there now.
    pub(super) fn took_in_deletion(&mut self, deleted: &Deleted, snapshot: Snapshot, back: bool) {
        match (deleted, back) {
            (Deleted::Candidate(d), true) => self.take_in_candidate(snapshot, d.candidate.id),
            (Deleted::Candidate(d), false) => {
                let id = d.candidate.id;
                self.marks.remove(&id);
                if self
                    .candidates
                    .detail
                    .is_some_and(|open| open.candidate == id)
                {
                    self.pane = self.candidates.detail.map_or(self.pane, |d| d.opened_from);
                    self.candidates.detail = None;
                }
                self.adopt(snapshot);
            }
            (Deleted::Engagement(e), true) => {
                self.adopt(snapshot);
                self.show_engagement(e.id);
            }
            (Deleted::Engagement(e), false) => {
                self.adopt(snapshot);
                if self.engagement == Some(e.id) {
                    self.engagement = super::first_open(self.data.engagements());
                    self.pipeline = Default::default();
                    self.refresh_views();
                }
            }
            (Deleted::Client(_) | Deleted::Note(_), _) => {
                self.adopt(snapshot);
                self.refresh_feeds();
            }
        }
    }
}
