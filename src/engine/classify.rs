//! Classifying a description: search for candidate entries, read the figures in the
//! description, check them against each candidate's thresholds, and rank and explain.
//!
//! What it does: for each candidate entry it evaluates the description's figures under the
//! reading most favourable to a match (the item is what the entry describes; no release note
//! applies) and reports:
//! - `match`: the figures meet the thresholds of a sub-item (its code is the `id`);
//! - `excluded`: the figures miss every sub-item's thresholds (a near miss, with the reason);
//! - `possible`: the words fit, but figures or answers are still missing.
//!
//! Why that reading: a description rarely answers the entry's yes/no questions, so they are
//! left to the user; "match" never means more than "your figures meet these thresholds".
//!
//! The explanations (`why`) are rendered in English: classifying a whole description is what
//! the command-line tool and the tests do, and they speak English.

use super::evaluate::{evaluate, Facts, Truth};
use super::figures::{self, Figure};
use super::search::{search, Candidate};
use crate::i18n::Lang;
use crate::list::index::SearchIndex;
use crate::list::model::{Condition, ControlList, Entry, NoteKind};
use crate::list::text::terms;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Match,
    Possible,
    Excluded,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Classified {
    /// The most specific sub-item code.
    pub id: String,
    pub entry: String,
    pub status: Status,
    pub score: f32,
    pub why: Vec<String>,
    pub path: Vec<String>,
    pub text: String,
}

/// Classifies a description, optionally with a CAS number and a customs code.
pub fn classify(
    list: &ControlList,
    index: &SearchIndex,
    description: &str,
    cas: Option<&str>,
    cn: Option<&str>,
    limit: usize,
) -> Vec<Classified> {
    let (figs, _) = figures::extract(description);
    let mut candidates: Vec<Candidate> = Vec::new();
    for q in [Some(description), cas, cn].into_iter().flatten() {
        for c in search(list, index, q, 30) {
            match candidates.iter_mut().find(|x| x.entry == c.entry) {
                Some(x) if x.score >= c.score => x.score += c.score * 0.2,
                Some(x) => {
                    let extra = x.score * 0.2;
                    *x = c;
                    x.score += extra;
                }
                None => candidates.push(c),
            }
        }
    }
    let mut out: Vec<Classified> = candidates
        .into_iter()
        .filter_map(|c| {
            let entry = list.entry(&c.entry)?;
            Some(judge(list, entry, c, &figs, cas, description))
        })
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
    out.truncate(limit);
    out
}

/// Answers the questions the way most favourable to a match: the entry's own criteria hold,
/// release notes do not apply. The exception is what kind of item it is: where sibling
/// sub-items are different kinds ("MMIC amplifier", "vacuum-tube amplifier"), a kind is taken
/// only when the description uses a word that sets it apart from its siblings; otherwise it is
/// left for the user, so that a match is never claimed for an arbitrary kind.
fn favourable_facts(list: &ControlList, entry: &Entry, description: &[String]) -> Facts {
    fn answer(c: &Condition, yes: bool, facts: &mut Facts) {
        match c {
            Condition::Ask(q) => {
                facts.answers.entry(q.clone()).or_insert(yes);
            }
            Condition::AskNot(q) => {
                facts.answers.entry(q.clone()).or_insert(!yes);
            }
            Condition::Any(l) | Condition::All(l) => l.iter().for_each(|x| answer(x, yes, facts)),
            Condition::Threshold(_) => {}
        }
    }
    let mut facts = Facts::default();
    let undecided: Vec<String> = entry
        .items
        .iter()
        .filter(|item| !kind_is_evidenced(entry, item, description))
        .map(|item| format!("is:{}", item.code))
        .collect();
    for c in entry.items.iter().flat_map(|i| i.when.iter()) {
        if !matches!(c, Condition::Ask(q) if undecided.contains(q)) {
            answer(c, true, &mut facts);
        }
    }
    for n in entry.notes.iter().filter(|n| n.kind == NoteKind::Decontrol) {
        for c in &n.release_when {
            answer(c, false, &mut facts);
        }
    }
    for r in super::evaluate::applicable_releases(list, entry) {
        facts.answers.insert(r.id.clone(), false);
    }
    facts
}

/// Whether the description supports an item's kind (its `is` question): true when no sibling
/// has a kind of its own to compete with, or when the description uses a word of this item's
/// kind that no sibling's kind uses.
fn kind_is_evidenced(
    entry: &Entry,
    item: &crate::list::model::Item,
    description: &[String],
) -> bool {
    let kind_terms = |i: &crate::list::model::Item| -> Option<Vec<String>> {
        entry
            .question(&format!("is:{}", i.code))
            .map(|q| terms(&q.text))
    };
    let Some(own) = kind_terms(item) else {
        return true;
    };
    let Some(parent) = item.parent else {
        return true;
    };
    let siblings: Vec<Vec<String>> = entry.items[parent]
        .children
        .iter()
        .map(|c| &entry.items[*c])
        .filter(|s| s.code != item.code)
        .filter_map(kind_terms)
        .collect();
    if siblings.is_empty() {
        return true;
    }
    own.iter()
        .any(|t| description.contains(t) && !siblings.iter().any(|s| s.contains(t)))
}

