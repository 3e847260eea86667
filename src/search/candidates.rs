//! Candidate hits: the postings of the terms a query word matched carry
//! the word's score to the candidates; a candidate's score is, summed over
//! the words, the best of its terms for each word, and it must match them
//! all. Ties go to name order.
//!
//! At a million candidates, most of a keystroke went to per-candidate
//! arrays (17 MB allocated and zeroed each time, then scanned whole) and
//! to postings of terms that could no longer change the first screen. So
//! the arrays live on in the index and are cleared where touched, and the
//! heaviest word is walked last, its terms best first, until the hits
//! already found outscore anything the rest could give.

use super::cut::Cut;
use super::dictionary::Dictionary;
use super::rank::{Hit, Target, is_subsequence, positions, score};
use super::{CandidateEntry, SearchIndex};
use fuzzy_matcher::skim::SkimMatcherV2;
use std::sync::Mutex;

/// One slot per candidate, all zero between keystrokes.
#[derive(Default)]
pub(super) struct Scratch {
    /// Sum of the best of the words matched so far.
    total: Vec<i64>,
    /// This word's best so far.
    best: Vec<i64>,
    /// Words matched so far; one more while the current word has touched
    /// the candidate.
    matched: Vec<u32>,
    /// The last keystroke's words, each with the terms it is a
    /// subsequence of: a word typed further can only be in those.
    seen: Vec<(String, Vec<u32>)>,
}

/// A term one word matched: its worth before the posting's own bonus, and
/// the most any of its postings can be worth.
struct Match {
    value: i64,
    bound: i64,
    list: usize,
}

/// The terms `word` is a subsequence of, looked for among those of the
/// longest word of the last keystroke that it extends, if any.
fn subsequence_of(dictionary: &Dictionary, seen: &[(String, Vec<u32>)], word: &str) -> Vec<u32> {
    let terms = &dictionary.terms;
    let within = |t: &u32| is_subsequence(word, &terms[*t as usize].text);
    let before = (seen.iter())
        .filter(|(w, _)| word.starts_with(w.as_str()))
        .max_by_key(|(w, _)| w.len());
    match before {
        Some((_, ids)) => ids.iter().copied().filter(within).collect(),
        None => (0..terms.len() as u32).filter(within).collect(),
    }
}

fn matches(
    dictionary: &Dictionary,
    matcher: &SkimMatcherV2,
    word: &str,
    ids: &[u32],
) -> Vec<Match> {
    (ids.iter())
        .filter_map(|&t| {
            let term = &dictionary.terms[t as usize];
            let value = score(matcher, &term.text, word)? + term.field.bonus();
            let bound = value + i64::from(dictionary.max_bonus[term.list]) * 2;
            Some(Match {
                value,
                bound,
                list: term.list,
            })
        })
        .collect()
}

impl SearchIndex {
    pub(super) fn candidate_hits(
        &self,
        matcher: &SkimMatcherV2,
        words: &[String],
        limit: usize,
    ) -> Vec<Hit> {
        if limit == 0 {
            return Vec::new();
        }
        let mut own = None;
        let mut guard = self.scratch.try_lock();
        let scratch = match guard.as_deref_mut() {
            Ok(kept) => kept,
            Err(_) => own.insert(Scratch::default()),
        };
        let seen: Vec<(String, Vec<u32>)> = (words.iter())
            .map(|w| {
                (
                    w.clone(),
                    subsequence_of(&self.dictionary, &scratch.seen, w),
                )
            })
            .collect();
        let mut rounds: Vec<Vec<Match>> = (seen.iter())
            .map(|(w, ids)| matches(&self.dictionary, matcher, w, ids))
            .collect();
        scratch.seen = seen;
        // The word with the most postings last, where the early stop is.
        rounds.sort_by_cached_key(|r| self.postings_of(r));
        let found = self.rank_rounds(scratch, rounds, limit);
        (found.into_iter())
            .map(|(score, _, i)| candidate_hit(&self.candidates[i as usize], score, matcher, words))
            .collect()
    }

    fn postings_of(&self, round: &[Match]) -> usize {
        let lists = &self.dictionary.postings;
        round.iter().map(|m| lists[m.list].len()).sum()
    }

