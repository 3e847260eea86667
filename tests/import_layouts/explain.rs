//! `import --dry-run --explain` on a file of a layout hireterm does not
//! know: the mapping it would use, column by column with a sample value
//! each, as a `--map` file (the report after it as comments). Fed back as
//! it is, it imports; edited, it reads the file differently.

use crate::common::*;
use crate::expect::import;

const PEOPLE: &str = "\
Person ID,Given name,Surname,E-mail addresses,Where,Employer,Lead source,Visa,Internal
17,Zoë,Ørsted,\"zoe@example.dk; zoe.o@work.example\",\"Aarhus, Denmark\",Novo,Hackathon,EU citizen,x
18,민수,김,minsu@example.kr,Remote,Kakao,LinkedIn,,
";

#[test]
fn explain_prints_a_map_that_imports_when_fed_back() {
    let db = TempDb::new();
    let file = db.dir.path().join("people.csv");
    std::fs::write(&file, PEOPLE).unwrap();
    let (ok, explained, stderr) = import(&db, &file, &["--dry-run", "--explain"]);
    assert!(ok, "{explained}{stderr}");
    insta::assert_snapshot!("explain_unknown_layout", explained);
    assert_eq!(db.open().candidate_count(), 0, "a dry run writes nothing");

    let map = db.dir.path().join("people.toml");
    std::fs::write(&map, &explained).unwrap();
    let (ok, stdout, stderr) = import(&db, &file, &["--map", map.to_str().unwrap()]);
    assert!(ok, "{stdout}{stderr}");
    assert!(stdout.contains("layout: people, from "), "{stdout}");
    let zoe = db
        .open()
        .candidate_by_email("zoe@example.dk")
        .unwrap()
        .unwrap();
    assert_eq!(zoe.name, "Zoë Ørsted");
    assert_eq!(zoe.links, ["mailto:zoe.o@work.example"]);
    assert_eq!(zoe.source.label(), "other");
    let custom: Vec<&str> = zoe.custom.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        custom,
        ["Person ID", "Where", "Lead source", "Visa", "Internal"]
    );

    // Edited as its comments suggest: ids kept, the place split, a
    // column left out, a source named.
    let edited = explained
        .replace(
            "\"Person ID\" = \"custom\"",
            "\"Person ID\" = \"external_id\"",
        )
        .replace("\"Where\" = \"custom\"", "\"Where\" = \"location\"")
        .replace("\"Internal\" = \"custom\"", "\"Internal\" = \"drop\"")
        .replace(
            "[values.source]\n",
            "[values.source]\n\"Hackathon\" = \"event\"\n",
        );
    std::fs::write(&map, edited).unwrap();
    let fresh = TempDb::new();
    let (ok, stdout, stderr) = import(&fresh, &file, &["--map", map.to_str().unwrap()]);
    assert!(ok, "{stdout}{stderr}");
    assert!(stdout.contains("left out (1): Internal"), "{stdout}");
    let zoe = fresh
        .open()
        .candidate_by_email("zoe@example.dk")
        .unwrap()
        .unwrap();
    assert_eq!(
        (zoe.location.city.as_str(), zoe.location.country.as_str()),
        ("Aarhus", "Denmark")
    );
    assert_eq!(zoe.source.label(), "event");
    let id = &zoe.external_ids[0];
    assert_eq!((id.system.as_str(), id.id.as_str()), ("people", "17"));
    let custom: Vec<(&str, &str)> = zoe
        .custom
        .iter()
        .map(|f| (f.name.as_str(), f.value.as_str()))
        .collect();
    assert_eq!(custom, [("Visa", "EU citizen")]);
}

#[test]
fn a_map_that_cannot_be_read_is_refused_with_its_line() {
    let db = TempDb::new();
    let file = db.dir.path().join("people.csv");
    std::fs::write(&file, PEOPLE).unwrap();
    let map = db.dir.path().join("bad.toml");
    std::fs::write(
        &map,
        "system = \"people\"\n[columns]\n\"Where\" = \"somewhere\"\n",
    )
    .unwrap();
    let (ok, _, stderr) = import(&db, &file, &["--map", map.to_str().unwrap()]);
    assert!(!ok);
    assert!(
        stderr.contains("[columns] \"Where\": `somewhere` is not something a column can become"),
        "{stderr}"
    );
    let (ok, _, stderr) = import(&db, &file, &["--from", "taleo"]);
    assert!(!ok);
    assert!(
        stderr.contains("`taleo` is not a layout hireterm knows"),
        "{stderr}"
    );
    assert_eq!(db.open().candidate_count(), 0);
}
