//! `hireterm search`: the palette's ranking, for scripts.

use super::output::line;
use crate::catalog::Catalog;
use crate::domain::text::clean;
use crate::search::{Hit, Kind, SearchIndex, Target};
use crate::store::Store;
use clap::{Args, ValueEnum};
use color_eyre::eyre::Result;
use serde::Serialize;
use std::process::ExitCode;

#[derive(Debug, Clone, Args)]
pub struct SearchArgs {
    /// What to look for: "devops", "k8s", "sre lisbon", a name, an email.
    pub query: String,
    /// Only hits of this kind.
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// How many hits at most.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u16).range(1..=1000))]
    pub limit: u16,
    /// One JSON array instead of aligned text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    Role,
    Skill,
    Candidate,
    Engagement,
}

impl From<KindArg> for Kind {
    fn from(kind: KindArg) -> Kind {
        match kind {
            KindArg::Role => Kind::Role,
            KindArg::Skill => Kind::Skill,
            KindArg::Candidate => Kind::Candidate,
            KindArg::Engagement => Kind::Engagement,
        }
    }
}

/// One hit as printed: every text field cleaned of control characters.
#[derive(Serialize)]
struct Printed {
    kind: Kind,
    id: String,
    label: String,
    score: i64,
    detail: String,
    /// Character positions of `label` that matched.
    positions: Vec<usize>,
}

impl From<&Hit> for Printed {
    fn from(hit: &Hit) -> Printed {
        let id = match &hit.target {
            Target::Role(id) => id.to_string(),
            Target::Skill(id) => id.to_string(),
            Target::Candidate(id) => id.to_string(),
            Target::Engagement(id) => id.to_string(),
        };
        Printed {
            kind: hit.kind(),
            id: clean(&id, false),
            label: clean(&hit.label, false),
            score: hit.score,
            detail: clean(&hit.detail, false),
            positions: hit.positions.clone(),
        }
    }
}

pub fn search(store: &Store, args: &SearchArgs) -> Result<ExitCode> {
    let index = SearchIndex::build(
        &store.candidates()?,
        &store.engagements()?,
        &store.clients()?,
        Catalog::builtin(),
    );
    let hits = index.search(
        &args.query,
        usize::from(args.limit),
        args.kind.map(Kind::from),
    );
    let printed: Vec<Printed> = hits.iter().map(Printed::from).collect();
    if args.json {
        line(serde_json::to_string(&printed)?);
    } else {
        for hit in &printed {
            line(format!(
                "{:<11}{:<8}{}  ·  {}",
                format!("{:?}", hit.kind),
                hit.id,
                hit.label,
                hit.detail
            ));
        }
    }
    Ok(if hits.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
