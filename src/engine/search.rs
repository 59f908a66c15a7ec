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

use super::evaluate::normalise_cas;
use crate::list::model::{category_name, group_name, ControlList, Entry};
use serde::{Deserialize, Serialize};

/// One candidate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// The most specific item that matched.
    pub code: String,
    pub entry: String,
    /// Category > group > entry > sub-items, as labels.
    pub path: Vec<String>,
    pub text: String,
    pub score: f32,
    pub why: Vec<String>,
}

const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "the", "of", "for", "with", "in", "on", "to", "or", "by", "at", "as", "is",
    "are", "be", "that", "which", "from", "than", "our", "we", "my", "it", "its", "use", "used",
];

/// Splits text into lower-case word stems.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| stem(&w.to_lowercase()))
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .collect()
}

/// A light English stemmer: plural and common verb endings, so "amplifiers" finds
/// "amplifier" and "encrypting" finds "encryption" by their shared stem.
pub fn stem(word: &str) -> String {
    let w = word;
    for (suffix, min) in [
        ("ations", 4),
        ("ation", 4),
        ("ings", 4),
        ("ing", 4),
        ("ies", 3),
        ("es", 4),
        ("s", 3),
        ("ed", 4),
    ] {
        if let Some(base) = w.strip_suffix(suffix) {
            if base.chars().count() >= min && !w.ends_with("ss") {
                return match suffix {
                    "ies" => format!("{base}y"),
                    _ => base.to_string(),
                };
            }
        }
    }
    w.to_string()
}

/// Normalises a control code typed any way ("3a001b2", "3A001.b.2", "3a001.B2") to the list's
/// form ("3A001.b.2"), or `None` if it is not a code.
pub fn normalise_code(query: &str) -> Option<String> {
    let q: String = query
        .trim()
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

/// The trail from category to item, for display.
pub fn path_of(entry: &Entry, index: usize) -> Vec<String> {
    let mut path = vec![
        format!("{} {}", entry.category, category_name(entry.category)),
        format!("{} {}", entry.group, group_name(entry.group)),
    ];
    path.extend(
        entry
            .path(index)
            .into_iter()
            .map(|i| entry.items[i].code.clone()),
    );
    path
}

fn candidate(entry: &Entry, index: usize, score: f32, why: Vec<String>) -> Candidate {
    Candidate {
        code: entry.items[index].code.clone(),
        entry: entry.code.clone(),
        path: path_of(entry, index),
        text: entry.items[index].text.clone(),
        score,
        why,
    }
}

/// Searches the list. At most `limit` candidates, best first.
pub fn search(list: &ControlList, query: &str, limit: usize) -> Vec<Candidate> {
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
                        vec![format!("control code {code}")],
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
                    vec![format!("US ECCN {code} is the same entry")],
                ));
            }
        }
    }
    if let Some(cas) = as_cas(query) {
        for e in &list.entries {
            for (i, item) in e.items.iter().enumerate() {
                if item.cas.as_deref() == Some(cas.as_str()) {
                    out.push(candidate(e, i, 100.0, vec![format!("CAS number {cas}")]));
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
                out.push(candidate(e, 0, 40.0, vec![format!("customs code {digits} (declared under {cn}): a candidate, not a classification")]));
            }
        }
    }
    // Figures only (a CAS or customs code that matched nothing) are not searched as words.
    let only_figures = query
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '.' | ' '));
    if out.is_empty() && !only_figures {
        out = word_search(list, query);
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

fn word_search(list: &ControlList, query: &str) -> Vec<Candidate> {
    let q = words(query);
    if q.is_empty() {
        return Vec::new();
    }
    let last_is_prefix = !query.ends_with(char::is_whitespace);
    let mut out = Vec::new();
    for e in &list.entries {
        let alias_words: Vec<(String, Vec<String>)> =
            e.aliases.iter().map(|a| (a.clone(), words(a))).collect();
        for (i, item) in e.items.iter().enumerate() {
            let text_words = words(&item.text);
            let note_words: Vec<String> = e
                .notes_on(&item.code)
                .flat_map(|n| words(&n.text))
                .collect();
            let mut score = 0.0f32;
            let mut why = Vec::new();
            let mut matched_all = true;
            for (k, w) in q.iter().enumerate() {
                let prefix = last_is_prefix && k == q.len() - 1 && w.len() >= 2;
                let hit = |cands: &[String]| {
                    cands
                        .iter()
                        .any(|c| c == w || (prefix && c.starts_with(w.as_str())))
                };
                if i == 0 {
                    if let Some((alias, _)) = alias_words.iter().find(|(_, aw)| hit(aw)) {
                        score += 3.0;
                        why.push(format!("'{w}' matches the alias \"{alias}\""));
                        continue;
                    }
                }
                if hit(&text_words) {
                    score += 2.0;
                    why.push(format!("'{w}' in the description of {}", item.code));
                } else if hit(&note_words) {
                    score += 1.0;
                    why.push(format!("'{w}' in a note to {}", item.code));
                } else {
                    matched_all = false;
                }
            }
            if score > 0.0 {
                let coverage = why.len() as f32 / q.len() as f32;
                let depth = e.path(i).len() as f32;
                let total = score * coverage * if matched_all { 1.5 } else { 1.0 } - depth * 0.05;
                out.push(candidate(e, i, total, why));
            }
        }
    }
    out
}
