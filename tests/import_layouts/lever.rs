//! Lever's candidates spreadsheet. Layout followed: "How do I add
//! multiple / import many candidates?",
//! https://help.lever.co/hc/en-us/articles/204498425 (Full name, Email
//! with several addresses separated by commas, Phone, Current company,
//! Current title, Location, Links separated by a comma and a space, Tags
//! and Sources separated by commas, Origin, Stage), with the Contact and
//! Opportunity IDs of Lever's candidates export.

use crate::expect::{Person, imports_as};

#[test]
fn a_lever_export_lands_field_by_field() {
    imports_as(
        "lever.csv",
        "Lever",
        &[
            Person {
                email: "lukasz@example.pl",
                name: "Łukasz Wiśniewski",
                phone: Some("+48 600 700 800"),
                city: "Kraków",
                country: "Poland",
                company: "Allegro",
                title: "Senior Go Developer",
                // The first of its sources we know; all of them kept.
                source: "linkedin",
                tags: &["golang", "remote"],
                links: &[
                    "mailto:l.wisniewski@work.example",
                    "https://github.com/lukaszw",
                    "https://www.linkedin.com/in/lukaszw",
                ],
                ids: &["lever:a1b2c3d4-0001"],
                custom: &[
                    ("Opportunity ID", "op-0001"),
                    ("Sources", "LinkedIn,Referral"),
                    ("Origin", "sourced"),
                    ("Stage", "Phone screen"),
                    ("Owner", "Ana Silva"),
                ],
                created: Some("2024-03-01T10:15:00.000Z"),
                ..Person::default()
            },
            Person {
                email: "seoyeon@example.kr",
                name: "이서연",
                company: "Naver",
                title: "Backend Engineer",
                source: "inbound",
                ids: &["lever:a1b2c3d4-0002"],
                custom: &[
                    ("Opportunity ID", "op-0002"),
                    ("Location", "Anywhere (remote)"),
                    ("Origin", "applied"),
                    ("Stage", "New applicant"),
                ],
                created: Some("2024-03-02T08:00:00.000Z"),
                ..Person::default()
            },
        ],
    );
}
