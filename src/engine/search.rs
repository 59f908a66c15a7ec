//! Finding candidate entries for what the user types: their own words, a control code (with
//! or without dots: "3a001b2"), a CAS number (with or without hyphens), or a customs code.
//!
//! What it does: returns ranked candidates, each with its place in the list (category >
//! group > entry > sub-item) and why it matched. A customs code or a word only suggests
//! candidates; the questions of the entry decide.
//!
//! Why this shape: exporters do not know the list's wording, so aliases (trade names,
//! abbreviations) weigh more than the legal text, and the last word matches as a prefix
//! because results appear while the user types.

use super::cite;
use super::evaluate::normalise_cas;
use crate::i18n::Msg;
use crate::list::index::{Field, SearchIndex};
use crate::list::model::{ControlList, Definition, Entry};
use crate::list::text;
use serde::{Deserialize, Serialize};

/// One candidate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// The most specific item that matched.
    pub code: String,
    pub entry: String,
    /// Category > group > entry > sub-items, as labels.
    pub path: Vec<Msg>,
    pub text: String,
    pub score: f32,
    pub why: Vec<Msg>,
}

/// Normalises a control code typed any way ("3a001b2", "3A001.b.2", "3a001.B2") to the list's
/// form ("3A001.b.2"), or `None` if it is not a code.
pub fn normalise_code(query: &str) -> Option<String> {
    // "ECCN 3A001" (a US Export Control Classification Number) names the same entry.
    let trimmed = query.trim();
    let without_prefix = ["ECCN", "eccn", "Eccn"]
        .iter()
        .find_map(|p| trimmed.strip_prefix(p))
        .map_or(trimmed, |rest| rest.trim_start_matches([':', ' ']));
    let q: String = without_prefix
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if q.len() < 5 || !q.is_ascii() {
        return None;
    }
    let head = q[..5].to_ascii_uppercase();
    if !crate::list::codes::is_entry_code(&head) {
        return None;
    }
    let mut out = head;
    let mut segment = String::new();
    let mut last_kind: Option<bool> = None;
    for c in q[5..].chars() {
        if c == '.' {
            if !segment.is_empty() {
                out.push('.');
                out.push_str(&segment);
                segment.clear();
            }
            last_kind = None;
            continue;
        }
        if !c.is_ascii_alphanumeric() {
            return None;
        }
        let is_digit = c.is_ascii_digit();
        if last_kind.is_some_and(|k| k != is_digit) && !segment.is_empty() {
            out.push('.');
            out.push_str(&segment);
            segment.clear();
        }
        segment.push(if is_digit { c } else { c.to_ascii_lowercase() });
        last_kind = Some(is_digit);
    }
    if !segment.is_empty() {
        out.push('.');
        out.push_str(&segment);
    }
    Some(out)
}

/// A CAS number typed with or without hyphens, if the check digit fits.
pub fn as_cas(query: &str) -> Option<String> {
    let q = query.trim();
    if !q.chars().all(|c| c.is_ascii_digit() || c == '-') {
        return None;
    }
    let digits = normalise_cas(q);
    if digits.len() < 5 || digits.len() > 10 {
        return None;
    }
    let n = digits.len();
    let formatted = format!(
        "{}-{}-{}",
        &digits[..n - 3],
        &digits[n - 3..n - 1],
        &digits[n - 1..]
    );
    crate::list::codes::cas_is_valid(&formatted).then_some(formatted)
}

/// The trail from category to item, for display: "3 Electronics › A Systems… › 3A001".
pub fn path_of(entry: &Entry, index: usize) -> Vec<Msg> {
    let mut path = vec![
        Msg::new(&format!("category.{}", entry.category)),
        Msg::new(&format!("group.{}", entry.group)),
    ];
    path.extend(
        entry
            .path(index)
            .into_iter()
            .map(|i| cite::data(&entry.items[i].code)),
    );
    path
}

