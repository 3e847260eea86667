//! `[terminal]` in config.toml: what the app asks of the terminal.
//!
//! ```toml
//! [terminal]
//! clipboard = true        # y copies with OSC 52 (false where the terminal refuses it)
//! mouse = true            # clicks select, the wheel scrolls (a local terminal)
//! mouse_over_ssh = false  # the same under `hireterm serve`
//! ```

use crate::domain::TerminalPolicy;
use toml::Table;

pub fn parse_terminal(section: &Table) -> Result<TerminalPolicy, String> {
    let mut terminal = TerminalPolicy::default();
    for (key, value) in section {
        let slot = match key.as_str() {
            "clipboard" => &mut terminal.clipboard,
            "mouse" => &mut terminal.mouse,
            "mouse_over_ssh" => &mut terminal.mouse_over_ssh,
            _ => return Err(format!("[terminal] has no `{key}`")),
        };
        *slot = value
            .as_bool()
            .ok_or_else(|| format!("[terminal] {key} must be true or false"))?;
    }
    Ok(terminal)
}

#[cfg(test)]
mod tests {
    use super::super::config::parse_policy;

    #[test]
    fn the_terminal_section_turns_the_clipboard_and_the_mouse_on_or_off() {
        let policy = parse_policy("[terminal]\nclipboard = false\nmouse_over_ssh = true\n");
        let terminal = policy.map(|p| p.terminal);
        let terminal = terminal.unwrap_or_default();
        assert!(!terminal.clipboard && terminal.mouse && terminal.mouse_over_ssh);
        let error = |text: &str| parse_policy(text).err().unwrap_or_default();
        assert!(error("[terminal]\nmouse = 1").contains("true or false"));
        assert!(error("[terminal]\nmice = true").contains("no `mice`"));
    }
}
