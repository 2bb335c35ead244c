//! Synthetic Netflix "Download your personal information" reports (`netflix-report.zip`):
//! CSV files in upper-case folders (`CONTENT_INTERACTION/`, `CLICKSTREAM/`, `DEVICES/`,
//! `IP_ADDRESSES/`, `PAYMENT_AND_BILLING/`, `ACCOUNT/`, `PROFILES/`, `MESSAGES/`,
//! `CUSTOMER_SERVICE/`, `SOCIAL_MEDIA_CONNECTIONS/`), dates `2024-01-15 20:31:22` (UTC), and
//! a `Cover sheet.pdf`.
//!
//! Two generations: the 2020 report (viewing, searches, ratings, My List, preferences,
//! clickstream, devices, login IPs, account, profiles, subscription, billing, customer
//! service) and the 2024 report, which adds playback events, interactive titles, streaming
//! IPs, messages sent by Netflix and social media connections. Messy options: a UTF-8 BOM,
//! upper-case headers, a localized `BillingHistory.csv` name, a 0-byte file, a cut-off file
//! and a row with broken UTF-8.
//!
//! The owner is [`Persona::for_seed`]; everything else is invented.

use crate::archive_writer::{ArchiveWriter, Container};
use crate::csv_files::{between, CsvText, HeaderCase};
use crate::persona::Persona;
use crate::Rng;
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

/// Which report generation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NfGen {
    Report2020,
    Report2024,
}

/// What a generated Netflix report holds.
#[derive(Debug, Clone)]
pub struct NetflixSpec {
    pub seed: u64,
    pub generation: NfGen,
    pub viewings: usize,
    pub searches: usize,
    pub clicks: usize,
    pub logins: usize,
    /// Rows of `BillingHistory.csv`; every fifth is declined ([`declined`]).
    pub bills: usize,
    /// Everything in a `netflix-report/` folder.
    pub top_folder: bool,
    pub bom: bool,
    pub upper_headers: bool,
    /// `BillingHistory.csv` as `Zahlungsverlauf.csv`: known only by its header.
    pub localized_names: bool,
    /// A 0-byte `MyList.csv`, a cut-off `ViewingActivity.csv`, a broken-UTF-8 row in
    /// `SearchHistory.csv`.
    pub damaged: bool,
    pub macos_junk: bool,
    pub container: Container,
}

impl Default for NetflixSpec {
    fn default() -> Self {
        NetflixSpec {
            seed: 1,
            generation: NfGen::Report2024,
            viewings: 20,
            searches: 6,
            clicks: 30,
            logins: 6,
            bills: 10,
            top_folder: false,
            bom: true,
            upper_headers: false,
            localized_names: false,
            damaged: false,
            macos_junk: false,
            container: Container::Zip,
        }
    }
}

/// Social networks of `SocialMediaConnections.csv` (2024 reports).
pub const SOCIAL: &[&str] = &["Facebook"];
/// IP addresses the account signed in and streamed from (documentation ranges).
pub const IPS: &[&str] = &["203.0.113.7", "198.51.100.23", "192.0.2.44"];
const TITLES: &[&str] = &[
    "Dark: Season 1: Secrets",
    "The Crown: Season 2: Misadventure",
    "Our Planet: One Planet",
    "Stranger Things: Chapter One",
    "Money Heist: Part 1: Episode 1",
    "Roma",
];
const DEVICES: &[&str] = &["Samsung 2019 TV", "Apple iPhone 12", "Chrome PC (Cadmium)"];

/// The payment processor of the i-th bill, as `Mop Pmt Processor Desc` writes it, and the
/// company the importer names.
pub fn processor(i: usize) -> (&'static str, &'static str) {
    [("ADYEN", "Adyen"), ("BRAINTREE", "Braintree")][i % 2]
}

/// The i-th bill was declined (no money moved).
pub fn declined(i: usize) -> bool {
    i % 5 == 4
}

/// The gross amount of the i-th bill in cents (EUR).
pub fn gross_cents(i: usize) -> i64 {
    1349 + 250 * (i as i64 % 3)
}

