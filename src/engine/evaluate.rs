//! Evaluating one entry against an item's figures and answers.
//!
//! What it does: walks the entry's tree and decides, for every sub-item, whether the item is
//! caught, not caught, released by a note, or still undecided, with the reason for each. It
//! never fails: an unknown figure or answer makes a criterion undecided, and the undecided
//! criteria become the questions the user is asked next, most deciding first.
//!
//! Why three-valued: "not listed" may only be said when every branch is decided. A missing
//! figure must never read as "below the threshold".

use crate::i18n::Msg;
use crate::list::model::{Combine, Condition, ControlList, Entry, NoteKind, Threshold};
use crate::list::units::{find_unit, Dimension, Unit};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What the user has told us about their item, for one entry.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Facts {
    /// Parameter id to value in the base unit of its dimension.
    pub values: BTreeMap<String, f64>,
    /// Question id to the yes/no answer.
    pub answers: BTreeMap<String, bool>,
    /// The item's CAS number, for chemical entries.
    pub cas: Option<String>,
}

/// Three-valued truth: decided yes, decided no, or not yet known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Truth {
    Yes,
    No,
    Unknown,
}

impl Truth {
    fn from_bool(b: bool) -> Truth {
        if b {
            Truth::Yes
        } else {
            Truth::No
        }
    }

    fn and(items: impl IntoIterator<Item = Truth>) -> Truth {
        let mut out = Truth::Yes;
        for t in items {
            match t {
                Truth::No => return Truth::No,
                Truth::Unknown => out = Truth::Unknown,
                Truth::Yes => {}
            }
        }
        out
    }

    fn or(items: impl IntoIterator<Item = Truth>) -> Truth {
        let mut out = Truth::No;
        for t in items {
            match t {
                Truth::Yes => return Truth::Yes,
                Truth::Unknown => out = Truth::Unknown,
                Truth::No => {}
            }
        }
        out
    }
}

/// Something the engine still needs from the user.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Missing {
    Value(String),
    Answer(String),
    Cas,
}

/// One criterion and how it came out, for the explanation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub truth: Truth,
    /// Decided by a figure or a CAS number (not by a yes/no answer).
    pub measured: bool,
    /// E.g. "Peak saturated power output: 60 W > 40 W — met".
    pub text: Msg,
    pub unverified: Option<String>,
}

/// How one item came out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemResult {
    pub code: String,
    /// Whether the item's own criteria and its sub-items catch the item (before releases).
    pub caught: Truth,
    /// Whether a note on it or on a parent releases it.
    pub released_by: Option<String>,
    /// Final: caught and not released.
    pub status: Truth,
    pub findings: Vec<Finding>,
}

/// The outcome of evaluating one entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    pub entry: String,
    pub items: Vec<ItemResult>,
    /// The most specific items that catch the item.
    pub listed: Vec<String>,
    /// Notes (with their items) that released the item where it would otherwise be caught.
    pub released: Vec<String>,
    /// What is still needed, most deciding first.
    pub missing: Vec<Missing>,
}

impl Evaluation {
    pub fn outcome(&self) -> Truth {
        if !self.listed.is_empty() {
            Truth::Yes
        } else if !self.missing.is_empty() {
            Truth::Unknown
        } else {
            Truth::No
        }
    }
}

struct Ctx<'a> {
    list: &'a ControlList,
    entry: &'a Entry,
    facts: &'a Facts,
}

/// How a decontrol note on an item came out.
#[derive(Clone)]
enum Release {
    No,
    Unknown,
    By(String),
}

/// Evaluates `entry` against `facts`.
pub fn evaluate(list: &ControlList, entry: &Entry, facts: &Facts) -> Evaluation {
    let ctx = Ctx { list, entry, facts };
    let mut results: Vec<Option<ItemResult>> = vec![None; entry.items.len()];
    let mut releases = vec![Release::No; entry.items.len()];
    eval_item(&ctx, 0, None, &mut results, &mut releases);
    let items: Vec<ItemResult> = results.into_iter().flatten().collect();

    let mut listed = Vec::new();
    collect_listed(entry, 0, &items, &mut listed);
    let mut released = Vec::new();
    for (i, r) in items.iter().enumerate() {
        let item = &entry.items[i];
        let parent_released = item.parent.is_some_and(|p| items[p].released_by.is_some());
        if let (Truth::Yes, Some(by), false) = (r.caught, &r.released_by, parent_released) {
            if !released.contains(by) {
                released.push(by.clone());
            }
        }
    }
    let mut missing: BTreeMap<Missing, u32> = BTreeMap::new();
    if listed.is_empty() {
        collect_missing(&ctx, 0, &items, &releases, &mut missing);
    }
    if !listed.is_empty() || items[0].status == Truth::Unknown {
        match general_release(&ctx, &items, &mut missing) {
            Some(by) if !listed.is_empty() => {
                released.push(by);
                listed.clear();
            }
            _ => {}
        }
    }
    let mut missing: Vec<(Missing, u32)> = missing.into_iter().collect();
    missing.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Evaluation {
        entry: entry.code.clone(),
        items,
        listed,
        released,
        missing: missing.into_iter().map(|(m, _)| m).collect(),
    }
}

