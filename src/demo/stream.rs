//! Writing demo data to a store: all of it at once ([`write`], for data
//! [`generate`] made), or the candidates a chunk at a time as they are
//! made ([`write_streamed`], the `demo` command's way, at any size).
//! Both write the same records, in the same order, under the same ids.

use super::*;
use crate::store::journal::pause_for_tests;
use crate::store::{BulkLoad, BulkReport, Result, Store};

/// Candidates made and written at a time by [`write_streamed`]: large
/// enough that a chunk's few transactions cost nothing, small enough to
/// hold (about ten megabytes).
const CHUNK: usize = 10_000;

/// What an interrupted streamed demo is called when the next open takes
/// it back: "the import of the demo data was interrupted".
const LOAD_NAME: &str = "the demo data";

/// Writes generated data to a store, mapping the generator's ids to the
/// ones the store hands out (they differ when the store is not empty).
pub fn write(store: &Store, data: DemoData, stamp: &Stamp) -> Result<BulkReport> {
    let client_ids = client_ids(store.add_clients(&data.clients, stamp)?);
    // Each person was added when their record says, long ago for some:
    // retention counts from it.
    let added = store.add_candidates_as_created(&data.candidates, &stamp.actor)?;
    let candidate_ids: Vec<u64> = added.iter().map(|c| c.0).collect();
    write_around(store, data, &client_ids, &candidate_ids, stamp)
}

/// Generates the demo data for `options` and writes it as it goes: the
/// candidates a chunk at a time, each let go once written (pipelines make
/// again the few they look at), so memory does not grow with their
/// number. All or nothing: the writes run under a bulk load (see
/// `Store::begin_bulk_load`), which an error takes back at once and a kill
/// at the next open. The records are [`generate`]'s, written as [`write()`]
/// writes them.
pub fn write_streamed(
    store: &Store,
    options: &DemoOptions,
    catalog: &Catalog,
    stamp: &Stamp,
) -> Result<BulkReport> {
    let sizes = Sizes {
        chunk: CHUNK,
        keep: roster::KEEP,
    };
    write_streamed_in(store, options, catalog, stamp, sizes)
}

/// How [`write_streamed_in`] cuts its work: candidates made and written
/// at a time, and candidates a roster holds (tests make both small).
#[derive(Debug, Clone, Copy)]
pub(super) struct Sizes {
    pub(super) chunk: usize,
    pub(super) keep: usize,
}

/// [`write_streamed`], cut to `sizes`.
pub(super) fn write_streamed_in(
    store: &Store,
    options: &DemoOptions,
    catalog: &Catalog,
    stamp: &Stamp,
    sizes: Sizes,
) -> Result<BulkReport> {
    let world = World::new(options, catalog);
    let mut load = store.begin_bulk_load(LOAD_NAME)?;
    let clients = world.clients();
    let client_ids = client_ids(store.add_clients(&clients, stamp)?);
    let count = options.candidates;
    let (candidate_ids, by_role) = load_candidates(&world, (count, sizes.chunk), &mut load, stamp)?;
    let mut roster = Roster::drawn(count, sizes.keep);
    let data = world.around(clients, &mut roster, &by_role, options.engagements);
    let written = write_around(store, data, &client_ids, &candidate_ids, stamp)?;
    pause_for_tests("demo:end");
    load.finish()?;
    Ok(written)
}

/// Makes `count` candidates on a thread of their own, `chunk` at a time,
/// while the chunk before is written: their ids, by generated id, and
/// their indices by primary role.
fn load_candidates(
    world: &World,
    (count, chunk): (usize, usize),
    load: &mut BulkLoad,
    stamp: &Stamp,
) -> Result<(Vec<u64>, Vec<Vec<usize>>)> {
    // One chunk waits while one is written: memory for three at most.
    let (made, chunks) = std::sync::mpsc::sync_channel(1);
    std::thread::scope(|scope| {
        let maker = scope.spawn(move || {
            let mut by_role = world.no_roles();
            for start in (0..count).step_by(chunk.max(1)) {
                let run = world.candidate_run(start..count.min(start + chunk), &mut by_role);
                if made.send(run).is_err() {
                    break;
                }
            }
            by_role
        });
        let mut ids = Vec::with_capacity(count);
        for (serial, run) in chunks.into_iter().enumerate() {
            let added = load.add_candidates_as_created(run, &stamp.actor)?;
            ids.extend(added.iter().map(|c| c.0));
            pause_for_tests(&format!("demo:{}", serial + 1));
        }
        let by_role = maker
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        Ok((ids, by_role))
    })
}

fn client_ids(added: Vec<ClientId>) -> Vec<u64> {
    added.iter().map(|c| c.0).collect()
}

/// Writes all but the clients and the candidates, already stored under
/// `client_ids` and `candidate_ids` (by generated id, from 1).
fn write_around(
    store: &Store,
    mut data: DemoData,
    client_ids: &[u64],
    candidate_ids: &[u64],
    stamp: &Stamp,
) -> Result<BulkReport> {
    // Generated ids are 1..=n in order, so id k maps to position k - 1.
    let remap = |id: u64, ids: &[u64]| {
        ids.get((id as usize).wrapping_sub(1))
            .copied()
            .unwrap_or(id)
    };
    for engagement in &mut data.engagements {
        engagement.client = ClientId(remap(engagement.client.0, client_ids));
    }
    let engagement_ids = store.add_engagements(&data.engagements, stamp)?;
    let engagements: Vec<u64> = engagement_ids.iter().map(|e| e.0).collect();
    let card = |engagement: &mut EngagementId, candidate: &mut CandidateId| {
        *engagement = EngagementId(remap(engagement.0, &engagements));
        *candidate = CandidateId(remap(candidate.0, candidate_ids));
    };
    for app in &mut data.applications {
        card(&mut app.engagement, &mut app.candidate);
    }
    let applications = store.add_applications(&data.applications)?;
    // Submittal and placement ids are kept as given: shift them past the
    // store's.
    let (next_submittal, next_placement) = store.next_ids()?;
    for s in &mut data.submittals {
        s.id = SubmittalId(s.id.0 + next_submittal.0 - 1);
        s.client = ClientId(remap(s.client.0, client_ids));
        card(&mut s.engagement, &mut s.candidate);
    }
    for p in &mut data.placements {
        p.id = PlacementId(p.id.0 + next_placement.0 - 1);
        card(&mut p.engagement, &mut p.candidate);
    }
    Ok(BulkReport {
        clients: client_ids.len(),
        candidates: candidate_ids.len(),
        engagements: engagement_ids.len(),
        applications,
        submittals: store.add_submittals(&data.submittals)?,
        placements: store.add_placements(&data.placements)?,
    })
}
