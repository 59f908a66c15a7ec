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

use crate::list::measures::{covered_by, Measures, RestrictionKind};
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub text: String,
    pub citation: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndUseOutcome {
    pub verdict: Verdict,
    /// The general authorisation that applies, e.g. "EU001".
    pub general_authorisation: Option<String>,
    pub steps: Vec<Step>,
    /// Which answers are still needed (field names of [`EndUseAnswers`]).
    pub missing: Vec<String>,
}

const REG: &str = "Regulation (EU) 2021/821";

fn step(text: impl Into<String>, citation: impl Into<String>) -> Step {
    Step {
        text: text.into(),
        citation: citation.into(),
    }
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
                format!("'{dest_code}' is not a country code this tool knows."),
                "ISO 3166-1",
            )],
            missing: vec!["destination".into()],
        };
    };

    // Restrictive measures first: they can prohibit what the Regulation would allow.
    let mut prohibited = false;
    let mut embargo = false;
    for r in measures.restrictions(&dest.code) {
        let mark = r
            .unverified
            .as_ref()
            .map(|u| format!(" (not verified: {u})"))
            .unwrap_or_default();
        match r.kind {
            RestrictionKind::DualUseBan if !listed.is_empty() => {
                prohibited = true;
                steps.push(step(
                    format!("{}: {}{mark}", dest.name, r.summary),
                    r.instrument.clone(),
                ));
            }
            RestrictionKind::ArmsEmbargo => {
                embargo = true;
                steps.push(step(
                    format!(
                        "{} is under an arms embargo: {}{mark}",
                        dest.name, r.summary
                    ),
                    r.instrument.clone(),
                ));
            }
            _ => steps.push(step(
                format!("{}: {}{mark}", dest.name, r.summary),
                r.instrument.clone(),
            )),
        }
    }

    if dest.eu {
        let part2 = listed
            .iter()
            .any(|c| covered_by(c, &measures.annex_iv_part_2));
        let part1 = listed
            .iter()
            .any(|c| covered_by(c, &measures.annex_iv_part_1));
        let (verdict, text) = if part1 || part2 {
            (
                Verdict::AuthorisationRequired,
                format!(
                    "{} is an EU Member State: this is a transfer within the Union, and the item is in Annex IV{}, so the transfer needs an authorisation.",
                    dest.name,
                    if part2 { " Part II (no general authorisation possible)" } else { " Part I" }
                ),
            )
        } else {
            (
                Verdict::NoAuthorisation,
                format!(
                    "{} is an EU Member State: this is a transfer within the Union, not an export. Items not in Annex IV need no authorisation under the Regulation; a Member State may still require one under Article 11(2) when the final destination is outside the Union.",
                    dest.name
                ),
            )
        };
        steps.push(step(
            text,
            format!("{REG}, Article 11 and {}", measures.annex_iv_source),
        ));
        return EndUseOutcome {
            verdict,
            general_authorisation: None,
            steps,
            missing,
        };
    }

    let informed = [
        (
            "informed_wmd",
            answers.informed_wmd,
            "(a): weapons of mass destruction or missiles to deliver them",
        ),
        (
            "informed_military",
            answers.informed_military,
            "(b): a military end use in a country under an arms embargo",
        ),
        (
            "informed_illegal_military",
            answers.informed_illegal_military,
            "(c): parts of military items exported without authorisation",
        ),
    ];
    let mut informed_of = Vec::new();
    for (field, answer, what) in informed {
        match answer {
            Some(true) => {
                if field == "informed_military" && !embargo {
                    steps.push(step(
                        format!("You were informed of a military end use, but no arms embargo on {} is encoded here: ask the authority whether Article 4(1)(b) applies.", dest.name),
                        format!("{REG}, Article 4(1)(b) and Article 2(19)"),
                    ));
                }
                informed_of.push(what);
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
            "The export is prohibited by restrictive measures; an authorisation under the dual-use Regulation cannot lift that. Contact the authority.",
            "see the instruments above",
        ));
        return EndUseOutcome {
            verdict: Verdict::Prohibited,
            general_authorisation: None,
            steps,
            missing,
        };
    }
    let aware = answers.aware == Some(true);

    if listed.is_empty() {
        if !informed_of.is_empty() {
            steps.push(step(
                format!(
                    "The item is not listed in Annex I, but the authority has informed you of a use under Article 4(1){}: the export needs an authorisation.",
                    informed_of.join("; ")
                ),
                format!("{REG}, Article 4(1)"),
            ));
            return outcome(Verdict::AuthorisationRequired, None, steps);
        }
        if aware {
            steps.push(step(
                "The item is not listed, but you are aware of a use under Article 4(1): you must notify the competent authority, which decides whether the export needs an authorisation.",
                format!("{REG}, Article 4(2)"),
            ));
            return outcome(Verdict::ContactAuthority, None, steps);
        }
        steps.push(step(
            "Not listed in the bundled Annex I, and no Article 4 facts: no authorisation is needed under the Regulation on the answers given. National measures (Articles 9 and 10) and sanctions may still apply.",
            format!("{REG}, Articles 3 and 4"),
        ));
        return outcome(Verdict::NoAuthorisation, None, steps);
    }

    steps.push(step(
        format!(
            "The item is listed ({}): exporting it needs an authorisation.",
            listed.join(", ")
        ),
        format!("{REG}, Article 3(1)"),
    ));
    if !informed_of.is_empty() || aware {
        steps.push(step(
            "Because you were informed of, or are aware of, an Article 4(1) use, no general authorisation may be used: apply for an individual authorisation.",
            format!("{REG}, Annex II, common conditions; Article 12(6)"),
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
            format!(
                "{} ({}) covers this item to {}, under its conditions:",
                g.id, g.title, dest.name
            ),
            g.source.clone(),
        ));
        for c in &g.conditions {
            steps.push(step(format!("— {c}"), g.source.clone()));
        }
        return outcome(Verdict::GeneralAuthorisation, Some(g.id.clone()), steps);
    }
    if in_section_i {
        steps.push(step(
            "The item is in Annex II Section I (or Annex IV), which no general authorisation covers.",
            measures.section_i_source.clone(),
        ));
    }
    steps.push(step(
        format!("No Union general authorisation covers this item to {}: apply for an individual or global authorisation to the competent authority of the Member State where you are established (the draft below is pre-filled).", dest.name),
        format!("{REG}, Article 12"),
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
