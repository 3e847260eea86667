//! The README's table of roles is the code's: every act, every role,
//! each cell as `Role::may` answers (`src/domain/access.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use hireterm::domain::access::{Act, Role};

#[test]
fn the_readmes_table_of_roles_is_the_one_the_code_enforces() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let (_, section) = readme.split_once("\n## Roles\n").expect("a Roles section");
    let roles = [
        Role::Admin,
        Role::Recruiter,
        Role::Interviewer,
        Role::Client("NAME".into()),
        Role::Viewer,
    ];
    let mut seen = Vec::new();
    for line in section
        .lines()
        .skip_while(|l| !l.starts_with("| may "))
        .skip(2)
    {
        let Some(row) = line.strip_prefix("| ") else {
            break;
        };
        let cells: Vec<&str> = row.trim_end_matches(" |").split(" | ").collect();
        let act = *Act::ALL
            .iter()
            .find(|a| a.words() == cells[0])
            .unwrap_or_else(|| panic!("`{}` is no act", cells[0]));
        for (role, cell) in roles.iter().zip(&cells[1..]) {
            let expected = if role.may(act) { "✓" } else { "–" };
            assert_eq!(*cell, expected, "{role} may {}", act.words());
        }
        seen.push(act);
    }
    assert_eq!(seen, Act::ALL, "every act, in the table's order");
}