    /// The best `limit` (score, name rank, index), best first.
    fn rank_rounds(
        &self,
        s: &mut Scratch,
        mut rounds: Vec<Vec<Match>>,
        limit: usize,
    ) -> Vec<(i64, u32, u32)> {
        let n = self.candidates.len();
        if s.total.len() != n {
            s.total.resize(n, 0);
            s.best.resize(n, 0);
            s.matched.resize(n, 0);
        }
        let Some(mut last) = rounds.pop() else {
            return Vec::new();
        };
        let mut first: Option<Vec<u32>> = None;
        let mut base = 0;
        for (round, matches) in rounds.iter().enumerate() {
            let (touched, _) = self.walk(s, matches, round as u32, None);
            base = end_round(s, &touched);
            first.get_or_insert(touched);
        }
        last.sort_by_key(|m| std::cmp::Reverse(m.bound));
        let cut = Cut::new(limit, base, last.first().map_or(0, |m| m.bound));
        let (touched, least) = self.walk(s, &last, rounds.len() as u32, cut);
        let found = self.top(s, &touched, limit, least);
        touched.iter().for_each(|&i| s.best[i as usize] = 0);
        for &i in first.as_ref().unwrap_or(&touched) {
            s.total[i as usize] = 0;
            s.matched[i as usize] = 0;
        }
        found
    }

    /// Walks the postings of one word's terms over the candidates that
    /// matched every word before it, keeping each one's best in `best`;
    /// the candidates touched, each once, and the least score the first
    /// `limit` can have (when counted).
    fn walk(
        &self,
        s: &mut Scratch,
        matches: &[Match],
        round: u32,
        mut cut: Option<Cut>,
    ) -> (Vec<u32>, i64) {
        let mut touched = Vec::new();
        for m in matches {
            if let Some(cut) = &mut cut
                && cut.reached(m.bound)
            {
                break;
            }
            for &(index, bonus) in &self.dictionary.postings[m.list] {
                let i = index as usize;
                let value = (m.value + i64::from(bonus) * 2).max(0);
                let old = if s.matched[i] == round {
                    s.matched[i] = round + 1;
                    touched.push(index);
                    None
                } else if s.matched[i] == round + 1 {
                    Some(s.best[i])
                } else {
                    continue;
                };
                if old.is_some_and(|old| old >= value) {
                    continue;
                }
                s.best[i] = value;
                if let Some(cut) = &mut cut {
                    cut.raise(old.map(|o| s.total[i] + o), s.total[i] + value);
                }
            }
        }
        (touched, cut.map_or(i64::MIN, |cut| cut.least()))
    }

    /// The best `limit` of `touched`, looking up name ranks only for
    /// scores of at least `least`.
    fn top(&self, s: &Scratch, touched: &[u32], limit: usize, least: i64) -> Vec<(i64, u32, u32)> {
        let mut found: Vec<(i64, u32, u32)> = (touched.iter())
            .filter_map(|&i| {
                let score = s.total[i as usize] + s.best[i as usize];
                (score >= least).then(|| (score, self.ranks[i as usize], i))
            })
            .collect();
        let order = |a: &(i64, u32, u32), b: &(i64, u32, u32)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        if found.len() > limit {
            found.select_nth_unstable_by(limit - 1, order);
            found.truncate(limit);
        }
        found.sort_unstable_by(order);
        found
    }
}

/// Adds the word's best to the totals of the candidates it touched; the
/// highest total.
fn end_round(s: &mut Scratch, touched: &[u32]) -> i64 {
    let mut highest = 0;
    for &index in touched {
        let i = index as usize;
        s.total[i] += s.best[i];
        s.best[i] = 0;
        highest = highest.max(s.total[i]);
    }
    highest
}

/// Keeps one `Scratch` per index; a search that finds it busy (another
/// thread searching the same index) uses its own. Its arrays are made
/// (and their pages touched) with the index, on the thread that builds
/// it, rather than by the first keystroke: 20 MB at a million candidates
/// made that keystroke the slowest of all (23–33 ms against 6).
pub(super) fn scratch(candidates: usize) -> Mutex<Scratch> {
    let mut scratch = Scratch::default();
    scratch.total.resize(candidates, 0);
    scratch.best.resize(candidates, 0);
    scratch.matched.resize(candidates, 0);
    Mutex::new(scratch)
}

fn candidate_hit(
    entry: &CandidateEntry,
    score: i64,
    matcher: &SkimMatcherV2,
    words: &[String],
) -> Hit {
    Hit {
        target: Target::Candidate(entry.id),
        score,
        label: entry.name.clone(),
        positions: positions(matcher, &entry.folded_name, words),
        detail: entry.detail.clone(),
        matched: Vec::new(),
    }
}
