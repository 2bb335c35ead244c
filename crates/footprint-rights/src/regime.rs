//! The legal regimes (EU GDPR, UK GDPR, CCPA/CPRA, Virginia, Colorado, Connecticut, PIPEDA,
//! Quebec Law 25, LGPD, nFADP, the Australian Privacy Act, APPI), loaded from
//! `data/regimes.json`.
//!
//! Each regime says, per right, the provision to cite, and for rights it lacks, why, and which
//! right comes closest (the "fallback"). [`Regime::resolve`] applies that: a fallback right is
//! used in the letter and the explanation is handed to the user; a right with no fallback is a
//! clear [`Error::RightNotInRegime`].

use crate::error::Error;
use crate::holidays::Calendars;
use crate::right::{RequestType, Right};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

const FILE: &str = "data/regimes.json";
/// The embedded regimes file, for tools that want to derive a corrected copy from it.
pub const TEXT: &str = include_str!("../data/regimes.json");

/// How a period is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodUnit {
    /// Calendar months: same date next month, or the month's last day if that date is missing.
    Months,
    /// Calendar days.
    Days,
    /// Monday to Friday, less the regime's public holidays.
    BusinessDays,
    /// No fixed time in the law ("without delay", "a reasonable period"); `amount` calendar days
    /// is the planning date Footprint uses.
    Reasonable,
}

/// A time limit and the provision that sets it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub unit: PeriodUnit,
    pub amount: u32,
    pub cite: String,
    /// The law's own words when the unit is `reasonable`.
    #[serde(default)]
    pub wording: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extension {
    pub unit: PeriodUnit,
    pub amount: u32,
    pub cite: String,
    /// When the company may extend, in words.
    pub condition: String,
}

/// Items an access request lists, each with its provision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccessItem {
    Confirmation,
    Copy,
    Purposes,
    Categories,
    Recipients,
    Retention,
    Source,
    AutomatedDecisions,
    TransferSafeguards,
    SoldShared,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccessItemRule {
    pub item: AccessItem,
    pub cite: String,
}

/// What a regime says about one right it gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RightRule {
    pub cite: String,
    /// A companion provision (GDPR Art. 19: tell the recipients).
    #[serde(default)]
    pub extra_cite: Option<String>,
    #[serde(default)]
    pub access_items: Vec<AccessItemRule>,
    /// A time limit that replaces the regime's default for this right.
    #[serde(default)]
    pub deadline: Option<Period>,
    /// The regime's extension does not apply to this right.
    #[serde(default)]
    pub no_extension: bool,
    /// False where the law says the company may not require identity verification.
    #[serde(default = "yes")]
    pub identity_verification: bool,
    #[serde(default)]
    pub note: Option<String>,
}

fn yes() -> bool {
    true
}

/// Something extra a fallback letter asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExtraAsk {
    /// Destroy, erase or anonymise data no longer needed for the identified purposes
    /// (PIPEDA Principle 4.5.3, APP 11.2).
    DestroyUnneeded,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fallback {
    pub to: Right,
    #[serde(default)]
    pub also_cite: Option<String>,
    #[serde(default)]
    pub extra_ask: Option<ExtraAsk>,
}

