//! The first pass: every record checked, every problem noted with its
//! place, and a plan of what the second pass will do with each record.
//! Only small keys are kept: emails and names for duplicates within the
//! file, ids for references between records, and the records that
//! planned merges change.
//!
//! A record passes only if it would be written as it is: the first pass
//! builds each one exactly as the second will (the same cleaning and
//! conversion, [`row::candidate`] and [`convert`]) and applies the store's
//! own rules to it, and to the record a merge would leave. So an import
//! that passes its checks is not stopped half-way by the store.

use super::convert::{self, Problems};
use super::fields::{Problem, Row};
use super::records::{ApplicationRecord, EngagementRecord, NoteRecord};
use super::report::{ImportReport, MAX_LISTED, OnDuplicate};
use super::{Sink, row};
use crate::catalog::Catalog;
use crate::domain::duplicate::{self, Duplicate, DuplicateIndex};
use crate::domain::{Candidate, CandidateId, Timestamp};
use crate::store::Store;
use std::collections::{HashMap, HashSet};

/// What the second pass does with one candidate row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Add,
    Leave,
    Merge(CandidateId),
}

/// The outcome of the first pass.
#[derive(Debug, Default)]
pub struct Plan {
    pub candidates: Vec<Step>,
    /// Per engagement, application and note in file order: write it?
    pub engagements: Vec<bool>,
    pub applications: Vec<bool>,
    pub notes: Vec<bool>,
    /// The highest candidate id in the file, so that rows without one can
    /// be given ids past it.
    pub max_candidate_id: u64,
    /// The listed notices of the first merges, in order: where each sits
    /// in the report, and its text up to what the merge did (the second
    /// pass adds the event it was stored as).
    pub merge_notices: Vec<(usize, String)>,
}

impl Plan {
    pub fn has_links(&self) -> bool {
        !(self.engagements.is_empty() && self.applications.is_empty() && self.notes.is_empty())
    }
}

/// The existing database, as far as duplicates go.
pub struct Existing<'s> {
    pub store: &'s Store,
    pub index: DuplicateIndex,
}

pub struct Checker<'a> {
    pub catalog: &'a Catalog,
    pub now: Timestamp,
    pub on_duplicate: OnDuplicate,
    pub existing: Option<Existing<'a>>,
    pub plan: Plan,
    pub report: ImportReport,
    file: Option<String>,
    in_file: DuplicateIndex,
    ids: HashMap<u64, u64>,
    engagement_ids: HashMap<u64, u64>,
    applications: HashSet<(u64, u64)>,
    note_ids: HashMap<u64, u64>,
    /// Stored candidates as the planned merges so far leave them, so that
    /// a second merge into one is checked against the first's result.
    merged: HashMap<CandidateId, Candidate>,
}

impl<'a> Checker<'a> {
    pub fn new(catalog: &'a Catalog, now: Timestamp, on_duplicate: OnDuplicate) -> Self {
        Checker {
            catalog,
            now,
            on_duplicate,
            existing: None,
            plan: Plan::default(),
            report: ImportReport::default(),
            file: None,
            in_file: DuplicateIndex::default(),
            ids: HashMap::new(),
            engagement_ids: HashMap::new(),
            applications: HashSet::new(),
            note_ids: HashMap::new(),
            merged: HashMap::new(),
        }
    }

    /// A problem as listed: with the file it is in, for a folder.
    fn placed(&self, problem: &Problem) -> String {
        match &self.file {
            Some(file) => format!("{file}: {problem}"),
            None => problem.to_string(),
        }
    }

    fn problem_at(&mut self, problem: Problem) {
        let text = self.placed(&problem);
        note(
            &mut self.report.problems,
            &mut self.report.problem_count,
            text,
        );
    }

    /// Notes a notice; where it is listed, if it is.
    fn notice(&mut self, text: String) -> Option<usize> {
        note(
            &mut self.report.notices,
            &mut self.report.notice_count,
            text,
        )
    }

