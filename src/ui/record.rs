//! Step 4: the determination record and the licence application draft (Annex III Section A),
//! pre-filled from the assessment, editable, printable on A4, downloadable as JSON and
//! loadable again. A file that is not a draft is refused here, and nothing is lost.

use super::enduse::{listed_codes, verdict_title};
use super::state::Action;
use super::Dispatch;
use crate::bundled;
use crate::embed;
use crate::engine::determination::Determination;
use crate::engine::draft::{SavedWork, FIELDS};
use crate::engine::enduse::check;
use gloo::file::callbacks::FileReader;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RecordProps {
    pub work: SavedWork,
    pub determination: Option<Determination>,
    pub load_message: Option<(bool, String)>,
    pub authority: Option<String>,
    pub dispatch: Dispatch,
}

/// What the assessment already knows, for pre-filling the draft.
fn known_fields(work: &SavedWork, det: Option<&Determination>) -> Vec<(&'static str, String)> {
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
                .map(|(p, v)| {
                    format!(
                        "{}: {}",
                        p.label,
                        crate::engine::evaluate::format_value(*v, p.dimension)
                    )
                })
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
        known.push(("destination", format!("{} ({})", c.name, c.code)));
    }
    known
}

#[component(RecordPanel)]
pub fn record_panel(props: &RecordProps) -> Html {
    let list = bundled::list();
    let reader = use_mut_ref(|| None::<FileReader>);
    let mut draft = props.work.draft.clone();
    draft.prefill(&known_fields(&props.work, props.determination.as_ref()));
    let problems = draft.problems();
    let listed = listed_codes(props.determination.as_ref());
    let end_use = check(bundled::measures(), &listed, &props.work.end_use);
    let download_error = use_state(|| None::<String>);

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
                    Err(e) => dispatch.emit(Action::LoadFailed(format!(
                        "The file could not be read ({e}). Nothing was changed."
                    ))),
                },
            ));
        })
    };
    let on_date = props.dispatch.reform(|e: InputEvent| {
        Action::RecordDate(e.target_unchecked_into::<HtmlInputElement>().value())
    });

    html! {
        <section class="xc-step xc-record" aria-labelledby="xc-record">
            <h2 id="xc-record">{ "4. Determination record and application draft" }</h2>
            <div class="xc-actions xc-no-print">
                <button type="button" onclick={Callback::from(|_| embed::print())}>{ "Print (A4)" }</button>
                <button type="button" id="xc-download" onclick={on_download}>{ "Download my work (JSON)" }</button>
                <label class="xc-file">{ "Load saved work (JSON): " }
                    <input type="file" id="xc-load" accept="application/json,.json" onchange={on_load} />
                </label>
            </div>
            if let Some(e) = &*download_error { <p class="xc-error" role="alert">{ e }</p> }
            if let Some((ok, msg)) = &props.load_message {
                <p class={if *ok { "xc-ok" } else { "xc-error" }} role="alert" id="xc-load-message">{ msg }</p>
            }
            <article class="xc-sheet" aria-label="Determination record">
                <h3>{ "Determination record" }</h3>
                <dl class="xc-dl">
                    <dt>{ "Date of the record" }</dt>
                    <dd><input type="date" aria-label="Date of the record" value={props.work.record_date.clone()} oninput={on_date} /></dd>
                    if let Some(a) = &props.authority { <dt>{ "Prepared with the tool of" }</dt><dd>{ a }</dd> }
                    <dt>{ "Control list" }</dt>
                    <dd>{ format!("{}, consolidated version of {} ({})", list.instrument, list.consolidation, list.amended_by) }</dd>
                    <dt>{ "Item as described" }</dt><dd>{ if props.work.query.is_empty() { "—" } else { &props.work.query } }</dd>
                    if let Some(d) = &props.determination {
                        <dt>{ "Entry assessed" }</dt><dd>{ &d.entry }</dd>
                        <dt>{ "Classification" }</dt><dd id="xc-record-outcome">{ &d.summary }</dd>
                        <dt>{ "Answers given" }</dt>
                        <dd><ul>{ for answers(&props.work, d).into_iter().map(|a| html! { <li>{ a }</li> }) }</ul></dd>
                        <dt>{ "Sources" }</dt><dd><ul>{ for d.citations.iter().map(|c| html! { <li>{ c }</li> }) }</ul></dd>
                        if !d.caveats.is_empty() {
                            <dt>{ "Limits" }</dt><dd><ul>{ for d.caveats.iter().map(|c| html! { <li>{ c }</li> }) }</ul></dd>
                        }
                    } else {
                        <dt>{ "Classification" }</dt><dd>{ "No entry assessed." }</dd>
                    }
                    <dt>{ "End use and destination" }</dt>
                    <dd>{ verdict_title(end_use.verdict) }
                        <ol>{ for end_use.steps.iter().map(|s| html! { <li>{ format!("{} [{}]", s.text, s.citation) }</li> }) }</ol>
                    </dd>
                </dl>
                <p class="xc-disclaimer">{ "Self-assessment made with exportcheck. It guides; it is not legal advice and does not replace a decision of the competent authority." }</p>
            </article>
            <article class="xc-sheet" aria-label="Licence application draft">
                <h3>{ "Application draft: individual or global export authorisation" }</h3>
                <p class="xc-help">{ "Fields of the model form in Regulation (EU) 2021/821, Annex III, Section A. Pre-filled from your assessment; everything can be edited." }</p>
                <div class="xc-form">
                    { for FIELDS.iter().map(|f| {
                        let id = format!("xc-d-{}", f.key);
                        let key = f.key.to_string();
                        let oninput = props.dispatch.reform(move |e: InputEvent| {
                            Action::DraftField(key.clone(), e.target_unchecked_into::<HtmlTextAreaElement>().value())
                        });
                        let problem = problems.iter().find(|(k, _)| *k == f.key).map(|(_, m)| m.clone());
                        let error_id = format!("{id}-error");
                        html! {
                            <div class="xc-field">
                                <label for={id.clone()}>{ format!("Box {} · {}{}", f.r#box, f.label, if f.required { " *" } else { "" }) }</label>
                                <textarea id={id} rows={if matches!(f.key, "description" | "end_use" | "additional_information" | "exporter" | "consignee") { "3" } else { "1" }}
                                    value={draft.get(f.key).to_string()} {oninput}
                                    aria-invalid={problem.is_some().then_some("true")}
                                    aria-describedby={problem.is_some().then(|| error_id.clone())} />
                                if let Some(p) = problem { <p class={if p.ends_with("is required.") { "xc-todo" } else { "xc-field-problem" }} id={error_id}>{ p }</p> }
                            </div>
                        }
                    }) }
                </div>
            </article>
        </section>
    }
}

/// The answers given, as lines for the record.
fn answers(work: &SavedWork, d: &Determination) -> Vec<String> {
    let list = bundled::list();
    let Some(entry) = list.entry(&d.entry) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for p in &entry.params {
        if let Some(text) = work.typed.get(&p.id).filter(|t| !t.trim().is_empty()) {
            let shown = match work.facts.values.get(&p.id) {
                Some(_) => text.clone(),
                None => format!(
                    "{text} (not readable as a {} figure)",
                    crate::list::units::dimension_name(p.dimension)
                ),
            };
            out.push(format!("{}: {shown}", p.label));
        }
    }
    for (id, a) in &work.facts.answers {
        let text = list.question_text(entry, id);
        out.push(format!("{text} {}", if *a { "Yes" } else { "No" }));
    }
    if let Some(cas) = &work.facts.cas {
        out.push(format!("CAS number: {cas}"));
    }
    out
}
