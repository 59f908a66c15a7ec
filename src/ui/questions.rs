//! Step 2b: the questions. The most deciding open question comes first; figures are typed
//! with their units and checked inline; every answer given can be changed; the result updates
//! as the user answers.

use super::state::Action;
use super::{choice_button, Dispatch};
use crate::bundled;
use crate::engine::determination::{Ask, Determination, Outcome};
use crate::engine::draft::SavedWork;
use crate::engine::evaluate::Truth;
use crate::list::quantity::example;
use crate::list::units::{dimension_name, Dimension};
use std::collections::BTreeMap;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuestionsProps {
    pub code: String,
    pub work: SavedWork,
    pub errors: BTreeMap<String, String>,
    pub determination: Determination,
    pub dispatch: Dispatch,
}

#[component(QuestionsPanel)]
pub fn questions_panel(props: &QuestionsProps) -> Html {
    let list = bundled::list();
    let Some(entry) = list.entry(&props.code) else {
        return html! {};
    };
    let det = &props.determination;
    let open: Vec<&Ask> = det.next.iter().collect();
    let answered: Vec<(String, String, bool)> = props
        .work
        .facts
        .answers
        .iter()
        .map(|(id, a)| {
            let text = list.question_text(entry, id);
            (id.clone(), text, *a)
        })
        .collect();
    let typed_params: Vec<_> = entry
        .params
        .iter()
        .filter(|p| {
            props.work.typed.contains_key(&p.id)
                && !open
                    .iter()
                    .any(|a| matches!(a, Ask::Value { id, .. } if id == &p.id))
        })
        .collect();

    html! {
        <section class="xc-step" aria-labelledby="xc-questions">
            <h2 id="xc-questions">{ format!("Questions for {}", entry.code) }</h2>
            <div class={classes!("xc-result", outcome_class(det.outcome))} role="status" aria-live="polite" id="xc-determination">
                <p class="xc-outcome"><strong>{ &det.summary }</strong></p>
                if !det.codes.is_empty() { <p class="xc-codes">{ det.codes.join(", ") }</p> }
                <ul class="xc-citations">{ for det.citations.iter().map(|c| html! { <li>{ c }</li> }) }</ul>
                { for det.caveats.iter().map(|c| html! { <p class="xc-unverified">{ format!("⚠ {c}") }</p> }) }
                <details class="xc-findings">
                    <summary>{ "Why: every criterion checked" }</summary>
                    <ul>{ for det.evaluation.items.iter().filter(|r| !r.findings.is_empty()).map(|r| html! {
                        <li><strong>{ &r.code }</strong>
                            <ul>{ for r.findings.iter().map(|f| html! {
                                <li class={if f.truth == Truth::Yes { "xc-met" } else { "xc-unmet" }}>{ &f.text }</li>
                            }) }</ul>
                        </li>
                    }) }</ul>
                </details>
            </div>
            if !open.is_empty() {
                <h3>{ format!("Still needed ({}), most deciding first", open.len()) }</h3>
                <ol class="xc-open">
                    { for open.iter().map(|a| ask_html(a, props)) }
                </ol>
            }
            if !answered.is_empty() || !typed_params.is_empty() {
                <h3>{ "Your answers" }</h3>
                <ul class="xc-answered">
                    { for typed_params.iter().map(|p| figure_input(&p.id, &p.label, &p.help, p.dimension, props)) }
                    { for answered.iter().map(|(id, text, a)| yes_no(id, text, "", None, Some(*a), props)) }
                </ul>
            }
        </section>
    }
}

fn outcome_class(o: Outcome) -> &'static str {
    match o {
        Outcome::Listed => "xc-listed",
        Outcome::Released => "xc-released-outcome",
        Outcome::NotListed => "xc-not-listed",
        Outcome::NeedsAnswers => "xc-pending",
    }
}

fn ask_html(ask: &Ask, props: &QuestionsProps) -> Html {
    match ask {
        Ask::Value {
            id,
            label,
            help,
            dimension,
        } => figure_input(id, label, help, *dimension, props),
        Ask::YesNo {
            id,
            text,
            help,
            term,
            source,
        } => yes_no(
            id,
            text,
            help,
            term.as_ref().map(|t| (t, source)),
            None,
            props,
        ),
        Ask::Cas => {
            let oninput = props.dispatch.reform(|e: InputEvent| {
                Action::Cas(e.target_unchecked_into::<HtmlInputElement>().value())
            });
            let value = props.work.facts.cas.clone().unwrap_or_default();
            html! {
                <li class="xc-question">
                    <label for="xc-cas">{ "CAS number of the chemical" }</label>
                    <input id="xc-cas" type="text" inputmode="numeric" placeholder="e.g. 111-48-8" {value} {oninput} />
                </li>
            }
        }
    }
}

fn figure_input(
    id: &str,
    label: &str,
    help: &str,
    dimension: Dimension,
    props: &QuestionsProps,
) -> Html {
    let input_id = format!("xc-p-{id}");
    let error_id = format!("{input_id}-error");
    let key = id.to_string();
    let oninput = props.dispatch.reform(move |e: InputEvent| {
        Action::Figure(
            key.clone(),
            e.target_unchecked_into::<HtmlInputElement>().value(),
        )
    });
    let value = props.work.typed.get(id).cloned().unwrap_or_default();
    let error = props.errors.get(id);
    html! {
        <li class="xc-question">
            <label for={input_id.clone()}>{ label }</label>
            if !help.is_empty() { <p class="xc-help">{ help }</p> }
            <input id={input_id} type="text" {value} {oninput}
                placeholder={format!("e.g. {}", example(dimension))}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={error.is_some().then(|| error_id.clone())} />
            <span class="xc-unit-hint">{ format!("{} — units: {}", dimension_name(dimension), dimension.unit_symbols().into_iter().filter(|s| !s.is_empty()).take(8).collect::<Vec<_>>().join(", ")) }</span>
            if let Some(e) = error { <p class="xc-error" id={error_id} role="alert">{ e }</p> }
        </li>
    }
}

fn yes_no(
    id: &str,
    text: &str,
    help: &str,
    term: Option<(&(String, String, String), &String)>,
    current: Option<bool>,
    props: &QuestionsProps,
) -> Html {
    let current = current.or_else(|| props.work.facts.answers.get(id).copied());
    let name = format!("xc-q-{id}");
    let button = |value: Option<bool>, label: &'static str| {
        let key = id.to_string();
        let onclick = props
            .dispatch
            .reform(move |_| Action::Answer(key.clone(), value));
        choice_button(label, current == value, onclick)
    };
    html! {
        <li class="xc-question" data-question={id.to_string()}>
            <p id={name.clone()} class="xc-question-text">{ text }</p>
            if !help.is_empty() { <p class="xc-help">{ help }</p> }
            if let Some(((term, definition, source), _)) = term {
                <details class="xc-term"><summary>{ format!("What \"{term}\" means") }</summary><p>{ definition }</p><p class="xc-source">{ source }</p></details>
            }
            <div role="group" aria-labelledby={name}>
                { button(Some(true), "Yes") }
                { button(Some(false), "No") }
                if current.is_some() { { button(None, "Clear") } }
            </div>
        </li>
    }
}
