//! Every record redacted, none left out: a viewer's copy, made again
//! only for the parts a write changed (the rest are the last copy's).

use super::agency::{Agency, AgencyParts};
use super::data::{Data, Parts};
use super::redact;
use crate::domain::access::Act;
use crate::domain::scope::Access;
use crate::domain::{Application, EngagementId};
use std::collections::HashMap;
use std::sync::Arc;

/// The last source's parts and its copy's, side by side.
type Before = (Parts, Parts);

/// Every record redacted, none left out (a viewer): each part made again
/// only if it differs from `last`'s (the last source and its copy).
pub(super) fn redact_all(access: &Access, full: &Data, last: Option<(&Data, &Data)>) -> Data {
    let from = full.parts();
    let before: Option<Before> = last.map(|(source, copy)| (source.parts(), copy.parts()));
    let b = before.as_ref();
    let notes_kept = access.may(Act::ReadNotes);
    let parts = Parts {
        candidates: again(
            b.map(|(s, c)| (&s.candidates, &c.candidates)),
            &from.candidates,
            |all| every(all, |x| redact::candidate(access, x)),
        ),
        engagements: again(
            b.map(|(s, c)| (&s.engagements, &c.engagements)),
            &from.engagements,
            |all| every(all, |x| redact::engagement(access, x)),
        ),
        pipelines: match notes_kept {
            true => Arc::clone(&from.pipelines),
            false => again(
                b.map(|(s, c)| (&s.pipelines, &c.pipelines)),
                &from.pipelines,
                |all| pipelines(access, all),
            ),
        },
        notes: match notes_kept {
            true => Arc::clone(&from.notes),
            false => Arc::default(),
        },
        agency: agency(access, &from.agency, b.map(|(s, c)| (&s.agency, &c.agency))),
    };
    full.with_parts(parts)
}

/// The agency's records redacted, part by part as [`redact_all`].
fn agency(access: &Access, from: &Agency, before: Option<(&Agency, &Agency)>) -> Agency {
    let now = from.parts();
    let before = before.map(|(source, copy)| (source.parts(), copy.parts()));
    let b = before.as_ref();
    Agency::from_parts(AgencyParts {
        clients: again(
            b.map(|(s, c)| (&s.clients, &c.clients)),
            &now.clients,
            |all| every(all, |x| redact::client(access, x)),
        ),
        submittals: again(
            b.map(|(s, c)| (&s.submittals, &c.submittals)),
            &now.submittals,
            |all| every(all, |x| redact::submittal(access, x)),
        ),
        placements: again(
            b.map(|(s, c)| (&s.placements, &c.placements)),
            &now.placements,
            |all| every(all, |x| redact::placement(access, x)),
        ),
        assignments: Arc::clone(&now.assignments),
    })
}

/// The last copy of a part if its source is the one now, else a new copy
/// of `now`.
fn again<T>(
    before: Option<(&Arc<T>, &Arc<T>)>,
    now: &Arc<T>,
    make: impl FnOnce(&T) -> T,
) -> Arc<T> {
    match before {
        Some((source, copy)) if Arc::ptr_eq(source, now) => Arc::clone(copy),
        _ => Arc::new(make(now)),
    }
}

fn every<T>(records: &[T], redact: impl Fn(&T) -> T) -> Vec<T> {
    records.iter().map(redact).collect()
}

type Pipelines = HashMap<EngagementId, Arc<Vec<Application>>>;

fn pipelines(access: &Access, all: &Pipelines) -> Pipelines {
    (all.iter())
        .map(|(&e, apps)| (e, Arc::new(every(apps, |a| redact::application(access, a)))))
        .collect()
}
