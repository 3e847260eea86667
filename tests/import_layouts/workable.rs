//! Workable's candidates spreadsheet. No page documents the export's own
//! columns; they are named after the candidate fields of Workable's API,
//! https://workable.readme.io/reference/candidate-events (id, name,
//! firstname, lastname, email, phone, address, headline, summary, tags,
//! social profiles, job, stage, disqualified, sourced, created_at).

use crate::expect::{Person, imports_as};

#[test]
fn a_workable_export_lands_field_by_field() {
    imports_as(
        "workable.csv",
        "Workable",
        &[
            Person {
                email: "ana.goncalves@example.pt",
                name: "Ana Beatriz Gonçalves",
                phone: Some("+351 912 345 678"),
                city: "Porto",
                country: "Portugal",
                title: "Site Reliability Engineer",
                source: "other",
                tags: &["sre", "on-call"],
                links: &[
                    "mailto:ana.b@work.example",
                    "https://www.linkedin.com/in/anabg",
                ],
                ids: &["workable:3fc9a7"],
                custom: &[
                    ("Summary", "Runs Kubernetes at scale"),
                    ("Job", "Platform Engineer"),
                    ("Stage", "Interview"),
                    ("Disqualified", "false"),
                    ("Sourced", "true"),
                ],
                created: Some("2024-05-06T10:00:00.000Z"),
                ..Person::default()
            },
            Person {
                email: "an.nguyen@example.vn",
                name: "Nguyễn Văn An",
                title: "Java Developer",
                source: "other",
                ids: &["workable:4ab8d1"],
                custom: &[
                    ("Address", "Hanoi"),
                    ("Job", "Backend Developer"),
                    ("Stage", "Applied"),
                    ("Disqualified", "false"),
                    ("Sourced", "false"),
                ],
                created: Some("2024-05-07T11:30:00.000Z"),
                ..Person::default()
            },
        ],
    );
}
