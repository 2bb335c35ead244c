//! Public-holiday calendars, as data (`data/holidays/*.json`), for counting business days and
//! for moving a due date off a non-working day. A calendar lists the years it covers; outside
//! them only weekends are known, and the deadline engine says so in its rule text.

use crate::error::Error;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The embedded calendar files: (file name for errors, contents).
const FILES: [(&str, &str); 5] = [
    (
        "data/holidays/eu_generic.json",
        include_str!("../data/holidays/eu_generic.json"),
    ),
    (
        "data/holidays/ie.json",
        include_str!("../data/holidays/ie.json"),
    ),
    (
        "data/holidays/gb_ewl.json",
        include_str!("../data/holidays/gb_ewl.json"),
    ),
    (
        "data/holidays/us_federal.json",
        include_str!("../data/holidays/us_federal.json"),
    ),
    (
        "data/holidays/us_ca.json",
        include_str!("../data/holidays/us_ca.json"),
    ),
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayCalendar {
    pub id: String,
    pub name: String,
    pub region: String,
    /// Years the list is complete for.
    pub years: Vec<i32>,
    pub notes: String,
    pub sources: Vec<String>,
    pub holidays: Vec<Holiday>,
}

impl HolidayCalendar {
    /// The holiday's name if `date` is a public holiday in this calendar.
    pub fn holiday(&self, date: NaiveDate) -> Option<&str> {
        self.holidays
            .iter()
            .find(|h| h.date == date)
            .map(|h| h.name.as_str())
    }

    pub fn covers(&self, year: i32) -> bool {
        self.years.contains(&year)
    }

    fn problems(&self, file: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut seen = BTreeMap::new();
        for h in &self.holidays {
            if !self.covers(h.date.year()) {
                out.push(format!(
                    "{file}: {} ({}) is outside the years {:?}",
                    h.date, h.name, self.years
                ));
            }
            if h.date.weekday().number_from_monday() > 5 {
                // A weekend day is never a working day anyway; listing it hides a missing
                // substitute day.
                out.push(format!(
                    "{file}: {} ({}) falls on a weekend",
                    h.date, h.name
                ));
            }
            if let Some(prev) = seen.insert(h.date, &h.name) {
                out.push(format!(
                    "{file}: {} listed twice ({prev}, {})",
                    h.date, h.name
                ));
            }
            if h.name.trim().is_empty() {
                out.push(format!("{file}: {} has no name", h.date));
            }
        }
        if self.years.is_empty() {
            out.push(format!("{file}: no years covered"));
        }
        out
    }
}

/// All embedded calendars by id.
#[derive(Debug, Clone)]
pub struct Calendars {
    by_id: BTreeMap<String, HolidayCalendar>,
}

impl Calendars {
    /// Parses and validates the embedded calendar files.
    pub fn load() -> Result<Calendars, Error> {
        let mut by_id = BTreeMap::new();
        let mut problems = Vec::new();
        for (file, text) in FILES {
            let cal: HolidayCalendar =
                serde_json::from_str(text).map_err(|source| Error::DataParse { file, source })?;
            problems.extend(cal.problems(file));
            let expected = file
                .trim_start_matches("data/holidays/")
                .trim_end_matches(".json");
            if cal.id != expected {
                problems.push(format!(
                    "{file}: id `{}` does not match the file name",
                    cal.id
                ));
            }
            by_id.insert(cal.id.clone(), cal);
        }
        if !problems.is_empty() {
            return Err(Error::DataInvalid {
                file: "data/holidays",
                problems,
            });
        }
        Ok(Calendars { by_id })
    }

    /// The embedded calendars, parsed once. The data is compiled in and checked by the tests,
    /// so a failure here is a build defect, not a user error.
    pub fn builtin() -> &'static Calendars {
        static CELL: OnceLock<Calendars> = OnceLock::new();
        CELL.get_or_init(|| Calendars::load().expect("embedded holiday calendars are valid"))
    }

    pub fn get(&self, id: &str) -> Result<&HolidayCalendar, Error> {
        self.by_id
            .get(id)
            .ok_or_else(|| Error::UnknownCalendar(id.to_string()))
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.by_id.keys().map(String::as_str)
    }
}
