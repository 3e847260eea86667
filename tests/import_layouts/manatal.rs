//! Manatal's candidate list saved as CSV. No page documents the export's
//! own columns; they are the candidate fields of Manatal's Open API,
//! https://developers.manatal.com/reference/candidates_list (full_name,
//! email, phone_number, current_company, current_position, address,
//! source_type, source_other, created_at, nationality, description).

use crate::expect::{Person, imports_as};

#[test]
fn a_manatal_export_lands_field_by_field() {
    imports_as(
        "manatal.csv",
        "Manatal",
        &[
            Person {
                email: "angela.martinez@example.mx",
                name: "Ángela Martínez",
                phone: Some("+52 55 1234 5678"),
                city: "Ciudad de México",
                country: "Mexico",
                company: "Globant",
                title: "Tech Lead",
                source: "referral",
                links: &["mailto:angela@work.example"],
                ids: &["manatal:501"],
                custom: &[
                    ("Nationality", "Mexican"),
                    ("Description", "Led a team of 8"),
                ],
                created: Some("2024-04-01T12:00:00.000Z"),
                ..Person::default()
            },
            Person {
                email: "zhang.wei@example.cn",
                name: "张伟",
                company: "Tencent",
                title: "SRE",
                source: "other",
                ids: &["manatal:502"],
                custom: &[("Address", "Shenzhen"), ("Source (Other)", "Hunt Club")],
                created: Some("2024-04-02T12:00:00.000Z"),
                ..Person::default()
            },
        ],
    );
}
