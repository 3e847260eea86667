//! The first pass: every record checked, every problem noted with its
//! place, and a plan of what the second pass will do with each record.
//! Only small keys are kept: emails and names for duplicates within the
//! file, and ids for references between records.

use super::fields::{Problem, Row};
use super::import::{ImportReport, OnDuplicate};
use super::records::{ApplicationRecord, EngagementRecord, NoteRecord};
use super::{MAX_LISTED, Sink, row};
use crate::catalog::Catalog;
use crate::domain::duplicate::{Duplicate, DuplicateIndex};
use crate::domain::note::note_text;
use crate::domain::{Candidate, CandidateId, Timestamp};
use crate::store::{Store, application_problem};
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
        }
    }

    fn problem_at(&mut self, problem: Problem) {
        let text = match &self.file {
            Some(file) => format!("{file}: {problem}"),
            None => problem.to_string(),
        };
        note(
            &mut self.report.problems,
            &mut self.report.problem_count,
            text,
        );
    }

    fn notice(&mut self, line: u64, text: String) {
        let text = match &self.file {
            Some(file) => format!("{file}: line {line}: {text}"),
            None => format!("line {line}: {text}"),
        };
        note(
            &mut self.report.notices,
            &mut self.report.notice_count,
            text,
        );
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
            Some(found) => self.duplicate_step(found, line),
        }
    }

    fn duplicate_step(&mut self, found: Duplicate, line: u64) -> Result<Step, Problem> {
        let name = self
            .existing
            .as_ref()
            .and_then(|e| e.store.candidate(found.existing).ok().flatten())
            .map(|c| c.name)
            .unwrap_or_default();
        let what = format!("duplicate of {} {name} ({})", found.existing, found.reason);
        match self.on_duplicate {
            OnDuplicate::Error => Err(Problem::line(line, what)),
            OnDuplicate::Skip => {
                self.report.skipped += 1;
                self.notice(line, format!("{what}: skipped"));
                Ok(Step::Leave)
            }
            OnDuplicate::Merge => {
                self.report.merged += 1;
                self.notice(line, format!("{what}: merged into it"));
                Ok(Step::Merge(found.existing))
            }
        }
    }

    fn refuse(&mut self, problems: Vec<Problem>) {
        self.report.invalid += 1;
        for problem in problems {
            self.problem_at(problem);
        }
    }
}

/// Lists the first [`MAX_LISTED`] texts and counts them all.
fn note(list: &mut Vec<String>, count: &mut usize, text: String) {
    *count += 1;
    if list.len() < MAX_LISTED {
        list.push(text);
    }
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
        let problem = if record.id.0 == 0 {
            Some("engagement id 0 is not an id".to_string())
        } else if let Some(earlier) = self.engagement_ids.get(&record.id.0) {
            Some(format!(
                "engagement {} is also on line {earlier}",
                record.id
            ))
        } else if self.catalog.role(&record.role).is_none() {
            Some(format!("unknown role type `{}`", record.role))
        } else if record.title.trim().is_empty() || record.headcount == 0 {
            Some("an engagement needs a title and a headcount".to_string())
        } else {
            None
        };
        let ok = self.secondary(line, problem);
        if ok {
            self.engagement_ids.insert(record.id.0, line);
        }
        self.plan.engagements.push(ok);
    }

    fn application(&mut self, line: u64, record: ApplicationRecord) {
        let key = (record.engagement.0, record.candidate.0);
        let problem = if !self.engagement_ids.contains_key(&key.0) {
            Some(format!(
                "engagement {} is not in the file",
                record.engagement
            ))
        } else if !self.ids.contains_key(&key.1) {
            Some(format!("candidate {} is not in the file", record.candidate))
        } else if self.applications.contains(&key) {
            Some("this application appears twice".to_string())
        } else {
            application_problem(&record.into_domain())
        };
        let ok = self.secondary(line, problem);
        if ok {
            self.applications.insert(key);
        }
        self.plan.applications.push(ok);
    }

    fn note(&mut self, line: u64, record: NoteRecord) {
        let problem = if record.id.0 == 0 {
            Some("note id 0 is not an id".to_string())
        } else if let Some(earlier) = self.note_ids.get(&record.id.0) {
            Some(format!("note {} is also on line {earlier}", record.id))
        } else if !self.ids.contains_key(&record.candidate.0) {
            Some(format!("candidate {} is not in the file", record.candidate))
        } else if let Some(e) = record
            .engagement
            .filter(|e| !self.applications.contains(&(e.0, record.candidate.0)))
        {
            Some(format!(
                "{} has no application to {e} in the file",
                record.candidate
            ))
        } else {
            note_text(&record.text).err()
        };
        let ok = self.secondary(line, problem);
        if ok {
            self.note_ids.insert(record.id.0, line);
        }
        self.plan.notes.push(ok);
    }

    fn problem(&mut self, problem: Problem) {
        self.refuse(vec![problem]);
    }

    fn stop(&mut self, problem: Problem) {
        self.problem_at(problem);
        self.report.stopped = self.report.problems.last().cloned();
    }
}

impl Checker<'_> {
    /// Counts an engagement, application or note as fine or refused.
    fn secondary(&mut self, line: u64, problem: Option<String>) -> bool {
        match problem {
            None => true,
            Some(message) => {
                self.refuse(vec![Problem::line(line, message)]);
                false
            }
        }
    }
}
