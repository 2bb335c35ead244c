//! The nouns every importer produces: records, data categories, the relation between a
//! company and the user, and the user's own identities.
//!
//! Importers build [`Record`]s with the typed builder so that the fields the store relies on
//! (kind, category, dedup key) cannot be forgotten.

use serde::{Deserialize, Serialize};
use std::fmt;
use xxhash_rust::xxh3::Xxh3;

/// The fixed taxonomy of personal-data categories. Stored as the snake_case name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    IdentityContact,
    Demographics,
    Location,
    Messages,
    SocialGraph,
    Content,
    ActivityBrowsing,
    Searches,
    Purchases,
    DevicesLogins,
    AdInterests,
    OffPlatformActivity,
    MediaConsumption,
    Sensitive,
    /// Text of a file no parser understands, indexed for search only ([`crate::indexing`]).
    /// Not a claim about what the data is: it never becomes a holding.
    Unclassified,
}

impl Category {
    pub const ALL: [Category; 15] = [
        Category::IdentityContact,
        Category::Demographics,
        Category::Location,
        Category::Messages,
        Category::SocialGraph,
        Category::Content,
        Category::ActivityBrowsing,
        Category::Searches,
        Category::Purchases,
        Category::DevicesLogins,
        Category::AdInterests,
        Category::OffPlatformActivity,
        Category::MediaConsumption,
        Category::Sensitive,
        Category::Unclassified,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Category::IdentityContact => "identity_contact",
            Category::Demographics => "demographics",
            Category::Location => "location",
            Category::Messages => "messages",
            Category::SocialGraph => "social_graph",
            Category::Content => "content",
            Category::ActivityBrowsing => "activity_browsing",
            Category::Searches => "searches",
            Category::Purchases => "purchases",
            Category::DevicesLogins => "devices_logins",
            Category::AdInterests => "ad_interests",
            Category::OffPlatformActivity => "off_platform_activity",
            Category::MediaConsumption => "media_consumption",
            Category::Sensitive => "sensitive",
            Category::Unclassified => "unclassified",
        }
    }

    /// Words a non-programmer understands.
    pub fn label(self) -> &'static str {
        match self {
            Category::IdentityContact => "Identity and contact details",
            Category::Demographics => "Demographics",
            Category::Location => "Location",
            Category::Messages => "Messages",
            Category::SocialGraph => "Friends and followers",
            Category::Content => "Content you posted",
            Category::ActivityBrowsing => "Activity and browsing",
            Category::Searches => "Searches",
            Category::Purchases => "Purchases and payments",
            Category::DevicesLogins => "Devices and logins",
            Category::AdInterests => "Ad interests and inferences",
            Category::OffPlatformActivity => "Activity outside the platform",
            Category::MediaConsumption => "What you watched and listened to",
            Category::Sensitive => "Sensitive categories",
            Category::Unclassified => "Indexed, not understood",
        }
    }

    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a company came to hold data about the user. The platform that produced the export
/// always holds what it exported (`CollectedDirectly`); third parties named in the export get
/// one of the other relations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The platform collected it itself.
    CollectedDirectly,
    /// An advertiser uploaded a list containing the user's contact information.
    UploadedContactList,
    /// A website or app sent the user's activity to the platform (off-platform activity).
    SentOffPlatformActivity,
    /// An advertiser used the user's activity or information to target ads (custom audiences).
    TargetedYou,
    /// The user saw, clicked or interacted with this advertiser's ads.
    AdInteraction,
    /// An app or website connected to the account (login with, installed app).
    ConnectedApp,
    /// The user submitted information to this advertiser (lead forms).
    ReceivedYourInfo,
    /// A data broker's segment was used to profile the user.
    DataBrokerSegment,
    /// An app the user installed from a store.
    InstalledApp,
    /// A partner that shared data about the user with the platform (TikTok's data partners,
    /// measurement and marketing partners).
    DataPartner,
    /// A seller, merchant or restaurant that sold the user something through the platform and
    /// so received the order's details (name, delivery address, what was bought).
    SoldToYou,
}

