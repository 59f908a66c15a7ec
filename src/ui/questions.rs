//! Step 2b: the questions. The most deciding open question comes first; figures are typed
//! with their units and checked inline; every answer given can be changed; the result updates
//! as the user answers.

use super::state::Action;
use super::{choice_button, msg_html, use_lang, Dispatch};
use crate::bundled;
use crate::engine::determination::{Ask, Determination, Outcome};
use crate::engine::draft::SavedWork;
use crate::engine::evaluate::Truth;
use crate::engine::figures::dimension_msg;
use crate::i18n::{Lang, Msg};
use crate::list::quantity::example;
use crate::list::units::Dimension;
use std::collections::BTreeMap;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuestionsProps {
    pub code: String,
    pub work: SavedWork,
    pub errors: BTreeMap<String, Msg>,
    pub determination: Determination,
    pub dispatch: Dispatch,
}

/// How many open questions are shown before the rest are folded away.
const FIRST_QUESTIONS: usize = 8;

#[component(QuestionsPanel)]
pub fn questions_panel(props: &QuestionsProps) -> Html {
    let l = use_lang();
    let list = bundled::list();
    let Some(entry) = list.entry(&props.code) else {
        return html! {};
    };
    let det = &props.determination;
    let open: Vec<&Ask> = det.next.iter().collect();
    // The most deciding questions first; the others wait behind "show the other questions",
    // since answering the first ones often decides whole branches (6A005 asks 50 at first).
    let (first, rest) = open.split_at(open.len().min(FIRST_QUESTIONS));
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
            <h2 id="xc-questions">{ Msg::new("ui.questions.heading").text("code", &entry.code).render(l) }</h2>
            <div class={classes!("xc-result", outcome_class(det.outcome))} role="status" aria-live="polite" id="xc-determination">
                <p class="xc-outcome"><strong>{ det.summary.render(l) }</strong></p>
                if !det.codes.is_empty() { <p class="xc-codes" dir="ltr">{ det.codes.join(", ") }</p> }
                <ul class="xc-citations">{ for det.citations.iter().map(|c| html! { <li>{ msg_html(l, c) }</li> }) }</ul>
                { for det.caveats.iter().map(|c| html! { <p class="xc-unverified">{ format!("⚠ {}", c.render(l)) }</p> }) }
                <details class="xc-findings">
                    <summary>{ l.t("ui.questions.why") }</summary>
                    <ul>{ for det.evaluation.items.iter().filter(|r| !r.findings.is_empty()).map(|r| html! {
                        <li><bdi class="xc-code">{ &r.code }</bdi>
                            <ul>{ for r.findings.iter().map(|f| html! {
                                <li class={if f.truth == Truth::Yes { "xc-met" } else { "xc-unmet" }} dir="ltr">{ f.text.render(l) }</li>
                            }) }</ul>
                        </li>
                    }) }</ul>
                </details>
            </div>
            if !open.is_empty() {
                <h3>{ Msg::new("ui.questions.open").text("count", open.len().to_string()).render(l) }</h3>
                <ol class="xc-open">
                    { for first.iter().map(|a| ask_html(l, a, props)) }
                </ol>
                if !rest.is_empty() {
                    <details class="xc-more">
                        <summary>{ Msg::new("ui.questions.more").text("count", rest.len().to_string()).render(l) }</summary>
                        <ol class="xc-open" start={(first.len() + 1).to_string()}>
                            { for rest.iter().map(|a| ask_html(l, a, props)) }
                        </ol>
                    </details>
                }
            }
            if !answered.is_empty() || !typed_params.is_empty() {
                <h3>{ l.t("ui.questions.answers") }</h3>
                <ul class="xc-answered">
                    { for typed_params.iter().map(|p| figure_input(l, &p.id, &p.label, &p.help, p.dimension, props)) }
                    { for answered.iter().map(|(id, text, a)| yes_no(l, &YesNo { id, text, help: "", term: None, source: None, current: Some(*a) }, props)) }
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

fn ask_html(l: Lang, ask: &Ask, props: &QuestionsProps) -> Html {
    match ask {
        Ask::Value {
            id,
            label,
            help,
            dimension,
        } => figure_input(l, id, label, help, *dimension, props),
        Ask::YesNo {
            id,
            text,
            help,
            term,
            source,
        } => yes_no(
            l,
            &YesNo {
                id,
                text,
                help,
                term: term.as_ref(),
                source: Some(source),
                current: None,
            },
            props,
        ),
        Ask::Cas => {
            let oninput = props.dispatch.reform(|e: InputEvent| {
                Action::Cas(e.target_unchecked_into::<HtmlInputElement>().value())
            });
            let value = props.work.facts.cas.clone().unwrap_or_default();
            html! {
                <li class="xc-question">
                    <label for="xc-cas">{ l.t("ui.cas.label") }</label>
                    <input id="xc-cas" type="text" inputmode="numeric" dir="ltr" placeholder={l.t("ui.cas.placeholder")} {value} {oninput} />
                </li>
            }
        }
    }
}

fn figure_input(
    l: Lang,
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
            <label for={input_id.clone()} lang="en" dir="ltr">{ label }</label>
            if !help.is_empty() { <p class="xc-help" lang="en" dir="ltr">{ help }</p> }
            <input id={input_id} type="text" dir="ltr" {value} {oninput}
                placeholder={Msg::new("ui.figure.placeholder").figure("example", example(dimension)).render(l)}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={error.is_some().then(|| error_id.clone())} />
            if !matches!(dimension, Dimension::Count | Dimension::Number) {
                <span class="xc-unit-hint">{ Msg::new("ui.figure.units")
                    .msg("dimension", dimension_msg(dimension))
                    .texts("units", &dimension.unit_symbols().into_iter().filter(|s| !s.is_empty()).take(8).collect::<Vec<_>>())
                    .render(l) }</span>
            }
            if let Some(e) = error { <p class="xc-error" id={error_id} role="alert">{ e.render(l) }</p> }
        </li>
    }
}

/// A yes/no question as shown: its text, help, the defined term that decides it, its source,
/// and the answer given (if shown among the answers).
struct YesNo<'a> {
    id: &'a str,
    text: &'a str,
    help: &'a str,
    term: Option<&'a (String, String, String)>,
    source: Option<&'a Msg>,
    current: Option<bool>,
}

