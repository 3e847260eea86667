//! The first pass: every record checked, every problem noted with its
//! place, and a plan of what the second pass will do with each record.
//! Only small keys are kept: emails and names for duplicates within the
//! file, ids for references between records (and each client's name and
//! contact emails, which engagements and submittals dated from the
//! import on are checked against), and the records that planned merges
//! change.
//!
//! A record passes only if it would be written as it is: the first pass
//! builds each one exactly as the second will (the same cleaning and
//! conversion, [`row::candidate`] and [`convert`]) and applies the store's
//! own rules to it, and to the record a merge would leave. So an import
//! that passes its checks is not stopped half-way by the store.

use super::agency::{ClientRecord, PlacementRecord, SubmittalRecord};
use super::convert::{self, Problems};
use super::external::{self, ExternalIndex};
use super::fields::{Problem, Row};
use super::records::{ApplicationRecord, EngagementRecord, NoteRecord};
use super::report::{ImportReport, MAX_LISTED, OnDuplicate};
use super::{Converted, Sink, row};
use crate::catalog::Catalog;
use crate::domain::client::same_name;
use crate::domain::duplicate::{self, Duplicate, DuplicateIndex};
use crate::domain::ids::MAX_ID;
use crate::domain::text::{clean_line, fold, normalize_email};
use crate::domain::{Candidate, Client};
use crate::domain::{CandidateId, ChangeKind, ClientId, EngagementId, Stage, Timestamp};
use crate::store::Store;
use std::collections::{HashMap, HashSet};

/// What the second pass does with one candidate row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Add,
    Leave,
    Merge(CandidateId),
    /// Update this stored record from the row (see `external::update`):
    /// the row names it by its id in another system.
    Update(CandidateId),
}

/// The outcome of the first pass.
#[derive(Debug, Default)]
pub struct Plan {
    pub candidates: Vec<Step>,
    /// Per record of each other kind, in file order: write it?
    pub clients: Vec<bool>,
    pub engagements: Vec<bool>,
    pub applications: Vec<bool>,
    pub submittals: Vec<bool>,
    pub placements: Vec<bool>,
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
    /// Whether the file holds more than candidates: records with ids
    /// that others refer to, which only an empty database can keep.
    pub fn has_links(&self) -> bool {
        [
            &self.clients,
            &self.engagements,
            &self.applications,
            &self.submittals,
            &self.placements,
            &self.notes,
        ]
        .iter()
        .any(|kind| !kind.is_empty())
    }
}

/// The existing database, as far as duplicates go.
pub struct Existing<'s> {
    pub store: &'s Store,
    pub index: DuplicateIndex,
    /// The stored candidates by their ids in other systems.
    pub external: ExternalIndex,
}

pub struct Checker<'a> {
    pub catalog: &'a Catalog,
    pub now: Timestamp,
    pub on_duplicate: OnDuplicate,
    pub existing: Option<Existing<'a>>,
    /// Rows matching an erased person are imported, not refused.
    pub allow_erased: bool,
    pub plan: Plan,
    pub report: ImportReport,
    file: Option<String>,
    in_file: DuplicateIndex,
    /// The file's rows by their ids in other systems, under their lines.
    in_file_ids: ExternalIndex,
    ids: HashMap<u64, u64>,
    engagement_ids: HashMap<u64, u64>,
    applications: HashSet<(u64, u64)>,
    /// The cards at Placed: a placement that has not ended early is on one.
    placed: HashSet<(u64, u64)>,
    note_ids: HashMap<u64, u64>,
    /// The clients accepted, by id.
    clients: HashMap<u64, FileClient>,
    /// Folded client name -> its line.
    client_names: HashMap<String, u64>,
    submittal_ids: HashMap<u64, u64>,
    placement_ids: HashMap<u64, u64>,
    /// Stored candidates as the planned merges so far leave them, so that
    /// a second merge into one is checked against the first's result.
    merged: HashMap<CandidateId, Candidate>,
    /// Rows to add that have no id, and where the first of them is: with
    /// the file's ids kept, they are numbered past its highest.
    without_id: (u64, Option<(Option<String>, u64)>),
}

