//! Step 4: the determination record and the licence application draft (Annex III Section A),
//! pre-filled from the assessment, editable, printable on A4, downloadable as JSON and
//! loadable again. A file that is not a draft is refused here, and nothing is lost.

use super::enduse::{listed_codes, verdict_key};
use super::state::Action;
use super::{msg_html, use_lang, Dispatch};
use crate::bundled;
use crate::embed;
use crate::engine::determination::Determination;
use crate::engine::draft::{SavedWork, FIELDS};
use crate::engine::enduse::check;
use crate::engine::evaluate::format_value;
use crate::engine::figures::dimension_msg;
use crate::i18n::{country_name, Lang, Msg};
use gloo::file::callbacks::FileReader;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RecordProps {
    pub work: SavedWork,
    pub determination: Option<Determination>,
    pub load_message: Option<(bool, Msg)>,
    pub authority: Option<String>,
    pub dispatch: Dispatch,
}

/// What the assessment already knows, for pre-filling the draft (figures and the country in
/// the language shown; the user's own words as typed).
fn known_fields(
    l: Lang,
    work: &SavedWork,
    det: Option<&Determination>,
) -> Vec<(&'static str, String)> {
    let list = bundled::list();
    let measures = bundled::measures();
    let mut known = Vec::new();
    if let Some(d) = det {
        let codes = listed_codes(Some(d));
        if !codes.is_empty() {
            known.push(("control_number", codes.join(", ")));
        }
        if let Some(e) = list.entry(&d.entry) {
            let item = d
                .codes
                .first()
                .and_then(|c| e.item(c))
                .map_or(&e.items[0], |(_, i)| i);
            let figures: Vec<String> = e
                .params
                .iter()
                .filter_map(|p| work.facts.values.get(&p.id).map(|v| (p, v)))
                .map(|(p, v)| format!("{}: {}", p.label, l.figure(&format_value(*v, p.dimension))))
                .collect();
            let mut description = if work.query.trim().is_empty() {
                item.text.clone()
            } else {
                work.query.trim().to_string()
            };
            if !figures.is_empty() {
                description.push_str(&format!(" ({})", figures.join("; ")));
            }
            known.push(("description", description));
        }
    }
    if let Some(cas) = &work.facts.cas {
        known.push(("cas_number", cas.clone()));
    }
    if let Some(c) = work
        .end_use
        .destination
        .as_deref()
        .and_then(|c| measures.country(c))
    {
        let name = country_name(l, &c.code).unwrap_or_else(|| c.name.clone());
        known.push(("destination", format!("{name} ({})", c.code)));
    }
    known
}