fn candidate(entry: &Entry, index: usize, score: f32, why: Vec<Msg>) -> Candidate {
    Candidate {
        code: entry.items[index].code.clone(),
        entry: entry.code.clone(),
        path: path_of(entry, index),
        text: entry.items[index].text.clone(),
        score,
        why,
    }
}

/// Searches the list with its prebuilt index. At most `limit` candidates, best first.
pub fn search(
    list: &ControlList,
    index: &SearchIndex,
    query: &str,
    limit: usize,
) -> Vec<Candidate> {
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    if let Some(code) = normalise_code(query) {
        for e in &list.entries {
            for (i, item) in e.items.iter().enumerate() {
                let exact = item.code.eq_ignore_ascii_case(&code);
                if exact
                    || item
                        .code
                        .to_ascii_lowercase()
                        .starts_with(&format!("{}.", code.to_ascii_lowercase()))
                {
                    let depth_penalty = e.path(i).len() as f32;
                    out.push(candidate(
                        e,
                        i,
                        if exact { 100.0 } else { 50.0 - depth_penalty },
                        vec![Msg::new("why.code").text("code", &code)],
                    ));
                }
            }
            if e.us_eccn
                .as_deref()
                .is_some_and(|u| u.eq_ignore_ascii_case(&code))
                && !out.iter().any(|c| c.code == e.code)
            {
                out.push(candidate(
                    e,
                    0,
                    90.0,
                    vec![Msg::new("why.eccn").text("code", &code)],
                ));
            }
        }
    }
    if let Some(cas) = as_cas(query) {
        for e in &list.entries {
            for (i, item) in e.items.iter().enumerate() {
                if item.cas.contains(&cas) {
                    out.push(candidate(
                        e,
                        i,
                        100.0,
                        vec![Msg::new("why.cas").text("cas", &cas)],
                    ));
                }
            }
        }
    }
    let digits: String = query
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect();
    if matches!(digits.len(), 4 | 6 | 8) && digits.chars().all(|c| c.is_ascii_digit()) {
        for e in &list.entries {
            if let Some(cn) = e
                .cn_codes
                .iter()
                .find(|c| c.starts_with(&digits) || digits.starts_with(c.as_str()))
            {
                let why = Msg::new("why.customs").text("code", &digits).text("cn", cn);
                out.push(candidate(e, 0, 40.0, vec![why]));
            }
        }
    }
    // Figures only (a CAS or customs code that matched nothing) are not searched as words.
    let only_figures = query
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '.' | ' '));
    if out.is_empty() && !only_figures {
        let (_, words) = super::figures::extract(query);
        out = word_search(list, index, &words);
    }
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.code.cmp(&b.code))
    });
    let mut seen_entries: Vec<(String, usize)> = Vec::new();
    out.retain(
        |c| match seen_entries.iter_mut().find(|(e, _)| *e == c.entry) {
            Some((_, n)) if *n >= 3 => false,
            Some((_, n)) => {
                *n += 1;
                true
            }
            None => {
                seen_entries.push((c.entry.clone(), 1));
                true
            }
        },
    );
    out.truncate(limit);
    out
}

/// The stemmed words of every definition's term and of its text, in the list's order. A query
/// is matched against them on every keystroke, so they are worked out once per list.
pub struct DefinitionWords(Vec<(Vec<String>, Vec<String>)>);

impl DefinitionWords {
    pub fn of(list: &ControlList) -> DefinitionWords {
        let words = |text: &str| {
            let mut w = text::words(text);
            w.sort();
            w.dedup();
            w
        };
        DefinitionWords(
            list.definitions
                .iter()
                .map(|d| (words(&d.term), words(&d.text)))
                .collect(),
        )
    }
}

