//! How long each person has been on file, and their consent to be kept:
//! most were added within the year, some years ago (the records a
//! retention rule finds); many gave consent when they signed up, some
//! renewed it, and a few consents run out within the month (what
//! Attention warns of). Drawn from a stream of their own, so that
//! everything else about a person is drawn as before.

use super::*;
use crate::domain::Consent;
use crate::domain::consent::DEFAULT_CONSENT_DAYS;

const YEAR: i64 = 365 * DAY;
/// The share of people on file for years.
const OLD_PERCENT: usize = 10;

impl World<'_> {
    /// Sets when the person was added, and their consent.
    pub(super) fn on_file(&self, index: usize, candidate: &mut Candidate) {
        let mut rng = Rng::new(self.seed, KIND_ON_FILE, index as u64);
        let old = rng.chance(OLD_PERCENT);
        if old {
            candidate.created_at = self.ago(rng.range(3 * YEAR + 30 * DAY, 7 * YEAR));
        }
        candidate.consent = match old {
            true => self.old_consent(candidate, &mut rng),
            false => rng.chance(40).then(|| signed_up(candidate)),
        };
    }

    /// Someone on file for years: none; the consent they signed up with,
    /// long ended; one renewed since; or one ending within the month.
    fn old_consent(&self, candidate: &Candidate, rng: &mut Rng) -> Option<Consent> {
        let today = self.now.date_naive();
        match rng.weighted(&[45, 20, 20, 15]) {
            0 => None,
            1 => Some(signed_up(candidate)),
            2 => {
                let given = today - TimeDelta::days(rng.range(30, 600));
                let source = format!("email of {given}");
                Some(Consent::for_days(given, DEFAULT_CONSENT_DAYS, source))
            }
            _ => {
                let until = today + TimeDelta::days(rng.range(1, 30));
                let given = until - TimeDelta::days(i64::from(DEFAULT_CONSENT_DAYS));
                let source = format!("phone call of {given}");
                Some(Consent::for_days(given, DEFAULT_CONSENT_DAYS, source))
            }
        }
    }
}

/// The consent of the sign-up form, given the day the record was made.
fn signed_up(candidate: &Candidate) -> Consent {
    let given = candidate.created_at.date_naive();
    Consent::for_days(given, DEFAULT_CONSENT_DAYS, "sign-up form")
}
