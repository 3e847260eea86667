//! The columns of a notes file, the header names other systems give them,
//! and the header row mapped onto them.

use crate::domain::text::clean_line;
use crate::interchange::columns::fold_header;
use crate::interchange::csv_in::Record;
use crate::interchange::fields::Problem;
use crate::interchange::layouts;
use std::sync::Arc;

/// One column of a notes file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Col {
    Candidate,
    Note,
    Author,
    Date,
    Engagement,
}

impl Col {
    const ALL: [Col; 5] = [
        Col::Candidate,
        Col::Note,
        Col::Author,
        Col::Date,
        Col::Engagement,
    ];

    /// Without these a row cannot become a note.
    const REQUIRED: [Col; 3] = [Col::Candidate, Col::Note, Col::Date];

    pub(super) fn name(self) -> &'static str {
        match self {
            Col::Candidate => "candidate",
            Col::Note => "note",
            Col::Author => "author",
            Col::Date => "date",
            Col::Engagement => "engagement",
        }
    }

    /// Other names for the column, folded (see [`fold_header`]).
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Col::Candidate => &["candidateid", "email", "candidateemail", "person"],
            Col::Note => &["body", "text", "content", "comment", "notes", "notetext"],
            Col::Author => &["createdby", "user", "username", "by", "owner", "recruiter"],
            Col::Date => &[
                "createdat",
                "created",
                "createdon",
                "at",
                "time",
                "timestamp",
            ],
            Col::Engagement => &["engagementid", "job", "opening"],
        }
    }

    pub(super) fn from_header(header: &str) -> Option<Col> {
        let folded = fold_header(header);
        Col::ALL
            .into_iter()
            .find(|c| c.name() == folded || c.aliases().contains(&folded.as_str()))
    }
}

/// Where each column sits in the header row.
pub(super) struct Header {
    /// Per position: the column, or `None` for one `--drop` leaves out.
    pub(super) columns: Vec<Option<Col>>,
    /// The headers as written (cleaned), for messages.
    pub(super) names: Vec<Arc<str>>,
}

impl Header {
    /// Maps a header row. A column that is no note field is refused
    /// unless `drop` names it (a note has nowhere to keep it, and a
    /// column such as Greenhouse's `Visibility` is the user's to judge);
    /// unknown, repeated and missing columns are all named.
    pub(super) fn parse(head: &Record, drop: &[String]) -> Result<Header, Vec<Problem>> {
        let mut header = Header {
            columns: Vec::new(),
            names: Vec::new(),
        };
        let mut problems = Vec::new();
        for (position, (line, text)) in head.fields.iter().enumerate() {
            let raw = text.as_deref().unwrap_or_else(|message| {
                problems.push(Problem::line(*line, message.clone()));
                ""
            });
            let name = clean_line(raw);
            let dropped = drop.iter().any(|d| fold_header(d) == fold_header(raw));
            let column = Col::from_header(raw).filter(|_| !dropped);
            let problem = match column {
                None if dropped => None,
                None => Some(not_a_field(position, &name)),
                Some(c) if header.columns.contains(&Some(c)) => Some(format!(
                    "column {} (`{name}`) repeats the {} column",
                    position + 1,
                    c.name()
                )),
                Some(_) => None,
            };
            problems.extend(problem.map(|p| Problem::line(head.line, p)));
            header.columns.push(column);
            header.names.push(name.into());
        }
        for required in Col::REQUIRED {
            if !header.columns.contains(&Some(required)) {
                let message = format!("the required column `{}` is missing", required.name());
                problems.push(Problem::line(head.line, message));
            }
        }
        match problems.is_empty() {
            true => Ok(header),
            false => Err(problems),
        }
    }
}

/// What is wrong with a column that is no note field, and the way out.
fn not_a_field(position: usize, name: &str) -> String {
    format!(
        "column {} (`{name}`) is not a note field; known fields: {} \
         (--drop \"{name}\" to import without it)",
        position + 1,
        Col::ALL.map(Col::name).join(", ")
    )
}

/// Whether a header row reads as a notes file's: a candidate column and
/// a note column, no stage column (an applications file's) and no
/// person by name (another system's candidates file may have an email
/// and a notes column too, but it names the people in it).
pub(super) fn reads_as_notes(headers: &[&str]) -> bool {
    let columns: Vec<Option<Col>> = headers.iter().map(|h| Col::from_header(h)).collect();
    let other = |h: &&&str| Col::from_header(h).is_none();
    let stage = headers.iter().filter(other).any(|h| names_a_stage(h));
    let person = headers
        .iter()
        .filter(other)
        .any(|h| layouts::names_a_person(h));
    columns.contains(&Some(Col::Candidate))
        && columns.contains(&Some(Col::Note))
        && !stage
        && !person
}

/// Whether a header is an applications file's stage column.
fn names_a_stage(header: &str) -> bool {
    matches!(fold_header(header).as_str(), "stage" | "pipelinestage")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_systems_headers_are_read_and_candidate_files_are_not_notes() {
        let greenhouse = ["Candidate ID", "Created At", "User", "Body", "Visibility"];
        assert!(reads_as_notes(&greenhouse));
        assert_eq!(Col::from_header("Created By"), Some(Col::Author));
        assert_eq!(Col::from_header("created_at"), Some(Col::Date));
        assert!(reads_as_notes(&["email", "note", "date"]));
        let candidates = ["Candidate ID", "First Name", "Last Name", "Email", "Notes"];
        assert!(!reads_as_notes(&candidates));
        assert!(!reads_as_notes(&["name", "email", "notes"]));
        let applications = ["candidate", "engagement", "stage", "date", "comment"];
        assert!(!reads_as_notes(&applications));
        assert!(!reads_as_notes(&["candidate", "date", "author"]));
    }
}
