//! Greenhouse's candidate spreadsheet. Layout followed: the columns of
//! Greenhouse's bulk import template, "Bulk import candidates from
//! spreadsheet",
//! https://support.greenhouse.io/hc/en-us/articles/360053674012-Bulk-import-candidates-from-spreadsheet
//! (First Name, Last Name, Company, Title, Email, Phone, Social Media,
//! Website, Address, Notes, Source, Who Gets Credit), with the Candidate
//! ID the Harvest API documents and a custom candidate field (Visa
//! Status) as its own column, as the template allows.

use crate::expect::{Person, imports_as};

#[test]
fn a_greenhouse_spreadsheet_lands_field_by_field() {
    imports_as(
        "greenhouse.csv",
        "Greenhouse",
        &[
            Person {
                email: "jose.garcia@example.es",
                name: "José García Núñez",
                phone: Some("+34 600 123 456"),
                city: "Madrid",
                country: "Spain",
                company: "Acme Ibérica",
                title: "Backend Engineer",
                source: "linkedin",
                tags: &["go", "remote"],
                links: &[
                    "mailto:jg@work.example",
                    "https://www.linkedin.com/in/josegarcia",
                    "https://jose.example.es",
                ],
                ids: &["greenhouse:48213"],
                custom: &[
                    ("Who Gets Credit", "Ana Silva"),
                    ("Notes", "Strong on Go\nand PostgreSQL"),
                    ("Visa Status", "H1B"),
                ],
                ..Person::default()
            },
            Person {
                email: "wang.fang@example.cn",
                name: "王芳",
                company: "字节跳动",
                title: "SRE",
                source: "inbound",
                links: &["https://github.com/wangfang"],
                ids: &["greenhouse:48214"],
                // "Remote" names no city and no country: kept whole.
                custom: &[("Address", "Remote")],
                ..Person::default()
            },
            Person {
                email: "bob.mueller@example.de",
                // The preferred first name, and the other kept.
                name: "Bob Müller",
                phone: Some("+49 30 1234567"),
                city: "Berlin",
                country: "Germany",
                company: "Zalando",
                title: "Platform Lead",
                source: "event",
                tags: &["kubernetes"],
                ids: &["greenhouse:48215"],
                custom: &[("Visa Status", "EU citizen"), ("First Name", "Robert")],
                ..Person::default()
            },
        ],
    );
}
