//! Shell completions and the man page, generated from the command line's
//! own definitions, so they name every subcommand there is.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;

/// Subcommands each output must name (a sample from every corner: the
/// candidates, the agency's loop, reports, the server).
const SUBCOMMANDS: [&str; 8] = [
    "add",
    "move",
    "reject",
    "engagement",
    "placement",
    "report",
    "serve",
    "completions",
];

fn generated(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("never");
    let out = hireterm().arg("--db").arg(&db).args(args).output().unwrap();
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{args:?}: {stderr}");
    assert!(!db.exists(), "{args:?} opened a database");
    stdout
}

#[test]
fn completions_for_each_shell_name_the_subcommands() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef hireterm"),
        ("fish", "complete -c hireterm"),
    ] {
        let script = generated(&["completions", shell]);
        assert!(script.contains(marker), "{shell}: {script}");
        for name in SUBCOMMANDS {
            assert!(script.contains(name), "{shell} lacks {name}");
        }
    }
}

#[test]
fn an_unknown_shell_is_refused_with_the_choices() {
    let out = hireterm().args(["completions", "tcsh"]).output().unwrap();
    let (_, stderr) = output_text(&out);
    assert!(!out.status.success());
    assert!(
        stderr.contains("bash") && stderr.contains("fish"),
        "{stderr}"
    );
}

#[test]
fn the_man_page_is_roff_naming_the_subcommands() {
    let page = generated(&["man"]);
    assert!(
        page.starts_with(".ie") || page.contains(".TH hireterm"),
        "{page}"
    );
    assert!(
        page.contains(".SH SUBCOMMANDS") || page.contains(".SH COMMANDS"),
        "{page}"
    );
    for name in SUBCOMMANDS {
        assert!(
            page.contains(&format!("hireterm\\-{name}")),
            "man lacks {name}"
        );
    }
}
