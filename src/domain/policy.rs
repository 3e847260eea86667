//! The firm's rules that a manager may set in config.toml: how long a card
//! may sit in a stage, the 48-hour promise, how long a client may take to
//! answer, how soon a candidate may be sent to the same client again,
//! what "ending soon" means, the money settings, how many backups
//! taken from the app are kept, the recruiters' monthly goals, and what the
//! app asks of the terminal (the clipboard, the mouse), and the retention
//! rules (which the app never applies; it warns of consents ending).

use super::attention::AgingPolicy;
use super::goals::Goals;
use super::money::MoneyPolicy;
use super::promise::PromisePolicy;
use super::retention::RetentionRules;

#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    pub aging: AgingPolicy,
    pub promise: PromisePolicy,
    pub money: MoneyPolicy,
    /// Days a submittal may wait for the client's answer before it needs
    /// attention (0: never flagged).
    pub answer_days: i64,
    /// Sending a candidate to a client who had them within this many days
    /// asks first.
    pub resubmit_days: i64,
    /// Placements ending within this many days need attention.
    pub ending_days: i64,
    /// Backups taken from the app (`ctrl-b`) to keep; older ones are
    /// removed as new ones are written (0: keep them all).
    pub backups_keep: usize,
    /// Each recruiter's monthly submittals, interviews and placements.
    pub goals: Goals,
    /// What the app asks of the terminal: the clipboard, the mouse.
    pub terminal: TerminalPolicy,
    /// `[retention]`: when to erase, and how soon a consent's end shows.
    pub retention: RetentionRules,
}

/// `[terminal]` in config.toml.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TerminalPolicy {
    /// `y` copies to the clipboard with OSC 52 (some terminals refuse it).
    pub clipboard: bool,
    /// Clicks and the wheel in a local terminal.
    pub mouse: bool,
    /// Clicks and the wheel under `hireterm serve` (off by default: an
    /// SSH user's terminal then keeps its own text selection).
    pub mouse_over_ssh: bool,
}

impl Default for TerminalPolicy {
    fn default() -> Self {
        TerminalPolicy {
            clipboard: true,
            mouse: true,
            mouse_over_ssh: false,
        }
    }
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            aging: AgingPolicy::default(),
            promise: PromisePolicy::default(),
            money: MoneyPolicy::default(),
            answer_days: 3,
            resubmit_days: 90,
            ending_days: 30,
            backups_keep: 10,
            goals: Goals::default(),
            terminal: TerminalPolicy::default(),
            retention: RetentionRules::default(),
        }
    }
}
