//! A spreadsheet someone kept: no system's layout, each column read by
//! its name (`assets/layouts/spreadsheet.toml`), the rest kept. There is
//! no documentation to follow: the names are the common ones.

use crate::common::*;
use crate::expect::{Person, fixture, holds, import, round_trip};

#[test]
fn a_spreadsheet_is_read_by_its_column_names_and_keeps_the_rest() {
    let db = TempDb::new();
    let (ok, stdout, stderr) = import(&db, &fixture("spreadsheet.csv"), &[]);
    assert!(ok, "{stdout}{stderr}");
    assert!(
        stdout.contains("layout: spreadsheet, no known layout matched"),
        "{stdout}"
    );
    assert!(
        stdout.contains("kept as custom fields (2): Visa; Internal note"),
        "{stdout}"
    );
    let people = [
        Person {
            email: "zoe@example.dk",
            name: "Zoë Ørsted",
            city: "Aarhus",
            country: "Denmark",
            company: "Novo",
            title: "Data Engineer",
            source: "other",
            links: &["mailto:zoe.o@work.example", "https://linkedin.com/in/zoe"],
            custom: &[
                ("Visa", "EU citizen"),
                ("Internal note", "call back in May"),
            ],
            ..Person::default()
        },
        Person {
            email: "minsu@example.kr",
            name: "김민수",
            city: "Seoul",
            country: "KR",
            company: "Kakao",
            title: "SRE",
            source: "other",
            ..Person::default()
        },
        Person {
            email: "elodie@example.fr",
            name: "Élodie Durand",
            source: "other",
            custom: &[("Location", "Remote (EU)")],
            ..Person::default()
        },
    ];
    holds(&db, &people);
    round_trip(&db);
}
