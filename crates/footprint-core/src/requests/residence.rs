//! Where the user lives, as the user set it (Settings): a complaint goes to the supervisory
//! authority of the country of residence by default (GDPR Art. 77(1)), and in Germany to the
//! Land's. Stored in `user_settings`; nothing is guessed from the exports.

use super::RequestError;
use crate::store::{Store, StoreError};
use footprint_rights::authority::{normalize_country, normalize_land, Authorities};
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};

const COUNTRY: &str = "residence_country";
const REGION: &str = "residence_region";

/// The user's country (and German Land) of residence.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Residence {
    /// ISO 3166-1 alpha-2 (`DE`, `FR`, `GB`); None until the user sets it.
    pub country: Option<String>,
    /// The German Land's code (`BY`), only with `DE`.
    pub region: Option<String>,
}

impl Store {
    fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row("SELECT value FROM user_settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .map_err(self.err())
    }

    /// The stored country of residence (none set: both None).
    pub fn residence(&self) -> Result<Residence, RequestError> {
        Ok(Residence {
            country: self.setting(COUNTRY)?,
            region: self.setting(REGION)?,
        })
    }

    /// Stores the country of residence: a country with a known authority (`UK` is stored as
    /// `GB`), a Land only for Germany; an empty country clears both.
    pub fn set_residence(&mut self, r: &Residence) -> Result<Residence, RequestError> {
        let country = r
            .country
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(normalize_country);
        if let Some(c) = &country {
            if Authorities::builtin().in_country(c).is_empty() {
                return Err(RequestError::Invalid(format!(
                    "no supervisory authority is known for `{c}` (Footprint knows the EU/EEA countries, the United Kingdom and Switzerland; see `footprint authorities`)"
                )));
            }
        }
        let region = match (country.as_deref(), r.region.as_deref().map(str::trim)) {
            (Some("DE"), Some(land)) if !land.is_empty() => Some(
                normalize_land(land)
                    .ok_or_else(|| {
                        RequestError::Invalid(format!(
                            "`{land}` is not a German Land (use a code such as BY or a name such as Bayern)"
                        ))
                    })?
                    .to_string(),
            ),
            _ => None,
        };
        let path = self.path.clone();
        let err = StoreError::sql(&path);
        let tx = self.conn.transaction().map_err(&err)?;
        for (key, value) in [(COUNTRY, &country), (REGION, &region)] {
            match value {
                Some(v) => tx.execute(
                    "INSERT INTO user_settings(key, value) VALUES (?1, ?2)
                     ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    [key, v.as_str()],
                ),
                None => tx.execute("DELETE FROM user_settings WHERE key = ?1", [key]),
            }
            .map_err(&err)?;
        }
        tx.commit().map_err(&err)?;
        self.residence()
    }
}

/// One supervisory authority as the complaint chooser lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AuthorityOption {
    /// Its id (for [`super::ComplaintTo::authority`] and `footprint request letter --authority`).
    pub slug: String,
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// The German Land, for a Land authority.
    pub region: Option<String>,
    /// general, federal, public_sector, church or broadcasting.
    pub scope: String,
}

/// Every supervisory authority Footprint knows, by country, then region, then name.
pub fn authority_options() -> Vec<AuthorityOption> {
    let mut out: Vec<AuthorityOption> = Authorities::builtin()
        .all()
        .iter()
        .map(|a| AuthorityOption {
            slug: a.slug.clone(),
            name: a.name.clone(),
            country: a.country.clone(),
            region: a.region.clone(),
            scope: serde_json::to_value(a.scope)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
        })
        .collect();
    out.sort_by(|a, b| (&a.country, &a.region, &a.name).cmp(&(&b.country, &b.region, &b.name)));
    out
}

/// Who a complaint goes to, and why (shown beside the preview; never printed in the letter).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ComplaintRecipient {
    pub slug: Option<String>,
    pub name: String,
    pub why: Option<String>,
}

impl From<footprint_rights::letter::AuthorityContact> for ComplaintRecipient {
    fn from(a: footprint_rights::letter::AuthorityContact) -> Self {
        ComplaintRecipient {
            slug: a.slug,
            name: a.name,
            why: a.why,
        }
    }
}

impl Residence {
    /// The complaint target this residence means (None when no country is set).
    pub fn complaint_to(&self) -> Option<super::ComplaintTo> {
        self.country.as_ref().map(|c| super::ComplaintTo {
            country: Some(c.clone()),
            region: self.region.clone(),
            lead: false,
            authority: None,
        })
    }
}
