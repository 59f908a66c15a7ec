//! Destinations and the measures that depend on them: EU Member States, the Union general
//! export authorisations of Annex II, the Annex II Section I exclusions, Annex IV (transfers
//! within the Union), arms embargoes and restrictive measures.
//!
//! The data lives in `control-lists/eu-measures/destinations.toml`; `src/build.rs` reads it with
//! these same types (strictly: unknown keys fail) and checks that every country code used is
//! declared.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measures {
    /// The date up to which the restrictive measures below were checked.
    pub as_of: String,
    pub country: Vec<Country>,
    pub general_authorisation: Vec<GeneralAuthorisation>,
    /// Annex II Section I: items no general authorisation covers (code prefixes).
    pub section_i: Vec<String>,
    pub section_i_source: String,
    /// Annex IV Part I and Part II: items needing an authorisation even within the Union.
    pub annex_iv_part_1: Vec<String>,
    pub annex_iv_part_2: Vec<String>,
    pub annex_iv_source: String,
    pub restriction: Vec<Restriction>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    pub name: String,
    /// A Member State of the European Union.
    #[serde(default)]
    pub eu: bool,
    /// Not a Member State, but inside the customs territory of the Union (Regulation (EU)
    /// No 952/2013, Article 4: Monaco), so that sending goods there is no export procedure.
    #[serde(default)]
    pub customs_territory: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GeneralAuthorisation {
    /// "EU001" ... "EU008".
    pub id: String,
    pub title: String,
    /// Where it stands, e.g. "Regulation (EU) 2021/821, Annex II, Section A".
    pub source: String,
    pub destinations: Vec<String>,
    /// Code prefixes of the items it covers; empty means all Annex I items.
    #[serde(default)]
    pub items: Vec<String>,
    /// Code prefixes it does not cover (beyond Section I).
    #[serde(default)]
    pub excluded_items: Vec<String>,
    /// Whether it excludes all software (D) and technology (E) entries.
    #[serde(default)]
    pub excludes_software_and_technology: bool,
    /// Only for a particular kind of export (repair, exhibition, intra-group); the user is
    /// asked before it is offered.
    pub only_for: Option<String>,
    /// Conditions and duties, in the project's own words.
    pub conditions: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RestrictionKind {
    /// An arms embargo within Article 2(19): relevant to Article 4(1)(b).
    ArmsEmbargo,
    /// Restrictive measures that prohibit exporting dual-use items there.
    DualUseBan,
    /// Other restrictive measures that may concern the export.
    Other,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Restriction {
    pub country: String,
    pub kind: RestrictionKind,
    pub instrument: String,
    /// What it means for the exporter, in the project's own words.
    pub summary: String,
    pub source: String,
    pub unverified: Option<String>,
}

impl Measures {
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.country
            .iter()
            .find(|c| c.code.eq_ignore_ascii_case(code))
    }

    pub fn restrictions<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Restriction> + 'a {
        self.restriction
            .iter()
            .filter(move |r| r.country.eq_ignore_ascii_case(code))
    }

    /// Reads and validates the TOML source (native only: used by `src/build.rs` and tests).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn load(path: &std::path::Path) -> Result<Measures, Vec<String>> {
        let name = path.display();
        let text =
            std::fs::read_to_string(path).map_err(|e| vec![format!("{name}: cannot read: {e}")])?;
        let measures: Measures = toml::from_str(&text).map_err(|e| {
            let line = e
                .span()
                .map_or(0, |s| text[..s.start].matches('\n').count() + 1);
            vec![format!("{name}:{line}: {}", e.message().trim())]
        })?;
        measures.validate().map_err(|errs| {
            errs.into_iter()
                .map(|e| format!("{name}: {e}"))
                .collect::<Vec<_>>()
        })?;
        Ok(measures)
    }

    /// Checks that every country code used is declared and codes are unique.
    pub fn validate(&self) -> Result<(), Vec<String>> {
        let mut errors = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for c in &self.country {
            if c.code.len() != 2 || !c.code.chars().all(|ch| ch.is_ascii_uppercase()) {
                errors.push(format!(
                    "country code '{}' is not ISO 3166-1 alpha-2",
                    c.code
                ));
            }
            if !seen.insert(c.code.clone()) {
                errors.push(format!("country {} is declared twice", c.code));
            }
        }
        let used = self
            .general_authorisation
            .iter()
            .flat_map(|g| g.destinations.iter().map(move |d| (g.id.as_str(), d)))
            .chain(self.restriction.iter().map(|r| ("restriction", &r.country)));
        for (what, code) in used {
            if !seen.contains(code) {
                errors.push(format!(
                    "{what}: country '{code}' is not declared in [[country]]"
                ));
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// Whether `code` (e.g. "1C350.1") falls under any of the prefixes: an entry or item code
/// ("1C350", "5A002.a") or a category or group ("0", "9E").
pub fn covered_by(code: &str, prefixes: &[String]) -> bool {
    prefixes.iter().any(|p| {
        code == p
            || code.starts_with(&format!("{p}."))
            || (p.len() < 5 && code.starts_with(p.as_str()))
    })
}
