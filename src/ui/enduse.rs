//! Step 3: end use, end-user and destination. The Article 4 questions and the destination,
//! and which authorisation the export needs, step by step with citations.

use super::state::{Action, EndUseQuestion};
use super::{choice_button, msg_html, use_lang, Dispatch};
use crate::bundled;
use crate::engine::cite;
use crate::engine::determination::{Determination, Outcome};
use crate::engine::draft::SavedWork;
use crate::engine::enduse::{check, Verdict};
use crate::i18n::{country_name, Arg, Msg};
use crate::list::measures::Country;
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

/// The four Article 4 questions: what the state calls them, the translation key of the
/// question, and the article (which also names the question for tests and host scripts).
const QUESTIONS: [(EndUseQuestion, &str, &str); 4] = [
    (EndUseQuestion::Wmd, "ui.enduse.q.wmd", "4(1)(a)"),
    (EndUseQuestion::Military, "ui.enduse.q.military", "4(1)(b)"),
    (
        EndUseQuestion::IllegalMilitary,
        "ui.enduse.q.illegal_military",
        "4(1)(c)",
    ),
    (EndUseQuestion::Aware, "ui.enduse.q.aware", "4(2)"),
];

#[component(EndUsePanel)]
pub fn end_use_panel(props: &EndUseProps) -> Html {
    let l = use_lang();
    let measures = bundled::measures();
    let answers = &props.work.end_use;
    let listed = listed_codes(props.determination.as_ref());
    let outcome = check(measures, &listed, answers);
    let onchange = props.dispatch.reform(|e: Event| {
        Action::Destination(e.target_unchecked_into::<HtmlSelectElement>().value())
    });
    let question = |(q, key, article): (EndUseQuestion, &'static str, &'static str)| {
        let current = match q {
            EndUseQuestion::Wmd => answers.informed_wmd,
            EndUseQuestion::Military => answers.informed_military,
            EndUseQuestion::IllegalMilitary => answers.informed_illegal_military,
            EndUseQuestion::Aware => answers.aware,
        };
        let id = format!("xc-eu-Article{}", article.replace(['(', ')'], ""));
        let button = |value: Option<bool>| {
            let onclick = props.dispatch.reform(move |_| Action::EndUse(q, value));
            choice_button(l, value, current == value, onclick)
        };
        html! {
            <li class="xc-question" data-question={format!("Article {article}")}>
                <p id={id.clone()} class="xc-question-text">{ l.t(key) }</p>
                <p class="xc-source">{ cite::article(article).render(l) }</p>
                <div role="group" aria-labelledby={id}>{ button(Some(true)) }{ button(Some(false)) }</div>
            </li>
        }
    };
    let status = match props.determination.as_ref().map(|d| d.outcome) {
        Some(Outcome::Listed) => "ui.enduse.status.listed",
        Some(Outcome::NeedsAnswers) => "ui.enduse.status.pending",
        Some(_) => "ui.enduse.status.not_listed",
        None => "ui.enduse.status.no_entry",
    };
    // Countries named and sorted in the language shown: once per language, not per keystroke.
    let countries = use_memo(l, |l| {
        let mut named: Vec<(String, &'static Country)> = measures
            .country
            .iter()
            .map(|c| {
                (
                    country_name(*l, &c.code).unwrap_or_else(|| c.name.clone()),
                    c,
                )
            })
            .collect();
        crate::embed::sort_by_name(*l, &mut named);
        named
    });
    html! {
        <section class="xc-step" aria-labelledby="xc-enduse">
            <h2 id="xc-enduse">{ l.t("ui.enduse.heading") }</h2>
            <p class="xc-help">{ l.t(status) }</p>
            <label for="xc-destination">{ l.t("ui.enduse.destination") }</label>
            <select id="xc-destination" {onchange}>
                <option value="" selected={answers.destination.is_none()}>{ l.t("ui.enduse.choose") }</option>
                { for countries.iter().map(|(name, c)| html! {
                    <option value={c.code.clone()} selected={answers.destination.as_deref() == Some(c.code.as_str())}>
                        { Msg::new(if c.eu { "ui.enduse.country_eu" } else { "ui.enduse.country" })
                            .text("name", name)
                            .text("code", &c.code)
                            .render(l) }
                    </option>
                }) }
            </select>
            <ol class="xc-open">
                { for QUESTIONS.into_iter().map(question) }
            </ol>
            <div class={classes!("xc-result", verdict_class(outcome.verdict))} role="status" aria-live="polite" id="xc-enduse-outcome">
                <p class="xc-outcome"><strong>{ l.t(verdict_key(outcome.verdict)) }</strong></p>
                if !outcome.missing.is_empty() {
                    <p>{ Msg::new("ui.enduse.still_needed")
                        .arg("list", Arg::List(outcome.missing.iter().map(|m| Arg::Msg(Box::new(missing_label(m)))).collect()))
                        .render(l) }</p>
                }
                <ol class="xc-steps">{ for outcome.steps.iter().map(|s| html! {
                    <li>{ s.text.render(l) }<span class="xc-source">{ " [" }{ msg_html(l, &s.citation) }{ "]" }</span></li>
                }) }</ol>
            </div>
        </section>
    }
}

/// The translation key of a verdict's one-line title.
pub fn verdict_key(v: Verdict) -> &'static str {
    match v {
        Verdict::NoAuthorisation => "verdict.no_authorisation",
        Verdict::GeneralAuthorisation => "verdict.general_authorisation",
        Verdict::AuthorisationRequired => "verdict.authorisation_required",
        Verdict::Prohibited => "verdict.prohibited",
        Verdict::ContactAuthority => "verdict.contact_authority",
        Verdict::Incomplete => "verdict.incomplete",
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

fn missing_label(m: &str) -> Msg {
    let article = |a: &str| Msg::new("ui.enduse.missing_article").text("article", a);
    match m {
        "destination" => Msg::new("ui.enduse.missing_destination"),
        "informed_wmd" => article("4(1)(a)"),
        "informed_military" => article("4(1)(b)"),
        "informed_illegal_military" => article("4(1)(c)"),
        "aware" => article("4(2)"),
        _ => Msg::new("ui.enduse.missing_answer"),
    }
}