#[component(RecordPanel)]
pub fn record_panel(props: &RecordProps) -> Html {
    let l = use_lang();
    let list = bundled::list();
    let reader = use_mut_ref(|| None::<FileReader>);
    let mut draft = props.work.draft.clone();
    draft.prefill(&known_fields(l, &props.work, props.determination.as_ref()));
    let problems = draft.problems();
    let listed = listed_codes(props.determination.as_ref());
    let end_use = check(bundled::measures(), &listed, &props.work.end_use);
    let download_error = use_state(|| None::<Msg>);

    let on_download = {
        let mut work = props.work.clone();
        work.draft = draft.clone();
        let download_error = download_error.clone();
        Callback::from(move |_| {
            download_error.set(
                embed::download("exportcheck-work.json", &work.to_json(), "application/json").err(),
            )
        })
    };
    let on_load = {
        let dispatch = props.dispatch.clone();
        let reader = reader.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let dispatch = dispatch.clone();
            let file = gloo::file::File::from(file);
            *reader.borrow_mut() = Some(gloo::file::callbacks::read_as_text(
                &file,
                move |result| match result {
                    Ok(text) => dispatch.emit(Action::Load(text)),
                    Err(e) => dispatch.emit(Action::LoadFailed(
                        Msg::new("ui.load.unreadable").text("error", e.to_string()),
                    )),
                },
            ));
        })
    };
    let on_date = props.dispatch.reform(|e: InputEvent| {
        Action::RecordDate(e.target_unchecked_into::<HtmlInputElement>().value())
    });

    html! {
        <section class="xc-step xc-record" aria-labelledby="xc-record">
            <h2 id="xc-record">{ l.t("ui.record.heading") }</h2>
            <div class="xc-actions xc-no-print">
                <button type="button" onclick={Callback::from(|_| embed::print())}>{ l.t("ui.print") }</button>
                <button type="button" id="xc-download" onclick={on_download}>{ l.t("ui.download") }</button>
                <label class="xc-file">{ l.t("ui.load") }{ " " }
                    <input type="file" id="xc-load" accept="application/json,.json" onchange={on_load} />
                </label>
            </div>
            if let Some(e) = &*download_error { <p class="xc-error" role="alert">{ e.render(l) }</p> }
            if let Some((ok, msg)) = &props.load_message {
                <p class={if *ok { "xc-ok" } else { "xc-error" }} role="alert" id="xc-load-message">{ msg.render(l) }</p>
            }
            <article class="xc-sheet" aria-label={l.t("ui.record.title")}>
                <h3>{ l.t("ui.record.title") }</h3>
                <dl class="xc-dl">
                    <dt>{ l.t("ui.record.date") }</dt>
                    <dd><input type="date" class="xc-no-print" aria-label={l.t("ui.record.date")} value={props.work.record_date.clone()} oninput={on_date} />
                        if !props.work.record_date.is_empty() { <span class="xc-date-shown">{ l.date(&props.work.record_date) }</span> }
                    </dd>
                    if let Some(a) = &props.authority { <dt>{ l.t("ui.record.prepared_with") }</dt><dd>{ a }</dd> }
                    <dt>{ l.t("ui.record.list") }</dt>
                    <dd>{ Msg::new("ui.record.list_value").date("date", &list.consolidation).text("amended", &list.amended_by).render(l) }</dd>
                    <dt>{ l.t("ui.record.item") }</dt><dd>{ if props.work.query.is_empty() { "—" } else { &props.work.query } }</dd>
                    if let Some(d) = &props.determination {
                        <dt>{ l.t("ui.record.entry") }</dt><dd><bdi>{ &d.entry }</bdi></dd>
                        <dt>{ l.t("ui.record.classification") }</dt><dd id="xc-record-outcome">{ d.summary.render(l) }</dd>
                        <dt>{ l.t("ui.record.answers") }</dt>
                        <dd><ul>{ for answers(l, &props.work, d).into_iter().map(|a| html! { <li dir="ltr">{ a }</li> }) }</ul></dd>
                        <dt>{ l.t("ui.record.sources") }</dt><dd><ul>{ for d.citations.iter().map(|c| html! { <li>{ msg_html(l, c) }</li> }) }</ul></dd>
                        if !d.caveats.is_empty() {
                            <dt>{ l.t("ui.record.limits") }</dt><dd><ul>{ for d.caveats.iter().map(|c| html! { <li>{ c.render(l) }</li> }) }</ul></dd>
                        }
                    } else {
                        <dt>{ l.t("ui.record.classification") }</dt><dd>{ l.t("ui.record.no_entry") }</dd>
                    }
                    <dt>{ l.t("ui.record.enduse") }</dt>
                    <dd>{ l.t(verdict_key(end_use.verdict)) }
                        <ol>{ for end_use.steps.iter().map(|s| html! { <li>{ s.text.render(l) }{ " [" }{ msg_html(l, &s.citation) }{ "]" }</li> }) }</ol>
                    </dd>
                </dl>
                <p class="xc-disclaimer">{ l.t("ui.record.disclaimer") }</p>
            </article>
            <article class="xc-sheet" aria-label={l.t("ui.draft.title")}>
                <h3>{ l.t("ui.draft.title") }</h3>
                <p class="xc-help">{ l.t("ui.draft.help") }</p>
                <div class="xc-form">
                    { for FIELDS.iter().map(|f| {
                        let id = format!("xc-d-{}", f.key);
                        let key = f.key.to_string();
                        let oninput = props.dispatch.reform(move |e: InputEvent| {
                            Action::DraftField(key.clone(), e.target_unchecked_into::<HtmlTextAreaElement>().value())
                        });
                        let problem = problems.iter().find(|(k, _)| *k == f.key).map(|(_, m)| m.clone());
                        let error_id = format!("{id}-error");
                        let label = Msg::new("ui.draft.box").text("box", f.r#box).msg("label", f.label()).render(l);
                        html! {
                            <div class="xc-field">
                                <label for={id.clone()}>{ label }{ if f.required { " *" } else { "" } }</label>
                                <textarea id={id} rows={if matches!(f.key, "description" | "end_use" | "additional_information" | "exporter" | "consignee") { "3" } else { "1" }}
                                    value={draft.get(f.key).to_string()} {oninput}
                                    aria-invalid={problem.is_some().then_some("true")}
                                    aria-describedby={problem.is_some().then(|| error_id.clone())} />
                                if let Some(p) = problem { <p class={if p.key == "draft.required" { "xc-todo" } else { "xc-field-problem" }} id={error_id}>{ p.render(l) }</p> }
                            </div>
                        }
                    }) }
                </div>
            </article>
        </section>
    }
}

/// The answers given, as lines for the record (shown left to right in every language: each
/// starts with the list's English wording).
fn answers(l: Lang, work: &SavedWork, d: &Determination) -> Vec<String> {
    let list = bundled::list();
    let Some(entry) = list.entry(&d.entry) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for p in &entry.params {
        if let Some(text) = work.typed.get(&p.id).filter(|t| !t.trim().is_empty()) {
            let shown = match work.facts.values.get(&p.id) {
                Some(_) => text.clone(),
                None => Msg::new("ui.record.unreadable_figure")
                    .text("text", text)
                    .msg("dimension", dimension_msg(p.dimension))
                    .render(l),
            };
            out.push(format!("{}: {shown}", p.label));
        }
    }
    for (id, a) in &work.facts.answers {
        let key = if *a {
            "finding.answer_yes"
        } else {
            "finding.answer_no"
        };
        let question = list.question_text(entry, id);
        out.push(Msg::new(key).text("question", question).render(l));
    }
    if let Some(cas) = &work.facts.cas {
        out.push(Msg::new("ui.record.cas").text("cas", cas).render(l));
    }
    out
}