fn yes_no(l: Lang, q: &YesNo, props: &QuestionsProps) -> Html {
    let YesNo {
        id,
        text,
        help,
        term,
        source,
        current,
    } = *q;
    let current = current.or_else(|| props.work.facts.answers.get(id).copied());
    let name = format!("xc-q-{id}");
    let button = |value: Option<bool>| {
        let key = id.to_string();
        let onclick = props
            .dispatch
            .reform(move |_| Action::Answer(key.clone(), value));
        choice_button(l, value, current == value, onclick)
    };
    html! {
        <li class="xc-question" data-question={id.to_string()}>
            <p id={name.clone()} class="xc-question-text" lang="en" dir="ltr">{ text }</p>
            if !help.is_empty() { <p class="xc-help" lang="en" dir="ltr">{ help }</p> }
            if let Some(source) = source { <p class="xc-source">{ msg_html(l, source) }</p> }
            if let Some((term, definition, source)) = term {
                <details class="xc-term"><summary>{ Msg::new("ui.term.means").text("term", term).render(l) }</summary><p lang="en" dir="ltr">{ definition }</p><p class="xc-source" lang="en" dir="ltr">{ source }</p></details>
            }
            <div role="group" aria-labelledby={name}>
                { button(Some(true)) }
                { button(Some(false)) }
                if current.is_some() { { button(None) } }
            </div>
        </li>
    }
}