/// The most specific items that catch the item. Under an "all of the following" item the
/// sub-items are criteria of that item, not alternatives, so the item itself is reported.
fn collect_listed(entry: &Entry, index: usize, items: &[ItemResult], out: &mut Vec<String>) {
    if items[index].status != Truth::Yes {
        return;
    }
    let item = &entry.items[index];
    let listed_children: Vec<usize> = item
        .children
        .iter()
        .copied()
        .filter(|c| items[*c].status == Truth::Yes)
        .collect();
    if item.combine == Combine::All || listed_children.is_empty() {
        out.push(item.code.clone());
    } else {
        for c in listed_children {
            collect_listed(entry, c, items, out);
        }
    }
}

/// Applies the General Technology / Software / Nuclear Technology Note releases to software
/// and technology entries that would otherwise catch the item. Returns the release that the
/// user's answers make apply; records the unanswered ones as missing.
fn general_release(
    ctx: &Ctx,
    items: &[ItemResult],
    missing: &mut BTreeMap<Missing, u32>,
) -> Option<String> {
    if !ctx.entry.is_software_or_technology() || items[0].caught == Truth::No {
        return None;
    }
    let mut unanswered = Vec::new();
    for r in applicable_releases(ctx.list, ctx.entry) {
        match ctx.facts.answers.get(&r.id) {
            Some(true) => return Some(format!("{} ({})", r.note, r.id)),
            Some(false) => {}
            None => unanswered.push(r.id.clone()),
        }
    }
    for id in unanswered {
        missing.entry(Missing::Answer(id)).or_insert(1);
    }
    None
}

/// The general-note releases that apply to a software or technology entry.
pub fn applicable_releases<'a>(
    list: &'a ControlList,
    entry: &'a Entry,
) -> impl Iterator<Item = &'a crate::list::model::GeneralRelease> + 'a {
    list.general_releases.iter().filter(move |r| {
        r.groups.contains(&entry.group)
            && (r.categories.is_empty() || r.categories.contains(&entry.category))
            && !r
                .except_entries
                .iter()
                .any(|p| entry.code.starts_with(p.as_str()))
    })
}

fn eval_item(
    ctx: &Ctx,
    index: usize,
    inherited: Option<String>,
    out: &mut Vec<Option<ItemResult>>,
    releases: &mut Vec<Release>,
) {
    let item = &ctx.entry.items[index];
    let mut findings = Vec::new();
    let own = own_truth(ctx, index, &mut findings);

    let release = match inherited {
        Some(by) => Release::By(by),
        None => decontrol(ctx, &item.code),
    };
    let pass_down = match &release {
        Release::By(by) => Some(by.clone()),
        _ => None,
    };
    for c in &item.children {
        eval_item(ctx, *c, pass_down.clone(), out, releases);
    }
    let combine = |pick: fn(&ItemResult) -> Truth| {
        if item.children.is_empty() {
            return Truth::Yes;
        }
        let truths = item
            .children
            .iter()
            .map(|c| out[*c].as_ref().map_or(Truth::Unknown, pick));
        match item.combine {
            Combine::Any => Truth::or(truths),
            Combine::All => Truth::and(truths),
        }
    };
    let caught = Truth::and([own, combine(|r| r.caught)]);
    let unreleased = Truth::and([own, combine(|r| r.status)]);
    let status = match &release {
        Release::By(_) => Truth::No,
        Release::Unknown if unreleased == Truth::Yes => Truth::Unknown,
        _ => unreleased,
    };
    out[index] = Some(ItemResult {
        code: item.code.clone(),
        caught,
        released_by: pass_down,
        status,
        findings,
    });
    releases[index] = release;
}

