//! Ashby through its API: candidate.list's answer, `{"success": true,
//! "results": [...]}`. Layout followed: the candidate object of
//! https://developers.ashbyhq.com/reference/candidatelist
//! (primaryEmailAddress and emailAddresses as {value, type, isPrimary},
//! socialLinks as {type, url}, tags as {id, title}, location with its
//! locationSummary, customFields as {title, value}).

use crate::expect::{Person, imports_as};

#[test]
fn ashby_api_records_land_by_path() {
    imports_as(
        "ashby.json",
        "Ashby (API)",
        &[
            Person {
                email: "renee.cote@example.ca",
                name: "Renée Côté",
                phone: Some("+1 514 555 0199"),
                city: "Montréal",
                country: "Canada",
                timezone: "America/Toronto",
                company: "Shopify",
                title: "Staff Engineer",
                source: "linkedin",
                tags: &["Montreal pool"],
                links: &[
                    "mailto:rcote@work.example",
                    "https://linkedin.com/in/reneecote",
                    "https://github.com/rcote",
                ],
                ids: &["ashby:5b591e5d-5b5c-4e6e-9c6f-7e7b4b3b1a01"],
                custom: &[("Clearance", "Secret"), ("School", "McGill University")],
                created: Some("2024-02-10T09:30:00.000Z"),
                ..Person::default()
            },
            Person {
                email: "wei.chen@example.cn",
                name: "陈伟",
                timezone: "Asia/Shanghai",
                company: "阿里巴巴",
                title: "SRE",
                source: "other",
                ids: &["ashby:5b591e5d-5b5c-4e6e-9c6f-7e7b4b3b1a02"],
                custom: &[("location.locationSummary", "Remote - APAC")],
                created: Some("2024-02-11T09:30:00.000Z"),
                ..Person::default()
            },
        ],
    );
}
