use clap::Parser;
use hireterm::cli::{Cli, describe_error, run};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return refuse_arguments(&error),
    };
    install_hooks();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(cli)));
    match outcome {
        Ok(Ok(code)) => code,
        Ok(Err(error)) => {
            eprintln!("hireterm: {}", describe_error(&error));
            ExitCode::FAILURE
        }
        Err(_) if hireterm::store::sled_panicked() => {
            eprintln!("hireterm: {}", hireterm::store::SLED_STOPPED);
            ExitCode::FAILURE
        }
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// clap quotes the offending argument back; an argument can carry escape
/// sequences, so the message is cleaned before it reaches the terminal.
fn refuse_arguments(error: &clap::Error) -> ExitCode {
    let text = hireterm::domain::text::clean(&error.render().to_string(), true);
    let code = u8::try_from(error.exit_code()).unwrap_or(2);
    if error.use_stderr() {
        eprint!("{text}");
    } else {
        print!("{text}");
    }
    ExitCode::from(code)
}

/// color-eyre's reports and panic messages, except for panics inside sled
/// (it `unwrap`s some failed disk calls, and panics on damage while
/// opening): those are reported in plain words, by the store (a damaged
/// database, a disk error at close) or by `main` (any other).
fn install_hooks() {
    let (panic_hook, eyre_hook) = color_eyre::config::HookBuilder::default().into_hooks();
    // A failure to install the report hook only makes error reports plainer.
    let _ = eyre_hook.install();
    let panic_hook = panic_hook.into_panic_hook();
    std::panic::set_hook(Box::new(move |info| {
        let opening = std::thread::current().name() == Some(hireterm::store::OPENER_THREAD);
        let in_sled = info
            .location()
            .is_some_and(|at| hireterm::store::is_sled_panic(at.file()));
        if !opening && !hireterm::store::closing() && !in_sled {
            panic_hook(info);
        }
    }));
}