impl<'a> Checker<'a> {
    pub fn new(catalog: &'a Catalog, now: Timestamp, on_duplicate: OnDuplicate) -> Self {
        Checker {
            catalog,
            now,
            on_duplicate,
            existing: None,
            allow_erased: false,
            plan: Plan::default(),
            report: ImportReport::default(),
            file: None,
            in_file: DuplicateIndex::default(),
            in_file_ids: ExternalIndex::default(),
            ids: HashMap::new(),
            engagement_ids: HashMap::new(),
            applications: HashSet::new(),
            placed: HashSet::new(),
            note_ids: HashMap::new(),
            clients: HashMap::new(),
            client_names: HashMap::new(),
            submittal_ids: HashMap::new(),
            placement_ids: HashMap::new(),
            merged: HashMap::new(),
            without_id: (0, None),
        }
    }

    /// The plan and the report; the rest (the keys kept to find
    /// duplicates and references) is dropped here. An import that keeps
    /// the file's ids (into an empty database) and would number the rows
    /// without one past [`MAX_ID`] stops here, before anything is written.
    pub fn into_outcome(mut self) -> (Plan, ImportReport) {
        let (count, first) = std::mem::take(&mut self.without_id);
        let left = MAX_ID - self.plan.max_candidate_id.min(MAX_ID);
        if self.existing.is_none()
            && count > left
            && let Some((file, line)) = first
        {
            let message = format!(
                "{count} rows have no id (the first is this one), and only {left} {} left \
                 past the file's highest, C{} (ids go up to {MAX_ID})",
                if left == 1 { "id is" } else { "ids are" },
                self.plan.max_candidate_id
            );
            self.file = file;
            self.stop(Problem::line(line, message));
        }
        (self.plan, self.report)
    }

