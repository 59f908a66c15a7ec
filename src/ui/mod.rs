//! The Yew user interface. Only this module (and `embed`) use Yew; every decision comes from
//! the engine, which the components call with the state and render.
//!
//! The flow is one page in four steps, so that it prints as one record:
//! 1. find the entry ([`search::SearchPanel`]);
//! 2. read the entry and answer its questions ([`entry::EntryPanel`], [`questions::QuestionsPanel`]);
//! 3. end use and destination ([`enduse::EndUsePanel`]);
//! 4. the determination record and the licence application draft ([`record::RecordPanel`]).
//!
//! Language: the state holds the language the user chose (the host's default until then) and
//! the [`App`] provides it to every component as a context; components take every sentence from the
//! translation files through [`Lang::t`] and [`crate::i18n::Msg::render`]. The list's own
//! texts (descriptions, notes, questions) are English data: they carry `lang="en" dir="ltr"`, so that
//! screen readers pronounce them as English inside a French or Arabic page.

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
use crate::i18n::{Lang, Msg};
use state::{Action, State};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub options: Options,
    pub initial: SavedWork,
    /// The language the user chose earlier on this site, if any.
    pub chosen_lang: Option<Lang>,
    /// The widget is the whole page (iframe mode): the page takes its language.
    pub owns_page: bool,
}

/// The language of the widget, provided by [`App`].
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// A Yes / No / Clear button of a yes/no question: pressed when it is the current answer.
/// `data-answer` stays "Yes", "No" or "Clear" in every language, for tests and host scripts.
pub fn choice_button(
    lang: Lang,
    value: Option<bool>,
    pressed: bool,
    onclick: Callback<MouseEvent>,
) -> Html {
    let (id, key) = match value {
        Some(true) => ("Yes", "ui.yes"),
        Some(false) => ("No", "ui.no"),
        None => ("Clear", "ui.clear"),
    };
    html! {
        <button type="button" class={classes!("xc-choice", pressed.then_some("xc-pressed"))}
            aria-pressed={if pressed { "true" } else { "false" }} {onclick} data-answer={id}>{ lang.t(key) }</button>
    }
}

/// A message as HTML. A source the bundled data states as it is (the English title of an
/// instrument) is marked `lang="en" dir="ltr"`, like the list's own texts.
pub fn msg_html(l: Lang, m: &Msg) -> Html {
    if m.key == "data" {
        html! { <span lang="en" dir="ltr">{ m.render(l) }</span> }
    } else {
        html! { { m.render(l) } }
    }
}

/// The dispatcher every component uses to change the state.
pub type Dispatch = Callback<Action>;

#[component(App)]
pub fn app(props: &AppProps) -> Html {
    // The language lives in the state (figures are read with its decimal mark); it starts as
    // the user's earlier choice, else the host's default.
    let state = use_reducer({
        let initial = props.initial.clone();
        let lang = props
            .chosen_lang
            .filter(|l| props.options.languages.contains(l))
            .unwrap_or(props.options.lang);
        move || State::new(initial, lang)
    });
    let save_error = use_state(|| None::<Msg>);
    {
        let key = props.options.storage_key.clone();
        let save_error = save_error.clone();
        use_effect_with(state.work.clone(), move |work| {
            save_error.set(embed::save_work(&key, work).err());
        });
    }
    {
        let key = props.options.storage_key.clone();
        let owns_page = props.owns_page;
        use_effect_with(state.lang, move |lang| {
            embed::remember_lang(&key, *lang);
            if owns_page {
                embed::set_page_language(*lang);
            }
        });
    }
    let l = state.lang;
    let list = bundled::list();
    let entry = state.work.entry.as_deref().and_then(|c| list.entry(c));
    let determination = entry.map(|e| determine(list, e, &state.work.facts));
    let dispatch: Dispatch = state.dispatcher().to_callback();
    let on_lang = dispatch.reform(|e: Event| {
        let code = e.target_unchecked_into::<HtmlSelectElement>().value();
        Action::Language(Lang::from_code(&code).unwrap_or_default())
    });

    html! {
        <ContextProvider<Lang> context={l}>
        <div class="xc" lang={l.code()} dir={l.dir()}>
            <header class="xc-header">
                <div class="xc-title-row">
                    <h1>{ l.t("ui.title") }</h1>
                    if props.options.languages.len() > 1 {
                        <label class="xc-lang-switch">
                            <span>{ l.t("ui.language") }</span>
                            <select id="xc-lang" onchange={on_lang}>
                                { for props.options.languages.iter().map(|o| html! {
                                    <option value={o.code()} lang={o.code()} selected={*o == l}>{ o.endonym() }</option>
                                }) }
                            </select>
                        </label>
                    }
                </div>
                <p class="xc-sub">
                    { Msg::new("ui.subtitle").date("date", &list.consolidation).render(l) }
                    { " " }{ l.t("ui.private") }
                </p>
                if l != Lang::En {
                    <p class="xc-lang-note" id="xc-lang-note">{ l.t("ui.list_in_english") }</p>
                }
                if !props.options.problems.is_empty() {
                    <div class="xc-config-problems" role="alert">
                        <p><strong>{ l.t("ui.config_problems") }</strong></p>
                        <ul>{ for props.options.problems.iter().map(|p| html! { <li>{ p.render(l) }</li> }) }</ul>
                    </div>
                }
                <AgencyLine options={props.options.clone()} />
                <p class="xc-disclaimer">{ l.t("ui.disclaimer") }
                    if let Some(d) = &props.options.disclaimer { { format!(" {d}") } }
                </p>
                if let Some(e) = &*save_error { <p class="xc-error" role="alert">{ e.render(l) }</p> }
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
                <button type="button" class="xc-secondary" onclick={dispatch.reform(|_| Action::Reset)}>{ l.t("ui.start_new") }</button>
            </footer>
        </div>
        </ContextProvider<Lang>>
    }
}

#[derive(Properties, PartialEq)]
struct AgencyProps {
    options: Options,
}

/// The hosting agency: logo, name, contact and the "ask the authority" link.
#[component(AgencyLine)]
fn agency_line(props: &AgencyProps) -> Html {
    let l = use_lang();
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
                <img class="xc-logo" src={logo.clone()} alt={o.authority.clone().unwrap_or_else(|| l.t("ui.logo_alt").to_string())} />
            }
            <p class="xc-authority">
                if let Some(a) = &o.authority { <span>{ Msg::new("ui.provided_by").text("authority", a).render(l) }</span> }
                if let Some(e) = &o.contact_email { <span>{ " · " }<a href={format!("mailto:{e}")} dir="ltr">{ e }</a></span> }
                if let Some(p) = &o.contact_phone { <span>{ " · " }<a href={format!("tel:{}", p.replace(' ', ""))} dir="ltr">{ p }</a></span> }
                if let Some(u) = &o.ask_url { <span>{ " · " }<a href={u.clone()}>{ l.t("ui.ask_authority") }</a></span> }
            </p>
        </div>
    }
}
