//! The early stop of a candidate search's last word.

/// When to stop walking the last word: once `limit` candidates total more
/// than any candidate could still reach, whatever terms are left. Counts
/// totals in a histogram, as they are small whole numbers.
pub(super) struct Cut {
    limit: usize,
    /// The highest total before the last word.
    base: i64,
    /// Touched candidates by total.
    counts: Vec<u32>,
    /// What the terms left can bring a candidate to, at most.
    ceiling: i64,
    /// Candidates above `ceiling`: final, and better than any other.
    above: usize,
}

impl Cut {
    /// None when the totals span too wide a range to count (a query of
    /// hundreds of letters): then every term is walked.
    pub(super) fn new(limit: usize, base: i64, top: i64) -> Option<Cut> {
        let ceiling = base + top.max(0);
        let size = usize::try_from(ceiling + 1)
            .ok()
            .filter(|&s| s <= 1 << 20)?;
        Some(Cut {
            limit,
            base,
            counts: vec![0; size],
            ceiling,
            above: 0,
        })
    }

    /// Whether no term worth at most `bound` can change the first
    /// `limit` hits any more.
    pub(super) fn reached(&mut self, bound: i64) -> bool {
        let ceiling = self.base + bound.max(0);
        while self.ceiling > ceiling {
            self.above += self.counts[self.ceiling as usize] as usize;
            self.ceiling -= 1;
        }
        self.above >= self.limit
    }

    /// The `limit`-th highest total so far (the lowest when fewer).
    pub(super) fn least(&self) -> i64 {
        let mut count = 0;
        for (total, &n) in self.counts.iter().enumerate().rev() {
            count += n as usize;
            if count >= self.limit {
                return total as i64;
            }
        }
        i64::MIN
    }

    /// A touched candidate's total rose from `old` (None: untouched yet).
    pub(super) fn raise(&mut self, old: Option<i64>, new: i64) {
        if let Some(old) = old {
            self.counts[old as usize] -= 1;
            self.above -= usize::from(old > self.ceiling);
        }
        self.counts[new as usize] += 1;
        self.above += usize::from(new > self.ceiling);
    }
}
