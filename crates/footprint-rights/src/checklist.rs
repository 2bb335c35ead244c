//! What a company's answer to an access request must contain, per regime, as data
//! (`data/access_checklists.json`): the user ticks each item off against the answer they
//! received, and the gaps become a follow-up letter ([`crate::letter::follow_up`]).
//!
//! Each item has a short key the CLI uses (`a`..`h`, `transfers`, `copy` for the GDPR; words
//! for the CCPA), a meaning ([`ItemKind`], which picks the letter's sentence in each language),
//! a provision structured enough for every language to cite it in its own style, and a
//! plain-language question for the user.

use crate::error::Error;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

const FILE: &str = "data/access_checklists.json";
const TEXT: &str = include_str!("../data/access_checklists.json");

/// What a checklist item asks for. GDPR and CCPA items with the same meaning share a kind; the
/// letters word them per regime family where the laws word them differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Purposes,
    Categories,
    Recipients,
    Retention,
    /// Rectification, erasure, restriction, objection (GDPR Art. 15(1)(e)).
    Rights,
    /// The right to complain to an authority (GDPR Art. 15(1)(f)).
    Complaint,
    Source,
    AutomatedDecisions,
    TransferSafeguards,
    /// The copy of the data (GDPR 15(3)) or the specific pieces of information (CCPA).
    Copy,
    /// Information sold, shared or disclosed for a business purpose (CCPA 1798.115).
    SoldShared,
}

/// A provision, either European style (article, paragraph, point), which each letter language
/// cites its own way, or a code section cited as written in every language
/// (`Cal. Civ. Code 1798.110(a)(1)`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged, deny_unknown_fields)]
pub enum Provision {
    Article {
        article: String,
        #[serde(default)]
        paragraph: Option<String>,
        #[serde(default)]
        point: Option<String>,
    },
    Section { section: String },
}

impl Provision {
    /// The provision as the regimes data writes it (`Art. 15(1)(a)`,
    /// `Cal. Civ. Code 1798.110(a)(1)`): the one spelling [`crate::letter::cite`] converts
    /// into each letter language's.
    pub fn cite(&self) -> String {
        match self {
            Provision::Article {
                article,
                paragraph,
                point,
            } => {
                let mut s = format!("Art. {article}");
                for level in [paragraph, point].into_iter().flatten() {
                    s.push_str(&format!("({level})"));
                }
                s
            }
            Provision::Section { section } => section.clone(),
        }
    }

    /// Reads a cite as the regimes data writes it: `Art. 12(3)` becomes article 12, paragraph
    /// 3; anything else (`Cal. Civ. Code 1798.130(a)(2)`) is kept as a section. The data's
    /// `(~)` marker of a secondary-source fact is dropped (callers check for it first).
    pub fn from_cite(cite: &str) -> Provision {
        let clean = cite.replace("(~)", "").replace('~', "").trim().to_string();
        let parsed = clean.strip_prefix("Art. ").and_then(|rest| {
            let (article, mut tail) = match rest.find('(') {
                Some(i) => (&rest[..i], &rest[i..]),
                None => (rest, ""),
            };
            if article.is_empty() || !article.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            let mut parts = Vec::new();
            while let Some(inner) = tail.strip_prefix('(') {
                let end = inner.find(')')?;
                parts.push(inner[..end].to_string());
                tail = &inner[end + 1..];
            }
            if !tail.is_empty() || parts.len() > 2 {
                return None;
            }
            let mut parts = parts.into_iter();
            Some(Provision::Article {
                article: article.to_string(),
                paragraph: parts.next(),
                point: parts.next(),
            })
        });
        parsed.unwrap_or(Provision::Section { section: clean })
    }
}

/// One question of a checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Short, stable key (`a`, `transfers`, `third_parties`): what the CLI's `--set` takes and
    /// what the store keeps.
    pub key: String,
    pub item: ItemKind,
    /// What the item is about in two or three plain words ("how long it is kept"), for lists.
    pub topic: String,
    pub provision: Provision,
    /// The question for the user, in plain English.
    pub question: String,
}

/// The checklist for one regime.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    pub regime: String,
    /// How each letter language names the law (`GDPR`, `DSGVO`, `RGPD`), by language code.
    pub law: BTreeMap<String, String>,
    pub items: Vec<Item>,
}

