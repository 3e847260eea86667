//! Bullhorn's candidate list saved as CSV. No page documents the export's
//! own columns; they are the Candidate entity's fields as Bullhorn labels
//! them, https://bullhorn.github.io/rest-api-docs/entityref.html#candidate
//! (firstName, middleName, lastName, nickName, email, email2, mobile,
//! phone, address's city, state and country, companyName, occupation,
//! status, source, dateAdded, skillSet, dateAvailable). Bullhorn keeps
//! city and country apart, so there is no location to split here.

use crate::expect::{Person, imports_as};

#[test]
fn a_bullhorn_export_lands_field_by_field() {
    imports_as(
        "bullhorn.csv",
        "Bullhorn",
        &[
            Person {
                email: "siobhan.obrien@example.ie",
                name: "Siobhán Máire O'Brien",
                phone: Some("+353 87 123 4567"),
                city: "Dublin",
                country: "Ireland",
                company: "Stripe",
                title: "DevOps Engineer",
                source: "linkedin",
                links: &["mailto:s.obrien@work.example"],
                ids: &["bullhorn:10234"],
                custom: &[
                    ("Phone", "+353 1 234 5678"),
                    ("Status", "Active"),
                    ("Skills", "Terraform, AWS"),
                ],
                created: Some("2023-11-20T14:05:00.000Z"),
                available: Some("2026-08-01"),
                ..Person::default()
            },
            Person {
                email: "hiroshi.tanaka@example.jp",
                name: "田中宏",
                city: "大阪",
                country: "Japan",
                company: "Rakuten",
                title: "Backend Engineer",
                source: "job board",
                ids: &["bullhorn:10235"],
                custom: &[("Status", "Placed")],
                created: Some("2023-12-01T09:00:00.000Z"),
                ..Person::default()
            },
        ],
    );
}
