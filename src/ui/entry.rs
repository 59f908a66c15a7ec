//! Step 2a: the entry as the list states it, in our words: its tree of sub-items with their
//! criteria, notes, technical notes, decontrol notes and cross-references, the related
//! software and technology entries, and how each sub-item came out for the user's item.

use super::state::Action;
use super::{use_lang, Dispatch};
use crate::bundled;
use crate::engine::cite;
use crate::engine::determination::Determination;
use crate::engine::evaluate::Truth;
use crate::i18n::{Lang, Msg};
use crate::list::model::{Combine, Condition, Entry, NoteKind};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EntryProps {
    pub code: String,
    pub determination: Determination,
    pub dispatch: Dispatch,
}

#[component(EntryPanel)]
pub fn entry_panel(props: &EntryProps) -> Html {
    let l = use_lang();
    let list = bundled::list();
    let Some(entry) = list.entry(&props.code) else {
        return html! {};
    };
    let related: Vec<&String> = entry.related.iter().collect();
    html! {
        <section class="xc-step" aria-labelledby="xc-entry">
            <h2 id="xc-entry">{ Msg::new("ui.entry.heading").text("code", &entry.code).render(l) }</h2>
            <p class="xc-meta">
                { Msg::new("ui.entry.meta")
                    .text("category", entry.category.to_string())
                    .text("group", entry.group.to_string())
                    .msg("regime", Msg::new(&format!("regime.{:?}", entry.regime)))
                    .render(l) }
                if let Some(us) = &entry.us_eccn { { " · " }{ Msg::new("ui.entry.eccn").text("eccn", us).render(l) } }
                { " · " }{ Msg::new("ui.entry.source").msg("source", cite::entry(list, &entry.code)).render(l) }
            </p>
            <p class="xc-lang-note">{ l.t("ui.entry.wording") }</p>
            if let Some(part) = &entry.not_encoded {
                <p class="xc-warning">{ Msg::new("ui.entry.not_encoded").text("part", part).render(l) }</p>
            }
            <ul class="xc-tree" role="tree" aria-label={Msg::new("ui.entry.subitems").text("code", &entry.code).render(l)}>
                { item_html(l, entry, 0, &props.determination) }
            </ul>
            if !related.is_empty() {
                <p class="xc-related">{ l.t("ui.entry.related") }{ " " }
                    { for related.iter().map(|code| {
                        let encoded = list.entry(code).is_some();
                        let c = (*code).clone();
                        let onclick = props.dispatch.reform(move |_| Action::SelectEntry(c.clone()));
                        if encoded {
                            html! { <button type="button" class="xc-link" {onclick}>{ code.as_str() }</button> }
                        } else {
                            html! { <span class="xc-muted">{ Msg::new("ui.entry.not_encoded_yet").text("code", code.as_str()).render(l) }{ " " }</span> }
                        }
                    }) }
                </p>
            }
        </section>
    }
}

fn mark(l: Lang, t: Truth) -> (&'static str, &'static str) {
    match t {
        Truth::Yes => ("✔", l.t("ui.mark.yes")),
        Truth::No => ("✘", l.t("ui.mark.no")),
        Truth::Unknown => ("?", l.t("ui.mark.unknown")),
    }
}

/// A cross-reference target: "ML" is the Common Military List.
fn target(l: Lang, code: &str) -> String {
    if code == "ML" {
        l.t("ui.entry.military_list").to_string()
    } else {
        code.to_string()
    }
}

