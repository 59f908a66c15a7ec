//! The Yew user interface. Only this module (and `embed`) use Yew; every decision comes from
//! the engine, which the components call with the state and render.
//!
//! The flow is one page in four steps, so that it prints as one record:
//! 1. find the entry ([`search::SearchPanel`]);
//! 2. read the entry and answer its questions ([`entry::EntryPanel`], [`questions::QuestionsPanel`]);
//! 3. end use and destination ([`enduse::EndUsePanel`]);
//! 4. the determination record and the licence application draft ([`record::RecordPanel`]).

pub mod enduse;
pub mod entry;
pub mod questions;
pub mod record;
pub mod search;
pub mod state;

use crate::bundled;
use crate::embed::{self, Options};
use crate::engine::determination::determine;
use crate::engine::draft::SavedWork;
use state::{Action, State};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub options: Options,
    pub initial: SavedWork,
}

/// The dispatcher every component uses to change the state.
pub type Dispatch = Callback<Action>;

#[component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer({
        let initial = props.initial.clone();
        move || State::new(initial)
    });
    let save_error = use_state(|| None::<String>);
    {
        let key = props.options.storage_key.clone();
        let save_error = save_error.clone();
        use_effect_with(state.work.clone(), move |work| {
            save_error.set(embed::save_work(&key, work).err());
        });
    }
    let list = bundled::list();
    let entry = state.work.entry.as_deref().and_then(|c| list.entry(c));
    let determination = entry.map(|e| determine(list, e, &state.work.facts));
    let dispatch: Dispatch = state.dispatcher().to_callback();

    html! {
        <div class="xc" lang="en">
            <header class="xc-header">
                <h1>{ "Export control self-assessment" }</h1>
                <p class="xc-sub">
                    { format!("Checks an item against the EU dual-use list ({}, consolidated version of {}). ", list.instrument, list.consolidation) }
                    { "Runs entirely in your browser: nothing you type is sent anywhere." }
                </p>
                if let Some(a) = &props.options.authority {
                    <p class="xc-authority">{ format!("Provided by {a}") }
                        if let Some(c) = &props.options.contact { { format!(" · Contact: {c}") } }
                    </p>
                }
                <p class="xc-disclaimer">{ "This tool guides your own assessment. It is not legal advice and not a decision of a competent authority." }</p>
                if let Some(e) = &*save_error { <p class="xc-error" role="alert">{ e }</p> }
            </header>
            <main>
                <search::SearchPanel query={state.work.query.clone()} selected={state.work.entry.clone()} dispatch={dispatch.clone()} />
                if let (Some(entry), Some(det)) = (entry, determination.as_ref()) {
                    <entry::EntryPanel code={entry.code.clone()} dispatch={dispatch.clone()} determination={det.clone()} />
                    <questions::QuestionsPanel
                        code={entry.code.clone()}
                        work={state.work.clone()}
                        errors={state.input_errors.clone()}
                        determination={det.clone()}
                        dispatch={dispatch.clone()} />
                }
                <enduse::EndUsePanel work={state.work.clone()} determination={determination.clone()} dispatch={dispatch.clone()} />
                <record::RecordPanel
                    work={state.work.clone()}
                    determination={determination.clone()}
                    load_message={state.load_message.clone()}
                    authority={props.options.authority.clone()}
                    dispatch={dispatch.clone()} />
            </main>
            <footer class="xc-footer">
                <button type="button" class="xc-secondary" onclick={dispatch.reform(|_| Action::Reset)}>{ "Start a new assessment" }</button>
            </footer>
        </div>
    }
}
