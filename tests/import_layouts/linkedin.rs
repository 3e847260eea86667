//! LinkedIn Recruiter projects: Candidates.csv of the Talent Hub data
//! export. Layout followed: "Export and import projects in Talent Hub",
//! https://www.linkedin.com/help/recruiter/answer/a526782 (candidate_id,
//! project_id, first_name, last_name, emails, phone_numbers and tags
//! separated by semicolons, profile_url, sourcing_channels,
//! hiring_state_id, created_time in milliseconds, created_datetime). The
//! file has no location column.

use crate::expect::{Person, imports_as};

#[test]
fn a_linkedin_project_export_lands_field_by_field() {
    imports_as(
        "linkedin.csv",
        "LinkedIn Recruiter projects",
        &[
            Person {
                email: "francois.dupont@example.fr",
                name: "François Dupont",
                phone: Some("+33 6 98 76 54 32"),
                source: "linkedin",
                tags: &["Paris", "Java"],
                links: &[
                    "mailto:f.dupont@work.example",
                    "https://www.linkedin.com/in/francoisdupont",
                ],
                ids: &["linkedin:700001"],
                custom: &[
                    ("LinkedIn project", "9001"),
                    ("LinkedIn stage", "CONTACTED"),
                ],
                created: Some("2024-01-31T06:00:00.000Z"),
                ..Person::default()
            },
            Person {
                email: "meiling.chen@example.sg",
                name: "陈美玲",
                source: "inbound",
                links: &["https://www.linkedin.com/in/meilingchen"],
                ids: &["linkedin:700002"],
                custom: &[("LinkedIn project", "9001"), ("LinkedIn stage", "NEW")],
                created: Some("2024-02-01T06:00:00.000Z"),
                ..Person::default()
            },
        ],
    );
}
