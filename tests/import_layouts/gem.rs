//! Gem's data export: its candidate_info table. Layout followed: "Gem
//! data export format schema",
//! https://help.gem.com/en/articles/3996650-gem-data-export-format-schema
//! (candidate_id, candidate_greenhouse_id, first and last name, email,
//! all_candidate_emails as a JSON list, phone, location, LinkedIn URL,
//! company, title, school).

use crate::expect::{Person, imports_as};

#[test]
fn a_gem_export_lands_field_by_field() {
    imports_as(
        "gem.csv",
        "Gem",
        &[
            Person {
                email: "soren@example.dk",
                name: "Søren Kierkegaard",
                phone: Some("+45 11 22 33 44"),
                city: "Copenhagen",
                country: "Denmark",
                company: "Maersk",
                title: "Data Engineer",
                source: "other",
                links: &["mailto:s.k@work.example", "https://linkedin.com/in/sorenk"],
                // Gem's own id, and the Greenhouse one it knows.
                ids: &["gem:88123", "greenhouse:48213"],
                custom: &[("School", "University of Copenhagen")],
                ..Person::default()
            },
            Person {
                email: "ya.li@example.cn",
                name: "李雅",
                company: "Alibaba",
                title: "Backend Engineer",
                source: "other",
                ids: &["gem:88124"],
                custom: &[("candidate_location", "Greater Shanghai Area")],
                ..Person::default()
            },
        ],
    );
}
