//! `hireterm search`: the palette's ranking, for scripts.

use super::context::Ctx;
use super::list_rows::{RateShown, SkillShown, first_free_days, skills_shown};
use super::output::line;
use crate::catalog::Catalog;
use crate::domain::Candidate;
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
    /// Why a candidate matched, beyond their name: `tag: lisbon-pool`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    matched: Vec<String>,
    /// A candidate's rate range (none on file: left out).
    #[serde(skip_serializing_if = "Option::is_none")]
    rate: Option<RateShown>,
    /// A candidate's first free day (the bench's rule), `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    available: Option<String>,
    /// A candidate's strongest skills with their levels.
    #[serde(skip_serializing_if = "Option::is_none")]
    top_skills: Option<Vec<SkillShown>>,
}

/// What a candidate hit adds: rate, first free day, top skills.
struct Extras<'a> {
    candidates: &'a [Candidate],
    free: Vec<Option<chrono::NaiveDate>>,
}

impl Extras<'_> {
    fn add(&self, printed: &mut Printed, hit: &Hit) {
        let Target::Candidate(id) = hit.target else {
            return;
        };
        let Ok(at) = self.candidates.binary_search_by_key(&id, |c| c.id) else {
            return;
        };
        let c = &self.candidates[at];
        printed.rate = c.rate.as_ref().map(RateShown::from);
        printed.available = self.free[at].map(|d| d.format("%Y-%m-%d").to_string());
        printed.top_skills = Some(skills_shown(c, &[], Catalog::builtin()));
    }
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
            matched: hit.matched.iter().map(|m| clean(m, false)).collect(),
            rate: None,
            available: None,
            top_skills: None,
        }
    }
}

pub fn search(store: &Store, args: &SearchArgs, ctx: &Ctx) -> Result<ExitCode> {
    let candidates = store.candidates()?;
    let index = SearchIndex::build(
        &candidates,
        &store.engagements()?,
        &store.clients()?,
        Catalog::builtin(),
    );
    let mut hits = index.search(
        &args.query,
        usize::from(args.limit),
        args.kind.map(Kind::from),
    );
    let candidate = |id| {
        let at = candidates
            .binary_search_by_key(&id, |c: &Candidate| c.id)
            .ok()?;
        candidates.get(at)
    };
    crate::search::explain(&mut hits, &args.query, Catalog::builtin(), candidate);
    let mut printed: Vec<Printed> = hits.iter().map(Printed::from).collect();
    if args.json {
        let extras = Extras {
            free: first_free_days(&candidates, &store.placements()?, ctx.today()),
            candidates: &candidates,
        };
        for (printed, hit) in printed.iter_mut().zip(&hits) {
            extras.add(printed, hit);
        }
        line(serde_json::to_string(&printed)?);
    } else {
        print_columns(&printed);
    }
    Ok(if hits.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `Skill      kubernetes  Kubernetes  ·  Containers and orchestration`:
/// kind, id and label in columns as wide as their widest, two spaces
/// apart, then the detail and why a candidate matched.
fn print_columns(printed: &[Printed]) {
    use unicode_width::UnicodeWidthStr;
    let widest = |of: &dyn Fn(&Printed) -> &str| printed.iter().map(|p| of(p).width()).max();
    let kinds = widest(&|p| p.kind.label()).unwrap_or(0);
    let ids = widest(&|p| &p.id).unwrap_or(0);
    for hit in printed {
        let pad = |text: &str, width: usize| format!("{text}{}", " ".repeat(width - text.width()));
        let mut text = format!(
            "{}  {}  {}  ·  {}",
            pad(hit.kind.label(), kinds),
            pad(&hit.id, ids),
            hit.label,
            hit.detail
        );
        if !hit.matched.is_empty() {
            text.push_str(&format!("  ·  {}", hit.matched.join(" · ")));
        }
        line(text);
    }
}
