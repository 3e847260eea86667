//! Recruitee (Tellent) through its API: `{"candidates": [...]}`. Layout
//! followed: the candidate of
//! https://api.recruitee.com/docs/index.html#candidate.web.candidate-candidate.web.candidate
//! (name, emails, phones, social_links and links as lists of text,
//! sources, tags). The API's candidate has no location.

use crate::expect::{Person, imports_as};

#[test]
fn recruitee_api_records_land_by_path() {
    imports_as(
        "recruitee.json",
        "Recruitee (API)",
        &[
            Person {
                email: "zoe.lefevre@example.fr",
                name: "Zoé Lefèvre",
                phone: Some("+33 6 12 34 56 78"),
                source: "linkedin",
                tags: &["Lyon", "Go"],
                links: &[
                    "mailto:zoe@work.example",
                    "https://www.linkedin.com/in/zoelefevre",
                    "https://zoe.example.fr",
                ],
                ids: &["recruitee:2190837"],
                custom: &[("cover_letter", "Bonjour, je suis développeuse Go.")],
                created: Some("2024-01-15T08:00:00.000Z"),
                ..Person::default()
            },
            Person {
                email: "ming.huang@example.tw",
                name: "黄明",
                // A source we do not know: other, and kept.
                source: "other",
                ids: &["recruitee:2190838"],
                custom: &[("sources", "Careers site")],
                created: Some("2024-01-16T08:00:00.000Z"),
                ..Person::default()
            },
        ],
    );
}
