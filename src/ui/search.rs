//! Step 1: find the entry. Candidates appear as the user types, with their place in the list
//! and why they matched.

use super::state::Action;
use super::Dispatch;
use crate::bundled;
use crate::engine::search::{defined_terms, search};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SearchProps {
    pub query: String,
    pub selected: Option<String>,
    pub dispatch: Dispatch,
}

#[component(SearchPanel)]
pub fn search_panel(props: &SearchProps) -> Html {
    let list = bundled::list();
    let candidates = use_memo(props.query.clone(), |q| {
        search(list, bundled::index(), q, 12)
    });
    let terms = use_memo(props.query.clone(), |q| defined_terms(list, q, 3));
    let oninput = props.dispatch.reform(|e: InputEvent| {
        Action::Query(e.target_unchecked_into::<HtmlInputElement>().value())
    });
    html! {
        <section class="xc-step" aria-labelledby="xc-find">
            <h2 id="xc-find">{ "1. Find your item" }</h2>
            <label for="xc-query">{ "Describe the item in your own words, or type a control number (3A001.b.2), a CAS number or a customs (CN/HS) code" }</label>
            <input id="xc-query" type="search" autocomplete="off" value={props.query.clone()} {oninput}
                placeholder="e.g. variable frequency drive, 111-48-8, 3a225" />
            if !props.query.trim().is_empty() {
                if candidates.is_empty() {
                    <p class="xc-empty" role="status">{ format!(
                        "No entry of the bundled list matches \"{}\". The bundled list encodes {} entries so far; try other words, or browse by code.",
                        props.query.trim(), list.entries.len()) }</p>
                } else {
                    <ul class="xc-candidates" aria-label="Candidate entries">
                        { for candidates.iter().map(|c| {
                            let code = c.entry.clone();
                            let onclick = props.dispatch.reform(move |_| Action::SelectEntry(code.clone()));
                            let selected = props.selected.as_deref() == Some(c.entry.as_str());
                            html! {
                                <li class={classes!("xc-candidate", selected.then_some("xc-selected"))}>
                                    <button type="button" {onclick} data-code={c.code.clone()}>
                                        <span class="xc-path">{ c.path.join(" › ") }</span>
                                        <span class="xc-code">{ &c.code }</span>
                                        <span class="xc-text">{ &c.text }</span>
                                        <span class="xc-why">{ format!("Matched: {}", c.why.join("; ")) }</span>
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                }
            }
            if !terms.is_empty() {
                <div class="xc-definitions">
                    { for terms.iter().map(|d| html! {
                        <details class="xc-term">
                            <summary>{ format!("Defined term: \"{}\"", d.term) }</summary>
                            <p>{ &d.text }</p>
                            <p class="xc-source">{ &d.source }</p>
                        </details>
                    }) }
                </div>
            }
            <details class="xc-browse">
                <summary>{ format!("Browse the {} encoded entries", list.entries.len()) }</summary>
                <ul>
                    { for list.entries.iter().map(|e| {
                        let code = e.code.clone();
                        let onclick = props.dispatch.reform(move |_| Action::SelectEntry(code.clone()));
                        html! { <li><button type="button" class="xc-link" {onclick}>{ format!("{} — {}", e.code, e.items[0].text) }</button></li> }
                    }) }
                </ul>
            </details>
        </section>
    }
}
