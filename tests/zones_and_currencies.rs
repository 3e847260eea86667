//! Time zones are IANA zones and currencies ISO 4217 codes wherever they
//! are typed or imported (the form, `add`, `engagement add`, a rate such
//! as `--bill 95 EUR`, the importer), with the nearest real one suggested; a database that
//! already holds a zone no one knows still opens and lists it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;

fn refused(db: &TempDb, args: &[&str]) -> String {
    let out = hireterm_on(&db.path(), args);
    let (stdout, stderr) = output_text(&out);
    assert!(!out.status.success(), "{args:?} succeeded: {stdout}");
    stderr
}

#[test]
fn add_refuses_a_zone_that_is_not_one_and_suggests_the_nearest() {
    let db = TempDb::new();
    let said = refused(
        &db,
        &[
            "add",
            "--name",
            "Ana Silva",
            "--email",
            "ana@example.com",
            "--timezone",
            "Europe/Lisbn",
        ],
    );
    assert!(
        said.contains("`Europe/Lisbn` is not a time zone; did you mean `Europe/Lisbon`?"),
        "{said}"
    );
    let said = refused(
        &db,
        &[
            "add",
            "--name",
            "Ana Silva",
            "--email",
            "ana@example.com",
            "--timezone",
            "Mars/Olympus",
        ],
    );
    assert!(said.contains("`Mars/Olympus` is not a time zone"), "{said}");
    assert!(
        said.contains("Europe/Lisbon"),
        "says what one looks like: {said}"
    );
    let ok = hireterm_on(
        &db.path(),
        &[
            "add",
            "--name",
            "Ana Silva",
            "--email",
            "ana@example.com",
            "--timezone",
            "Europe/Lisbon",
        ],
    );
    assert!(ok.status.success(), "{}", output_text(&ok).1);
}

#[test]
fn the_importer_refuses_unknown_zones_and_currencies_by_line() {
    let db = TempDb::new();
    let file = db.dir.path().join("people.csv");
    std::fs::write(
        &file,
        "name,email,timezone,rate,currency\n\
         Ana Silva,ana@example.com,Mars/Olympus,60-90,USD\n\
         Bo Chen,bo@example.com,Asia/Shanghai,60-90,XYZ\n\
         Cy Diaz,cy@example.com,America/Bogota,60-90,EUO\n\
         Di Eze,di@example.com,Africa/Lagos,60-90,ngn\n",
    )
    .unwrap();
    let out = hireterm_on(&db.path(), &["import", file.to_str().unwrap()]);
    let (stdout, stderr) = output_text(&out);
    let said = format!("{stdout}{stderr}");
    assert!(!out.status.success(), "{said}");
    assert!(said.contains("`Mars/Olympus` is not a time zone"), "{said}");
    assert!(said.contains("`XYZ` is not an ISO 4217 currency"), "{said}");
    assert!(
        said.contains("`EUO` is not an ISO 4217 currency; did you mean `EUR`?"),
        "{said}"
    );
    assert!(!said.contains("line 5"), "NGN is a currency: {said}");
    let store = db.open();
    assert_eq!(store.candidate_count(), 0, "nothing imported");
}

#[test]
fn engagement_currencies_and_bill_rates_are_iso_codes() {
    let db = TempDb::new();
    let out = hireterm_on(&db.path(), &["client", "add", "Acme Corp"]);
    assert!(out.status.success(), "{}", output_text(&out).1);
    let engagement = |extra: &[&str]| {
        let mut args = vec![
            "engagement",
            "add",
            "--client",
            "Acme Corp",
            "--title",
            "Platform",
            "--role",
            "devops",
            "--require",
            "k8s:4:must",
        ];
        args.extend(extra);
        refused(&db, &args)
    };
    let said = engagement(&["--currency", "XYZ"]);
    assert!(said.contains("`XYZ` is not an ISO 4217 currency"), "{said}");
    let said = engagement(&["--bill", "95 UDS"]);
    assert!(
        said.contains("`UDS` is not an ISO 4217 currency; did you mean `USD`?"),
        "{said}"
    );
}

#[test]
fn the_form_marks_a_zone_and_a_currency_no_one_knows() {
    let db = TempDb::new();
    let mut app = app_on(demo_store(&db, 20, 1), 120, 40);
    press(&mut app, "1");
    let before = app.store().unwrap().candidate_count();
    press(&mut app, "a");
    fill(&mut app, "Name", "Zed Quist");
    fill(&mut app, "Email", "zed@quist.io");
    fill(&mut app, "Time zone", "Europe/Lisbn");
    fill(&mut app, "Rate /h", "70-95");
    fill(&mut app, "Currency", "XYZ");
    press(&mut app, "ctrl-s");
    assert_eq!(
        error_of(&app, "Time zone").as_deref(),
        Some("`Europe/Lisbn` is not a time zone; did you mean `Europe/Lisbon`?")
    );
    let currency = error_of(&app, "Currency").unwrap_or_default();
    assert!(
        currency.starts_with("`XYZ` is not an ISO 4217 currency"),
        "{currency}"
    );
    assert_eq!(app.store().unwrap().candidate_count(), before, "not saved");

    fill(&mut app, "Time zone", "Europe/Lisbon");
    fill(&mut app, "Currency", "eur");
    press(&mut app, "ctrl-s");
    assert!(app.overlay().is_none(), "{:?}", app.status());
    assert_eq!(app.store().unwrap().candidate_count(), before + 1);
}

#[test]
fn a_stored_zone_no_one_knows_still_opens_and_lists() {
    let db = TempDb::new();
    let mut martian = candidate("Mars Dweller", "mars@example.com");
    martian.location.timezone = "Mars/Olympus".into();
    // As an older hireterm stored it: the store keeps what it was given
    // (zones are checked where they are typed, not on every write).
    let store = db.open();
    store.add_candidate(martian, &stamp()).unwrap();
    store.close().unwrap();
    for args in [&["stats"][..], &["list", "--columns", "name"], &["check"]] {
        let out = hireterm_on(&db.path(), args);
        let (stdout, stderr) = output_text(&out);
        assert!(out.status.success(), "{args:?}: {stderr}");
        if args[0] == "list" {
            assert!(stdout.contains("Mars Dweller"), "{stdout}");
        }
    }
    let mut app = app_on(std::sync::Arc::new(db.open()), 120, 40);
    press(&mut app, "1");
    assert_eq!(app.data().candidates().len(), 1);
}