/// A right the regime does not give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unsupported {
    pub explanation: String,
    pub fallback: Option<Fallback>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockPolicy {
    /// The clock runs regardless of identity checks.
    None,
    /// The period starts again when the company receives what it asked for (UK Art. 12A).
    Restart,
    /// The days spent waiting for the information are added to the period.
    Suspend,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdentityClock {
    pub policy: ClockPolicy,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RollForward {
    pub cite: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OtherAuthority {
    pub name: String,
    pub website: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    pub name: String,
    /// Written as text (no scheme): letters print it, nothing fetches it.
    pub website: String,
    /// `name` describes which authority to choose (EU: the user's national one) and
    /// `website` lists them; complaint letters are addressed to the authority
    /// [`crate::authority::competent_authority`] picks, or leave it for the user to fill in.
    pub pick_from_list: bool,
    pub cite: String,
    /// When the authority should report progress (GDPR Art. 78(2): three months).
    pub follow_up: Option<Period>,
    pub note: String,
    #[serde(default)]
    pub also: Vec<OtherAuthority>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Regime {
    pub id: String,
    pub name: String,
    /// How letters name the law ("GDPR", "CCPA").
    pub short_name: String,
    pub jurisdiction: String,
    pub law: String,
    pub handling_cite: String,
    pub rights: BTreeMap<Right, RightRule>,
    pub unsupported: BTreeMap<Right, Unsupported>,
    pub deadline: Period,
    pub extension: Option<Extension>,
    /// A time limit for confirming receipt (CCPA: 10 business days).
    pub acknowledgement: Option<Period>,
    /// The time the company has to decide an appeal against its refusal (US states).
    pub appeal: Option<Period>,
    /// Whether and why a due date on a non-working day moves to the next working day.
    pub roll_forward: Option<RollForward>,
    /// The holiday calendar id, or none (weekends only).
    pub calendar: Option<String>,
    pub identity_clock: IdentityClock,
    /// For the user, in words.
    pub fee: String,
    /// The provision that makes the request free, cited in letters when known.
    pub free_cite: Option<String>,
    /// For the user, in words.
    pub identity: String,
    pub authority: Authority,
    /// ISO 639-1 codes of the languages besides English that companies under this law
    /// usually take requests in; a German or French letter under another law gets a note
    /// (it is still written, citing the law's own sections).
    #[serde(default)]
    pub letter_languages: Vec<String>,
    pub sources: Vec<String>,
}

/// A right as it will be exercised under a regime: either the right itself, or the closest
/// right with the reason why.
#[derive(Debug, Clone, Copy)]
pub struct Resolved<'a> {
    pub requested: Right,
    /// The right the letter exercises (the fallback target, or `requested`).
    pub used: Right,
    pub rule: &'a RightRule,
    /// Set when `used != requested`.
    pub fallback: Option<(&'a Unsupported, &'a Fallback)>,
}

impl Resolved<'_> {
    /// The provisions to cite, with a fallback's companion provision (unless that provision
    /// belongs to the fallback's extra ask, which cites it in its own sentence).
    pub fn cite(&self) -> String {
        match self.fallback {
            Some((_, f)) if f.extra_ask.is_none() && f.also_cite.is_some() => {
                format!(
                    "{} and {}",
                    self.rule.cite,
                    f.also_cite.as_deref().unwrap_or_default()
                )
            }
            _ => self.rule.cite.clone(),
        }
    }
}

impl Regime {
    /// The right to exercise for `right`, following the regime's fallback if it lacks it.
    pub fn resolve(&self, right: Right) -> Result<Resolved<'_>, Error> {
        if let Some(rule) = self.rights.get(&right) {
            return Ok(Resolved {
                requested: right,
                used: right,
                rule,
                fallback: None,
            });
        }
        let unsupported = self
            .unsupported
            .get(&right)
            .ok_or_else(|| Error::RightNotInRegime {
                regime: self.short_name.clone(),
                right: right.as_str(),
                explanation: "the regimes data says nothing about this right".into(),
            })?;
        match &unsupported.fallback {
            Some(fb) => {
                let rule = self
                    .rights
                    .get(&fb.to)
                    .ok_or_else(|| Error::RightNotInRegime {
                        regime: self.short_name.clone(),
                        right: right.as_str(),
                        explanation: unsupported.explanation.clone(),
                    })?;
                Ok(Resolved {
                    requested: right,
                    used: fb.to,
                    rule,
                    fallback: Some((unsupported, fb)),
                })
            }
            None => Err(Error::RightNotInRegime {
                regime: self.short_name.clone(),
                right: right.as_str(),
                explanation: unsupported.explanation.clone(),
            }),
        }
    }

    /// True when the regime gives the right itself (no fallback).
    pub fn supports(&self, right: Right) -> bool {
        self.rights.contains_key(&right)
    }

    /// The time limit for a request type: the right's own, else the regime's default.
    pub fn deadline_for(
        &self,
        request_type: RequestType,
    ) -> Result<(&Period, Option<&Extension>), Error> {
        let resolved = self.resolve(request_type.right())?;
        let period = resolved.rule.deadline.as_ref().unwrap_or(&self.deadline);
        let ext = if resolved.rule.no_extension {
            None
        } else {
            self.extension.as_ref()
        };
        Ok((period, ext))
    }

    fn problems(&self, calendars: &Calendars) -> Vec<String> {
        let id = &self.id;
        let mut out = Vec::new();
        for right in Right::ALL {
            match (
                self.rights.contains_key(&right),
                self.unsupported.contains_key(&right),
            ) {
                (true, true) => out.push(format!("{id}: {right} is both a right and unsupported")),
                (false, false) => {
                    out.push(format!("{id}: {right} is neither a right nor unsupported"))
                }
                _ => {}
            }
        }
        for (right, u) in &self.unsupported {
            if u.explanation.trim().is_empty() {
                out.push(format!("{id}: unsupported {right} has no explanation"));
            }
            if let Some(fb) = &u.fallback {
                if !self.rights.contains_key(&fb.to) {
                    out.push(format!(
                        "{id}: {right} falls back to {} which the regime does not give",
                        fb.to
                    ));
                }
                if fb.to == Right::Portability {
                    out.push(format!(
                        "{id}: {right} cannot fall back to portability (an access option)"
                    ));
                }
            }
        }
        match self.rights.get(&Right::Access) {
            None => out.push(format!("{id}: every regime must give access")),
            Some(rule) => {
                if !rule
                    .access_items
                    .iter()
                    .any(|i| i.item == crate::regime::AccessItem::Copy)
                {
                    out.push(format!("{id}: access lists no `copy` item"));
                }
                let mut seen = BTreeSet::new();
                for i in &rule.access_items {
                    if !seen.insert(i.item) {
                        out.push(format!("{id}: access item {:?} listed twice", i.item));
                    }
                }
            }
        }
        for (right, rule) in &self.rights {
            if rule.cite.trim().is_empty() {
                out.push(format!("{id}: {right} has no provision to cite"));
            }
            if *right != Right::Access && !rule.access_items.is_empty() {
                out.push(format!("{id}: access items given for {right}"));
            }
            if let Some(p) = &rule.deadline {
                out.extend(period_problems(id, &format!("{right} deadline"), p));
            }
        }
        out.extend(period_problems(id, "deadline", &self.deadline));
        if let Some(p) = &self.acknowledgement {
            out.extend(period_problems(id, "acknowledgement", p));
        }
        if let Some(p) = &self.appeal {
            out.extend(period_problems(id, "appeal", p));
        }
        if let Some(p) = &self.authority.follow_up {
            out.extend(period_problems(id, "authority follow-up", p));
        }
        if let Some(e) = &self.extension {
            if e.amount == 0 || e.unit == PeriodUnit::Reasonable {
                out.push(format!("{id}: extension must be a fixed, non-zero period"));
            }
        }
        if let Some(cal) = &self.calendar {
            if calendars.get(cal).is_err() {
                out.push(format!("{id}: unknown holiday calendar `{cal}`"));
            }
        }
        let needs_calendar = self.deadline.unit == PeriodUnit::BusinessDays
            || self.rights.values().any(|r| {
                r.deadline
                    .as_ref()
                    .is_some_and(|d| d.unit == PeriodUnit::BusinessDays)
            });
        if needs_calendar && self.calendar.is_none() {
            out.push(format!(
                "{id}: counts business days but names no holiday calendar"
            ));
        }
        for (what, site) in std::iter::once(("authority", &self.authority.website)).chain(
            self.authority
                .also
                .iter()
                .map(|a| ("other authority", &a.website)),
        ) {
            if site.contains(' ') || !site.contains('.') || site.contains("://") {
                out.push(format!(
                    "{id}: {what} website `{site}` must be a bare domain and path"
                ));
            }
        }
        for (what, text) in [
            ("name", &self.name),
            ("short_name", &self.short_name),
            ("law", &self.law),
            ("fee", &self.fee),
            ("identity", &self.identity),
            ("authority name", &self.authority.name),
        ] {
            if text.trim().is_empty() {
                out.push(format!("{id}: empty {what}"));
            }
        }
        out
    }
}

fn period_problems(id: &str, what: &str, p: &Period) -> Vec<String> {
    let mut out = Vec::new();
    if p.amount == 0 {
        out.push(format!("{id}: {what} has amount 0"));
    }
    if p.cite.trim().is_empty() {
        out.push(format!("{id}: {what} has no provision to cite"));
    }
    if p.unit == PeriodUnit::Reasonable && p.wording.is_none() {
        out.push(format!(
            "{id}: {what} is a reasonable period without the law's wording"
        ));
    }
    out
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RegimesFile {
    schema_version: u32,
    about: String,
    regimes: Vec<Regime>,
}

/// All regimes, in the data file's order.
#[derive(Debug, Clone)]
pub struct Regimes {
    regimes: Vec<Regime>,
}

impl Regimes {
    /// Parses and validates the embedded `data/regimes.json` against the holiday calendars.
    pub fn load() -> Result<Regimes, Error> {
        Regimes::parse_named(TEXT, FILE)
    }

    /// Parses and validates regimes data given as text (a corrected file, a test case).
    pub fn parse(text: &str) -> Result<Regimes, Error> {
        Regimes::parse_named(text, "regimes (given text)")
    }

    fn parse_named(text: &str, file_name: &'static str) -> Result<Regimes, Error> {
        let file: RegimesFile = serde_json::from_str(text).map_err(|source| Error::DataParse {
            file: file_name,
            source,
        })?;
        let calendars = Calendars::load()?;
        let mut problems = Vec::new();
        if file.schema_version != 1 {
            problems.push(format!("schema_version {} is not 1", file.schema_version));
        }
        let mut ids = BTreeSet::new();
        for r in &file.regimes {
            if !ids.insert(r.id.as_str()) {
                problems.push(format!("regime id `{}` appears twice", r.id));
            }
            problems.extend(r.problems(&calendars));
        }
        if problems.is_empty() {
            Ok(Regimes {
                regimes: file.regimes,
            })
        } else {
            Err(Error::DataInvalid {
                file: file_name,
                problems,
            })
        }
    }

    /// The embedded regimes, parsed once (the tests prove the data valid).
    pub fn builtin() -> &'static Regimes {
        static CELL: OnceLock<Regimes> = OnceLock::new();
        CELL.get_or_init(|| Regimes::load().expect("embedded regimes data is valid"))
    }

    pub fn get(&self, id: &str) -> Result<&Regime, Error> {
        self.regimes
            .iter()
            .find(|r| r.id == id)
            .ok_or_else(|| Error::UnknownRegime(id.to_string()))
    }

    pub fn all(&self) -> &[Regime] {
        &self.regimes
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.regimes.iter().map(|r| r.id.as_str())
    }
}
