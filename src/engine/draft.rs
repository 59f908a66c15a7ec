//! The licence application draft and the saved-work file.
//!
//! What it does: holds the fields of the EU model form for individual and global export
//! authorisations (Regulation (EU) 2021/821, Annex III, Section A), pre-fills what the
//! assessment already knows, lists what is still empty, and reads back a saved file strictly:
//! a file that is not an exportcheck draft, or is corrupt, is refused with a reason.
//!
//! Why a versioned envelope: work is saved in the browser and downloaded as JSON; it must
//! survive format changes (older versions are migrated) and be re-checked when the list is
//! updated (the file records the list's consolidation date).

use super::enduse::EndUseAnswers;
use super::evaluate::Facts;
use serde::{Deserialize, Serialize};

/// The `format` marker of a saved file.
pub const FORMAT: &str = "exportcheck-work";
/// The current version of the saved-work format.
pub const VERSION: u32 = 1;

/// The Annex III Section A fields an applicant fills in, in the form's order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Draft {
    /// Box 1: exporter name and address.
    pub exporter: String,
    /// Box 1 "No": the exporter's EORI number.
    pub exporter_eori: String,
    /// Box 4: contact point.
    pub contact: String,
    /// Box 5: consignee.
    pub consignee: String,
    /// Box 7: agent or representative, if different from the exporter.
    pub agent: String,
    /// Box 8: country of consignment.
    pub consignment_country: String,
    /// Box 9: end-user, if different from the consignee.
    pub end_user: String,
    /// Box 10: Member State where the items are (or will be) located.
    pub location_member_state: String,
    /// Box 11: Member State where the customs export declaration will be lodged.
    pub customs_member_state: String,
    /// Box 12: country of final destination.
    pub destination: String,
    /// Box 13: description of the items.
    pub description: String,
    /// Box 14: country of origin.
    pub origin_country: String,
    /// Box 15: CN code (8 digits).
    pub cn_code: String,
    /// Box 15: CAS number, for chemicals.
    pub cas_number: String,
    /// Box 16: control list number.
    pub control_number: String,
    /// Box 17: currency.
    pub currency: String,
    /// Box 17: value.
    pub value: String,
    /// Box 18: quantity.
    pub quantity: String,
    /// Box 19: end use.
    pub end_use: String,
    /// Box 20: contract date.
    pub contract_date: String,
    /// Box 21: customs export procedure.
    pub customs_procedure: String,
    /// Box 22: additional information required by national legislation.
    pub additional_information: String,
}

/// One field of the form: its box number, label, and whether the form requires it.
pub struct Field {
    pub key: &'static str,
    pub r#box: &'static str,
    pub label: &'static str,
    pub required: bool,
}

/// The fields in the order of the model form.
pub const FIELDS: &[Field] = &[
    Field {
        key: "exporter",
        r#box: "1",
        label: "Exporter (name and address)",
        required: true,
    },
    Field {
        key: "exporter_eori",
        r#box: "1",
        label: "Exporter EORI number",
        required: true,
    },
    Field {
        key: "contact",
        r#box: "4",
        label: "Contact point",
        required: true,
    },
    Field {
        key: "consignee",
        r#box: "5",
        label: "Consignee (name and address)",
        required: true,
    },
    Field {
        key: "agent",
        r#box: "7",
        label: "Agent or representative (if different from the exporter)",
        required: false,
    },
    Field {
        key: "consignment_country",
        r#box: "8",
        label: "Country of consignment",
        required: true,
    },
    Field {
        key: "end_user",
        r#box: "9",
        label: "End-user (if different from the consignee)",
        required: false,
    },
    Field {
        key: "location_member_state",
        r#box: "10",
        label: "Member State where the items are located",
        required: true,
    },
    Field {
        key: "customs_member_state",
        r#box: "11",
        label: "Member State where the export declaration will be lodged",
        required: true,
    },
    Field {
        key: "destination",
        r#box: "12",
        label: "Country of final destination",
        required: true,
    },
    Field {
        key: "description",
        r#box: "13",
        label: "Description of the items",
        required: true,
    },
    Field {
        key: "origin_country",
        r#box: "14",
        label: "Country of origin",
        required: true,
    },
    Field {
        key: "cn_code",
        r#box: "15",
        label: "CN code (8 digits)",
        required: true,
    },
    Field {
        key: "cas_number",
        r#box: "15",
        label: "CAS number (chemicals)",
        required: false,
    },
    Field {
        key: "control_number",
        r#box: "16",
        label: "Control list number",
        required: true,
    },
    Field {
        key: "currency",
        r#box: "17",
        label: "Currency",
        required: true,
    },
    Field {
        key: "value",
        r#box: "17",
        label: "Value",
        required: true,
    },
    Field {
        key: "quantity",
        r#box: "18",
        label: "Quantity",
        required: true,
    },
    Field {
        key: "end_use",
        r#box: "19",
        label: "End use",
        required: true,
    },
    Field {
        key: "contract_date",
        r#box: "20",
        label: "Contract date (if applicable)",
        required: false,
    },
    Field {
        key: "customs_procedure",
        r#box: "21",
        label: "Customs export procedure",
        required: true,
    },
    Field {
        key: "additional_information",
        r#box: "22",
        label: "Additional information required by national legislation",
        required: false,
    },
];

