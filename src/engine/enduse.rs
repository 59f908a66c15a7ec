//! The end-use, end-user and destination check: which authorisation the export needs.
//!
//! What it does: from the item's classification, the destination and the answers to the
//! Article 4 questions, it says: no authorisation needed under the Regulation, a Union
//! general export authorisation can be used (with its conditions), an authorisation is needed
//! (and on which article), the export is prohibited by restrictive measures, or the exporter
//! must contact the authority. Every step carries its legal citation.
//!
//! Why these steps, in this order: restrictive measures (sanctions) override everything;
//! within the Union there is no export, only Annex IV transfers; a listed item needs an
//! authorisation (Article 3) that a general authorisation may provide unless Article 4 facts
//! exclude it; an unlisted item needs one only under the catch-all (Article 4).

use super::cite;
use crate::i18n::{Arg, Msg};
use crate::list::measures::{covered_by, Country, Measures, RestrictionKind};
use serde::{Deserialize, Serialize};

/// The answers to the end-use questions. `None` means not answered yet.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndUseAnswers {
    /// ISO 3166-1 alpha-2 code of the country of final destination.
    pub destination: Option<String>,
    /// Art. 4(1)(a): informed by the authority of a use for WMD or their delivery missiles.
    pub informed_wmd: Option<bool>,
    /// Art. 4(1)(b): informed of a military end use, where the destination is under an arms embargo.
    pub informed_military: Option<bool>,
    /// Art. 4(1)(c): informed that the items are parts of military items exported illegally.
    pub informed_illegal_military: Option<bool>,
    /// Art. 4(2): aware, from the exporter's own due diligence, of any such use.
    pub aware: Option<bool>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    /// No authorisation needed under Regulation (EU) 2021/821 on the answers given.
    NoAuthorisation,
    /// A Union general export authorisation covers the export, under its conditions.
    GeneralAuthorisation,
    /// An individual or global authorisation is needed: apply with the draft.
    AuthorisationRequired,
    /// Restrictive measures prohibit the export.
    Prohibited,
    /// The exporter must notify or ask the competent authority before exporting.
    ContactAuthority,
    /// More answers are needed.
    Incomplete,
}

/// One step of the reasoning, with its source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub text: Msg,
    pub citation: Msg,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EndUseOutcome {
    pub verdict: Verdict,
    /// The general authorisation that applies, e.g. "EU001".
    pub general_authorisation: Option<String>,
    pub steps: Vec<Step>,
    /// Which answers are still needed (field names of [`EndUseAnswers`]).
    pub missing: Vec<String>,
}

fn step(text: Msg, citation: Msg) -> Step {
    Step { text, citation }
}

/// The destination as a message argument, so that it is named in the user's language.
fn country(c: &Country) -> Arg {
    Arg::Country(c.code.clone(), c.name.clone())
}