/// What the account paid, per currency, in minor units.
pub fn expected_spending(spec: &NetflixSpec) -> BTreeMap<String, i64> {
    let total: i64 = (0..spec.bills)
        .filter(|i| !declined(*i))
        .map(gross_cents)
        .sum();
    BTreeMap::from([("EUR".to_string(), total)])
}

/// The profiles of the account: the owner's and a kids' profile.
pub fn profiles(me: &Persona) -> [String; 2] {
    [me.first.clone(), "Kids".to_string()]
}

/// How many data files the importer must parse (non-empty CSVs).
pub fn data_files(spec: &NetflixSpec) -> usize {
    let n = match spec.generation {
        NfGen::Report2020 => 13,
        NfGen::Report2024 => 18,
    };
    n - usize::from(spec.damaged)
}

struct Gen<'a> {
    spec: &'a NetflixSpec,
    rng: Rng,
    me: Persona,
    w: ArchiveWriter,
}

impl Gen<'_> {
    fn table(&self, header: &[&str]) -> CsvText {
        let case = if self.spec.upper_headers {
            HeaderCase::Upper
        } else {
            HeaderCase::AsIs
        };
        CsvText::cased(header, case, self.spec.bom)
    }

    fn when(&mut self) -> String {
        between(&mut self.rng, 1_577_836_800, 1_709_251_200)
            .format("%Y-%m-%d %H:%M:%S")
            .to_string()
    }

    fn profile(&mut self) -> String {
        let p = profiles(&self.me);
        p[self.rng.below(2) as usize].clone()
    }

    fn title(&mut self) -> &'static str {
        TITLES[self.rng.below(TITLES.len() as u64) as usize]
    }

    fn newer(&self) -> bool {
        self.spec.generation == NfGen::Report2024
    }

    fn content(&mut self) -> io::Result<()> {
        let s = self.spec.clone();
        let mut t = self.table(&[
            "Profile Name",
            "Start Time",
            "Duration",
            "Attributes",
            "Title",
            "Supplemental Video Type",
            "Device Type",
            "Bookmark",
            "Latest Bookmark",
            "Country",
        ]);
        for i in 0..s.viewings {
            let (p, when, title) = (self.profile(), self.when(), self.title());
            let attrs = if i % 4 == 3 {
                "Autoplayed: user action: None; "
            } else {
                ""
            };
            let dev = DEVICES[i % DEVICES.len()];
            t.row(&[
                &p,
                &when,
                "00:42:10",
                attrs,
                title,
                "",
                dev,
                "00:42:10",
                "00:42:10",
                "DE (Germany)",
            ]);
        }
        let mut bytes = t.into_bytes();
        if s.damaged {
            bytes.truncate(bytes.len() - 40);
        }
        self.w
            .add("CONTENT_INTERACTION/ViewingActivity.csv", &bytes)?;

        let mut t = self.table(&[
            "Profile Name",
            "Country Iso Code",
            "Device",
            "Is Kids",
            "Query Typed",
            "Displayed Name",
            "Action",
            "Section",
            "Utc Timestamp",
        ]);
        for _ in 0..s.searches {
            let (p, when, title) = (self.profile(), self.when(), self.title());
            let query: String = title.chars().take(4).collect();
            let kids = if p == "Kids" { "1" } else { "0" };
            t.row(&[
                &p,
                "DE",
                "Samsung 2019 TV",
                kids,
                &query,
                title,
                "play",
                "search",
                &when,
            ]);
        }
        let bytes = if s.damaged {
            t.into_bytes_with(b"Kids,DE,TV,1,\xff\xfe,Roma,play,search,2024-01-01 10:00:00\n")
        } else {
            t.into_bytes()
        };
        self.w
            .add("CONTENT_INTERACTION/SearchHistory.csv", &bytes)?;

        let mut t = self.table(&[
            "Profile Name",
            "Title Name",
            "Rating Type",
            "Star Value",
            "Thumbs Value",
            "Device Model",
            "Event Utc Ts",
            "Region View Date",
        ]);
        for (i, title) in TITLES[..3].iter().enumerate() {
            let when = self.when();
            t.row(&[
                &self.me.first.clone(),
                *title,
                "thumb",
                "",
                &(1 + i % 2).to_string(),
                "Samsung 2019 TV",
                &when,
                "",
            ]);
        }
        self.w
            .add("CONTENT_INTERACTION/Ratings.csv", &t.into_bytes())?;

        if s.damaged {
            self.w.add("CONTENT_INTERACTION/MyList.csv", b"")?;
        } else {
            let mut t = self.table(&[
                "Profile Name",
                "Title Name",
                "Country",
                "Utc Title Add Date",
            ]);
            for title in &TITLES[..3] {
                let when = self.when();
                t.row(&[&self.me.first.clone(), *title, "DE (Germany)", &when[..10]]);
            }
            self.w
                .add("CONTENT_INTERACTION/MyList.csv", &t.into_bytes())?;
        }

        let mut t = self.table(&[
            "Profile Name",
            "Show",
            "Has Watched",
            "Is Interested",
            "Event Date",
        ]);
        for title in &TITLES[..4] {
            let when = self.when();
            let show = title.split(':').next().unwrap_or(title);
            t.row(&[&self.me.first.clone(), show, "false", "true", &when]);
        }
        self.w.add(
            "CONTENT_INTERACTION/IndicatedPreferences.csv",
            &t.into_bytes(),
        )?;

        if self.newer() {
            let mut t = self.table(&[
                "Profile Name",
                "Title Description",
                "Device",
                "Country",
                "Playback Start Utc Ts",
                "Playtraces",
            ]);
            for _ in 0..4 {
                let (p, when, title) = (self.profile(), self.when(), self.title());
                let traces = "[{\"eventType\":\"start\",\"sessionOffsetMs\":0,\"mediaOffsetMs\":0},{\"eventType\":\"stop\",\"sessionOffsetMs\":2530000,\"mediaOffsetMs\":2530000}]";
                t.row(&[&p, title, "Samsung 2019 TV", "DE (Germany)", &when, traces]);
            }
            self.w.add(
                "CONTENT_INTERACTION/PlaybackRelatedEvents.csv",
                &t.into_bytes(),
            )?;
            let mut t = self.table(&[
                "Profile Name",
                "Title Desc",
                "Selection Type",
                "Choice Segment",
                "Source",
                "Utc Timestamp",
            ]);
            for (i, choice) in ["Frosties", "Sugar Puffs"].iter().enumerate() {
                let when = self.when();
                t.row(&[
                    &self.me.first.clone(),
                    "Black Mirror: Bandersnatch",
                    "userSelection",
                    &format!("{choice} {i}"),
                    "TV",
                    &when,
                ]);
            }
            self.w
                .add("CONTENT_INTERACTION/InteractiveTitles.csv", &t.into_bytes())?;
        }
        Ok(())
    }

    fn clicks(&mut self) -> io::Result<()> {
        let mut t = self.table(&[
            "Profile Name",
            "Source",
            "Navigation Level",
            "Referrer Url",
            "Webpage Url",
            "Click Utc Ts",
        ]);
        for i in 0..self.spec.clicks {
            // Clicks come in sessions: ten a day.
            let day = 1_704_067_200 + (i as i64 / 10) * 86_400;
            let ts = chrono::DateTime::from_timestamp(day + 3_600 + i as i64 * 60, 0)
                .unwrap_or_default();
            let level = ["browseTitles", "search", "movieDetails"][i % 3];
            t.row(&[
                &self.me.first.clone(),
                "web",
                level,
                "",
                "https://www.netflix.com/browse",
                &ts.format("%Y-%m-%d %H:%M:%S").to_string(),
            ]);
        }
        self.w.add("CLICKSTREAM/Clickstream.csv", &t.into_bytes())
    }

    fn devices(&mut self) -> io::Result<()> {
        let mut t = self.table(&[
            "Profile Name",
            "Esn",
            "Device Type",
            "Acct First Playback Date",
            "Acct Last Playback Date",
            "Profile Last Playback Date",
            "Profile First Playback Date",
            "Deactivation Time",
        ]);
        for (i, dev) in DEVICES.iter().enumerate() {
            let (a, b) = (self.when(), self.when());
            let (first, last) = if a < b { (a, b) } else { (b, a) };
            t.row(&[
                &self.me.first.clone(),
                &format!("NFESN-{i:04}-{:06}", self.spec.seed),
                *dev,
                &first,
                &last,
                &last,
                &first,
                "",
            ]);
        }
        self.w.add("DEVICES/Devices.csv", &t.into_bytes())?;
        let mut t = self.table(&[
            "esn",
            "country",
            "localizedDeviceDescription",
            "deviceDescription",
            "ipAddress",
            "regionCodeDisplayName",
            "ts",
        ]);
        for i in 0..self.spec.logins {
            let when = self.when();
            t.row(&[
                &format!("NFESN-{:04}-{:06}", i % 3, self.spec.seed),
                "DE",
                "TV",
                DEVICES[i % 3],
                IPS[i % IPS.len()],
                "Saxony",
                &when,
            ]);
        }
        self.w
            .add("IP_ADDRESSES/IpAddressesLogin.csv", &t.into_bytes())?;
        if self.newer() {
            let mut t = self.table(&[
                "Profile Name",
                "Device",
                "Ip",
                "Country",
                "Region Code Display Name",
                "Ts",
            ]);
            for i in 0..self.spec.logins {
                let (p, when) = (self.profile(), self.when());
                t.row(&[&p, DEVICES[i % 3], IPS[i % 2], "DE", "Saxony", &when]);
            }
            self.w
                .add("IP_ADDRESSES/IpAddressesStreaming.csv", &t.into_bytes())?;
        }
        Ok(())
    }

    fn account(&mut self) -> io::Result<()> {
        let me = self.me.clone();
        let mut t = self.table(&[
            "First Name",
            "Last Name",
            "Email Address",
            "Customer Creation Timestamp",
            "Country Of Registration",
            "Country Of Signup",
            "Primary Lang",
            "Phone Number",
        ]);
        t.row(&[
            &me.first,
            &me.last,
            &me.email,
            "2016-04-02 10:00:00",
            "DE",
            "DE",
            "de",
            &me.phone,
        ]);
        self.w.add("ACCOUNT/AccountDetails.csv", &t.into_bytes())?;
        let mut t = self.table(&[
            "Subscription Opened Ts",
            "Plan Change Date",
            "Plan Change Old Plan",
            "Plan Change New Plan",
            "Customer Cancel Ts",
        ]);
        t.row(&[
            "2016-04-02 10:00:00",
            "2021-06-01 00:00:00",
            "Basic",
            "Standard",
            "",
        ]);
        self.w
            .add("ACCOUNT/SubscriptionHistory.csv", &t.into_bytes())?;
        let mut t = self.table(&[
            "Profile Name",
            "Email Address",
            "Profile Creation Time",
            "Maturity Level",
            "Primary Lang",
        ]);
        for (i, p) in profiles(&me).iter().enumerate() {
            let email = if i == 0 { me.email.as_str() } else { "" };
            let level = if i == 0 { "Adult" } else { "Little Kids" };
            t.row(&[p.as_str(), email, "2016-04-02 10:05:00", level, "de"]);
        }
        self.w.add("PROFILES/Profiles.csv", &t.into_bytes())?;
        let mut t = self.table(&["Contact Start Utc Ts", "Contact Channel", "Contact Reason"]);
        t.row(&["2022-11-03 18:20:00", "Chat", "Billing"]);
        self.w
            .add("CUSTOMER_SERVICE/CSContact.csv", &t.into_bytes())?;
        if self.newer() {
            let mut t = self.table(&[
                "Profile Name",
                "Sent Utc Ts",
                "Message Name",
                "Channel",
                "Title Name",
                "Link Clicked",
                "Click Cnt",
            ]);
            for i in 0..3 {
                let when = self.when();
                t.row(&[
                    &me.first,
                    &when,
                    "NEW_RELEASE",
                    ["EMAIL", "PUSH"][i % 2],
                    TITLES[i],
                    "",
                    "0",
                ]);
            }
            self.w
                .add("MESSAGES/MessagesSentByNetflix.csv", &t.into_bytes())?;
            let mut t = self.table(&[
                "Profile Name",
                "Social Network",
                "Connection Status",
                "Connect Ts",
            ]);
            for net in SOCIAL {
                t.row(&[&me.first, *net, "CONNECTED", "2019-05-01 12:00:00"]);
            }
            self.w.add(
                "SOCIAL_MEDIA_CONNECTIONS/SocialMediaConnections.csv",
                &t.into_bytes(),
            )?;
        }
        self.w.add(
            "Cover sheet.pdf",
            b"%PDF-1.4\n% Netflix cover sheet (invented)\n%%EOF\n",
        )
    }

    fn billing(&mut self) -> io::Result<()> {
        let mut t = self.table(&[
            "Transaction Date",
            "Service Period Start Date",
            "Service Period End Date",
            "Description",
            "Payment Type",
            "Mop Last 4",
            "Mop Creation Date",
            "Mop Pmt Processor Desc",
            "Item Price Amt",
            "Currency",
            "Tax Amt",
            "Gross Sale Amt",
            "Pmt Txn Type",
            "Pmt Status",
            "Final Invoice Result",
            "Country",
            "Next Billing Date",
        ]);
        for i in 0..self.spec.bills {
            let month = chrono::NaiveDate::from_ymd_opt(2023, 1, 5)
                .unwrap()
                .checked_add_months(chrono::Months::new(i as u32))
                .unwrap();
            let end = month.checked_add_months(chrono::Months::new(1)).unwrap();
            let gross = gross_cents(i);
            let tax = gross * 19 / 119;
            let money = |c: i64| format!("{}.{:02}", c / 100, c % 100);
            let (status, result) = if declined(i) {
                ("DECLINED", "FAILED")
            } else {
                ("APPROVED", "SETTLED")
            };
            t.row(&[
                month.to_string(),
                month.to_string(),
                end.to_string(),
                "Standard plan".into(),
                "CC".into(),
                "4242".into(),
                "2021-06-01".into(),
                processor(i).0.into(),
                money(gross - tax),
                "EUR".into(),
                money(tax),
                money(gross),
                "SALE".into(),
                status.into(),
                result.into(),
                "DE".into(),
                end.to_string(),
            ]);
        }
        let name = if self.spec.localized_names {
            "PAYMENT_AND_BILLING/Zahlungsverlauf.csv"
        } else {
            "PAYMENT_AND_BILLING/BillingHistory.csv"
        };
        self.w.add(name, &t.into_bytes())
    }
}

/// Write the report to `out` (a zip, parts, tgz or folder by `spec.container`).
pub fn generate(spec: &NetflixSpec, out: &Path) -> io::Result<Vec<PathBuf>> {
    let mut w = ArchiveWriter::new(out, spec.container)?.macos_junk(spec.macos_junk);
    if spec.top_folder {
        w = w.top_folder("netflix-report");
    }
    let mut g = Gen {
        spec,
        rng: Rng::new(spec.seed ^ 0x4E_E7F1),
        me: Persona::for_seed(spec.seed),
        w,
    };
    g.content()?;
    g.clicks()?;
    g.devices()?;
    g.account()?;
    g.billing()?;
    g.w.finish()
}

/// The demo report; `records` scales the viewing activity.
pub fn demo(out: &Path, seed: u64, records: Option<usize>) -> io::Result<Vec<PathBuf>> {
    let n = records.unwrap_or(300);
    let spec = NetflixSpec {
        seed,
        viewings: n,
        searches: n / 10 + 1,
        clicks: n * 2,
        bills: 24,
        ..Default::default()
    };
    generate(&spec, out)
}