impl Draft {
    pub fn get(&self, key: &str) -> &str {
        match key {
            "exporter" => &self.exporter,
            "exporter_eori" => &self.exporter_eori,
            "contact" => &self.contact,
            "consignee" => &self.consignee,
            "agent" => &self.agent,
            "consignment_country" => &self.consignment_country,
            "end_user" => &self.end_user,
            "location_member_state" => &self.location_member_state,
            "customs_member_state" => &self.customs_member_state,
            "destination" => &self.destination,
            "description" => &self.description,
            "origin_country" => &self.origin_country,
            "cn_code" => &self.cn_code,
            "cas_number" => &self.cas_number,
            "control_number" => &self.control_number,
            "currency" => &self.currency,
            "value" => &self.value,
            "quantity" => &self.quantity,
            "end_use" => &self.end_use,
            "contract_date" => &self.contract_date,
            "customs_procedure" => &self.customs_procedure,
            "additional_information" => &self.additional_information,
            _ => "",
        }
    }

    /// Sets a field by key; unknown keys are ignored (the UI only offers [`FIELDS`]).
    pub fn set(&mut self, key: &str, value: String) {
        let slot = match key {
            "exporter" => &mut self.exporter,
            "exporter_eori" => &mut self.exporter_eori,
            "contact" => &mut self.contact,
            "consignee" => &mut self.consignee,
            "agent" => &mut self.agent,
            "consignment_country" => &mut self.consignment_country,
            "end_user" => &mut self.end_user,
            "location_member_state" => &mut self.location_member_state,
            "customs_member_state" => &mut self.customs_member_state,
            "destination" => &mut self.destination,
            "description" => &mut self.description,
            "origin_country" => &mut self.origin_country,
            "cn_code" => &mut self.cn_code,
            "cas_number" => &mut self.cas_number,
            "control_number" => &mut self.control_number,
            "currency" => &mut self.currency,
            "value" => &mut self.value,
            "quantity" => &mut self.quantity,
            "end_use" => &mut self.end_use,
            "contract_date" => &mut self.contract_date,
            "customs_procedure" => &mut self.customs_procedure,
            "additional_information" => &mut self.additional_information,
            _ => return,
        };
        *slot = value;
    }

    /// Fills empty fields from what the assessment knows; never overwrites the user's text.
    pub fn prefill(&mut self, known: &[(&str, String)]) {
        for (key, value) in known {
            if self.get(key).trim().is_empty() && !value.is_empty() {
                self.set(key, value.clone());
            }
        }
    }

