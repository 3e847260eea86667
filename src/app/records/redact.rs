//! Each kind of record as a role may see it: what `access.rs` puts in a
//! restricted session's snapshot. What a role may not read is not hidden
//! but absent: contacts without [`Act::ReadContact`], rates, pay and
//! margins without [`Act::ReadPay`], the agency's notes, reasons and
//! scorecards without [`Act::ReadNotes`]. A client's guest keeps what its
//! own client was sent (the submittal, its bill rate and profile, its
//! addressees).

use crate::domain::access::{Act, Role};
use crate::domain::scope::Access;
use crate::domain::{Application, Candidate, Client, Engagement, Placement, Submittal};

pub fn candidate(access: &Access, c: &Candidate) -> Candidate {
    let mut c = c.clone();
    if !access.may(Act::ReadContact) {
        c.email = String::new();
        c.phone = None;
        c.links = Vec::new();
    }
    if !access.may(Act::ReadPay) {
        c.rate = None;
    }
    if !access.may(Act::ReadNotes) {
        c.tags = Vec::new();
        // Custom fields are another system's free text (notes, salary,
        // visa): kept from those who may not read the agency's notes.
        c.custom = Vec::new();
    }
    c
}

pub fn engagement(access: &Access, e: &Engagement) -> Engagement {
    let mut e = e.clone();
    if !access.may(Act::ReadPay) {
        e.budget = None;
        e.bill_rate = None;
    }
    e
}

pub fn application(access: &Access, a: &Application) -> Application {
    let mut a = a.clone();
    if !access.may(Act::ReadNotes) {
        for change in &mut a.history {
            change.reason = None;
        }
        a.scorecards = Vec::new();
    }
    a
}

pub fn client(access: &Access, c: &Client) -> Client {
    let mut c = c.clone();
    let own = is_guest(access);
    if !access.may(Act::ReadContact) && !own {
        for contact in &mut c.contacts {
            contact.email = String::new();
            contact.phone = None;
        }
    }
    if !access.may(Act::ReadNotes) {
        c.notes = String::new();
    }
    c
}

/// A client's guest sees its own submittals as they were sent.
pub fn submittal(access: &Access, s: &Submittal) -> Submittal {
    let mut s = s.clone();
    if is_guest(access) {
        return s;
    }
    if !access.may(Act::ReadPay) {
        s.bill_rate = None;
        s.profile = String::new();
    }
    if !access.may(Act::ReadContact) {
        s.to = Vec::new();
    }
    s
}

/// Without pay, a placement keeps its dates and history; its rates read
/// as nothing.
pub fn placement(access: &Access, p: &Placement) -> Placement {
    let mut p = p.clone();
    if !access.may(Act::ReadPay) {
        for change in std::iter::once(&mut p.started).chain(p.changes.iter_mut()) {
            change.terms.bill.amount = 0;
            change.terms.pay.amount = 0;
        }
    }
    p
}

fn is_guest(access: &Access) -> bool {
    matches!(access.role, Role::Client(_))
}
