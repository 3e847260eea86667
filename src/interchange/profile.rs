//! The one-page profile sent to a client with a submittal: who the
//! candidate is, how they meet the engagement's requirements, and the
//! bill rate proposed. Never the pay rate, never the candidate's own email
//! or phone: the client reaches them through the agency.

use crate::catalog::Catalog;
use crate::domain::text::clean_line;
use crate::domain::{Candidate, Client, Engagement, HourlyRate};
use std::fmt::Write as _;

/// The profile as plain text (it reads as Markdown too).
pub fn render(
    candidate: &Candidate,
    engagement: &Engagement,
    client: &Client,
    catalog: &Catalog,
    bill: Option<&HourlyRate>,
) -> String {
    let mut out = String::new();
    let role = candidate
        .primary_role()
        .map_or("Back-end developer", |r| catalog.role_name(r));
    let _ = writeln!(
        out,
        "# {} · {}",
        clean_line(&candidate.name),
        clean_line(role)
    );
    let _ = writeln!(
        out,
        "For {}: {} ({})",
        clean_line(&client.name),
        clean_line(&engagement.title),
        engagement.id
    );
    let _ = writeln!(
        out,
        "Location: {}",
        clean_line(&candidate.location.to_string())
    );
    let available = candidate
        .available_from
        .map_or("now".to_string(), |d| d.to_string());
    let _ = writeln!(out, "Available: {available}");
    if let Some(bill) = bill {
        let _ = writeln!(out, "Rate: {bill}");
    }
    let _ = writeln!(out, "\n## Against the requirements");
    for r in &engagement.requirements {
        let held = candidate.level(&r.skill).get();
        let verdict = if held >= r.min_level.get() {
            "met"
        } else {
            "short"
        };
        let _ = writeln!(
            out,
            "- {} {held}/5 (needs {}, {}): {verdict}",
            clean_line(catalog.skill_name(&r.skill)),
            r.min_level.get(),
            match r.priority {
                crate::domain::Priority::Must => "must",
                crate::domain::Priority::Nice => "nice",
            }
        );
    }
    out
}