    /// Required fields still empty, and fields whose content is malformed, as (key, message).
    pub fn problems(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        for f in FIELDS {
            if f.required && self.get(f.key).trim().is_empty() {
                out.push((f.key, format!("Box {}: {} is required.", f.r#box, f.label)));
            }
        }
        let cn: String = self
            .cn_code
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if !cn.is_empty() && (cn.len() != 8 || !cn.chars().all(|c| c.is_ascii_digit())) {
            out.push(("cn_code", "Box 15: a CN code has 8 digits.".to_string()));
        }
        if !self.cas_number.trim().is_empty()
            && !crate::list::codes::cas_is_valid(self.cas_number.trim())
        {
            out.push((
                "cas_number",
                "Box 15: this CAS number fails its check digit.".to_string(),
            ));
        }
        let eori = self.exporter_eori.trim();
        if !eori.is_empty() && !eori_is_valid(eori) {
            out.push((
                "exporter_eori",
                "Box 1: an EORI number is a country code followed by up to 15 letters or digits."
                    .to_string(),
            ));
        }
        if !self.value.trim().is_empty()
            && crate::list::quantity::parse_number(self.value.trim()).is_err()
        {
            out.push((
                "value",
                "Box 17: write the value as a number, e.g. 12 500,00.".to_string(),
            ));
        }
        out
    }
}

/// An EORI number: a two-letter country code and up to 15 letters or digits.
fn eori_is_valid(eori: &str) -> bool {
    (3..=17).contains(&eori.len())
        && eori.is_ascii()
        && eori[..2].chars().all(|c| c.is_ascii_uppercase())
        && eori[2..].chars().all(|c| c.is_ascii_alphanumeric())
}

/// Everything a user has entered, as saved in the browser and in a downloaded file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedWork {
    pub format: String,
    pub version: u32,
    /// The list consolidation the assessment was made against.
    pub list_consolidation: String,
    /// What the user typed to search.
    #[serde(default)]
    pub query: String,
    /// The entry being assessed.
    #[serde(default)]
    pub entry: Option<String>,
    /// The item's figures as typed (parameter id to text), kept even when not yet valid.
    #[serde(default)]
    pub typed: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    pub facts: Facts,
    #[serde(default)]
    pub end_use: EndUseAnswers,
    #[serde(default)]
    pub draft: Draft,
    /// The date the user gave for the record (the engine never reads the clock).
    #[serde(default)]
    pub record_date: String,
}

impl SavedWork {
    pub fn new(list_consolidation: &str) -> SavedWork {
        SavedWork {
            format: FORMAT.into(),
            version: VERSION,
            list_consolidation: list_consolidation.into(),
            ..SavedWork::default()
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("saved work always serialises")
    }

    /// Reads a saved file. Refuses, with a message for the user, anything that is not
    /// exportcheck work, is corrupt, or comes from a newer version.
    pub fn from_json(text: &str) -> Result<SavedWork, String> {
        let value: serde_json::Value = serde_json::from_str(text)
            .map_err(|e| format!("This file is not valid JSON ({e}). Nothing was changed."))?;
        let format = value.get("format").and_then(|f| f.as_str());
        if format != Some(FORMAT) {
            return Err("This file is not an exportcheck draft (its \"format\" is missing or different). Nothing was changed.".into());
        }
        let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
        if version > u64::from(VERSION) {
            return Err(format!(
                "This draft was saved by a newer version of exportcheck (format {version}); this one reads up to {VERSION}. Nothing was changed."
            ));
        }
        if version == 0 {
            return Err("This draft has no valid version number. Nothing was changed.".into());
        }
        serde_json::from_value(value)
            .map_err(|e| format!("This draft is damaged: {e}. Nothing was changed."))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_what_is_not_a_draft() {
        let mut w = SavedWork::new("2025-11-15");
        w.draft.exporter = "Acme BV".into();
        w.facts.values.insert("output_power".into(), 60.0);
        let back = SavedWork::from_json(&w.to_json()).unwrap();
        assert_eq!(back, w);
        assert!(SavedWork::from_json("{")
            .unwrap_err()
            .contains("not valid JSON"));
        assert!(SavedWork::from_json("{\"name\": \"x\"}")
            .unwrap_err()
            .contains("not an exportcheck draft"));
        let newer = w.to_json().replace("\"version\": 1", "\"version\": 99");
        assert!(SavedWork::from_json(&newer)
            .unwrap_err()
            .contains("newer version"));
        let damaged = w
            .to_json()
            .replace("\"exporter\": \"Acme BV\"", "\"exporter\": 5");
        assert!(SavedWork::from_json(&damaged)
            .unwrap_err()
            .contains("damaged"));
    }

    #[test]
    fn prefill_never_overwrites_what_the_user_wrote() {
        let mut d = Draft {
            description: "my words".into(),
            ..Draft::default()
        };
        d.prefill(&[
            ("description", "engine words".into()),
            ("control_number", "3A225".into()),
        ]);
        assert_eq!(d.description, "my words");
        assert_eq!(d.control_number, "3A225");
    }

    #[test]
    fn problems_name_the_box() {
        let d = Draft {
            cn_code: "8504".into(),
            cas_number: "111-48-9".into(),
            ..Draft::default()
        };
        let p = d.problems();
        assert!(p
            .iter()
            .any(|(k, m)| *k == "cn_code" && m.contains("8 digits")));
        assert!(p
            .iter()
            .any(|(k, m)| *k == "cas_number" && m.contains("check digit")));
        assert!(p.iter().any(|(k, _)| *k == "exporter"));
    }
}
