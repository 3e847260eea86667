//! The term dictionary: every distinct folded term a candidate can be found
//! by, each with the candidates it leads to.

use crate::catalog::Catalog;
use crate::domain::Candidate;
use crate::domain::text::fold;
use std::collections::HashMap;

/// Where a term came from; a match in a name counts for more than one in
/// an email.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Role,
    Skill,
    City,
    Country,
    Tag,
    Email,
    /// The text of a custom field another system's export brought.
    Custom,
}

impl Field {
    pub fn bonus(self) -> i64 {
        match self {
            Field::Name => 30,
            Field::Role | Field::Skill => 20,
            Field::City | Field::Country | Field::Tag => 10,
            Field::Custom => 5,
            Field::Email => 0,
        }
    }
}

pub struct Term {
    pub text: String,
    pub field: Field,
    /// Index into `Dictionary::postings`.
    pub list: usize,
}

/// Candidate index and a small per-posting bonus (a skill's level).
pub type Posting = (u32, u8);

pub struct Dictionary {
    pub terms: Vec<Term>,
    pub postings: Vec<Vec<Posting>>,
    /// Per list, its highest posting bonus: what the list can be worth at
    /// most, for the search's early stop.
    pub max_bonus: Vec<u8>,
}

/// Words of a candidate's custom fields indexed at most: a free-text
/// column of another system ("Notes") can run to paragraphs, and every
/// word is a posting per candidate, which at 100,000 candidates would
/// outweigh the rest of the dictionary.
pub const MAX_CUSTOM_WORDS: usize = 32;

/// Folded words: runs of letters and digits. Digits-only words are left
/// out: they are email numbers, unique per candidate, and would swell the
/// dictionary to the size of the data.
pub fn words(text: &str) -> Vec<String> {
    split_words(&fold(text)).map(str::to_string).collect()
}

/// The words of a query as the dictionary splits names: "Hannah B.
/// Gray" and "문수건 (Moon Sugeon)" find the people so named. Digits stay
/// (a query's number may be part of a longer term).
pub fn query_words(query: &str) -> Vec<String> {
    fold(query)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The words of already folded text, without copying them.
pub fn split_words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.bytes().all(|b| b.is_ascii_digit()))
}

impl Dictionary {
    pub fn build(candidates: &[Candidate], catalog: &Catalog) -> Dictionary {
        let mut builder = Builder::default();
        let role_lists: HashMap<&str, usize> = catalog
            .roles()
            .iter()
            .map(|r| (r.id.as_str(), builder.new_list()))
            .collect();
        let skill_lists: HashMap<&str, usize> = catalog
            .skills()
            .iter()
            .map(|s| (s.id.as_str(), builder.new_list()))
            .collect();
        for (index, c) in candidates.iter().enumerate() {
            let index = index as u32;
            builder.add_text(Field::Name, &c.name, index);
            builder.add_text(Field::City, &c.location.city, index);
            builder.add_text(Field::Country, &c.location.country, index);
            for tag in &c.tags {
                builder.add_text(Field::Tag, tag, index);
                builder.add_whole(Field::Tag, tag, index);
            }
            builder.add_text(Field::Email, &c.email, index);
            builder.add_custom(c, index);
            for role in &c.roles {
                if let Some(&list) = role_lists.get(role.as_str()) {
                    builder.postings[list].push((index, 0));
                }
            }
            for held in &c.skills {
                if let Some(&list) = skill_lists.get(held.skill.as_str()) {
                    builder.postings[list].push((index, held.level.get()));
                }
            }
        }
        for role in catalog.roles() {
            let terms = std::iter::once(role.id.as_str())
                .chain([role.name.as_str()])
                .chain(role.aliases.iter().map(String::as_str));
            builder.add_catalog_terms(Field::Role, terms, role_lists[role.id.as_str()]);
        }
        for skill in catalog.skills() {
            let terms = std::iter::once(skill.id.as_str())
                .chain([skill.name.as_str()])
                .chain(skill.aliases.iter().map(String::as_str));
            builder.add_catalog_terms(Field::Skill, terms, skill_lists[skill.id.as_str()]);
        }
        builder.finish()
    }
}

#[derive(Default)]
struct Builder {
    /// Per field, term to postings list.
    by_term: HashMap<Field, HashMap<String, usize>>,
    terms: Vec<Term>,
    postings: Vec<Vec<Posting>>,
}

impl Builder {
    fn new_list(&mut self) -> usize {
        self.postings.push(Vec::new());
        self.postings.len() - 1
    }

    /// Each word of `text` leads to candidate `index` (once per field).
    fn add_text(&mut self, field: Field, text: &str, index: u32) {
        let folded = fold(text);
        for word in split_words(&folded) {
            self.add_term(field, word, index);
        }
    }

    /// The first [`MAX_CUSTOM_WORDS`] words of the candidate's custom
    /// fields.
    fn add_custom(&mut self, c: &Candidate, index: u32) {
        let mut left = MAX_CUSTOM_WORDS;
        for field in &c.custom {
            let folded = fold(&field.value);
            for word in split_words(&folded).take(left) {
                self.add_term(Field::Custom, word, index);
                left -= 1;
            }
            if left == 0 {
                return;
            }
        }
    }

    /// A text of several words (`lisbon-pool`) as one term too, so that
    /// it is found as it was typed; a text of one word is already one.
    fn add_whole(&mut self, field: Field, text: &str, index: u32) {
        let folded = fold(text.trim());
        if split_words(&folded).nth(1).is_some() {
            self.add_term(field, &folded, index);
        }
    }

    /// `term` leads to candidate `index` (once).
    fn add_term(&mut self, field: Field, term: &str, index: u32) {
        let known = (self.by_term.get(&field)).and_then(|terms| terms.get(term));
        let list = match known.copied() {
            Some(list) => list,
            None => self.new_term(field, term),
        };
        let postings = &mut self.postings[list];
        if postings.last().map(|p| p.0) != Some(index) {
            postings.push((index, 0));
        }
    }

    fn new_term(&mut self, field: Field, word: &str) -> usize {
        let list = self.new_list();
        let text = word.to_string();
        self.by_term
            .entry(field)
            .or_default()
            .insert(text.clone(), list);
        self.terms.push(Term { text, field, list });
        list
    }

    /// A catalog entry's id, name and aliases, whole, all leading to one
    /// list ("ruby on rails", "rails" and "ror" find the same people).
    fn add_catalog_terms<'a>(
        &mut self,
        field: Field,
        terms: impl Iterator<Item = &'a str>,
        list: usize,
    ) {
        let mut seen: Vec<String> = Vec::new();
        for term in terms {
            let text = fold(term.trim());
            if !text.is_empty() && !seen.contains(&text) {
                self.terms.push(Term {
                    text: text.clone(),
                    field,
                    list,
                });
                seen.push(text);
            }
        }
    }

    /// The dictionary, each list cut to its length: lists grow by
    /// doubling, and the room left over (a quarter of every list on
    /// average, several MB at 100,000 candidates) would be kept for as
    /// long as the index lives.
    fn finish(mut self) -> Dictionary {
        self.postings.iter_mut().for_each(Vec::shrink_to_fit);
        self.terms.shrink_to_fit();
        let max_bonus = (self.postings.iter())
            .map(|list| list.iter().map(|p| p.1).max().unwrap_or(0))
            .collect();
        Dictionary {
            terms: self.terms,
            postings: self.postings,
            max_bonus,
        }
    }
}
