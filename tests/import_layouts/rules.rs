//! The importer's rules hold for other systems' files as for its own:
//! one bad row imports nothing and every problem names its line and
//! column (the file's own, not the field it maps to); hostile text is
//! cleaned in every mapped value, custom fields and headers included,
//! and never printed raw; `--drop` leaves a column out and says so;
//! `--strict` refuses what it does not know.

use crate::common::*;
use crate::expect::import;

fn write(db: &TempDb, name: &str, text: &str) -> std::path::PathBuf {
    let path = db.dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

const LEVER: &str = "\
Contact ID,Full name,Emails,Location,Sources,Origin,Created At (GMT)
c-1,Łukasz Wiśniewski,lukasz@example.pl,\"Kraków, Poland\",LinkedIn,sourced,2024-03-01 10:15:00
c-2,Bad Row,\"ok@example.pl, not-an-address@\",Remote,Referral,applied,yesterday
c-1,Twice,twice@example.pl,,,,
";

#[test]
fn one_bad_row_of_a_mapped_file_imports_nothing_and_each_problem_has_its_place() {
    let db = TempDb::new();
    let file = write(&db, "lever.csv", LEVER);
    let (ok, stdout, stderr) = import(&db, &file, &[]);
    assert!(!ok, "{stdout}");
    for expected in [
        "line 3, column 3 (Emails): `not-an-address@` is not an email address",
        "line 3, column 7 (Created At (GMT)): `yesterday` is not a time",
        "line 4: lever id c-1 is also on line 2",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in\n{stdout}"
        );
    }
    assert!(stderr.contains("2 of 3 rows have problems"), "{stderr}");
    assert_eq!(db.open().candidate_count(), 0);
    assert!(db.open().recent_events(1).unwrap().is_empty());
    let (ok, stdout, stderr) = import(&db, &file, &["--skip-invalid"]);
    assert!(ok, "{stdout}{stderr}");
    assert_eq!(db.open().candidate_count(), 1);
}

/// Terminal escapes: an OSC 52 clipboard write, a screen clear, CR, a C1
/// CSI and a right-to-left override.
const HOSTILE: &str = "\u{1b}]52;c;aGk=\u{7}\u{1b}[2J\r\u{9b}31m\u{202E}";

fn assert_clean(what: &str, text: &str) {
    for forbidden in ["\u{1b}", "\u{7}", "\r", "\u{9b}", "\u{202E}"] {
        assert!(
            !text.contains(forbidden),
            "{what}: {forbidden:?} in {text:?}"
        );
    }
}

#[test]
fn hostile_text_is_cleaned_in_every_mapped_value_and_never_printed_raw() {
    let db = TempDb::new();
    let csv = format!(
        "Candidate ID,First Name,Last Name,Email,Address,Source,\"Visa{HOSTILE}\"\n\
         \"4{HOSTILE}2\",\"Eve{HOSTILE}\",Doe,eve@example.com,\"Lis{HOSTILE}bon, Portugal\",\"Ref{HOSTILE}\",\"a{HOSTILE}\nb\"\n"
    );
    let file = write(&db, "hostile.csv", &csv);
    let (ok, stdout, stderr) = import(&db, &file, &["--from", "greenhouse"]);
    assert!(ok, "{stdout}{stderr}");
    assert_clean("import report", &(stdout + &stderr));
    let eve = db
        .open()
        .candidate_by_email("eve@example.com")
        .unwrap()
        .unwrap();
    assert_eq!(eve.name, "Eve]52;c;aGk=[2J31m Doe");
    assert_eq!(eve.location.city, "Lis]52;c;aGk=[2J31mbon");
    assert_eq!(eve.external_ids[0].id, "4]52;c;aGk=[2J31m2");
    let custom = &eve.custom;
    assert!(
        custom
            .iter()
            .all(|f| hireterm::domain::text::is_clean(&f.name, false))
    );
    assert!(
        custom
            .iter()
            .all(|f| hireterm::domain::text::is_clean(&f.value, true))
    );
    // A custom value keeps its lines: a lone CR ends one, as in old files.
    assert!(
        custom.iter().any(|f| f.value == "a]52;c;aGk=[2J\n31m\nb"),
        "{custom:?}"
    );
    for args in [
        vec!["search", "eve", "--json"],
        vec!["export", "--format", "json"],
    ] {
        let out = hireterm_on(&db.path(), &args);
        assert_clean(&args.join(" "), &String::from_utf8_lossy(&out.stdout));
    }
}

#[test]
fn drop_leaves_a_column_out_and_strict_refuses_what_it_does_not_know() {
    let db = TempDb::new();
    let file = write(
        &db,
        "lever.csv",
        &LEVER.lines().take(2).collect::<Vec<_>>().join("\n"),
    );
    let (ok, stdout, stderr) = import(&db, &file, &["--strict"]);
    assert!(!ok);
    assert!(
        stdout.contains("column 1 (`Contact ID`) is not a candidate field"),
        "{stdout}"
    );
    assert!(stderr.contains("no row was read"), "{stderr}");
    let (ok, stdout, stderr) = import(&db, &file, &["--drop", "origin", "--drop", "Location"]);
    assert!(ok, "{stdout}{stderr}");
    assert!(
        stdout.contains("left out (2): Location; Origin"),
        "{stdout}"
    );
    let lukasz = db
        .open()
        .candidate_by_email("lukasz@example.pl")
        .unwrap()
        .unwrap();
    assert!(lukasz.custom.is_empty(), "{:?}", lukasz.custom);
    assert_eq!(lukasz.location.city, "");
}
