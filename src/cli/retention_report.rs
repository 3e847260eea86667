//! What `hireterm retention` says: whom the rules select (named, in a dry
//! run; by id only once erased) and why, whom they spare; as lines or as
//! JSON.

use super::output::line;
use super::retention_gather::Found;
use crate::domain::retention::{Match, RetentionRules, Rule, Selected, Spared};
use crate::store::backups;
use serde_json::{Value, json};

/// What was found and, after an erasing run, erased (`Some`).
pub fn report(found: &Found, rules: &RetentionRules, as_json: bool, erased: Option<&[String]>) {
    if as_json {
        return line(to_json(found, rules, erased).to_string());
    }
    if !rules.any() {
        return line(
            "no retention rule is set ([retention] in config.toml: erase_after_inactive_days, \
             erase_after_rejected_days); nothing is selected",
        );
    }
    line(format!(
        "retention on {}: {}",
        found.today,
        rule_words(rules)
    ));
    for selected in &found.selection.selected {
        line(selected_line(found, selected, erased.is_none()));
    }
    line(summary(found));
    line(match erased {
        None => "dry run: nothing was erased".to_string(),
        Some(ids) => format!("erased {} (names are no longer kept)", ids.len()),
    });
}

/// `C12  Ana Lima  inactive  no activity since ...` (no name once erased).
fn selected_line(found: &Found, selected: &Selected, named: bool) -> String {
    let name = match named {
        true => format!("  {}", found.name(selected.candidate)),
        false => String::new(),
    };
    let (rules, why) = labels(&selected.matches);
    format!(
        "{}{name}  {}  {}",
        selected.candidate,
        rules.join("+"),
        why.join("; ")
    )
}

fn rule_words(rules: &RetentionRules) -> String {
    let set = [
        (Rule::Inactive, rules.inactive_days),
        (Rule::Rejected, rules.rejected_days),
    ];
    let words: Vec<String> = (set.iter())
        .filter_map(|(rule, days)| days.map(|d| format!("{} = {d}", rule.key())))
        .collect();
    words.join(", ")
}

/// "3 selected (2 inactive, 1 rejected); 5 spared: 4 whose consent
/// holds, 1 in a pipeline or placement".
fn summary(found: &Found) -> String {
    let selected = &found.selection.selected;
    let by = |rule: Rule| {
        let all = selected
            .iter()
            .filter(|s| s.matches.iter().any(|m| m.rule == rule));
        all.count()
    };
    let spared = &found.selection.spared;
    let consent = spared
        .iter()
        .filter(|s| s.why.starts_with("consent"))
        .count();
    format!(
        "{} selected ({} inactive, {} rejected); {} spared: {consent} whose consent holds, {} in \
         a pipeline or placement",
        selected.len(),
        by(Rule::Inactive),
        by(Rule::Rejected),
        spared.len(),
        spared.len() - consent
    )
}

fn to_json(found: &Found, rules: &RetentionRules, erased: Option<&[String]>) -> Value {
    let named = erased.is_none();
    let selected = found.selection.selected.iter();
    let spared = found.selection.spared.iter();
    let mut out = json!({
        "today": found.today.to_string(),
        "dry_run": named,
        "rules": {
            Rule::Inactive.key(): rules.inactive_days,
            Rule::Rejected.key(): rules.rejected_days,
        },
        "selected": selected.map(|s| selected_json(found, s, named)).collect::<Vec<_>>(),
        "spared": spared.map(|s| spared_json(found, s)).collect::<Vec<_>>(),
    });
    if let Some(ids) = erased {
        let copies = backups::copies_of(found.path.as_path());
        let copies: Vec<String> = copies.iter().map(|p| p.display().to_string()).collect();
        out["erased"] = json!(ids);
        out["copies_still_holding_them"] = json!(copies);
    }
    out
}

fn selected_json(found: &Found, s: &Selected, named: bool) -> Value {
    let (rules, reasons) = labels(&s.matches);
    let mut row = json!({"id": s.candidate.to_string(), "rules": rules, "reasons": reasons});
    if named {
        row["name"] = json!(found.name(s.candidate));
    }
    row
}

fn spared_json(found: &Found, s: &Spared) -> Value {
    let (rules, _) = labels(&s.matches);
    json!({"id": s.candidate.to_string(), "name": found.name(s.candidate), "rules": rules,
           "why": s.why})
}

/// Each match's rule and reason, in order.
fn labels(matches: &[Match]) -> (Vec<&'static str>, Vec<&str>) {
    let rules = matches.iter().map(|m| m.rule.label()).collect();
    let reasons = matches.iter().map(|m| m.reason.as_str()).collect();
    (rules, reasons)
}