    fn count_without_id(&mut self, line: u64) {
        let (count, first) = &mut self.without_id;
        *count += 1;
        if first.is_none() {
            // The file being read now is the row's (a folder has several).
            *first = Some((self.file.clone(), line));
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
    fn step(&mut self, candidate: &mut Candidate, row: &Row) -> Result<Step, Problem> {
        let line = row.line;
        if candidate.id.0 != 0
            && let Some(&earlier) = self.ids.get(&candidate.id.0)
        {
            let message = format!("id {} is also on line {earlier}", candidate.id.0);
            return Err(Problem::line(line, message));
        }
        if let Some((earlier, id)) = self.in_file_ids.find(candidate) {
            let message = format!("{} id {} is also on line {}", id.system, id.id, earlier.0);
            return Err(Problem::line(line, message));
        }
        self.in_file_ids.insert_as(candidate, CandidateId(line));
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
        self.refuse_erased(candidate, line)?;
        let known = (self.existing.as_ref()).and_then(|e| e.external.find(candidate).map(|f| f.0));
        match (known, existing) {
            (Some(known), found) => self.update_step(known, found, candidate, row),
            (None, None) => Ok(Step::Add),
            (None, Some(found)) => self.duplicate_step(found, candidate, line),
        }
    }

    /// A row naming a stored record by its id in another system: that
    /// record is updated from it, unless its email is another's.
    fn update_step(
        &mut self,
        known: CandidateId,
        by_email: Option<Duplicate>,
        candidate: &Candidate,
        row: &Row,
    ) -> Result<Step, Problem> {
        let line = row.line;
        if let Some(other) = by_email.filter(|d| d.existing != known) {
            let message = format!(
                "its id in another system is {known}'s, but its email is {}'s",
                other.existing
            );
            return Err(Problem::line(line, message));
        }
        let Some(stored) = self.stored(known) else {
            return Err(Problem::line(line, format!("{known} could not be read")));
        };
        let after = external::update(&stored, candidate, row);
        let problems = after.problems();
        if !problems.is_empty() {
            let message = format!("cannot update {known}: {}", problems.join("; "));
            return Err(Problem::line(line, message));
        }
        if after == stored {
            self.report.unchanged += 1;
            return Ok(Step::Leave);
        }
        self.report.updated += 1;
        self.merged.insert(known, after);
        Ok(Step::Update(known))
    }

    /// A row matching an erased person is refused unless allowed.
    fn refuse_erased(&self, candidate: &Candidate, line: u64) -> Result<(), Problem> {
        let Some(existing) = self.existing.as_ref().filter(|_| !self.allow_erased) else {
            return Ok(());
        };
        match existing.store.erased_match(candidate) {
            Ok(Some(erased)) => Err(Problem::line(
                line,
                format!("{erased}; pass --allow-erased to import them again"),
            )),
            Ok(None) => Ok(()),
            Err(error) => Err(Problem::line(line, error.to_string())),
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

    /// What is wrong with a reference to the application of `candidate`
    /// to `engagement` in the file.
    fn card_link(&self, engagement: EngagementId, candidate: CandidateId) -> Option<String> {
        if !self.engagement_ids.contains_key(&engagement.0) {
            Some(format!("engagement {engagement} is not in the file"))
        } else if !self.ids.contains_key(&candidate.0) {
            Some(format!("candidate {candidate} is not in the file"))
        } else if !self.applications.contains(&(engagement.0, candidate.0)) {
            Some(format!(
                "{candidate} has no application to {engagement} in the file"
            ))
        } else {
            None
        }
    }

    /// What is wrong with an engagement's client, named by id and name:
    /// the id must be a client of the file, of that name.
    fn client_link(&self, id: ClientId, name: &str) -> Option<String> {
        if id.0 == 0 {
            // Refused as an id already.
            return None;
        }
        let Some(client) = self.clients.get(&id.0) else {
            return Some(format!("client {id} is not in the file"));
        };
        (!same_name(&client.name, name)).then(|| {
            format!(
                "client `{}` is not the name of {id} (`{}`, line {})",
                clean_line(name),
                client.name,
                client.line
            )
        })
    }

    /// What is wrong with a submittal's id and references to the file:
    /// its card and its client (`convert::submittal` checks that each
    /// address it went to is an email address).
    ///
    /// A submittal sent before this import may have gone to contacts the
    /// client has lost since: the file's client is as it is now, and the
    /// submittal keeps to whom it went. One dated at or after the import
    /// can only have gone to the client as the file has it, so its
    /// addresses must be contacts there. This is `Store::check`'s rule
    /// for a client added after a submittal, with the import's time as
    /// the time the client is added.
    fn submittal_links(&self, record: &SubmittalRecord) -> Problems {
        let mut problems = Problems::new();
        if let Some(earlier) = self.submittal_ids.get(&record.id.0) {
            problems.push(format!("submittal {} is also on line {earlier}", record.id));
        }
        problems.extend(self.card_link(record.engagement, record.candidate));
        let Some(client) = self.clients.get(&record.client.0) else {
            problems.push(format!("client {} is not in the file", record.client));
            return problems;
        };
        if record.at < self.now {
            return problems;
        }
        for email in record.to.iter().map(|e| clean_line(e)) {
            if !client.contacts.contains(&normalize_email(&email)) {
                problems.push(format!(
                    "{email} is not a contact of {} ({}), and the submittal is not \
                     dated before this import",
                    client.name, record.client
                ));
            }
        }
        problems
    }

    /// What is wrong with a placement's id and references to the file.
    fn placement_links(&self, record: &PlacementRecord) -> Problems {
        let mut problems = Problems::new();
        if let Some(earlier) = self.placement_ids.get(&record.id.0) {
            problems.push(format!("placement {} is also on line {earlier}", record.id));
        }
        let ended_early = (record.history.last()).is_some_and(|t| t.kind == ChangeKind::EndedEarly);
        let card = (record.engagement.0, record.candidate.0);
        match self.card_link(record.engagement, record.candidate) {
            Some(problem) => problems.push(problem),
            // As `check` has it: the card may have moved on only after an
            // early end.
            None if !ended_early && !self.placed.contains(&card) => problems.push(format!(
                "{} is not at Placed in {}, and the placement has not ended early",
                record.candidate, record.engagement
            )),
            None => {}
        }
        problems
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

/// A client of the file, as far as other records refer to it.
struct FileClient {
    line: u64,
    name: String,
    /// Its contacts' emails, normalised.
    contacts: HashSet<String>,
}

impl FileClient {
    fn new(line: u64, client: &Client) -> FileClient {
        FileClient {
            line,
            name: client.name.clone(),
            contacts: client
                .contacts
                .iter()
                .map(|c| normalize_email(&c.email))
                .collect(),
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

    fn mapped(&mut self, mapping: &super::summary::Mapped) {
        self.report.mapped = Some(mapping.clone());
    }

    fn candidate(&mut self, row: Row) {
        let converted = row::candidate(&row, self.catalog, self.now);
        self.converted(row, converted);
    }

    fn converted(&mut self, row: Row, converted: Converted) {
        self.report.rows += 1;
        let line = row.line;
        let checked = converted
            .and_then(|mut c| self.step(&mut c, &row).map(|s| (c, s)).map_err(|p| vec![p]));
        match checked {
            Ok((candidate, step)) => {
                self.plan.max_candidate_id = self.plan.max_candidate_id.max(candidate.id.0);
                if step == Step::Add {
                    self.report.added += 1;
                    if candidate.id.0 != 0 {
                        self.ids.insert(candidate.id.0, line);
                    } else {
                        self.count_without_id(line);
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

    fn client(&mut self, line: u64, record: ClientRecord) {
        let id = record.id;
        let (client, mut problems) = match convert::client(record) {
            Ok(client) => (Some(client), Problems::new()),
            Err(problems) => (None, problems),
        };
        if let Some(earlier) = self.clients.get(&id.0) {
            problems.insert(0, format!("client {id} is also on line {}", earlier.line));
        }
        // Compared as `same_name` compares them.
        let name = client.as_ref().map(|c| fold(&clean_line(&c.name)));
        if let Some(earlier) = name.as_ref().and_then(|n| self.client_names.get(n)) {
            problems.push(format!("the client on line {earlier} has the same name"));
        }
        let ok = self.secondary(line, problems);
        if let (true, Some(client), Some(name)) = (ok, client, name) {
            self.clients.insert(id.0, FileClient::new(line, &client));
            self.client_names.insert(name, line);
        }
        self.plan.clients.push(ok);
    }

    fn engagement(&mut self, line: u64, record: EngagementRecord) {
        let id = record.id;
        let link = record
            .client_id
            .and_then(|client| self.client_link(client, &record.client));
        let mut problems = problems_of(convert::engagement(record, self.catalog));
        if let Some(earlier) = self.engagement_ids.get(&id.0) {
            problems.insert(0, format!("engagement {id} is also on line {earlier}"));
        }
        problems.extend(link);
        let ok = self.secondary(line, problems);
        if ok {
            self.engagement_ids.insert(id.0, line);
        }
        self.plan.engagements.push(ok);
    }

    fn application(&mut self, line: u64, record: ApplicationRecord) {
        let key = (record.engagement.0, record.candidate.0);
        let placed = record.stage == Stage::Placed;
        let problems = match self.application_links(&record) {
            Some(problem) => vec![problem],
            None => problems_of(convert::application(record, self.catalog)),
        };
        let ok = self.secondary(line, problems);
        if ok {
            self.applications.insert(key);
        }
        if ok && placed {
            self.placed.insert(key);
        }
        self.plan.applications.push(ok);
    }

    fn submittal(&mut self, line: u64, record: SubmittalRecord) {
        let id = record.id;
        let mut problems = self.submittal_links(&record);
        problems.extend(problems_of(convert::submittal(record)));
        let ok = self.secondary(line, problems);
        if ok {
            self.submittal_ids.insert(id.0, line);
        }
        self.plan.submittals.push(ok);
    }

    fn placement(&mut self, line: u64, record: PlacementRecord) {
        let id = record.id;
        let mut problems = self.placement_links(&record);
        problems.extend(problems_of(convert::placement(record)));
        let ok = self.secondary(line, problems);
        if ok {
            self.placement_ids.insert(id.0, line);
        }
        self.plan.placements.push(ok);
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