fn item_html(l: Lang, entry: &Entry, index: usize, det: &Determination) -> Html {
    let item = &entry.items[index];
    let result = &det.evaluation.items[index];
    let (symbol, words) = mark(l, result.status);
    let released = result
        .released_by
        .as_ref()
        .filter(|_| result.caught == Truth::Yes);
    html! {
        <li role="treeitem" aria-expanded="true" class={classes!("xc-item", format!("xc-{:?}", result.status).to_lowercase())} data-item={item.code.clone()}>
            <div class="xc-item-head">
                <span class="xc-mark" aria-label={words} title={words}>{ symbol }</span>
                <bdi class="xc-code">{ &item.code }</bdi>{ " " }
                <span lang="en" dir="ltr">{ &item.text }</span>
            </div>
            if !item.when.is_empty() {
                <ul class="xc-criteria">{ for item.when.iter().map(|c| html! { <li dir="ltr">{ condition_text(l, entry, c) }</li> }) }</ul>
            }
            if !item.cas.is_empty() { <p class="xc-cas">{ Msg::new("ui.entry.cas").texts("cas", &item.cas).render(l) }</p> }
            if let Some(see) = &item.see { <p class="xc-see">{ Msg::new("ui.entry.see").text("target", target(l, see)).render(l) }</p> }
            if let Some(why) = &item.unverified { <p class="xc-unverified">{ Msg::new("ui.entry.unverified").text("why", why).render(l) }</p> }
            if let Some(by) = released { <p class="xc-released">{ Msg::new("ui.entry.released_by").text("by", by).render(l) }</p> }
            { for entry.notes_on(&item.code).map(|n| html! {
                <div class={classes!("xc-note", format!("xc-note-{:?}", n.kind).to_lowercase())}>
                    <strong>{ Msg::new("ui.entry.note_head").text("label", &n.label).msg("kind", note_kind(n.kind)).render(l) }</strong>
                    { " " }<span lang="en" dir="ltr">{ &n.text }</span>
                    if !n.refers.is_empty() { { format!(" → {}", n.refers.iter().map(|r| target(l, r)).collect::<Vec<_>>().join(l.t("list.separator"))) } }
                    if let Some(why) = &n.unverified { <span class="xc-unverified">{ " " }{ Msg::new("ui.entry.unverified").text("why", why).render(l) }</span> }
                </div>
            }) }
            if !item.children.is_empty() {
                <p class="xc-combine">{ match item.combine { Combine::Any => l.t("ui.entry.any"), Combine::All => l.t("ui.entry.all") } }</p>
                <ul role="group">{ for item.children.iter().map(|c| item_html(l, entry, *c, det)) }</ul>
            }
        </li>
    }
}

fn note_kind(kind: NoteKind) -> Msg {
    Msg::new(match kind {
        NoteKind::Note => "ui.note.note",
        NoteKind::Decontrol => "ui.note.decontrol",
        NoteKind::Technical => "ui.note.technical",
        NoteKind::SeeAlso => "ui.note.see_also",
    })
}

/// A criterion in words: "Multiphase output power ≥ 40 W". Criteria and findings are shown
/// left to right in every language: they are the list's English wording and a comparison,
/// which would read backwards if the bidirectional algorithm reordered its parts.
fn condition_text(l: Lang, entry: &Entry, c: &Condition) -> String {
    let question = |q: &String| entry.question(q).map_or(q.clone(), |q| q.text.clone());
    let all = |list: &[Condition]| {
        list.iter()
            .map(|x| condition_text(l, entry, x))
            .collect::<Vec<_>>()
            .join("; ")
    };
    match c {
        Condition::Threshold(t) => {
            let label = entry
                .param(&t.param)
                .map_or(t.param.as_str(), |p| p.label.as_str());
            let key = if t.unverified.is_some() {
                "ui.condition.threshold_unverified"
            } else {
                "ui.condition.threshold"
            };
            Msg::new(key)
                .text("label", label)
                .text("bound", t.bound.symbol())
                .figure("limit", &t.shown)
                .text("why", t.unverified.clone().unwrap_or_default())
                .render(l)
        }
        Condition::Ask(q) => question(q),
        Condition::AskNot(q) => Msg::new("ui.condition.not")
            .text("question", question(q))
            .render(l),
        Condition::Any(list) => Msg::new("ui.condition.any")
            .text("list", all(list))
            .render(l),
        Condition::All(list) => Msg::new("ui.condition.all")
            .text("list", all(list))
            .render(l),
    }
}
