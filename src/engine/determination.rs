//! The classification result for one entry: outcome, reasons, citations, and what to ask next.
//!
//! What it does: turns an [`Evaluation`] into what a person reads and what the record keeps:
//! "listed under 3A001.b.2", "released by Note 2 to 3A225", "not caught by 3A225", or "needs
//! these answers", each with the citation of the instrument, entry and consolidation.
//!
//! Why: the tool guides; it is not legal advice. Every outcome says what it rests on, including
//! the parts of the list that are not encoded and the figures that could not be verified.

use super::cite;
use super::evaluate::{evaluate, Evaluation, Facts, Missing, Truth};
use crate::i18n::Msg;
use crate::list::model::{ControlList, Entry};
use crate::list::units::Dimension;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    /// Caught by at least one sub-item and not released.
    Listed,
    /// Would be caught, but a note releases it.
    Released,
    /// Every sub-item decided, none catches it.
    NotListed,
    /// Some criteria still need the user's figures or answers.
    NeedsAnswers,
}

/// A question the engine still needs answered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Ask {
    Value {
        id: String,
        label: String,
        help: String,
        dimension: Dimension,
    },
    YesNo {
        id: String,
        text: String,
        help: String,
        /// The defined term that decides it: (term, definition in our words, source).
        term: Option<(String, String, String)>,
        source: Msg,
    },
    Cas,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Determination {
    pub entry: String,
    pub outcome: Outcome,
    /// Listed: the most specific items. Released: the notes that release.
    pub codes: Vec<String>,
    /// One sentence for the user.
    pub summary: Msg,
    /// What each statement rests on.
    pub citations: Vec<Msg>,
    /// What to ask next, most deciding first.
    pub next: Vec<Ask>,
    /// Limits of this answer: parts not encoded, unverified figures used.
    pub caveats: Vec<Msg>,
    pub evaluation: Evaluation,
}

/// Classifies an item against one entry.
pub fn determine(list: &ControlList, entry: &Entry, facts: &Facts) -> Determination {
    let evaluation = evaluate(list, entry, facts);
    // Missing answers next to a listed item can only be the general-note releases of a
    // software or technology entry: the item is listed unless one of them applies, so ask.
    let outcome = if !evaluation.missing.is_empty() {
        Outcome::NeedsAnswers
    } else if !evaluation.listed.is_empty() {
        Outcome::Listed
    } else if !evaluation.released.is_empty() {
        Outcome::Released
    } else {
        Outcome::NotListed
    };
    let codes = match outcome {
        Outcome::Listed => evaluation.listed.clone(),
        Outcome::Released => evaluation.released.clone(),
        _ => Vec::new(),
    };
    let summary = match outcome {
        Outcome::Listed => Msg::new("outcome.listed").texts("codes", &codes),
        Outcome::Released => Msg::new("outcome.released")
            .text("entry", &entry.code)
            .texts("notes", &codes),
        Outcome::NotListed => Msg::new("outcome.not_listed").text("entry", &entry.code),
        Outcome::NeedsAnswers => Msg::new("outcome.needs_answers")
            .text("count", evaluation.missing.len().to_string())
            .text("entry", &entry.code),
    };
    let mut citations = vec![cite::entry(list, &entry.code)];
    for c in &codes {
        let cite = cite::entry(list, c);
        if !citations.contains(&cite) {
            citations.push(cite);
        }
    }
    if outcome == Outcome::Listed {
        citations.push(cite::article("3(1)"));
    }
    for r in &evaluation.released {
        if r.contains("General") {
            citations.push(Msg::new("cite.annex_i_part").text("part", r));
        }
    }
    let mut caveats = Vec::new();
    if let Some(part) = &entry.not_encoded {
        if outcome != Outcome::Listed {
            caveats.push(Msg::new("caveat.not_encoded").text("part", part));
        }
    }
    // One caveat per reason, naming every code it concerns: a lost passage of the official
    // text usually covers several sub-items, and one line each would bury the result.
    let mut figures: Vec<(&str, Vec<&str>)> = Vec::new();
    for r in &evaluation.items {
        for f in &r.findings {
            if let Some(why) = &f.unverified {
                add_to_reason(&mut figures, why, &r.code);
            }
        }
    }
    let mut items: Vec<(&str, Vec<&str>)> = Vec::new();
    for (i, item) in entry.items.iter().enumerate() {
        if let Some(why) = &item.unverified {
            if evaluation.items[i].status != Truth::No || outcome == Outcome::NotListed {
                add_to_reason(&mut items, why, &item.code);
            }
        }
    }
    for (key, grouped) in [
        ("caveat.unverified_figure", figures),
        ("caveat.unverified_item", items),
    ] {
        for (why, codes) in grouped {
            caveats.push(Msg::new(key).texts("code", &codes).text("why", why));
        }
    }
    let next = evaluation
        .missing
        .iter()
        .filter_map(|m| ask_for(list, entry, m))
        .collect();
    Determination {
        entry: entry.code.clone(),
        outcome,
        codes,
        summary,
        citations,
        next,
        caveats,
        evaluation,
    }
}

/// Adds `code` to the group of `why`, keeping the groups in the order they first appear.
fn add_to_reason<'a>(groups: &mut Vec<(&'a str, Vec<&'a str>)>, why: &'a str, code: &'a str) {
    match groups.iter_mut().find(|(w, _)| *w == why) {
        Some((_, codes)) => {
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
        None => groups.push((why, vec![code])),
    }
}

fn ask_for(list: &ControlList, entry: &Entry, missing: &Missing) -> Option<Ask> {
    Some(match missing {
        Missing::Value(id) => {
            let p = entry.param(id)?;
            Ask::Value {
                id: id.clone(),
                label: p.label.clone(),
                help: p.help.clone(),
                dimension: p.dimension,
            }
        }
        Missing::Answer(id) => {
            if let Some(q) = entry.question(id) {
                Ask::YesNo {
                    id: id.clone(),
                    text: q.text.clone(),
                    help: q.help.clone(),
                    term: q
                        .term
                        .as_ref()
                        .and_then(|t| list.definition(t))
                        .map(|d| (d.term.clone(), d.text.clone(), d.source.clone())),
                    source: cite::entry(list, &entry.code),
                }
            } else {
                let r = list.general_releases.iter().find(|r| &r.id == id)?;
                Ask::YesNo {
                    id: id.clone(),
                    text: r.question.clone(),
                    help: String::new(),
                    term: r
                        .term
                        .as_ref()
                        .and_then(|t| list.definition(t))
                        .map(|d| (d.term.clone(), d.text.clone(), d.source.clone())),
                    source: cite::data(&r.source),
                }
            }
        }
        Missing::Cas => Ask::Cas,
    })
}
