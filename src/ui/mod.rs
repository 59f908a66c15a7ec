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
use crate::embed;
use crate::engine::determination::determine;
use crate::engine::draft::SavedWork;
use crate::host::Options;
use state::{Action, State};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub options: Options,
    pub initial: SavedWork,
}

/// A Yes / No / Clear button of a yes/no question: pressed when it is the current answer.
pub fn choice_button(label: &'static str, pressed: bool, onclick: Callback<MouseEvent>) -> Html {
    html! {
        <button type="button" class={classes!("xc-choice", pressed.then_some("xc-pressed"))}
            aria-pressed={if pressed { "true" } else { "false" }} {onclick} data-answer={label}>{ label }</button>
    }
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
                if !props.options.problems.is_empty() {
                    <div class="xc-config-problems" role="alert">
                        <p><strong>{ "This page's configuration of the tool has problems:" }</strong></p>
                        <ul>{ for props.options.problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                    </div>
                }
                <AgencyLine options={props.options.clone()} />
                <p class="xc-disclaimer">{ "This tool guides your own assessment. It is not legal advice and not a decision of a competent authority." }
                    if let Some(d) = &props.options.disclaimer { { format!(" {d}") } }
                </p>
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

#[derive(Properties, PartialEq)]
struct AgencyProps {
    options: Options,
}

/// The hosting agency: logo, name, contact and the "ask the authority" link.
#[component(AgencyLine)]
fn agency_line(props: &AgencyProps) -> Html {
    let o = &props.options;
    if o.authority.is_none()
        && o.contact_email.is_none()
        && o.contact_phone.is_none()
        && o.ask_url.is_none()
    {
        return html! {};
    }
    html! {
        <div class="xc-agency">
            if let Some(logo) = &o.logo {
                <img class="xc-logo" src={logo.clone()} alt={o.authority.clone().unwrap_or_else(|| "Logo of the hosting authority".into())} />
            }
            <p class="xc-authority">
                if let Some(a) = &o.authority { <span>{ format!("Provided by {a}") }</span> }
                if let Some(e) = &o.contact_email { <span>{ " · " }<a href={format!("mailto:{e}")}>{ e }</a></span> }
                if let Some(p) = &o.contact_phone { <span>{ " · " }<a href={format!("tel:{}", p.replace(' ', ""))}>{ p }</a></span> }
                if let Some(u) = &o.ask_url { <span>{ " · " }<a href={u.clone()}>{ "Ask the authority" }</a></span> }
            </p>
        </div>
    }
}
