//! `hireterm completions SHELL` and `hireterm man`: a shell's completion
//! script and the man page, both generated from the clap definitions
//! (clap_complete, clap_mangen), so they can never miss a subcommand or
//! an option. Neither opens a database.

use super::Cli;
use clap::{Args, CommandFactory, ValueEnum};
use color_eyre::eyre::{Result, WrapErr};
use std::io::Write;
use std::process::ExitCode;

#[derive(Debug, Clone, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    pub shell: Shell,
}

/// The shells a script is written for.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

impl Shell {
    fn generator(self) -> clap_complete::Shell {
        match self {
            Shell::Bash => clap_complete::Shell::Bash,
            Shell::Zsh => clap_complete::Shell::Zsh,
            Shell::Fish => clap_complete::Shell::Fish,
        }
    }
}

/// Writes the completion script to stdout: `hireterm completions bash >
/// ~/.local/share/bash-completion/completions/hireterm`.
pub fn completions(args: &CompletionsArgs) -> Result<ExitCode> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(
        args.shell.generator(),
        &mut command,
        "hireterm",
        &mut script,
    );
    write_out(&script)
}

/// Writes the man page (roff) to stdout: `hireterm man > hireterm.1`, or
/// `hireterm man | man -l -`.
pub fn man() -> Result<ExitCode> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .wrap_err("cannot write the man page")?;
    write_out(&page)
}

fn write_out(bytes: &[u8]) -> Result<ExitCode> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .wrap_err("cannot write to stdout")?;
    Ok(ExitCode::SUCCESS)
}