impl Relation {
    pub const ALL: [Relation; 11] = [
        Relation::CollectedDirectly,
        Relation::UploadedContactList,
        Relation::SentOffPlatformActivity,
        Relation::TargetedYou,
        Relation::AdInteraction,
        Relation::ConnectedApp,
        Relation::ReceivedYourInfo,
        Relation::DataBrokerSegment,
        Relation::InstalledApp,
        Relation::DataPartner,
        Relation::SoldToYou,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Relation::CollectedDirectly => "collected_directly",
            Relation::UploadedContactList => "uploaded_contact_list",
            Relation::SentOffPlatformActivity => "sent_off_platform_activity",
            Relation::TargetedYou => "targeted_you",
            Relation::AdInteraction => "ad_interaction",
            Relation::ConnectedApp => "connected_app",
            Relation::ReceivedYourInfo => "received_your_info",
            Relation::DataBrokerSegment => "data_broker_segment",
            Relation::InstalledApp => "installed_app",
            Relation::DataPartner => "data_partner",
            Relation::SoldToYou => "sold_to_you",
        }
    }

    /// Plain-words description, used by the CLI and the app.
    pub fn label(self) -> &'static str {
        match self {
            Relation::CollectedDirectly => "collected it directly",
            Relation::UploadedContactList => "uploaded a list with your contact information",
            Relation::SentOffPlatformActivity => "sent your activity from outside the platform",
            Relation::TargetedYou => "used your activity or information to target ads",
            Relation::AdInteraction => "showed you ads you interacted with",
            Relation::ConnectedApp => "is an app or website connected to your account",
            Relation::ReceivedYourInfo => "received information you submitted in an ad form",
            Relation::DataBrokerSegment => "placed you in a data-broker segment",
            Relation::InstalledApp => "is an app you installed",
            Relation::DataPartner => "shared data about you with the platform",
            Relation::SoldToYou => "sold you something and received your order details",
        }
    }

    pub fn parse(s: &str) -> Option<Relation> {
        Relation::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A third party named by a record, and how it relates to the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyRef {
    /// The name as the export spells it (after mojibake repair).
    pub name: String,
    pub relation: Relation,
}

/// Kinds of the user's own identifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdentityKind {
    Name,
    Email,
    Phone,
    Username,
    Address,
    BirthDate,
}

impl IdentityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            IdentityKind::Name => "name",
            IdentityKind::Email => "email",
            IdentityKind::Phone => "phone",
            IdentityKind::Username => "username",
            IdentityKind::Address => "address",
            IdentityKind::BirthDate => "birth_date",
        }
    }
    pub fn parse(s: &str) -> Option<IdentityKind> {
        [
            IdentityKind::Name,
            IdentityKind::Email,
            IdentityKind::Phone,
            IdentityKind::Username,
            IdentityKind::Address,
            IdentityKind::BirthDate,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// One of the user's identifiers found in an export (what letters are prefilled with).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    pub kind: IdentityKind,
    pub value: String,
}

/// One thing found in an export. Build it with [`Record::new`] and the `with_*` methods.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record {
    /// Short machine name of what this is: `message`, `search`, `location_point`, ...
    pub kind: &'static str,
    pub category: Category,
    /// UTC epoch milliseconds.
    pub ts: Option<i64>,
    /// End of a span (visits, activity segments), UTC epoch milliseconds.
    pub ts_end: Option<i64>,
    /// One line a person can read ("Searched for rust zip crate").
    pub title: Option<String>,
    /// Longer text (message content, post text). Indexed for search with the title.
    pub body: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// The third party this record names, if any.
    pub company: Option<CompanyRef>,
    /// The record's remaining fields as compact JSON text (kept for audit and research).
    pub data: Option<String>,
    /// An amount of money (an order's total, a payment), in minor units of its currency.
    pub amount: Option<crate::money::Money>,
    /// Stable natural key material hash; see [`Record::with_key`].
    pub key: Option<u64>,
    /// Position of the record inside its file (element index), filled by the import context.
    pub position: u64,
}

