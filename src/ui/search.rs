//! Step 1: find the entry. Candidates appear as the user types, with their place in the list
//! and why they matched.

use super::state::Action;
use super::{use_lang, Dispatch};
use crate::bundled;
use crate::engine::search::{defined_terms, search};
use crate::i18n::{Arg, Msg};
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
    let l = use_lang();
    let list = bundled::list();
    let candidates = use_memo(props.query.clone(), |q| {
        search(list, bundled::index(), q, 12)
    });
    let terms = use_memo(props.query.clone(), |q| {
        defined_terms(list, bundled::definition_words(), q, 3)
    });
    let oninput = props.dispatch.reform(|e: InputEvent| {
        Action::Query(e.target_unchecked_into::<HtmlInputElement>().value())
    });
    html! {
        <section class="xc-step" aria-labelledby="xc-find">
            <h2 id="xc-find">{ l.t("ui.search.heading") }</h2>
            <label for="xc-query">{ l.t("ui.search.label") }</label>
            <input id="xc-query" type="search" autocomplete="off" value={props.query.clone()} {oninput}
                placeholder={l.t("ui.search.placeholder")} />
            if !props.query.trim().is_empty() {
                if candidates.is_empty() {
                    <p class="xc-empty" role="status">{ Msg::new("ui.search.none")
                        .text("query", props.query.trim())
                        .text("count", list.entries.len().to_string())
                        .render(l) }</p>
                } else {
                    <ul class="xc-candidates" aria-label={l.t("ui.search.candidates")}>
                        { for candidates.iter().map(|c| {
                            let code = c.entry.clone();
                            let onclick = props.dispatch.reform(move |_| Action::SelectEntry(code.clone()));
                            let selected = props.selected.as_deref() == Some(c.entry.as_str());
                            html! {
                                <li class={classes!("xc-candidate", selected.then_some("xc-selected"))}>
                                    <button type="button" {onclick} data-code={c.code.clone()}>
                                        <span class="xc-path">{ c.path.iter().map(|p| p.render(l)).collect::<Vec<_>>().join(" › ") }</span>
                                        <bdi class="xc-code">{ &c.code }</bdi>{ " " }
                                        <span class="xc-text" lang="en" dir="ltr">{ &c.text }</span>
                                        <span class="xc-why">{ Msg::new("ui.search.matched")
                                            .arg("why", Arg::List(c.why.iter().cloned().map(|m| Arg::Msg(Box::new(m))).collect()))
                                            .render(l) }</span>
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
                            <summary>{ Msg::new("ui.search.defined_term").text("term", &d.term).render(l) }</summary>
                            <p lang="en" dir="ltr">{ &d.text }</p>
                            <p class="xc-source" lang="en" dir="ltr">{ &d.source }</p>
                        </details>
                    }) }
                </div>
            }
            <details class="xc-browse">
                <summary>{ Msg::new("ui.search.browse").text("count", list.entries.len().to_string()).render(l) }</summary>
                <ul>
                    { for list.entries.iter().map(|e| {
                        let code = e.code.clone();
                        let onclick = props.dispatch.reform(move |_| Action::SelectEntry(code.clone()));
                        html! { <li><button type="button" class="xc-link" {onclick}><bdi>{ &e.code }</bdi>{ " — " }<span lang="en" dir="ltr">{ &e.items[0].text }</span></button></li> }
                    }) }
                </ul>
            </details>
        </section>
    }
}
