//! The header row of an applications file: which column is which.

use super::super::columns::fold_header;
use super::super::csv_in::Record;
use super::super::fields::Problem;
use crate::domain::text::clean_line;
use std::sync::Arc;

/// One column of an applications file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Col {
    Engagement,
    Candidate,
    Stage,
    Date,
    Actor,
    /// Whose engagement it is: read only for engagements the import
    /// creates (`--create-engagements`).
    Client,
}

impl Col {
    const ALL: [Col; 6] = [
        Col::Engagement,
        Col::Candidate,
        Col::Stage,
        Col::Date,
        Col::Actor,
        Col::Client,
    ];

    /// Without these a row cannot become an application.
    const REQUIRED: [Col; 4] = [Col::Engagement, Col::Candidate, Col::Stage, Col::Date];

    pub(super) fn name(self) -> &'static str {
        match self {
            Col::Engagement => "engagement",
            Col::Candidate => "candidate",
            Col::Stage => "stage",
            Col::Date => "date",
            Col::Actor => "actor",
            Col::Client => "client",
        }
    }

    /// Other names for the column, folded (see [`fold_header`]).
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Col::Engagement => &["engagementid", "opening", "job", "jobtitle", "jobname"],
            Col::Candidate => &["candidateid", "email", "candidateemail"],
            Col::Stage => &["pipelinestage", "currentstage"],
            Col::Date => &[
                "enteredat",
                "entered",
                "enteredstage",
                "enteredstageat",
                "stagechangedat",
                "since",
                "stagedate",
                "movedat",
            ],
            Col::Actor => &["by", "movedby", "changedby", "recruiter"],
            Col::Client => &["clientname", "clientcorporation", "account", "customer"],
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
    pub(super) columns: Vec<Option<Col>>,
    /// The headers as written (cleaned), for messages.
    pub(super) names: Vec<Arc<str>>,
}

impl Header {
    /// Maps a header row; unknown, repeated and missing columns are all
    /// named, and none of the rows is read past them.
    pub(super) fn parse(head: &Record) -> Result<Header, Vec<Problem>> {
        let mut header = Header {
            columns: Vec::new(),
            names: Vec::new(),
        };
        let mut problems = Vec::new();
        for (position, (line, text)) in head.fields.iter().enumerate() {
            let raw = match text {
                Ok(raw) => raw.as_str(),
                Err(message) => {
                    problems.push(Problem::line(*line, message.clone()));
                    ""
                }
            };
            let name = clean_line(raw);
            let column = Col::from_header(raw);
            if let Some(problem) = header.refusal(column, position, &name) {
                problems.push(Problem::line(head.line, problem));
            }
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

    /// Why the column at `position` cannot be used, if it cannot.
    fn refusal(&self, column: Option<Col>, position: usize, name: &str) -> Option<String> {
        match column {
            None => Some(format!(
                "column {} (`{name}`) is not an application field; known fields: {}",
                position + 1,
                Col::ALL.map(Col::name).join(", ")
            )),
            Some(c) if self.columns.contains(&Some(c)) => Some(format!(
                "column {} (`{name}`) repeats the {} column",
                position + 1,
                c.name()
            )),
            Some(_) => None,
        }
    }
}