fn judge(
    list: &ControlList,
    entry: &Entry,
    c: Candidate,
    figs: &[Figure],
    cas: Option<&str>,
    description: &str,
) -> Classified {
    let mut facts = favourable_facts(list, entry, &terms(description));
    let assigned = figures::assign(entry, figs);
    let mut why: Vec<String> = c.why.iter().map(|m| m.render(Lang::En)).collect();
    for (id, value, text) in &assigned {
        facts.values.insert(id.clone(), *value);
        let label = entry.param(id).map_or(id.as_str(), |p| p.label.as_str());
        why.push(format!("figure '{text}' read as {label}"));
    }
    facts.cas = cas.map(str::to_string);
    let evaluation = evaluate(list, entry, &facts);
    let mut score = c.score;
    let description_terms = terms(description);
    // Listed leaves whose path has a threshold (or CAS) met by the user's own figures.
    let evidenced: Vec<&String> = evaluation
        .listed
        .iter()
        .filter(|code| {
            path_findings(entry, &evaluation, code).any(|f| f.truth == Truth::Yes && f.measured)
        })
        .collect();
    let (status, id) = if !evidenced.is_empty() {
        let id = best_by_words(entry, &evidenced, &description_terms);
        for f in path_findings(entry, &evaluation, &id).filter(|f| f.measured) {
            why.push(format!("{id}: {}", f.text.render(Lang::En)));
        }
        score *= 1.5;
        (Status::Match, id)
    } else if evaluation.listed.is_empty()
        && evaluation.missing.is_empty()
        && evaluation.items[0].status == Truth::No
    {
        for r in &evaluation.items {
            for f in r
                .findings
                .iter()
                .filter(|f| f.truth == Truth::No && f.measured)
            {
                why.push(format!("{}: {}", r.code, f.text.render(Lang::En)));
            }
        }
        score *= 0.4;
        (Status::Excluded, c.code.clone())
    } else {
        let missed = evaluation.items.iter().flat_map(|r| {
            r.findings
                .iter()
                .filter(|f| f.truth == Truth::No && f.measured)
                .map(move |f| format!("{}: {}", r.code, f.text.render(Lang::En)))
        });
        why.extend(missed.take(3));
        (Status::Possible, c.code.clone())
    };
    // A release note whose words the description uses ("consumer", "civil aircraft") may
    // apply: say so, and never report a plain match.
    let mut status = status;
    for n in entry.notes.iter().filter(|n| n.kind == NoteKind::Decontrol) {
        let note_terms = terms(&n.text);
        let shared: Vec<&String> = description_terms
            .iter()
            .filter(|t| t.len() > 3 && note_terms.contains(t))
            .collect();
        if shared.len() >= 2 {
            why.push(format!(
                "may be released by {} to {} (shares '{}')",
                n.label,
                n.on.join(", "),
                shared
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join("', '")
            ));
            if status == Status::Match {
                status = Status::Possible;
            }
        }
    }
    let index = entry.item(&id).map_or(0, |(i, _)| i);
    Classified {
        path: super::search::path_of(entry, index)
            .iter()
            .map(|m| m.render(Lang::En))
            .collect(),
        text: entry.items[index].text.clone(),
        id,
        entry: entry.code.clone(),
        status,
        score,
        why,
    }
}

/// The findings on the path from the entry down to `code`, and under it (the sub-items of
/// an "all of the following" item are its criteria).
fn path_findings<'a>(
    entry: &'a Entry,
    evaluation: &'a super::evaluate::Evaluation,
    code: &str,
) -> impl Iterator<Item = &'a super::evaluate::Finding> + 'a {
    let mut items = Vec::new();
    if let Some((i, _)) = entry.item(code) {
        items = entry.path(i);
        let mut stack = entry.items[i].children.clone();
        while let Some(c) = stack.pop() {
            items.push(c);
            stack.extend(entry.items[c].children.iter().copied());
        }
    }
    items
        .into_iter()
        .flat_map(move |i| evaluation.items[i].findings.iter())
}

/// Of several listed items, the one whose path (texts and questions) shares most words with
/// the description; the first on a tie.
fn best_by_words(entry: &Entry, codes: &[&String], description: &[String]) -> String {
    let words_of = |code: &str| -> usize {
        let Some((i, _)) = entry.item(code) else {
            return 0;
        };
        let mut path_terms = Vec::new();
        for j in entry.path(i) {
            let item = &entry.items[j];
            path_terms.extend(terms(&item.text));
            for c in &item.when {
                if let Condition::Ask(q) = c {
                    if let Some(q) = entry.question(q) {
                        path_terms.extend(terms(&q.text));
                    }
                }
            }
        }
        description
            .iter()
            .filter(|t| path_terms.contains(t))
            .count()
    };
    let mut best = codes[0].clone();
    let mut best_words = words_of(codes[0]);
    for code in &codes[1..] {
        let w = words_of(code);
        if w > best_words {
            best = (*code).clone();
            best_words = w;
        }
    }
    best
}