    /// The candidate's step, after the checks a valid row still faces:
    /// a repeated id, a duplicate earlier in the file, one in the database.
    fn step(&mut self, candidate: &mut Candidate, line: u64) -> Result<Step, Problem> {
        if candidate.id.0 != 0
            && let Some(&earlier) = self.ids.get(&candidate.id.0)
        {
            let message = format!("id {} is also on line {earlier}", candidate.id.0);
            return Err(Problem::line(line, message));
        }
        // The in-file index is keyed by line, not id: the candidate is
        // looked up as new (id 0) and kept under its line, then given its
        // own id back. No copy of the row is made.
        let file_id = std::mem::replace(&mut candidate.id, CandidateId(0));
        let earlier = self.in_file.find(candidate);
        candidate.id = CandidateId(line);
        if earlier.is_none() {
            self.in_file.insert(candidate);
        }
        let existing = self.existing.as_ref().and_then(|e| {
            candidate.id = CandidateId(0);
            e.index.find(candidate)
        });
        candidate.id = file_id;
        if let Some(earlier) = earlier {
            let message = format!(
                "duplicate of line {} ({})",
                earlier.existing.0, earlier.reason
            );
            return Err(Problem::line(line, message));
        }
        match existing {
            None => Ok(Step::Add),
            Some(found) => self.duplicate_step(found, candidate, line),
        }
    }

    fn duplicate_step(
        &mut self,
        found: Duplicate,
        candidate: &Candidate,
        line: u64,
    ) -> Result<Step, Problem> {
        let name = self
            .stored(found.existing)
            .map(|c| c.name.clone())
            .unwrap_or_default();
        let what = format!("duplicate of {} {name} ({})", found.existing, found.reason);
        match self.on_duplicate {
            OnDuplicate::Error => Err(Problem::line(line, what)),
            OnDuplicate::Skip => {
                self.report.skipped += 1;
                self.notice(self.placed(&Problem::line(line, format!("{what}: skipped"))));
                Ok(Step::Leave)
            }
            OnDuplicate::Merge => {
                if let Err(problems) = self.plan_merge(found.existing, candidate) {
                    let message = format!("{what}: cannot merge: {}", problems.join("; "));
                    return Err(Problem::line(line, message));
                }
                self.report.merged += 1;
                let prefix = self.placed(&Problem::line(line, what));
                if let Some(slot) = self.notice(format!("{prefix}: to be merged")) {
                    self.plan.merge_notices.push((slot, prefix));
                }
                Ok(Step::Merge(found.existing))
            }
        }
    }

    /// The stored candidate `id`, as the merges planned so far leave it.
    fn stored(&self, id: CandidateId) -> Option<Candidate> {
        if let Some(merged) = self.merged.get(&id) {
            return Some(merged.clone());
        }
        let store = self.existing.as_ref()?.store;
        store.candidate(id).ok().flatten()
    }

    /// Checks the record merging `incoming` into `existing` would leave,
    /// as [`Store::merge_candidate`] will, and keeps it for later merges.
    fn plan_merge(&mut self, existing: CandidateId, incoming: &Candidate) -> Result<(), Problems> {
        let Some(stored) = self.stored(existing) else {
            return Err(vec![format!("{existing} could not be read")]);
        };
        let after = duplicate::merge(&stored, incoming);
        let problems = after.problems();
        if !problems.is_empty() {
            return Err(problems);
        }
        self.merged.insert(existing, after);
        Ok(())
    }

    fn refuse(&mut self, problems: Vec<Problem>) {
        self.report.invalid += 1;
        for problem in problems {
            self.problem_at(problem);
        }
    }

    /// Counts an engagement, application or note as fine or refused.
    fn secondary(&mut self, line: u64, problems: Problems) -> bool {
        if problems.is_empty() {
            return true;
        }
        let problems = problems
            .into_iter()
            .map(|message| Problem::line(line, message))
            .collect();
        self.refuse(problems);
        false
    }