/// The item's own criteria: its conditions, its CAS number, and whether it only points elsewhere.
fn own_truth(ctx: &Ctx, index: usize, findings: &mut Vec<Finding>) -> Truth {
    let item = &ctx.entry.items[index];
    let mut own: Vec<Truth> = item
        .when
        .iter()
        .map(|c| eval_condition(ctx, c, findings))
        .collect();
    if !item.cas.is_empty() {
        let by_cas = match &ctx.facts.cas {
            Some(given) => {
                let found = item
                    .cas
                    .iter()
                    .find(|c| normalise_cas(given) == normalise_cas(c));
                let t = Truth::from_bool(found.is_some());
                findings.push(Finding {
                    truth: t,
                    measured: true,
                    text: match found {
                        Some(c) => Msg::new("finding.cas_equal")
                            .text("given", given)
                            .text("cas", c),
                        None => Msg::new("finding.cas_differs")
                            .text("given", given)
                            .texts("cas", &item.cas),
                    },
                    unverified: None,
                });
                t
            }
            None => Truth::Unknown,
        };
        let alternative = item
            .cas_or_ask
            .as_ref()
            .map(|q| eval_condition(ctx, &Condition::Ask(q.clone()), findings));
        own.push(match alternative {
            Some(a) => Truth::or([by_cas, a]),
            None => by_cas,
        });
    }
    if item.see.is_some() {
        // A pointer elsewhere ("SEE MILITARY GOODS CONTROLS") does not control here.
        own.push(Truth::No);
    }
    Truth::and(own)
}

/// Whether a decontrol note attached to `code` releases the item.
fn decontrol(ctx: &Ctx, code: &str) -> Release {
    let mut out = Release::No;
    for note in ctx
        .entry
        .notes_on(code)
        .filter(|n| n.kind == NoteKind::Decontrol)
    {
        let mut scratch = Vec::new();
        let t = Truth::and(
            note.release_when
                .iter()
                .map(|c| eval_condition(ctx, c, &mut scratch))
                .collect::<Vec<_>>(),
        );
        match t {
            Truth::Yes => return Release::By(format!("{code} {}", note.label)),
            Truth::Unknown => out = Release::Unknown,
            Truth::No => {}
        }
    }
    out
}

/// Collects the facts that could still change the outcome: only in undecided items, and
/// weighted so that criteria higher in the tree (which decide more) come first.
fn collect_missing(
    ctx: &Ctx,
    index: usize,
    items: &[ItemResult],
    releases: &[Release],
    missing: &mut BTreeMap<Missing, u32>,
) {
    if items[index].status != Truth::Unknown {
        return;
    }
    let item = &ctx.entry.items[index];
    let weight = 100u32.saturating_sub(ctx.entry.path(index).len() as u32 * 10);
    for c in &item.when {
        record_missing(ctx, c, weight, missing);
    }
    if !item.cas.is_empty() && ctx.facts.cas.is_none() {
        *missing.entry(Missing::Cas).or_insert(0) += weight;
    }
    if let Some(q) = &item.cas_or_ask {
        record_missing(ctx, &Condition::Ask(q.clone()), weight, missing);
    }
    if matches!(releases[index], Release::Unknown) && items[index].caught != Truth::No {
        for note in ctx
            .entry
            .notes_on(&item.code)
            .filter(|n| n.kind == NoteKind::Decontrol)
        {
            for c in &note.release_when {
                record_missing(ctx, c, weight / 2, missing);
            }
        }
    }
    for c in &item.children {
        collect_missing(ctx, *c, items, releases, missing);
    }
}

fn record_missing(ctx: &Ctx, c: &Condition, weight: u32, missing: &mut BTreeMap<Missing, u32>) {
    match c {
        Condition::Threshold(th) if !ctx.facts.values.contains_key(&th.param) => {
            *missing.entry(Missing::Value(th.param.clone())).or_insert(0) += weight;
        }
        Condition::Ask(q) | Condition::AskNot(q) if !ctx.facts.answers.contains_key(q) => {
            *missing.entry(Missing::Answer(q.clone())).or_insert(0) += weight;
        }
        Condition::Any(list) | Condition::All(list) => {
            for x in list {
                record_missing(ctx, x, weight, missing);
            }
        }
        _ => {}
    }
}

fn eval_condition(ctx: &Ctx, c: &Condition, findings: &mut Vec<Finding>) -> Truth {
    match c {
        Condition::Threshold(th) => eval_threshold(ctx, th, findings),
        Condition::Ask(q) | Condition::AskNot(q) => {
            let want = matches!(c, Condition::Ask(_));
            match ctx.facts.answers.get(q) {
                Some(a) => {
                    let t = Truth::from_bool(*a == want);
                    let text = ctx
                        .entry
                        .question(q)
                        .map_or(q.as_str(), |x| x.text.as_str());
                    findings.push(Finding {
                        truth: t,
                        measured: false,
                        text: Msg::new(if *a {
                            "finding.answer_yes"
                        } else {
                            "finding.answer_no"
                        })
                        .text("question", text),
                        unverified: None,
                    });
                    t
                }
                None => Truth::Unknown,
            }
        }
        Condition::Any(list) => {
            let ts: Vec<Truth> = list
                .iter()
                .map(|x| eval_condition(ctx, x, findings))
                .collect();
            Truth::or(ts)
        }
        Condition::All(list) => {
            let ts: Vec<Truth> = list
                .iter()
                .map(|x| eval_condition(ctx, x, findings))
                .collect();
            Truth::and(ts)
        }
    }
}

