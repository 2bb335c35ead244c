//! The fixed words of the data model with their labels (categories, relations, platforms), so
//! the UI's filters list every choice in the engine's own words, and the platforms'
//! descriptors (how to get each export, chart colours): no platform is named in ui/.

use footprint_core::model::{Category, Relation};
use footprint_core::registry;
use serde::Serialize;

/// A key the engine uses and the label to show for it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Term {
    pub key: String,
    pub label: String,
}

/// A platform Footprint reads, from its importer's descriptor: what Welcome shows under
/// "where to get your exports", the chart colour, the name in lists and messages.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PlatformTerm {
    pub key: String,
    pub label: String,
    /// The company that runs it ("Meta" for Facebook, Instagram and WhatsApp).
    pub company: String,
    /// Where to ask for the export (text to copy; never opened by the app).
    pub address: String,
    pub steps: Vec<String>,
    /// Which format to pick and what arrives.
    pub format: String,
    /// `#rrggbb`.
    pub color: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Vocabulary {
    pub categories: Vec<Term>,
    pub relations: Vec<Term>,
    pub platforms: Vec<PlatformTerm>,
}

#[tauri::command]
pub fn vocabulary() -> Vocabulary {
    let term = |key: &str, label: &str| Term {
        key: key.to_string(),
        label: label.to_string(),
    };
    Vocabulary {
        categories: Category::ALL
            .iter()
            .map(|c| term(c.as_str(), c.label()))
            .collect(),
        relations: Relation::ALL
            .iter()
            .map(|r| term(r.as_str(), r.label()))
            .collect(),
        platforms: registry::descriptors()
            .map(|d| PlatformTerm {
                key: d.id.to_string(),
                label: d.name.to_string(),
                company: d.company.to_string(),
                address: d.address.to_string(),
                steps: d.steps.iter().map(|s| s.to_string()).collect(),
                format: d.format.to_string(),
                color: d.color.to_string(),
            })
            .collect(),
    }
}
