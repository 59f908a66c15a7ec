//! The widget's state: the user's work and the messages about it, changed only by [`Action`]s.
//!
//! Everything the user types lands in [`SavedWork`] first, valid or not, so that a bad figure
//! gets a message without losing the text, and a reload restores exactly what was typed.

use crate::bundled;
use crate::engine::draft::SavedWork;
use crate::engine::evaluate::format_value;
use crate::engine::figures;
use crate::i18n::{Lang, Msg};
use crate::list::quantity::{parse_quantity_with, Decimal};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::Reducible;

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub work: SavedWork,
    /// Inline messages for figures that could not be read, by parameter id.
    pub input_errors: BTreeMap<String, Msg>,
    /// A message about loading a file, shown where the user loaded it: (loaded, message).
    pub load_message: Option<(bool, Msg)>,
    /// The language shown: figures are read and pre-filled with its decimal mark.
    pub lang: Lang,
}

pub enum Action {
    Query(String),
    SelectEntry(String),
    ClearEntry,
    /// A figure typed for a parameter of the current entry.
    Figure(String, String),
    Answer(String, Option<bool>),
    Cas(String),
    Destination(String),
    EndUse(EndUseQuestion, Option<bool>),
    DraftField(String, String),
    RecordDate(String),
    /// A file the user chose to load: its text.
    Load(String),
    LoadFailed(Msg),
    /// The user switched the language.
    Language(Lang),
    Reset,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum EndUseQuestion {
    Wmd,
    Military,
    IllegalMilitary,
    Aware,
}

impl State {
    pub fn new(work: SavedWork, lang: Lang) -> State {
        let mut state = State {
            work,
            input_errors: BTreeMap::new(),
            load_message: None,
            lang,
        };
        state.recheck_figures();
        state
    }

    /// The entry being assessed, if any.
    fn entry(&self) -> Option<&'static crate::list::model::Entry> {
        self.work
            .entry
            .as_deref()
            .and_then(|c| bundled::list().entry(c))
    }

    /// Takes the figures in the search text ("8.5-10.5 GHz, 60 W") into the entry's
    /// parameters, so the user is asked only for what is still missing.
    fn prefill_figures_from_query(&mut self) {
        let Some(entry) = self.entry() else {
            return;
        };
        let (found, _) = figures::extract(&self.work.query);
        for (id, value, _) in figures::assign(entry, &found) {
            if let Some(p) = entry.param(&id) {
                let shown = self.lang.figure(&format_value(value, p.dimension));
                self.work.typed.insert(id, shown);
            }
        }
    }

    /// Re-reads every typed figure against the current entry's parameters.
    fn recheck_figures(&mut self) {
        self.input_errors.clear();
        self.work.facts.values.clear();
        let Some(entry) = self.entry() else {
            return;
        };
        for (id, text) in &self.work.typed {
            let Some(param) = entry.param(id) else {
                continue;
            };
            if text.trim().is_empty() {
                continue;
            }
            let decimal = if self.lang.decimal_comma() {
                Decimal::Comma
            } else {
                Decimal::Point
            };
            match parse_quantity_with(text, param.dimension, decimal) {
                Ok(v) => {
                    self.work.facts.values.insert(id.clone(), v);
                }
                Err(e) => {
                    let message = figures::error_message(&e, param.dimension);
                    self.input_errors.insert(id.clone(), message);
                }
            }
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        s.load_message = None;
        match action {
            Action::Query(q) => s.work.query = q,
            Action::SelectEntry(code) => {
                if s.work.entry.as_deref() != Some(code.as_str()) {
                    s.work.entry = Some(code);
                    s.work.facts.answers.clear();
                    s.work.typed.clear();
                    s.prefill_figures_from_query();
                    s.recheck_figures();
                }
            }
            Action::ClearEntry => {
                s.work.entry = None;
                s.work.facts = Default::default();
                s.work.typed.clear();
                s.input_errors.clear();
            }
            Action::Figure(id, text) => {
                s.work.typed.insert(id, text);
                s.recheck_figures();
            }
            Action::Answer(id, answer) => match answer {
                Some(a) => {
                    s.work.facts.answers.insert(id, a);
                }
                None => {
                    s.work.facts.answers.remove(&id);
                }
            },
            Action::Cas(text) => {
                let t = text.trim().to_string();
                s.work.facts.cas = (!t.is_empty()).then_some(t);
            }
            Action::Destination(code) => {
                s.work.end_use.destination = (!code.is_empty()).then_some(code)
            }
            Action::EndUse(q, a) => {
                let slot = match q {
                    EndUseQuestion::Wmd => &mut s.work.end_use.informed_wmd,
                    EndUseQuestion::Military => &mut s.work.end_use.informed_military,
                    EndUseQuestion::IllegalMilitary => {
                        &mut s.work.end_use.informed_illegal_military
                    }
                    EndUseQuestion::Aware => &mut s.work.end_use.aware,
                };
                *slot = a;
            }
            Action::DraftField(key, value) => s.work.draft.set(&key, value),
            Action::RecordDate(d) => s.work.record_date = d,
            Action::Load(text) => match SavedWork::from_json(&text) {
                Ok(work) => {
                    let bundled_date = &bundled::list().consolidation;
                    let note = if &work.list_consolidation != bundled_date {
                        Msg::new("ui.load.rechecked")
                            .date("old", &work.list_consolidation)
                            .date("new", bundled_date)
                    } else {
                        Msg::new("ui.load.loaded")
                    };
                    let mut work = work;
                    work.list_consolidation = bundled_date.clone();
                    s = State::new(work, s.lang);
                    s.load_message = Some((true, note));
                }
                Err(e) => s.load_message = Some((false, e)),
            },
            Action::LoadFailed(e) => s.load_message = Some((false, e)),
            Action::Language(l) => {
                s.lang = l;
                s.recheck_figures();
            }
            Action::Reset => s = State::new(SavedWork::new(&bundled::list().consolidation), s.lang),
        }
        Rc::new(s)
    }
}