/// Defined terms of the list ("specially designed", "development", ...) that the query names:
/// every word of the query must occur in the term (the last word may be unfinished); terms
/// whose definition text holds all the words follow. `words` is [`DefinitionWords::of`] `list`.
pub fn defined_terms<'a>(
    list: &'a ControlList,
    words: &DefinitionWords,
    query: &str,
    limit: usize,
) -> Vec<&'a Definition> {
    let q = text::words(query);
    let open = !query.ends_with(char::is_whitespace);
    let holds = |words: &[String]| {
        q.iter().enumerate().all(|(k, t)| {
            words.iter().any(|w| {
                w == t || (open && k == q.len() - 1 && t.len() >= 3 && w.starts_with(t.as_str()))
            })
        })
    };
    let with_words = || list.definitions.iter().zip(&words.0);
    let mut named: Vec<&Definition> = with_words()
        .filter(|(_, (term, _))| holds(term))
        .map(|(d, _)| d)
        .collect();
    let described: Vec<&Definition> = with_words()
        .filter(|(d, (_, text))| !named.iter().any(|n| n.id == d.id) && holds(text))
        .map(|(d, _)| d)
        .collect();
    named.extend(described);
    named.truncate(limit);
    named
}

/// How a query term was found in the vocabulary, and the discount that applies.
struct Expansion {
    term: usize,
    factor: f32,
    how: &'static str,
}

/// The vocabulary terms a query term stands for: itself, its synonyms, words it begins (the
/// word being typed), and near spellings (one typo in 4 to 7 letters, two from 8).
fn expand(index: &SearchIndex, term: &str, is_last: bool) -> Vec<Expansion> {
    let mut out = Vec::new();
    if let Some(t) = index.term(term) {
        out.push(Expansion {
            term: t,
            factor: 1.0,
            how: "",
        });
    }
    for syn in index.synonyms.get(term).into_iter().flatten() {
        if let Some(t) = index.term(syn) {
            out.push(Expansion {
                term: t,
                factor: 0.8,
                how: "synonym",
            });
        }
    }
    if is_last && term.chars().count() >= 2 {
        for t in index.prefixed(term).take(50) {
            if !out.iter().any(|e| e.term == t) {
                out.push(Expansion {
                    term: t,
                    factor: 0.7,
                    how: "prefix",
                });
            }
        }
    }
    let len = term.chars().count();
    if out.is_empty() && len >= 4 && !term.chars().any(|c| c.is_ascii_digit()) {
        let max = if len >= 8 { 2 } else { 1 };
        for (t, candidate) in index.terms.iter().enumerate() {
            if candidate.len().abs_diff(term.len()) <= max
                && text::edit_distance(term, candidate, max) <= max
            {
                out.push(Expansion {
                    term: t,
                    factor: 0.6,
                    how: "spelling",
                });
            }
        }
    }
    out
}

/// Whether the words ask for software, technology, or (by default) goods. Someone describing
/// a physical item rarely means the software or technology entries that merely name it.
#[derive(Clone, Copy)]
enum Intent {
    Goods,
    Software,
    Technology,
}

const SOFTWARE_WORDS: &[&str] = &[
    "software",
    "firmware",
    "program",
    "app",
    "sdk",
    "code",
    "algorithm",
];
const TECHNOLOGY_WORDS: &[&str] = &[
    "technology",
    "know",
    "documentation",
    "document",
    "blueprint",
    "drawing",
    "recipe",
    "training",
    "data",
    "transfer",
];

impl Intent {
    fn of(terms: &[String]) -> Intent {
        let has = |words: &[&str]| {
            terms
                .iter()
                .any(|t| words.iter().any(|w| text::stem(w) == *t))
        };
        if has(TECHNOLOGY_WORDS) {
            Intent::Technology
        } else if has(SOFTWARE_WORDS) {
            Intent::Software
        } else {
            Intent::Goods
        }
    }

    fn factor(self, group: char) -> f32 {
        match (self, group) {
            (Intent::Goods, 'D' | 'E') => 0.5,
            (Intent::Software, 'D') | (Intent::Technology, 'E') => 1.5,
            (Intent::Software | Intent::Technology, _) => 0.8,
            _ => 1.0,
        }
    }
}

/// How many word-search results are turned into candidates (the rest only counted).
const WORD_RESULTS: usize = 60;

