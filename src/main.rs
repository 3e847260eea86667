use clap::Parser;
use hireterm::cli::{Cli, describe_error, run};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return refuse_arguments(&error),
    };
    install_hooks();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("hireterm: {}", describe_error(&error));
            ExitCode::FAILURE
        }
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
/// while a database is being opened: those are reported as a damaged
/// database, in plain words, by the store.
fn install_hooks() {
    let (panic_hook, eyre_hook) = color_eyre::config::HookBuilder::default().into_hooks();
    // A failure to install the report hook only makes error reports plainer.
    let _ = eyre_hook.install();
    let panic_hook = panic_hook.into_panic_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() != Some(hireterm::store::OPENER_THREAD) {
            panic_hook(info);
        }
    }));
}