impl Checklist {
    pub fn item(&self, key: &str) -> Option<&Item> {
        let key = key.trim().to_lowercase().replace('-', "_");
        self.items.iter().find(|i| i.key == key)
    }

    /// The law's name in language `lang`, else in English.
    pub fn law_name(&self, lang: &str) -> &str {
        self.law
            .get(lang)
            .or_else(|| self.law.get("en"))
            .map(String::as_str)
            .unwrap_or(self.regime.as_str())
    }

    /// The keys, in order, for error messages ("a, b, c ...").
    pub fn keys(&self) -> String {
        self.items
            .iter()
            .map(|i| i.key.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChecklistsFile {
    schema_version: u32,
    #[allow(dead_code)]
    about: String,
    checklists: Vec<Checklist>,
}

/// Every regime's access-answer checklist.
#[derive(Debug, Clone)]
pub struct Checklists {
    lists: Vec<Checklist>,
}

impl Checklists {
    /// Parses and validates checklist data: known regimes, unique keys, a law name in English.
    pub fn parse(text: &str) -> Result<Checklists, Error> {
        Checklists::parse_named(text, "access checklists (given text)")
    }

    fn parse_named(text: &str, file: &'static str) -> Result<Checklists, Error> {
        let f: ChecklistsFile =
            serde_json::from_str(text).map_err(|source| Error::DataParse { file, source })?;
        let mut problems = Vec::new();
        if f.schema_version != 1 {
            problems.push(format!("schema_version {} is not 1", f.schema_version));
        }
        let mut regimes = BTreeSet::new();
        for c in &f.checklists {
            if !regimes.insert(c.regime.as_str()) {
                problems.push(format!("regime `{}` has two checklists", c.regime));
            }
            if crate::Regimes::builtin().get(&c.regime).is_err() {
                problems.push(format!("regime `{}` is not in the regimes data", c.regime));
            }
            if !c.law.contains_key("en") {
                problems.push(format!("regime `{}`: no English name of the law", c.regime));
            }
            if c.items.is_empty() {
                problems.push(format!("regime `{}`: no items", c.regime));
            }
            let mut keys = BTreeSet::new();
            for i in &c.items {
                if !keys.insert(i.key.as_str()) {
                    problems.push(format!("regime `{}`: key `{}` appears twice", c.regime, i.key));
                }
                if i.key.is_empty() || i.key.chars().any(|ch| !(ch.is_ascii_lowercase() || ch == '_')) {
                    problems.push(format!(
                        "regime `{}`: key `{}` is not lowercase letters and underscores",
                        c.regime, i.key
                    ));
                }
                if i.topic.trim().is_empty() {
                    problems.push(format!("regime `{}`: item `{}` has no topic", c.regime, i.key));
                }
                if i.question.trim().is_empty() {
                    problems.push(format!("regime `{}`: item `{}` has no question", c.regime, i.key));
                }
            }
        }
        if problems.is_empty() {
            Ok(Checklists { lists: f.checklists })
        } else {
            Err(Error::DataInvalid { file, problems })
        }
    }

    /// The embedded checklists, parsed once.
    pub fn builtin() -> &'static Checklists {
        static CELL: OnceLock<Checklists> = OnceLock::new();
        CELL.get_or_init(|| {
            Checklists::parse_named(TEXT, FILE).expect("embedded checklist data is valid")
        })
    }

    /// The checklist for regime `id`; None where Footprint has none yet.
    pub fn get(&self, regime: &str) -> Option<&Checklist> {
        self.lists.iter().find(|c| c.regime == regime)
    }

    /// The regimes that have a checklist.
    pub fn regimes(&self) -> impl Iterator<Item = &str> {
        self.lists.iter().map(|c| c.regime.as_str())
    }
}

/// The user's verdict on one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Yes,
    No,
    Partly,
    NotApplicable,
}

impl Verdict {
    /// From the CLI's words: `yes`, `no`, `partly`, `n/a` (and a few spellings of each).
    pub fn parse(s: &str) -> Option<Verdict> {
        Some(match s.trim().to_lowercase().replace(['-', ' ', '/'], "_").as_str() {
            "yes" | "y" | "covered" => Verdict::Yes,
            "no" | "n" | "missing" => Verdict::No,
            "partly" | "partial" | "partially" | "part" => Verdict::Partly,
            "not_applicable" | "n_a" | "na" | "none" => Verdict::NotApplicable,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Yes => "yes",
            Verdict::No => "no",
            Verdict::Partly => "partly",
            Verdict::NotApplicable => "not_applicable",
        }
    }

    /// A gap the follow-up letter names.
    pub fn is_gap(self) -> bool {
        matches!(self, Verdict::No | Verdict::Partly)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gdpr_lists_article_15_1_a_to_h_then_15_2_and_15_3() {
        let c = Checklists::builtin().get("eu_gdpr").unwrap();
        let keys: Vec<&str> = c.items.iter().map(|i| i.key.as_str()).collect();
        assert_eq!(keys, ["a", "b", "c", "d", "e", "f", "g", "h", "transfers", "copy"]);
        for (i, point) in c.items[..8].iter().zip('a'..='h') {
            assert_eq!(
                i.provision,
                Provision::Article {
                    article: "15".into(),
                    paragraph: Some("1".into()),
                    point: Some(point.to_string())
                }
            );
        }
        assert_eq!(c.item("TRANSFERS").unwrap().item, ItemKind::TransferSafeguards);
        assert_eq!(c.law_name("de"), "DSGVO");
        assert_eq!(c.law_name("fr"), "RGPD");
        assert_eq!(c.law_name("xx"), "GDPR");
    }

    #[test]
    fn ccpa_has_its_own_items() {
        let c = Checklists::builtin().get("us_ca_ccpa").unwrap();
        let keys: Vec<&str> = c.items.iter().map(|i| i.key.as_str()).collect();
        assert_eq!(
            keys,
            ["categories", "sources", "purpose", "third_parties", "pieces", "sold_shared"]
        );
        assert!(c.item("h").is_none());
        assert_eq!(
            c.item("third-parties").unwrap().provision,
            Provision::Section {
                section: "Cal. Civ. Code 1798.110(a)(4)".into()
            }
        );
        assert!(Checklists::builtin().get("jp_appi").is_none());
    }

    #[test]
    fn invalid_data_is_refused_with_every_problem() {
        let text = r#"{"schema_version": 1, "about": "", "checklists": [
          {"regime": "nowhere", "law": {"de": "X"}, "items": [
            {"key": "a", "topic": "p", "item": "purposes", "provision": {"section": "1"}, "question": "?"},
            {"key": "a", "topic": "", "item": "copy", "provision": {"section": "2"}, "question": " "}]}]}"#;
        let e = Checklists::parse(text).unwrap_err().to_string();
        for p in ["`nowhere` is not in the regimes", "no English name", "key `a` appears twice", "has no topic", "has no question"] {
            assert!(e.contains(p), "{p} missing from {e}");
        }
    }

