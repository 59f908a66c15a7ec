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
use crate::i18n::Msg;
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

/// One field of the form: its box number and whether the form requires it. Its label is the
/// translation key `draft.field.<key>`.
pub struct Field {
    pub key: &'static str,
    pub r#box: &'static str,
    pub required: bool,
}

impl Field {
    /// The field's label, as a message.
    pub fn label(&self) -> Msg {
        Msg::new(&format!("draft.field.{}", self.key))
    }
}

/// The fields in the order of the model form.
pub const FIELDS: &[Field] = &[
    Field {
        key: "exporter",
        r#box: "1",
        required: true,
    },
    Field {
        key: "exporter_eori",
        r#box: "1",
        required: true,
    },
    Field {
        key: "contact",
        r#box: "4",
        required: true,
    },
    Field {
        key: "consignee",
        r#box: "5",
        required: true,
    },
    Field {
        key: "agent",
        r#box: "7",
        required: false,
    },
    Field {
        key: "consignment_country",
        r#box: "8",
        required: true,
    },
    Field {
        key: "end_user",
        r#box: "9",
        required: false,
    },
    Field {
        key: "location_member_state",
        r#box: "10",
        required: true,
    },
    Field {
        key: "customs_member_state",
        r#box: "11",
        required: true,
    },
    Field {
        key: "destination",
        r#box: "12",
        required: true,
    },
    Field {
        key: "description",
        r#box: "13",
        required: true,
    },
    Field {
        key: "origin_country",
        r#box: "14",
        required: true,
    },
    Field {
        key: "cn_code",
        r#box: "15",
        required: true,
    },
    Field {
        key: "cas_number",
        r#box: "15",
        required: false,
    },
    Field {
        key: "control_number",
        r#box: "16",
        required: true,
    },
    Field {
        key: "currency",
        r#box: "17",
        required: true,
    },
    Field {
        key: "value",
        r#box: "17",
        required: true,
    },
    Field {
        key: "quantity",
        r#box: "18",
        required: true,
    },
    Field {
        key: "end_use",
        r#box: "19",
        required: true,
    },
    Field {
        key: "contract_date",
        r#box: "20",
        required: false,
    },
    Field {
        key: "customs_procedure",
        r#box: "21",
        required: true,
    },
    Field {
        key: "additional_information",
        r#box: "22",
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
    pub fn problems(&self) -> Vec<(&'static str, Msg)> {
        let mut out = Vec::new();
        for f in FIELDS {
            if f.required && self.get(f.key).trim().is_empty() {
                out.push((
                    f.key,
                    Msg::new("draft.required")
                        .text("box", f.r#box)
                        .msg("field", f.label()),
                ));
            }
        }
        let cn: String = self
            .cn_code
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if !cn.is_empty() && (cn.len() != 8 || !cn.chars().all(|c| c.is_ascii_digit())) {
            out.push(("cn_code", Msg::new("draft.problem.cn_code")));
        }
        if !self.cas_number.trim().is_empty()
            && !crate::list::codes::cas_is_valid(self.cas_number.trim())
        {
            out.push(("cas_number", Msg::new("draft.problem.cas_number")));
        }
        let eori = self.exporter_eori.trim();
        if !eori.is_empty() && !eori_is_valid(eori) {
            out.push(("exporter_eori", Msg::new("draft.problem.eori")));
        }
        if !self.value.trim().is_empty()
            && crate::list::quantity::parse_number(self.value.trim()).is_err()
        {
            out.push(("value", Msg::new("draft.problem.value")));
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
    pub fn from_json(text: &str) -> Result<SavedWork, Msg> {
        let value: serde_json::Value = serde_json::from_str(text)
            .map_err(|e| Msg::new("load.not_json").text("error", e.to_string()))?;
        let format = value.get("format").and_then(|f| f.as_str());
        if format != Some(FORMAT) {
            return Err(Msg::new("load.not_a_draft"));
        }
        let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
        if version > u64::from(VERSION) {
            return Err(Msg::new("load.newer_version")
                .text("version", version.to_string())
                .text("supported", VERSION.to_string()));
        }
        if version == 0 {
            return Err(Msg::new("load.no_version"));
        }
        serde_json::from_value(value)
            .map_err(|e| Msg::new("load.damaged").text("error", e.to_string()))
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
        assert!(SavedWork::from_json("{").unwrap_err().key == "load.not_json");
        assert!(SavedWork::from_json("{\"name\": \"x\"}").unwrap_err().key == "load.not_a_draft");
        let newer = w.to_json().replace("\"version\": 1", "\"version\": 99");
        assert!(SavedWork::from_json(&newer).unwrap_err().key == "load.newer_version");
        let damaged = w
            .to_json()
            .replace("\"exporter\": \"Acme BV\"", "\"exporter\": 5");
        assert!(SavedWork::from_json(&damaged).unwrap_err().key == "load.damaged");
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
            .any(|(k, m)| *k == "cn_code" && m.render(crate::i18n::Lang::En).contains("8 digits")));
        assert!(p
            .iter()
            .any(|(k, m)| *k == "cas_number"
                && m.render(crate::i18n::Lang::En).contains("check digit")));
        assert!(p.iter().any(|(k, _)| *k == "exporter"));
    }
}
