//! Step 2a: the entry as the list states it, in our words: its tree of sub-items with their
//! criteria, notes, technical notes, decontrol notes and cross-references, the related
//! software and technology entries, and how each sub-item came out for the user's item.

use super::state::Action;
use super::Dispatch;
use crate::bundled;
use crate::engine::determination::Determination;
use crate::engine::evaluate::Truth;
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
    let list = bundled::list();
    let Some(entry) = list.entry(&props.code) else {
        return html! {};
    };
    let related: Vec<&String> = entry.related.iter().collect();
    html! {
        <section class="xc-step" aria-labelledby="xc-entry">
            <h2 id="xc-entry">{ format!("2. Entry {}", entry.code) }</h2>
            <p class="xc-meta">
                { format!("Category {} · group {} · {} ", entry.category, entry.group, entry.regime.name()) }
                if let Some(us) = &entry.us_eccn { { format!("· US ECCN {us} ") } }
                { format!("· source: {}", list.citation(&entry.code)) }
            </p>
            <p class="xc-lang-note">{ "Descriptions are in our own plain English, not the official wording; the official text prevails." }</p>
            if let Some(part) = &entry.not_encoded {
                <p class="xc-warning">{ format!("Not encoded in this tool yet: {part}.") }</p>
            }
            <ul class="xc-tree" role="tree" aria-label={format!("Sub-items of {}", entry.code)}>
                { item_html(entry, 0, &props.determination) }
            </ul>
            if !related.is_empty() {
                <p class="xc-related">{ "Related entries: " }
                    { for related.iter().map(|code| {
                        let encoded = list.entry(code).is_some();
                        let c = (*code).clone();
                        let onclick = props.dispatch.reform(move |_| Action::SelectEntry(c.clone()));
                        if encoded {
                            html! { <button type="button" class="xc-link" {onclick}>{ code.as_str() }</button> }
                        } else {
                            html! { <span class="xc-muted">{ format!("{code} (not encoded yet) ") }</span> }
                        }
                    }) }
                </p>
            }
        </section>
    }
}

fn mark(t: Truth) -> (&'static str, &'static str) {
    match t {
        Truth::Yes => ("✔", "matches"),
        Truth::No => ("✘", "does not match"),
        Truth::Unknown => ("?", "not decided yet"),
    }
}

fn item_html(entry: &Entry, index: usize, det: &Determination) -> Html {
    let item = &entry.items[index];
    let result = &det.evaluation.items[index];
    let (symbol, words) = mark(result.status);
    let released = result
        .released_by
        .as_ref()
        .filter(|_| result.caught == Truth::Yes);
    html! {
        <li role="treeitem" aria-expanded="true" class={classes!("xc-item", format!("xc-{:?}", result.status).to_lowercase())} data-item={item.code.clone()}>
            <div class="xc-item-head">
                <span class="xc-mark" aria-label={words} title={words}>{ symbol }</span>
                <strong class="xc-code">{ &item.code }</strong>
                <span>{ &item.text }</span>
            </div>
            if !item.when.is_empty() {
                <ul class="xc-criteria">{ for item.when.iter().map(|c| html! { <li>{ condition_text(entry, c) }</li> }) }</ul>
            }
            if !item.cas.is_empty() { <p class="xc-cas">{ format!("CAS {}", item.cas.join(", ")) }</p> }
            if let Some(see) = &item.see { <p class="xc-see">{ format!("See {}", if see == "ML" { "the Common Military List" } else { see }) }</p> }
            if let Some(why) = &item.unverified { <p class="xc-unverified">{ format!("⚠ Unverified: {why}") }</p> }
            if let Some(by) = released { <p class="xc-released">{ format!("Released by {by}") }</p> }
            { for entry.notes_on(&item.code).map(|n| html! {
                <div class={classes!("xc-note", format!("xc-note-{:?}", n.kind).to_lowercase())}>
                    <strong>{ format!("{} ({}): ", n.label, note_kind(n.kind)) }</strong>{ &n.text }
                    if !n.refers.is_empty() { { format!(" → {}", n.refers.iter().map(|r| if r == "ML" { "Common Military List" } else { r.as_str() }).collect::<Vec<_>>().join(", ")) } }
                    if let Some(why) = &n.unverified { <span class="xc-unverified">{ format!(" ⚠ Unverified: {why}") }</span> }
                </div>
            }) }
            if !item.children.is_empty() {
                <p class="xc-combine">{ match item.combine { Combine::Any => "Any of:", Combine::All => "All of:" } }</p>
                <ul role="group">{ for item.children.iter().map(|c| item_html(entry, *c, det)) }</ul>
            }
        </li>
    }
}

fn note_kind(kind: NoteKind) -> &'static str {
    match kind {
        NoteKind::Note => "note",
        NoteKind::Decontrol => "releases items",
        NoteKind::Technical => "technical note",
        NoteKind::SeeAlso => "see also",
    }
}

/// A criterion in words: "Multiphase output power ≥ 40 W".
pub fn condition_text(entry: &Entry, c: &Condition) -> String {
    match c {
        Condition::Threshold(t) => {
            let label = entry
                .param(&t.param)
                .map_or(t.param.as_str(), |p| p.label.as_str());
            let mark = t
                .unverified
                .as_ref()
                .map(|u| format!(" (⚠ unverified: {u})"))
                .unwrap_or_default();
            format!("{label} {} {}{mark}", t.bound.symbol(), t.shown)
        }
        Condition::Ask(q) => entry.question(q).map_or(q.clone(), |q| q.text.clone()),
        Condition::AskNot(q) => format!(
            "Not: {}",
            entry.question(q).map_or(q.as_str(), |q| q.text.as_str())
        ),
        Condition::Any(l) => format!(
            "any of: {}",
            l.iter()
                .map(|x| condition_text(entry, x))
                .collect::<Vec<_>>()
                .join("; ")
        ),
        Condition::All(l) => format!(
            "all of: {}",
            l.iter()
                .map(|x| condition_text(entry, x))
                .collect::<Vec<_>>()
                .join("; ")
        ),
    }
}