    #[test]
    fn cites_of_the_regimes_data_become_provisions() {
        assert_eq!(
            Provision::from_cite("Art. 12(3)"),
            Provision::Article {
                article: "12".into(),
                paragraph: Some("3".into()),
                point: None
            }
        );
        assert_eq!(
            Provision::from_cite("Art. 15"),
            Provision::Article {
                article: "15".into(),
                paragraph: None,
                point: None
            }
        );
        assert_eq!(
            Provision::from_cite("Cal. Civ. Code 1798.130(a)(2) (~)"),
            Provision::Section {
                section: "Cal. Civ. Code 1798.130(a)(2)".into()
            }
        );
        assert_eq!(
            Provision::from_cite("Art. 21(2) and (3)"),
            Provision::Section {
                section: "Art. 21(2) and (3)".into()
            }
        );
    }

    #[test]
    fn verdicts_parse_and_gaps_are_no_and_partly() {
        assert_eq!(Verdict::parse("N/A"), Some(Verdict::NotApplicable));
        assert_eq!(Verdict::parse("partly"), Some(Verdict::Partly));
        assert_eq!(Verdict::parse("maybe"), None);
        let gaps: Vec<_> = [Verdict::Yes, Verdict::No, Verdict::Partly, Verdict::NotApplicable]
            .into_iter()
            .filter(|v| v.is_gap())
            .collect();
        assert_eq!(gaps, [Verdict::No, Verdict::Partly]);
    }
}