    /// What is wrong with an application's references to the file.
    fn application_links(&self, record: &ApplicationRecord) -> Option<String> {
        let key = (record.engagement.0, record.candidate.0);
        if !self.engagement_ids.contains_key(&key.0) {
            Some(format!(
                "engagement {} is not in the file",
                record.engagement
            ))
        } else if !self.ids.contains_key(&key.1) {
            Some(format!("candidate {} is not in the file", record.candidate))
        } else if self.applications.contains(&key) {
            Some("this application appears twice".to_string())
        } else {
            None
        }
    }

    /// What is wrong with a note's id and references to the file.
    fn note_links(&self, record: &NoteRecord) -> Option<String> {
        if let Some(earlier) = self.note_ids.get(&record.id.0) {
            Some(format!("note {} is also on line {earlier}", record.id))
        } else if !self.ids.contains_key(&record.candidate.0) {
            Some(format!("candidate {} is not in the file", record.candidate))
        } else {
            record
                .engagement
                .filter(|e| !self.applications.contains(&(e.0, record.candidate.0)))
                .map(|e| format!("{} has no application to {e} in the file", record.candidate))
        }
    }
}

/// Lists the first [`MAX_LISTED`] texts and counts them all; where the
/// text is listed, if it is.
fn note(list: &mut Vec<String>, count: &mut usize, text: String) -> Option<usize> {
    *count += 1;
    if list.len() < MAX_LISTED {
        list.push(text);
        return Some(list.len() - 1);
    }
    None
}

/// The problems of a converted record, or none.
fn problems_of<T>(converted: Result<T, Problems>) -> Problems {
    converted.err().unwrap_or_default()
}

impl Sink for Checker<'_> {
    fn file(&mut self, name: &str) {
        self.file = Some(name.to_string());
    }

    fn candidate(&mut self, row: Row) {
        self.report.rows += 1;
        let line = row.line;
        let checked = row::candidate(&row, self.catalog, self.now)
            .and_then(|mut c| self.step(&mut c, line).map(|s| (c, s)).map_err(|p| vec![p]));
        match checked {
            Ok((candidate, step)) => {
                self.plan.max_candidate_id = self.plan.max_candidate_id.max(candidate.id.0);
                if step == Step::Add {
                    self.report.added += 1;
                    if candidate.id.0 != 0 {
                        self.ids.insert(candidate.id.0, line);
                    }
                }
                self.plan.candidates.push(step);
            }
            Err(problems) => {
                self.refuse(problems);
                self.plan.candidates.push(Step::Leave);
            }
        }
    }

    fn engagement(&mut self, line: u64, record: EngagementRecord) {
        let id = record.id;
        let mut problems = problems_of(convert::engagement(record, self.catalog));
        if let Some(earlier) = self.engagement_ids.get(&id.0) {
            problems.insert(0, format!("engagement {id} is also on line {earlier}"));
        }
        let ok = self.secondary(line, problems);
        if ok {
            self.engagement_ids.insert(id.0, line);
        }
        self.plan.engagements.push(ok);
    }

    fn application(&mut self, line: u64, record: ApplicationRecord) {
        let key = (record.engagement.0, record.candidate.0);
        let problems = match self.application_links(&record) {
            Some(problem) => vec![problem],
            None => problems_of(convert::application(record, self.catalog)),
        };
        let ok = self.secondary(line, problems);
        if ok {
            self.applications.insert(key);
        }
        self.plan.applications.push(ok);
    }

    fn note(&mut self, line: u64, record: NoteRecord) {
        let id = record.id;
        let mut problems: Problems = self.note_links(&record).into_iter().collect();
        problems.extend(problems_of(convert::note(record)));
        let ok = self.secondary(line, problems);
        if ok {
            self.note_ids.insert(id.0, line);
        }
        self.plan.notes.push(ok);
    }

    fn problem(&mut self, problem: Problem) {
        self.refuse(vec![problem]);
    }

    /// The problem that ended the reading is listed like any other, and
    /// kept as the reason (the list may be full by then).
    fn stop(&mut self, problem: Problem) {
        let text = self.placed(&problem);
        note(
            &mut self.report.problems,
            &mut self.report.problem_count,
            text.clone(),
        );
        self.report.stopped = Some(text);
    }
}