fn eval_threshold(ctx: &Ctx, th: &Threshold, findings: &mut Vec<Finding>) -> Truth {
    let Some(value) = ctx.facts.values.get(&th.param) else {
        return Truth::Unknown;
    };
    let param = ctx.entry.param(&th.param);
    let label = param.map_or(th.param.as_str(), |p| p.label.as_str());
    let dimension = param.map_or(Dimension::Count, |p| p.dimension);
    let t = Truth::from_bool(th.bound.holds(*value, th.value));
    findings.push(Finding {
        truth: t,
        measured: true,
        text: Msg::new(if t == Truth::Yes {
            "finding.threshold_met"
        } else {
            "finding.threshold_not_met"
        })
        .text("label", label)
        .figure("value", format_value(*value, dimension))
        .text("bound", th.bound.symbol())
        .figure("limit", &th.shown),
        unverified: th.unverified.clone(),
    });
    t
}

/// The units a value of each dimension is shown in, largest first; their factors come from
/// the unit table, so no conversion is written twice.
fn display_units(dimension: Dimension) -> &'static [&'static str] {
    use Dimension as D;
    match dimension {
        D::Frequency => &["THz", "GHz", "MHz", "kHz", "Hz"],
        D::Power => &["MW", "kW", "W", "mW"],
        D::ApparentPower => &["MVA", "kVA", "VA"],
        D::Length => &["m", "mm", "µm", "nm"],
        D::Time => &["s", "ms", "µs", "ns", "ps"],
        D::Energy => &["kJ", "J", "mJ", "µJ", "MeV", "keV", "eV"],
        D::Volume => &["m³", "l", "cm³"],
        D::VolumeFlow => &["m³/h", "l/h"],
        D::Density => &["g/cm³", "kg/m³"],
        D::MassFlow => &["kg/h", "g/h"],
        D::Resistance => &["MΩ", "kΩ", "Ω", "mΩ"],
        D::Capacitance => &["F", "mF", "µF", "nF", "pF"],
        D::Inductance => &["H", "mH", "µH", "nH"],
        D::MagneticFluxDensity => &["T", "mT", "µT"],
        D::Activity => &["TBq", "GBq", "MBq", "kBq", "Bq"],
        D::SpecificEnergy => &["MJ/kg", "kJ/kg", "J/kg"],
        D::SpecificPower => &["kW/kg", "W/kg"],
        D::CurrentDensity => &["A/mm²", "A/cm²", "A/m²"],
        _ => &[],
    }
}

/// Shows a base-unit value back in a readable unit: the largest display unit the value
/// reaches (the smallest one for tiny values).
pub fn format_value(value: f64, dimension: Dimension) -> String {
    match dimension {
        Dimension::Temperature => return format!("{} °C", trim_number(value - 273.15)),
        Dimension::Ratio => return format!("{} %", trim_number(value * 100.0)),
        Dimension::Count | Dimension::Number => return trim_number(value),
        _ => {}
    }
    let units: Vec<&Unit> = display_units(dimension)
        .iter()
        .filter_map(|s| find_unit(s, dimension))
        .collect();
    let chosen = units
        .iter()
        .find(|u| value.abs() >= u.factor)
        .or(units.last());
    match chosen {
        Some(u) => format!("{} {}", trim_number(value / u.factor), u.symbols[0]),
        None => format!("{} {}", trim_number(value), dimension.base_unit()),
    }
}

fn trim_number(v: f64) -> String {
    let s = format!("{:.6}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// CAS numbers compare without hyphens or spaces.
pub fn normalise_cas(cas: &str) -> String {
    cas.chars().filter(char::is_ascii_digit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::list::units::UNITS;

    #[test]
    fn display_units_exist_and_are_shown_as_named() {
        for u in UNITS {
            for symbol in display_units(u.dimension) {
                let unit =
                    find_unit(symbol, u.dimension).unwrap_or_else(|| panic!("{symbol} is a unit"));
                assert_eq!(
                    unit.symbols[0], *symbol,
                    "{symbol} is shown under its own name"
                );
            }
        }
    }

    #[test]
    fn values_read_back_in_a_readable_unit() {
        assert_eq!(format_value(10e9, Dimension::Frequency), "10 GHz");
        assert_eq!(format_value(2500.0, Dimension::ApparentPower), "2.5 kVA");
        assert_eq!(format_value(0.1, Dimension::Volume), "100 l");
        assert_eq!(
            format_value(20e3 * 1.602176634e-19, Dimension::Energy),
            "20 keV"
        );
        assert_eq!(format_value(0.001, Dimension::Ratio), "0.1 %");
        assert_eq!(format_value(398.15, Dimension::Temperature), "125 °C");
    }
}