/// Decides the end-use outcome. `listed` holds the control codes the item is listed under
/// (empty if not listed in Annex I).
pub fn check(measures: &Measures, listed: &[String], answers: &EndUseAnswers) -> EndUseOutcome {
    let mut steps = Vec::new();
    let mut missing = Vec::new();
    let Some(dest_code) = answers.destination.as_deref() else {
        return EndUseOutcome {
            verdict: Verdict::Incomplete,
            general_authorisation: None,
            steps,
            missing: vec!["destination".into()],
        };
    };
    let Some(dest) = measures.country(dest_code) else {
        return EndUseOutcome {
            verdict: Verdict::Incomplete,
            general_authorisation: None,
            steps: vec![step(
                Msg::new("enduse.unknown_country").text("code", dest_code),
                cite::data("ISO 3166-1"),
            )],
            missing: vec!["destination".into()],
        };
    };

    // Restrictive measures first: they can prohibit what the Regulation would allow.
    let mut prohibited = false;
    let mut embargo = false;
    for r in measures.restrictions(&dest.code) {
        let key = match (r.kind, &r.unverified) {
            (RestrictionKind::ArmsEmbargo, None) => "enduse.embargo",
            (RestrictionKind::ArmsEmbargo, Some(_)) => "enduse.embargo_unverified",
            (_, None) => "enduse.restriction",
            (_, Some(_)) => "enduse.restriction_unverified",
        };
        match r.kind {
            RestrictionKind::DualUseBan if !listed.is_empty() => prohibited = true,
            RestrictionKind::ArmsEmbargo => embargo = true,
            _ => {}
        }
        let text = Msg::new(key)
            .arg("country", country(dest))
            .text("summary", &r.summary)
            .text("why", r.unverified.clone().unwrap_or_default());
        steps.push(step(text, cite::data(&r.instrument)));
    }

    if dest.eu {
        let part2 = listed
            .iter()
            .any(|c| covered_by(c, &measures.annex_iv_part_2));
        let part1 = listed
            .iter()
            .any(|c| covered_by(c, &measures.annex_iv_part_1));
        let (verdict, key) = if part2 {
            (Verdict::AuthorisationRequired, "enduse.eu_annex_iv_part_2")
        } else if part1 {
            (Verdict::AuthorisationRequired, "enduse.eu_annex_iv_part_1")
        } else {
            (Verdict::NoAuthorisation, "enduse.eu_transfer")
        };
        steps.push(step(
            Msg::new(key).arg("country", country(dest)),
            Msg::new("cite.article_11_and").text("source", &measures.annex_iv_source),
        ));
        return EndUseOutcome {
            verdict,
            general_authorisation: None,
            steps,
            missing,
        };
    }

    let informed = [
        ("informed_wmd", answers.informed_wmd, "enduse.use.wmd"),
        (
            "informed_military",
            answers.informed_military,
            "enduse.use.military",
        ),
        (
            "informed_illegal_military",
            answers.informed_illegal_military,
            "enduse.use.illegal_military",
        ),
    ];
    let mut informed_of = Vec::new();
    for (field, answer, what) in informed {
        match answer {
            Some(true) => {
                if field == "informed_military" && !embargo {
                    steps.push(step(
                        Msg::new("enduse.military_without_embargo").arg("country", country(dest)),
                        cite::article("4(1)(b), 2(19)"),
                    ));
                }
                informed_of.push(Arg::Msg(Box::new(Msg::new(what))));
            }
            Some(false) => {}
            None => missing.push(field.to_string()),
        }
    }
    if answers.aware.is_none() {
        missing.push("aware".to_string());
    }
    if !missing.is_empty() && !prohibited {
        return EndUseOutcome {
            verdict: Verdict::Incomplete,
            general_authorisation: None,
            steps,
            missing,
        };
    }
    if prohibited {
        steps.push(step(
            Msg::new("enduse.prohibited"),
            Msg::new("cite.instruments_above"),
        ));
        return EndUseOutcome {
            verdict: Verdict::Prohibited,
            general_authorisation: None,
            steps,
            missing,
        };
    }
    let aware = answers.aware == Some(true);

    // Inside the customs territory of the Union without being a Member State (Monaco): no
    // export procedure, so Articles 3 and 4 do not apply as such; whether a listed item (or one
    // with Article 4 facts) needs an authorisation is the authority's call.
    if dest.customs_territory {
        let ask = !listed.is_empty() || !informed_of.is_empty() || aware;
        let key = if ask {
            "enduse.customs_territory_ask"
        } else {
            "enduse.customs_territory"
        };
        steps.push(step(
            Msg::new(key).arg("country", country(dest)),
            Msg::new("cite.customs_territory"),
        ));
        let verdict = if ask {
            Verdict::ContactAuthority
        } else {
            Verdict::NoAuthorisation
        };
        return outcome(verdict, None, steps);
    }

    if listed.is_empty() {
        if !informed_of.is_empty() {
            steps.push(step(
                Msg::new("enduse.catch_all_informed").arg("uses", Arg::List(informed_of)),
                cite::article("4(1)"),
            ));
            return outcome(Verdict::AuthorisationRequired, None, steps);
        }
        if aware {
            steps.push(step(
                Msg::new("enduse.catch_all_aware"),
                cite::article("4(2)"),
            ));
            return outcome(Verdict::ContactAuthority, None, steps);
        }
        steps.push(step(
            Msg::new("enduse.not_listed_no_facts"),
            cite::article("3, 4"),
        ));
        return outcome(Verdict::NoAuthorisation, None, steps);
    }

    steps.push(step(
        Msg::new("enduse.listed").texts("codes", listed),
        cite::article("3(1)"),
    ));
    if !informed_of.is_empty() || aware {
        steps.push(step(
            Msg::new("enduse.no_general_after_article_4"),
            Msg::new("cite.annex_ii_common_conditions"),
        ));
        return outcome(Verdict::AuthorisationRequired, None, steps);
    }
    let in_section_i = listed.iter().any(|c| {
        covered_by(c, &measures.section_i)
            || covered_by(c, &measures.annex_iv_part_1)
            || covered_by(c, &measures.annex_iv_part_2)
    });
    // No general authorisation for a destination under an arms embargo (EU008 excludes them
    // expressly; the others do not list such destinations).
    let usable = measures.general_authorisation.iter().find(|g| {
        !embargo
            && g.only_for.is_none()
            && g.destinations.iter().any(|d| d == &dest.code)
            && listed.iter().all(|c| {
                (g.items.is_empty() || covered_by(c, &g.items))
                    && !covered_by(c, &g.excluded_items)
                    && !(g.excludes_software_and_technology
                        && matches!(c.as_bytes().get(1), Some(b'D' | b'E')))
            })
            && !in_section_i
    });
    if let Some(g) = usable {
        steps.push(step(
            Msg::new("enduse.general_authorisation")
                .text("id", &g.id)
                .text("title", &g.title)
                .arg("country", country(dest)),
            cite::data(&g.source),
        ));
        for c in &g.conditions {
            steps.push(step(
                Msg::new("enduse.condition").text("condition", c),
                cite::data(&g.source),
            ));
        }
        return outcome(Verdict::GeneralAuthorisation, Some(g.id.clone()), steps);
    }
    if in_section_i {
        steps.push(step(
            Msg::new("enduse.section_i"),
            cite::data(&measures.section_i_source),
        ));
    }
    steps.push(step(
        Msg::new("enduse.apply").arg("country", country(dest)),
        cite::article("12"),
    ));
    outcome(Verdict::AuthorisationRequired, None, steps)
}

fn outcome(
    verdict: Verdict,
    general_authorisation: Option<String>,
    steps: Vec<Step>,
) -> EndUseOutcome {
    EndUseOutcome {
        verdict,
        general_authorisation,
        steps,
        missing: Vec::new(),
    }
}
