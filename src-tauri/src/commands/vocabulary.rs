//! The fixed words of the data model with their labels (categories, relations, platforms), so
//! the UI's filters list every choice in the engine's own words.

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

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Vocabulary {
    pub categories: Vec<Term>,
    pub relations: Vec<Term>,
    pub platforms: Vec<Term>,
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
        platforms: registry::importers()
            .iter()
            .map(|i| term(i.id(), i.name()))
            .collect(),
    }
}
