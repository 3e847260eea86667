use clap::Parser;
use hireterm::cli::{Cli, describe_error, run};
use hireterm::domain::text::clean;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return refuse_arguments(&error),
    };
    install_hooks();
    // Loaded before any record is decoded, so that every role and skill
    // id decoded shares the catalog's text (`domain::catalog_ids`).
    hireterm::catalog::Catalog::builtin();
    // A long open after a crash says how far it got: on the app's
    // screen when it is waiting for the open, else on stderr.
    hireterm::store::open_wait::report_with(|line| {
        if !hireterm::term::local::show_opening(line) {
            say(&format!("hireterm: {}\n", clean(line, false)))
        }
    });
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(cli)));
    // An import that opening the database rolled back is told whatever
    // the command was (`hireterm import` tells it first).
    for notice in hireterm::store::journal::take_notices() {
        say(&format!("hireterm: {}\n", clean(&notice, false)));
    }
    match outcome {
        Ok(Ok(code)) => code,
        Ok(Err(error)) => match describe_error(&error) {
            Some(text) => {
                say(&format!("hireterm: {text}\n"));
                ExitCode::FAILURE
            }
            // Only stdout closed under the command: what was asked for was
            // read, and the command's writes are whole (see the README).
            None => ExitCode::SUCCESS,
        },
        Err(_) if hireterm::store::sled_panicked() => {
            say(&format!("hireterm: {}\n", hireterm::store::sled_stopped()));
            ExitCode::FAILURE
        }
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// Writes to stderr. Never `eprintln!`: with stderr closed (`2>&1 | head
/// -1`) it panics, and a panic while the panic hook prints aborts.
fn say(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// clap quotes the offending argument back; an argument can carry escape
/// sequences, so the message is cleaned before it reaches the terminal.
/// Help and version go to stdout, which may be closed (`--help | head -1`).
fn refuse_arguments(error: &clap::Error) -> ExitCode {
    let text = clean(&error.render().to_string(), true);
    let code = u8::try_from(error.exit_code()).unwrap_or(2);
    if error.use_stderr() {
        say(&text);
    } else {
        let _ = std::io::stdout().lock().write_all(text.as_bytes());
    }
    ExitCode::from(code)
}

/// color-eyre's reports and panic messages, except for panics inside sled
/// (it `unwrap`s some failed disk calls, and panics on damage while
/// opening): those are reported in plain words, by the store (a damaged
/// database, a disk error at close) or by `main` (any other). The panic
/// report is written as [`say`] writes, never with `eprintln!`, so that a
/// closed stderr cannot turn a panic into an abort.
fn install_hooks() {
    let (panic_hook, eyre_hook) = color_eyre::config::HookBuilder::default().into_hooks();
    // A failure to install the report hook only makes error reports plainer.
    let _ = eyre_hook.install();
    std::panic::set_hook(Box::new(move |info| {
        let opening = std::thread::current().name() == Some(hireterm::store::OPENER_THREAD);
        let message = (info.payload().downcast_ref::<String>().map(String::as_str))
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        let in_sled = info
            .location()
            .is_some_and(|at| hireterm::store::is_sled_panic(at.file(), message));
        if !opening && !hireterm::store::closing() && !in_sled {
            say(&format!("{}\n", panic_hook.panic_report(info)));
        }
    }));
}