impl Record {
    pub fn new(kind: &'static str, category: Category) -> Self {
        Record {
            kind,
            category,
            ts: None,
            ts_end: None,
            title: None,
            body: None,
            lat: None,
            lon: None,
            company: None,
            data: None,
            amount: None,
            key: None,
            position: 0,
        }
    }
    pub fn at(mut self, ts: Option<i64>) -> Self {
        self.ts = ts;
        self
    }
    pub fn until(mut self, ts_end: Option<i64>) -> Self {
        self.ts_end = ts_end;
        self
    }
    pub fn title(mut self, t: impl Into<String>) -> Self {
        self.title = Some(t.into());
        self
    }
    pub fn title_opt(mut self, t: Option<String>) -> Self {
        self.title = t;
        self
    }
    pub fn body(mut self, b: impl Into<String>) -> Self {
        self.body = Some(b.into());
        self
    }
    pub fn body_opt(mut self, b: Option<String>) -> Self {
        self.body = b;
        self
    }
    pub fn point(mut self, lat: f64, lon: f64) -> Self {
        self.lat = Some(lat);
        self.lon = Some(lon);
        self
    }
    pub fn company(mut self, name: impl Into<String>, relation: Relation) -> Self {
        self.company = Some(CompanyRef {
            name: name.into(),
            relation,
        });
        self
    }
    /// The amount of money this record is about (purchases, payments, refunds).
    pub fn money(mut self, amount: crate::money::Money) -> Self {
        self.amount = Some(amount);
        self
    }
    pub fn money_opt(mut self, amount: Option<crate::money::Money>) -> Self {
        self.amount = amount;
        self
    }
    /// Attach extra fields (any serializable value) as compact JSON.
    pub fn data(mut self, value: &impl Serialize) -> Self {
        self.data = serde_json::to_string(value).ok();
        self
    }
    /// Attach already-serialized JSON text (e.g. the original element).
    pub fn data_raw(mut self, json: impl Into<String>) -> Self {
        self.data = Some(json.into());
        self
    }
    /// Set the natural key from parts that identify this record across exports of the same
    /// account (e.g. thread path + timestamp + sender for a message). Two exports of one
    /// account yield the same key for the same item, so re-imports add nothing.
    pub fn with_key(mut self, parts: &[&str]) -> Self {
        self.key = Some(key_of(self.kind, parts));
        self
    }

    /// The key used for deduplication: the explicit key, or a hash of the content.
    pub fn effective_key(&self) -> u64 {
        if let Some(k) = self.key {
            return k;
        }
        let ts = self.ts.map(|t| t.to_string()).unwrap_or_default();
        let ts_end = self.ts_end.map(|t| t.to_string()).unwrap_or_default();
        let lat = self.lat.map(|v| v.to_string()).unwrap_or_default();
        let lon = self.lon.map(|v| v.to_string()).unwrap_or_default();
        let company = self
            .company
            .as_ref()
            .map(|c| format!("{}|{}", c.name, c.relation))
            .unwrap_or_default();
        // The amount joins the key only when there is one: keys of records without money stay
        // what they were before amounts existed.
        let amount = self
            .amount
            .map(|m| format!("{}|{}", m.minor, m.currency.as_str()));
        let mut parts: Vec<&str> = vec![
            &ts,
            &ts_end,
            self.title.as_deref().unwrap_or(""),
            self.body.as_deref().unwrap_or(""),
            &lat,
            &lon,
            &company,
            self.data.as_deref().unwrap_or(""),
        ];
        if let Some(a) = &amount {
            parts.push(a);
        }
        key_of(self.kind, &parts)
    }
}

/// A time as natural-key material (`""` without one). One function for every parser, so
/// the twins of one record (a JSON file and its HTML page) key their times alike.
pub fn ts_key(ts: Option<i64>) -> String {
    ts.map(|t| t.to_string()).unwrap_or_default()
}

/// xxh3 over the kind and the parts, with separators so that ("ab","c") != ("a","bc").
/// xxh3 is a fixed, documented algorithm: keys stay stable across Rust versions.
pub fn key_of(kind: &str, parts: &[&str]) -> u64 {
    let mut h = Xxh3::new();
    h.update(kind.as_bytes());
    for p in parts {
        h.update(&[0x1f]);
        h.update(p.as_bytes());
    }
    h.digest()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_separates_parts() {
        assert_ne!(key_of("k", &["ab", "c"]), key_of("k", &["a", "bc"]));
        assert_eq!(key_of("k", &["a"]), key_of("k", &["a"]));
    }

    #[test]
    fn content_key_changes_with_content() {
        let a = Record::new("search", Category::Searches).title("a").at(Some(1));
        let b = Record::new("search", Category::Searches).title("b").at(Some(1));
        assert_ne!(a.effective_key(), b.effective_key());
        assert_eq!(a.effective_key(), a.clone().effective_key());
    }

    #[test]
    fn names_roundtrip() {
        for c in Category::ALL {
            assert_eq!(Category::parse(c.as_str()), Some(c));
        }
        for r in Relation::ALL {
            assert_eq!(Relation::parse(r.as_str()), Some(r));
        }
    }
}
