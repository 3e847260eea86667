//! A snapshot lent to the reports (`metrics`) as the records they read:
//! the one way the Reports pane and `hireterm report` build them, so that
//! both count the same records.

use super::data::Data;
use crate::metrics::Records;

impl Data {
    /// The snapshot as the reports read it: everything borrowed; only the
    /// list of the applications (references, in engagement order) is
    /// made.
    pub fn report_records(&self) -> Records<'_> {
        let agency = self.agency();
        let engagements = self.engagements();
        Records {
            candidates: self.candidates(),
            engagements,
            applications: engagements
                .iter()
                .flat_map(|e| self.pipeline(e.id))
                .collect(),
            submittals: agency.submittals(),
            placements: agency.placements(),
            clients: agency.clients(),
        }
    }
}
