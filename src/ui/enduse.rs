//! Step 3: end use, end-user and destination. The Article 4 questions and the destination,
//! and which authorisation the export needs, step by step with citations.

use super::state::{Action, EndUseQuestion};
use super::{choice_button, Dispatch};
use crate::bundled;
use crate::engine::determination::{Determination, Outcome};
use crate::engine::draft::SavedWork;
use crate::engine::enduse::{check, Verdict};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EndUseProps {
    pub work: SavedWork,
    pub determination: Option<Determination>,
    pub dispatch: Dispatch,
}

/// The control codes the export is assessed under: the listed items, or none.
pub fn listed_codes(det: Option<&Determination>) -> Vec<String> {
    match det {
        Some(d) if d.outcome == Outcome::Listed => d.codes.clone(),
        _ => Vec::new(),
    }
}

#[component(EndUsePanel)]
pub fn end_use_panel(props: &EndUseProps) -> Html {
    let measures = bundled::measures();
    let answers = &props.work.end_use;
    let listed = listed_codes(props.determination.as_ref());
    let outcome = check(measures, &listed, answers);
    let onchange = props.dispatch.reform(|e: Event| {
        Action::Destination(e.target_unchecked_into::<HtmlSelectElement>().value())
    });
    let question = |q: EndUseQuestion,
                    current: Option<bool>,
                    text: &'static str,
                    cite: &'static str| {
        let id = format!("xc-eu-{}", cite.replace(['(', ')', ' '], ""));
        let button = |value: Option<bool>, label: &'static str| {
            let onclick = props.dispatch.reform(move |_| Action::EndUse(q, value));
            choice_button(label, current == value, onclick)
        };
        html! {
            <li class="xc-question" data-question={cite}>
                <p id={id.clone()} class="xc-question-text">{ text }</p>
                <p class="xc-source">{ format!("Regulation (EU) 2021/821, {cite}") }</p>
                <div role="group" aria-labelledby={id}>{ button(Some(true), "Yes") }{ button(Some(false), "No") }</div>
            </li>
        }
    };
    let status = match props.determination.as_ref().map(|d| d.outcome) {
        Some(Outcome::Listed) => "The item is listed: the questions below decide which authorisation applies.",
        Some(Outcome::NeedsAnswers) => "The classification is not finished: the result below assumes the item is not listed until it is.",
        Some(_) => "The item is not listed under the entry assessed: the catch-all questions below still apply.",
        None => "No entry chosen: the result below treats the item as not listed in Annex I.",
    };
    html! {
        <section class="xc-step" aria-labelledby="xc-enduse">
            <h2 id="xc-enduse">{ "3. End use and destination" }</h2>
            <p class="xc-help">{ status }</p>
            <label for="xc-destination">{ "Country of final destination" }</label>
            <select id="xc-destination" {onchange}>
                <option value="" selected={answers.destination.is_none()}>{ "— choose —" }</option>
                { for measures.country.iter().map(|c| html! {
                    <option value={c.code.clone()} selected={answers.destination.as_deref() == Some(c.code.as_str())}>
                        { format!("{} ({}){}", c.name, c.code, if c.eu { " — EU" } else { "" }) }
                    </option>
                }) }
            </select>
            <ol class="xc-open">
                { question(EndUseQuestion::Wmd, answers.informed_wmd,
                    "Has the competent authority informed you that the items are or may be intended for chemical, biological or nuclear weapons, or for missiles that can deliver them?", "Article 4(1)(a)") }
                { question(EndUseQuestion::Military, answers.informed_military,
                    "Has the authority informed you that the items are or may be intended for a military end use in a country under an arms embargo?", "Article 4(1)(b)") }
                { question(EndUseQuestion::IllegalMilitary, answers.informed_illegal_military,
                    "Has the authority informed you that the items are or may be intended as parts of military items exported without, or in breach of, an authorisation?", "Article 4(1)(c)") }
                { question(EndUseQuestion::Aware, answers.aware,
                    "Are you aware, from your own checks of the customer and the order, that the items are intended for any of those uses?", "Article 4(2)") }
            </ol>
            <div class={classes!("xc-result", verdict_class(outcome.verdict))} role="status" aria-live="polite" id="xc-enduse-outcome">
                <p class="xc-outcome"><strong>{ verdict_title(outcome.verdict) }</strong></p>
                if !outcome.missing.is_empty() {
                    <p>{ format!("Still needed: {}.", outcome.missing.iter().map(|m| missing_label(m)).collect::<Vec<_>>().join(", ")) }</p>
                }
                <ol class="xc-steps">{ for outcome.steps.iter().map(|s| html! {
                    <li>{ &s.text }<span class="xc-source">{ format!(" [{}]", s.citation) }</span></li>
                }) }</ol>
            </div>
        </section>
    }
}

pub fn verdict_title(v: Verdict) -> &'static str {
    match v {
        Verdict::NoAuthorisation => "No authorisation needed under Regulation (EU) 2021/821.",
        Verdict::GeneralAuthorisation => "A Union general export authorisation can be used.",
        Verdict::AuthorisationRequired => "An export authorisation is needed.",
        Verdict::Prohibited => "The export is prohibited by restrictive measures.",
        Verdict::ContactAuthority => "Contact the competent authority before exporting.",
        Verdict::Incomplete => "Not decided yet.",
    }
}

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::NoAuthorisation => "xc-not-listed",
        Verdict::GeneralAuthorisation => "xc-released-outcome",
        Verdict::AuthorisationRequired | Verdict::Prohibited | Verdict::ContactAuthority => {
            "xc-listed"
        }
        Verdict::Incomplete => "xc-pending",
    }
}

fn missing_label(m: &str) -> &'static str {
    match m {
        "destination" => "the destination",
        "informed_wmd" => "Article 4(1)(a)",
        "informed_military" => "Article 4(1)(b)",
        "informed_illegal_military" => "Article 4(1)(c)",
        "aware" => "Article 4(2)",
        _ => "an answer",
    }
}
