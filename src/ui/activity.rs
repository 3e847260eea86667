//! The activity feed: the event log, newest first. The global pane shows
//! every change; the candidate detail shows that candidate's.

use super::{Theme, fit, safe};
use crate::app::App;
use crate::domain::{CandidateId, Event, EventKind};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let title = format!(" Activity · the newest {} changes ", app.activity().len());
    let block = Block::bordered().title(Line::styled(title, theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let lines: Vec<Line> = app
        .activity()
        .iter()
        .take(usize::from(inner.height))
        .map(|event| Line::raw(fit(&describe(app, event), width).into_owned()))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// `2026-05-01 09:00  ana  Ana Silva: Screening → Technical interview · E3`
pub fn describe(app: &App, event: &Event) -> String {
    let data = app.data();
    let name = |id| {
        data.candidate(id)
            .map_or(id.to_string(), |c| safe(&c.name).into_owned())
    };
    let what = match &event.kind {
        EventKind::CandidateAdded { candidate } => format!("{} added", name(*candidate)),
        EventKind::CandidateUpdated { candidate } => format!("{} updated", name(*candidate)),
        EventKind::EngagementAdded { engagement } => format!("engagement {engagement} opened"),
        EventKind::EngagementUpdated { engagement } => format!("engagement {engagement} updated"),
        EventKind::ApplicationOpened {
            engagement,
            candidate,
            stage,
        } => {
            format!("{} entered {engagement} at {stage}", name(*candidate))
        }
        EventKind::StageChanged {
            engagement,
            candidate,
            from,
            to,
            reason,
        } => {
            let why = reason
                .as_deref()
                .map(|r| format!(" ({})", safe(r)))
                .unwrap_or_default();
            format!("{}: {from} → {to} · {engagement}{why}", name(*candidate))
        }
        EventKind::NoteAdded {
            candidate, note, ..
        } => format!("{} got note {note}", name(*candidate)),
        EventKind::NoteRemoved { candidate, note } => {
            format!("{}: note {note} removed", name(*candidate))
        }
        EventKind::ScorecardAdded {
            engagement,
            candidate,
            stage,
        } => {
            format!("{}: scorecard for {stage} · {engagement}", name(*candidate))
        }
        EventKind::CandidateMerged { candidate, .. } => {
            format!("{}: a duplicate merged in", name(*candidate))
        }
        EventKind::CandidateUpdatedFromFile { candidate, .. } => {
            format!("{}: updated from an import", name(*candidate))
        }
        EventKind::MergeUndone { candidate, merge } => {
            format!("{}: merge {merge} undone", name(*candidate))
        }
        EventKind::ConsentRecorded { candidate, consent } => format!(
            "{}: consent given {} ({}), holds until {}",
            name(*candidate),
            consent.given_on,
            safe(&consent.source),
            consent.until
        ),
        EventKind::ConsentWithdrawn { candidate } => {
            format!("{}: consent withdrawn", name(*candidate))
        }
        other => describe_agency(app, other, &name),
    };
    format!(
        "{}  {}  {what}",
        event.at.format("%Y-%m-%d %H:%M"),
        safe(&event.actor)
    )
}

/// The events of clients, submittals and placements.
fn describe_agency(app: &App, kind: &EventKind, name: &dyn Fn(CandidateId) -> String) -> String {
    let client = |id| safe(&app.data().agency().client_name(id)).into_owned();
    match kind {
        EventKind::ClientAdded { client: id } => format!("client {} added", client(*id)),
        EventKind::ClientUpdated { client: id } => format!("client {} updated", client(*id)),
        EventKind::ApplicationRemoved {
            engagement,
            candidate,
        } => {
            format!("{} taken out of {engagement}", name(*candidate))
        }
        EventKind::Submitted {
            submittal,
            engagement,
            candidate,
        } => {
            format!(
                "{} submitted to the client of {engagement} ({submittal})",
                name(*candidate)
            )
        }
        EventKind::SubmittalAnswered {
            submittal,
            candidate,
            answer,
        } => {
            format!(
                "{}: client answer to {submittal}: {}",
                name(*candidate),
                answer.label()
            )
        }
        EventKind::SubmittalRetracted {
            submittal,
            candidate,
            answer_only,
        } => {
            let what = if *answer_only { "answer" } else { "submittal" };
            format!("{}: {what} {submittal} taken back", name(*candidate))
        }
        EventKind::PlacementChanged {
            placement,
            engagement,
            candidate,
            change,
        } => {
            format!(
                "{}: {} in {engagement} ({placement})",
                name(*candidate),
                change.label()
            )
        }
        EventKind::PlacementChangeUndone {
            placement,
            candidate,
            change,
        } => {
            format!(
                "{}: {} taken back ({placement})",
                name(*candidate),
                change.label()
            )
        }
        EventKind::CandidateErased { candidate, reason } => {
            format!(
                "{}: personal data erased ({})",
                name(*candidate),
                safe(reason)
            )
        }
        EventKind::CandidateDeleted { candidate } => format!("{candidate} deleted"),
        EventKind::EngagementDeleted { engagement } => format!("{engagement} deleted"),
        EventKind::ClientDeleted { client } => format!("{client} deleted"),
        _ => String::new(),
    }
}
