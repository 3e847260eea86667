//! Greenhouse through its Harvest API: the JSON array GET /v1/candidates
//! answers with. Layout followed: the candidate object of "List
//! candidates", https://developers.greenhouse.io/harvest.html#get-list-candidates
//! (email_addresses, phone_numbers, addresses, website_addresses,
//! social_media_addresses as lists of {value, type}; custom_fields as an
//! object keyed by field).

use crate::expect::{Person, imports_as};

#[test]
fn greenhouse_api_records_land_by_path() {
    imports_as(
        "greenhouse-api.json",
        "Greenhouse (Harvest API)",
        &[
            Person {
                email: "zoe@example.dk",
                name: "Zoë Ørsted",
                phone: Some("+45 20 12 34 56"),
                city: "Aarhus",
                country: "Denmark",
                company: "Novo Nordisk",
                title: "Data Engineer",
                source: "other",
                tags: &["Python", "Remote"],
                links: &[
                    "mailto:zoe.orsted@work.example",
                    "https://zoe.example.dk",
                    "https://linkedin.com/in/zoeorsted",
                ],
                ids: &["greenhouse:53883394"],
                custom: &[
                    ("Recruiter", "Greenhouse Admin"),
                    ("educations[0].school_name", "Aarhus University"),
                    ("educations[0].discipline", "Computer Science"),
                    ("educations[0].degree", "Master's Degree"),
                    ("desired_salary", "90000"),
                    ("visa_status", "EU citizen"),
                ],
                created: Some("2017-08-15T03:31:46.591Z"),
                ..Person::default()
            },
            Person {
                email: "taro.yamada@example.jp",
                name: "山田太郎",
                // The first phone is the phone; the second is kept.
                phone: Some("+81 90 1234 5678"),
                company: "楽天",
                title: "Backend Engineer",
                source: "other",
                ids: &["greenhouse:53883395"],
                custom: &[
                    ("phone_numbers[1].value", "+81 3 1234 5678"),
                    // A postal address: no city, country split to be had.
                    ("addresses[0].value", "123 City Street\nNew York, NY 10001"),
                    ("visa_status", "H1B"),
                ],
                created: Some("2018-01-02T10:00:00.000Z"),
                ..Person::default()
            },
        ],
    );
}
