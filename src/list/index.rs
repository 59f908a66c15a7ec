//! The search index, built ahead of time by `src/build.rs` and shipped inside the wasm, so that
//! the browser only looks terms up.
//!
//! One document per item (entry or sub-item). Each document's terms come from fields with
//! different weights: the entry's aliases (what users type), the item's own text, the yes/no
//! questions and parameter labels that the item uses, and the notes on it. The vocabulary is
//! sorted, so a prefix (the word being typed) is a binary-search range.

use super::model::{Condition, ControlList};
use super::text::terms;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where a term occurs, which decides its weight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Field {
    Alias,
    Text,
    Question,
    Note,
}

impl Field {
    pub fn weight(self) -> f32 {
        match self {
            Field::Alias => 3.0,
            Field::Text => 2.0,
            Field::Question => 1.2,
            Field::Note => 0.8,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Field::Alias => "alias",
            Field::Text => "description",
            Field::Question => "question",
            Field::Note => "note",
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Doc {
    pub entry: u16,
    pub item: u16,
    /// The parent item's document, for context inherited by sub-items.
    pub parent: Option<u32>,
    /// How deep the item sits (the entry itself is 1).
    pub depth: u8,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
pub struct Posting {
    pub doc: u32,
    pub field: Field,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct SearchIndex {
    pub docs: Vec<Doc>,
    /// Sorted vocabulary.
    pub terms: Vec<String>,
    /// Postings of `terms[i]`, one per (document, best field).
    pub postings: Vec<Vec<Posting>>,
    /// Synonym groups: a term to the other terms users mean by it.
    pub synonyms: BTreeMap<String, Vec<String>>,
}

impl SearchIndex {
    /// The index of a term in the vocabulary.
    pub fn term(&self, term: &str) -> Option<usize> {
        self.terms.binary_search_by(|t| t.as_str().cmp(term)).ok()
    }

    /// Indexes of the terms starting with `prefix`.
    pub fn prefixed(&self, prefix: &str) -> std::ops::Range<usize> {
        let start = self.terms.partition_point(|t| t.as_str() < prefix);
        let end = start
            + self.terms[start..]
                .iter()
                .take_while(|t| t.starts_with(prefix))
                .count();
        start..end
    }

    /// Inverse document frequency of a term.
    pub fn idf(&self, term: usize) -> f32 {
        let n = self.docs.len() as f32;
        let df = self.postings[term].len() as f32;
        ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
    }
}

/// Builds the index of a compiled list. `synonym_groups` are groups of words or phrases that
/// users use interchangeably ("drone", "UAV", "unmanned aerial vehicle").
pub fn build(list: &ControlList, synonym_groups: &[Vec<String>]) -> SearchIndex {
    let mut docs = Vec::new();
    let mut by_term: BTreeMap<String, BTreeMap<u32, Field>> = BTreeMap::new();
    let mut add = |term: String, doc: u32, field: Field| {
        let slot = by_term.entry(term).or_default().entry(doc).or_insert(field);
        if field < *slot {
            *slot = field;
        }
    };
    for (e, entry) in list.entries.iter().enumerate() {
        let first = docs.len() as u32;
        for (i, item) in entry.items.iter().enumerate() {
            let doc = docs.len() as u32;
            docs.push(Doc {
                entry: e as u16,
                item: i as u16,
                parent: item.parent.map(|p| first + p as u32),
                depth: entry.path(i).len().min(255) as u8,
            });
            if i == 0 {
                for alias in &entry.aliases {
                    terms(alias)
                        .into_iter()
                        .for_each(|t| add(t, doc, Field::Alias));
                }
                add(entry.code.to_lowercase(), doc, Field::Alias);
            }
            terms(&item.text)
                .into_iter()
                .for_each(|t| add(t, doc, Field::Text));
            let mut questions = Vec::new();
            for c in &item.when {
                collect_labels(entry, c, &mut questions);
            }
            for q in questions {
                terms(&q)
                    .into_iter()
                    .for_each(|t| add(t, doc, Field::Question));
            }
            for note in entry.notes_on(&item.code) {
                terms(&note.text)
                    .into_iter()
                    .for_each(|t| add(t, doc, Field::Note));
            }
        }
    }
    // A synonym only helps when it leads to a word of the list: keep those targets only, so
    // that the French, German and Arabic variants are stored once, as keys.
    let mut synonyms: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for group in synonym_groups {
        let group_terms: Vec<Vec<String>> = group.iter().map(|g| terms(g)).collect();
        for (k, key) in group_terms.iter().enumerate() {
            let [single] = key.as_slice() else { continue };
            let mut others: Vec<String> = synonyms.remove(single).unwrap_or_default();
            for (j, other) in group_terms.iter().enumerate() {
                if j != k {
                    for t in other {
                        if t != single && !others.contains(t) && by_term.contains_key(t) {
                            others.push(t.clone());
                        }
                    }
                }
            }
            if !others.is_empty() {
                synonyms.insert(single.clone(), others);
            }
        }
    }
    let (terms, postings) = by_term
        .into_iter()
        .map(|(t, docs)| {
            (
                t,
                docs.into_iter()
                    .map(|(doc, field)| Posting { doc, field })
                    .collect(),
            )
        })
        .unzip();
    SearchIndex {
        docs,
        terms,
        postings,
        synonyms,
    }
}

fn collect_labels(entry: &super::model::Entry, c: &Condition, out: &mut Vec<String>) {
    match c {
        Condition::Threshold(t) => {
            if let Some(p) = entry.param(&t.param) {
                out.push(p.label.clone());
            }
        }
        Condition::Ask(q) | Condition::AskNot(q) => {
            if let Some(q) = entry.question(q) {
                out.push(q.text.clone());
            }
        }
        Condition::Any(l) | Condition::All(l) => {
            l.iter().for_each(|x| collect_labels(entry, x, out))
        }
    }
}