fn word_search(list: &ControlList, index: &SearchIndex, query: &str) -> Vec<Candidate> {
    let q = text::terms(query);
    if q.is_empty() {
        return Vec::new();
    }
    let last_open = !query.ends_with(char::is_whitespace);
    let n = index.docs.len();
    let mut scores = vec![0f32; n];
    let mut matched = vec![0u32; n];
    // Per query term, the best way each document matched it (an expansion may reach a
    // document through several words; only the best counts).
    let mut best: Vec<(f32, u32, Field, &'static str)> = vec![(0.0, 0, Field::Note, ""); n];
    let mut touched: Vec<usize> = Vec::new();
    let mut hits: Vec<(u32, u32, Field, &'static str)> = Vec::new();
    for (k, term) in q.iter().enumerate() {
        let bit = 1u32 << k.min(31);
        for e in expand(index, term, last_open && k == q.len() - 1) {
            let idf = index.idf(e.term);
            for p in &index.postings[e.term] {
                let d = p.doc as usize;
                let gain = idf * p.field.weight() * e.factor;
                let slot = &mut best[d];
                if slot.0 == 0.0 {
                    touched.push(d);
                }
                if gain > slot.0 {
                    *slot = (gain, e.term as u32, p.field, e.how);
                }
            }
        }
        for d in touched.drain(..) {
            let (gain, t, field, how) = best[d];
            scores[d] += gain;
            matched[d] |= bit;
            hits.push((d as u32, t, field, how));
            best[d].0 = 0.0;
        }
    }
    // Sub-items inherit half of their parents' score: "MMIC amplifier" on 3A001.b.2 lends
    // context to its frequency-band sub-items. Parents come before their sub-items.
    let mut total = scores.clone();
    let mut covered = matched.clone();
    for d in 0..n {
        if let Some(p) = index.docs[d].parent {
            total[d] += 0.5 * total[p as usize];
            covered[d] |= covered[p as usize];
        }
    }
    // Coverage weighs each query word by how rare it is, so that one rare word ("phosgene")
    // outweighs two common ones ("gas", "cylinders"); words the list never uses are left out.
    let weights: Vec<f32> = q
        .iter()
        .map(|t| index.term(t).map_or(0.0, |i| index.idf(i)))
        .collect();
    let total_weight: f32 = weights.iter().sum::<f32>().max(f32::EPSILON);
    let intent = Intent::of(&q);
    let mut ranked: Vec<(usize, f32)> = (0..n)
        .filter(|d| scores[*d] > 0.0)
        .map(|d| {
            let covered_weight: f32 = (0..q.len().min(32))
                .filter(|k| covered[d] & (1 << k) != 0)
                .map(|k| if weights[k] > 0.0 { weights[k] } else { 0.0 })
                .sum();
            let coverage = (covered_weight / total_weight).min(1.0);
            let doc = &index.docs[d];
            let group = list.entries[doc.entry as usize].group;
            let score = total[d] * (0.3 + 0.7 * coverage * coverage) * intent.factor(group)
                - 0.05 * f32::from(doc.depth);
            (d, score)
        })
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    ranked.truncate(WORD_RESULTS);
    let mut why: Vec<Vec<Msg>> = vec![Vec::new(); ranked.len()];
    for (doc, t, field, how) in &hits {
        if let Some(slot) = ranked.iter().position(|(d, _)| *d == *doc as usize) {
            let found = Msg::new(&format!("why.word.{}", field.name()))
                .text("term", &index.terms[*t as usize]);
            why[slot].push(if how.is_empty() {
                found
            } else {
                Msg::new("why.word_how")
                    .msg("found", found)
                    .msg("how", Msg::new(&format!("why.how.{how}")))
            });
        }
    }
    ranked
        .into_iter()
        .zip(why)
        .map(|((d, score), why)| {
            let doc = &index.docs[d];
            candidate(
                &list.entries[doc.entry as usize],
                doc.item as usize,
                score,
                why,
            )
        })
        .collect()
}
