//! Synthetic LinkedIn "Get a copy of your data" archives (FORMATS.md, "LinkedIn"): flat CSV
//! files at the root or in one folder named like the zip, `Jobs/` and `Verifications/`
//! subfolders, the `Notes:` preamble of `Connections.csv`, the one-row `Ad_Targeting.csv`
//! with duplicate column names and `;`-joined values, multi-line quoted message contents,
//! and LinkedIn's date forms (`15 Mar 2009`, `2025/10/09`, `2024-01-15 14:30:00 UTC`,
//! `1/13/24, 9:47 PM`, `Mar 2015`).
//!
//! Messy options reproduce what importers must survive: BOMs, lowercase headers, `N/A`
//! placeholders and empty cells, US month-first dates, a localized file name, a 0-byte
//! file, a cut-off file and a row with broken UTF-8.
//!
//! The owner is [`Persona::for_seed`]; third parties come from [`names::company`], so the
//! same advertisers appear on other platforms. Everything is invented.

use crate::archive_writer::{ArchiveWriter, Container};
use crate::csv_files::{between, CsvText, HeaderCase};
use crate::names;
use crate::persona::Persona;
use crate::Rng;
use chrono::{DateTime, Utc};
use std::io;
use std::path::{Path, PathBuf};

/// Which export LinkedIn sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiGen {
    /// The first, fast archive: profile, contact details, network, messages, career.
    Basic,
    /// The full archive a day later: also logins, ads, inferences, jobs, learning, ...
    Complete,
}

/// Where the files sit in the zip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiLayout {
    /// CSVs at the root of the zip.
    Root,
    /// Everything in one folder named like the zip (`Complete_LinkedInDataExport_03-02-2024/`).
    Folder,
}

/// What a generated LinkedIn export holds.
#[derive(Debug, Clone)]
pub struct LinkedInSpec {
    pub seed: u64,
    pub generation: LiGen,
    pub layout: LiLayout,
    pub connections: usize,
    pub messages: usize,
    pub invitations: usize,
    pub positions: usize,
    pub skills: usize,
    /// Complete only from here on.
    pub logins: usize,
    pub searches: usize,
    pub ads_clicked: usize,
    /// Advertisers of `LAN Ads Engagement.csv` ([`lan_advertiser`]), one engagement each.
    pub lan_advertisers: usize,
    pub job_applications: usize,
    pub company_follows: usize,
    /// Write a UTF-8 BOM before every file.
    pub bom: bool,
    /// Headers in lowercase (exports drift in casing).
    pub lowercase_headers: bool,
    /// `Mar 15, 2009` instead of `15 Mar 2009`.
    pub month_first_dates: bool,
    /// `Connections.csv` under a German name (`Verbindungen.csv`): known only by its header.
    pub localized_names: bool,
    /// `N/A` and empty cells where values are optional.
    pub placeholders: bool,
    /// A 0-byte `Skills.csv`, a cut-off `messages.csv`, a broken-UTF-8 row in `Invitations.csv`.
    pub damaged: bool,
    pub macos_junk: bool,
    pub container: Container,
}

impl Default for LinkedInSpec {
    fn default() -> Self {
        LinkedInSpec {
            seed: 1,
            generation: LiGen::Complete,
            layout: LiLayout::Root,
            connections: 12,
            messages: 10,
            invitations: 4,
            positions: 3,
            skills: 5,
            logins: 6,
            searches: 5,
            ads_clicked: 3,
            lan_advertisers: 4,
            job_applications: 3,
            company_follows: 4,
            bom: false,
            lowercase_headers: false,
            month_first_dates: false,
            localized_names: false,
            placeholders: false,
            damaged: false,
            macos_junk: false,
            container: Container::Zip,
        }
    }
}

/// Publishers of the LinkedIn Audience Network in generated exports (news sites and apps).
pub const LAN_PUBLISHERS: &[&str] = &["Le Monde", "The Guardian", "Duolingo"];
/// The identity-verification provider of `Verifications/Verifications.csv`.
pub const VERIFICATION_PROVIDER: &str = "Persona";
/// `Ad_Targeting.csv` attributes and values: (column, `;`-joined values).
pub const AD_TARGETING: &[(&str, &str)] = &[
    ("Member Age", "25 to 34"),
    ("Company Names", "Blue Bakery 1; Acme Robotics"),
    ("Company Names", "Globex"),
    ("Company Follower of", "IKEA; Spotify"),
    ("Company Size", "51-200"),
    ("Degrees", "Master of Science"),
    ("Member Gender", "Female"),
    ("Member Interests", "Cycling; Electric vehicles; Jazz"),
    ("Interface Locales", "en_US"),
    ("Job Seniorities", "Senior"),
    ("Job Titles", "Data Engineer"),
    ("Job Titles", "Software Engineer; Analyst"),
    ("Years of Experience", "6 to 7 years"),
];
/// Rows of `Inferences_about_you.csv`: (category, type, inference).
pub const INFERENCES: &[(&str, &str, &str)] = &[
    ("Demographics", "Member Age", "25-34"),
    ("Demographics", "Member Gender", "Female"),
    ("Interests", "Topic", "Cloud computing"),
];

/// The advertiser of the i-th LAN engagement (consumer brands of [`names::COMPANIES`]).
pub fn lan_advertiser(i: usize) -> String {
    names::company(7 + i)
}

/// The employer of the i-th job application.
pub fn employer(i: usize) -> String {
    names::company(60 + i)
}

/// The zip name LinkedIn gives this generation (MM-DD-YYYY of the export date).
pub fn zip_name(generation: LiGen) -> &'static str {
    match generation {
        LiGen::Basic => "Basic_LinkedInDataExport_03-02-2024",
        LiGen::Complete => "Complete_LinkedInDataExport_03-02-2024",
    }
}

/// The data files (non-empty, non-damaged) a spec writes: what the importer must parse.
pub fn data_files(spec: &LinkedInSpec) -> usize {
    let basic = 10 - usize::from(spec.damaged);
    match spec.generation {
        LiGen::Basic => basic,
        LiGen::Complete => basic + 19,
    }
}

struct Gen<'a> {
    spec: &'a LinkedInSpec,
    rng: Rng,
    me: Persona,
    w: ArchiveWriter,
}

impl Gen<'_> {
    fn case(&self) -> HeaderCase {
        if self.spec.lowercase_headers {
            HeaderCase::Lower
        } else {
            HeaderCase::AsIs
        }
    }

    fn table(&self, header: &[&str]) -> CsvText {
        CsvText::cased(header, self.case(), self.spec.bom)
    }

    fn put(&mut self, name: &str, bytes: &[u8]) -> io::Result<()> {
        self.w.add(name, bytes)
    }

    fn opt<'s>(&mut self, s: &'s str) -> &'s str {
        if self.spec.placeholders && self.rng.chance(0.3) {
            if self.rng.chance(0.5) {
                "N/A"
            } else {
                ""
            }
        } else {
            s
        }
    }

    /// A time between 2015 and 2024.
    fn when(&mut self) -> DateTime<Utc> {
        between(&mut self.rng, 1_420_070_400, 1_709_251_200)
    }

    fn day(&mut self) -> String {
        let t = self.when();
        if self.spec.month_first_dates {
            t.format("%b %d, %Y").to_string()
        } else {
            t.format("%d %b %Y").to_string()
        }
    }

    fn person(&mut self) -> (String, String) {
        (
            self.rng.pick(names::FIRST).to_string(),
            self.rng.pick(names::LAST).to_string(),
        )
    }

    fn profile(&mut self) -> io::Result<()> {
        let me = self.me.clone();
        let mut t = self.table(&[
            "First Name",
            "Last Name",
            "Maiden Name",
            "Address",
            "Birth Date",
            "Headline",
            "Summary",
            "Industry",
            "Zip Code",
            "Geo Location",
            "Twitter Handles",
            "Websites",
            "Instant Messengers",
        ]);
        let (_, m, d) = me.birthday;
        let birth = format!(
            "{} {d}",
            ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
                [(m - 1) as usize]
        );
        t.row(&[
            &me.first,
            &me.last,
            "",
            me.city,
            &birth,
            "Data engineer, cyclist",
            "I build data pipelines.\nAnd bicycles.",
            "Software Development",
            "",
            me.city,
            "",
            "",
            "",
        ]);
        self.put("Profile.csv", &t.into_bytes())?;
        let mut t = self.table(&["Email Address", "Confirmed", "Primary", "Updated On"]);
        t.row(&[
            format!("{}.old@example.com", me.username).as_str(),
            "Yes",
            "No",
            "2016/05/01 10:00:00 UTC",
        ]);
        t.row(&[me.email.as_str(), "Yes", "Yes", "2019/01/12 08:30:00 UTC"]);
        self.put("Email Addresses.csv", &t.into_bytes())?;
        let mut t = self.table(&["Extension", "Number", "Type"]);
        t.row(&["", me.phone.as_str(), "Mobile"]);
        self.put("PhoneNumbers.csv", &t.into_bytes())
    }

    fn network(&mut self) -> io::Result<()> {
        let header = self.case().apply(&[
            "First Name",
            "Last Name",
            "URL",
            "Email Address",
            "Company",
            "Position",
            "Connected On",
        ]);
        let refs: Vec<&str> = header.iter().map(String::as_str).collect();
        let mut t = CsvText::with_notes(
            "When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address.",
            &refs,
            self.spec.bom,
        );
        for i in 0..self.spec.connections {
            let (f, l) = self.person();
            let url = format!(
                "https://www.linkedin.com/in/{}-{}-{i}",
                crate::persona::slug(&f),
                crate::persona::slug(&l)
            );
            let email = if i % 3 == 0 {
                format!("{}.{}@example.com", crate::persona::slug(&f), i)
            } else {
                String::new()
            };
            let company = names::company(i % 30);
            let position = self.opt("Product Manager").to_string();
            let day = self.day();
            t.row(&[f.as_str(), &l, &url, &email, &company, &position, &day]);
        }
        let name = if self.spec.localized_names {
            "Verbindungen.csv"
        } else {
            "Connections.csv"
        };
        self.put(name, &t.into_bytes())?;

        let mut t = self.table(&[
            "From",
            "To",
            "Sent At",
            "Message",
            "Direction",
            "inviterProfileUrl",
            "inviteeProfileUrl",
        ]);
        for i in 0..self.spec.invitations {
            let (f, l) = self.person();
            let other = format!("{f} {l}");
            let sent = self.when().format("%-m/%-d/%y, %-I:%M %p").to_string();
            let (from, to, dir) = if i % 2 == 0 {
                (self.me.name.clone(), other, "OUTGOING")
            } else {
                (other, self.me.name.clone(), "INCOMING")
            };
            let msg = self.opt("Hi, let's connect!").to_string();
            t.row(&[from.as_str(), &to, &sent, &msg, dir, "", ""]);
        }
        let bytes = if self.spec.damaged {
            t.into_bytes_with(b"Broken \xff\xfe Name,Someone,1/1/24, 1:00 PM,,INCOMING,,\n")
        } else {
            t.into_bytes()
        };
        self.put("Invitations.csv", &bytes)
    }

    fn messages(&mut self) -> io::Result<()> {
        let mut t = self.table(&[
            "CONVERSATION ID",
            "CONVERSATION TITLE",
            "FROM",
            "SENDER PROFILE URL",
            "TO",
            "RECIPIENT PROFILE URLS",
            "DATE",
            "SUBJECT",
            "CONTENT",
            "FOLDER",
        ]);
        for i in 0..self.spec.messages {
            let (f, l) = self.person();
            let other = format!("{f} {l}");
            let conv = format!("2-{:016x}", (i / 3) as u64 * 7919 + 1);
            let (from, to) = if i % 2 == 0 {
                (self.me.name.clone(), other.clone())
            } else {
                (other.clone(), self.me.name.clone())
            };
            let date = self.when().format("%Y-%m-%d %H:%M:%S UTC").to_string();
            let w1 = *self.rng.pick(names::WORDS);
            let w2 = *self.rng.pick(names::WORDS);
            let content = format!("About the {w1}, \"quick\" question:\nare we still on for {w2}?");
            t.row(&[
                conv.as_str(),
                &other,
                &from,
                "https://www.linkedin.com/in/someone",
                &to,
                "",
                &date,
                "",
                &content,
                "INBOX",
            ]);
        }
        let mut bytes = t.into_bytes();
        if self.spec.damaged {
            // Cut inside the last message's quoted content, as an interrupted download does.
            bytes.truncate(bytes.len() - 12);
        }
        self.put("messages.csv", &bytes)
    }

    fn career(&mut self) -> io::Result<()> {
        let mut t = self.table(&[
            "Company Name",
            "Title",
            "Description",
            "Location",
            "Started On",
            "Finished On",
        ]);
        for i in 0..self.spec.positions {
            let start = self.when().format("%b %Y").to_string();
            let end = if i == 0 {
                String::new()
            } else {
                self.when().format("%b %Y").to_string()
            };
            t.row(&[
                names::company(40 + i).as_str(),
                "Data Engineer",
                "Pipelines, dashboards, on-call.",
                self.me.city,
                &start,
                &end,
            ]);
        }
        self.put("Positions.csv", &t.into_bytes())?;
        let mut t = self.table(&[
            "School Name",
            "Start Date",
            "End Date",
            "Notes",
            "Degree Name",
            "Activities",
        ]);
        t.row(&[
            "Université de Lyon",
            "2008",
            "2013",
            "",
            "Master of Science",
            "Cycling club",
        ]);
        self.put("Education.csv", &t.into_bytes())?;
        let mut t = self.table(&["Name"]);
        for s in [
            "SQL",
            "Rust",
            "Data Modeling",
            "Python",
            "Public Speaking",
            "Kubernetes",
        ]
        .iter()
        .cycle()
        .take(self.spec.skills)
        {
            t.row(&[*s]);
        }
        let skills = if self.spec.damaged {
            Vec::new()
        } else {
            t.into_bytes()
        };
        self.put("Skills.csv", &skills)?;
        let mut t = self.table(&["Registered At", "Registration Ip", "Subscription Types"]);
        t.row(&["2009-03-15 09:12:00 UTC", "198.51.100.7", "Basic"]);
        self.put("Registration.csv", &t.into_bytes())
    }

    fn complete(&mut self) -> io::Result<()> {
        let s = self.spec.clone();
        let mut t = self.table(&["Login Date", "IP Address", "User Agent", "Login Type"]);
        for i in 0..s.logins {
            let d = self.when().format("%Y-%m-%d %H:%M:%S UTC").to_string();
            t.row(&[
                d.as_str(),
                &format!("203.0.113.{}", 10 + i),
                "Mozilla/5.0 (X11; Linux x86_64)",
                if i % 2 == 0 { "WEB" } else { "MOBILE" },
            ]);
        }
        self.put("Logins.csv", &t.into_bytes())?;
        let mut t = self.table(&[
            "Challenge Date",
            "IP Address",
            "User Agent",
            "Country",
            "Challenge Type",
        ]);
        t.row(&[
            "2023-06-01 12:00:00 UTC",
            "203.0.113.99",
            "Mozilla/5.0",
            "FR",
            "EMAIL_PIN",
        ]);
        self.put("Security Challenges.csv", &t.into_bytes())?;

        // Ads: one row, duplicate headers, `;`-joined values.
        let cols: Vec<&str> = AD_TARGETING.iter().map(|(c, _)| *c).collect();
        let mut t = self.table(&cols);
        t.row(&AD_TARGETING.iter().map(|(_, v)| *v).collect::<Vec<_>>());
        self.put("Ad_Targeting.csv", &t.into_bytes())?;
        let mut t = self.table(&["Category", "Type of inference", "Description", "Inference"]);
        for (c, k, v) in INFERENCES {
            t.row(&[
                *c,
                k,
                "What LinkedIn infers from your profile and activity",
                v,
            ]);
        }
        self.put("Inferences_about_you.csv", &t.into_bytes())?;
        let mut t = self.table(&["Ad clicked Date", "Ad Title/Id"]);
        for i in 0..s.ads_clicked {
            let d = self.when().format("%Y/%m/%d %H:%M:%S UTC").to_string();
            t.row(&[d.as_str(), &format!("{}", 180_000_000 + i * 7)]);
        }
        self.put("Ads Clicked.csv", &t.into_bytes())?;
        let mut t = self.table(&["Date", "Action", "Ad Title", "Advertiser", "Publisher"]);
        for i in 0..s.lan_advertisers {
            let d = self.when().format("%Y/%m/%d").to_string();
            let publisher = LAN_PUBLISHERS[i % LAN_PUBLISHERS.len()];
            t.row(&[
                d.as_str(),
                if i % 2 == 0 { "Click" } else { "Impression" },
                "Spring collection",
                &lan_advertiser(i),
                publisher,
            ]);
        }
        self.put("LAN Ads Engagement.csv", &t.into_bytes())?;

        // Jobs: each application names the employer that received it.
        let mut t = self.table(&[
            "Application Date",
            "Contact Email",
            "Contact Phone Number",
            "Company Name",
            "Job Title",
            "Job Url",
            "Resume Name",
            "Question And Answers",
        ]);
        for i in 0..s.job_applications {
            let d = self.when().format("%-m/%-d/%y, %-I:%M %p").to_string();
            t.row(&[
                d.as_str(),
                &self.me.email.clone(),
                &self.me.phone.clone(),
                &employer(i),
                "Data Engineer",
                &format!("https://www.linkedin.com/jobs/view/{}", 3_900_000 + i),
                "cv.pdf",
                "Years of experience: 6",
            ]);
        }
        self.put("Jobs/Job Applications.csv", &t.into_bytes())?;
        let mut t = self.table(&["Saved Date", "Job Url", "Job Title", "Company Name"]);
        t.row(&[
            "2/10/24, 8:05 AM",
            "https://www.linkedin.com/jobs/view/3911111",
            "Analytics Engineer",
            "Spotify",
        ]);
        self.put("Jobs/Saved Jobs.csv", &t.into_bytes())?;

        let mut t = self.table(&["Organization", "Followed On"]);
        for i in 0..s.company_follows {
            let d = self.when().format("%a %b %d %H:%M:%S UTC %Y").to_string();
            t.row(&[names::company(17 + i).as_str(), &d]);
        }
        self.put("Company Follows.csv", &t.into_bytes())?;
        let mut t = self.table(&["Date", "FullName", "Status"]);
        t.row(&["2022-02-02 10:00:00 UTC", "Robin Okafor", "Active"]);
        self.put("Member_Follows.csv", &t.into_bytes())?;
        let mut t = self.table(&["Time", "Search Query"]);
        for _ in 0..s.searches {
            let d = self.when().format("%Y/%m/%d %H:%M:%S UTC").to_string();
            let q = format!(
                "{} {}",
                self.rng.pick(names::WORDS),
                self.rng.pick(&["jobs", "course", "meetup"])
            );
            t.row(&[d.as_str(), &q]);
        }
        self.put("SearchQueries.csv", &t.into_bytes())?;
        let mut t = self.table(&[
            "Content Title",
            "Content Description",
            "Content Type",
            "Content Last Watched Date (if viewed)",
            "Content Completed At (if completed)",
            "Content Saved",
            "Notes taken on videos (if taken)",
        ]);
        t.row(&[
            "SQL Essential Training",
            "Learn SQL",
            "COURSE",
            "2023-04-01 18:00 UTC",
            "2023-04-03 19:00 UTC",
            "false",
            "",
        ]);
        self.put("Learning.csv", &t.into_bytes())?;
        let mut t = self.table(&[
            "Transaction Made At",
            "Description",
            "Total Amount",
            "Currency Code",
            "Invoice Number",
            "Payment Method",
        ]);
        t.row(&[
            "2023-09-01 10:00:00 UTC",
            "Premium Career (monthly)",
            "29.99",
            "EUR",
            "INV-2023-0901",
            "Card",
        ]);
        self.put("Receipts_v2.csv", &t.into_bytes())?;
        let mut t = self.table(&["Date/Time", "Media Description", "Media Link"]);
        t.row(&[
            "2021-07-04 15:00:00 UTC",
            "Profile photo",
            "https://media.licdn.com/dms/image/x1",
        ]);
        self.put("Rich Media.csv", &t.into_bytes())?;
        let mut t = self.table(&[
            "First Name",
            "Last Name",
            "Company",
            "Job Title",
            "Text",
            "Creation Date",
            "Status",
        ]);
        t.row(&[
            "Kim",
            "Jensen",
            "Acme Robotics",
            "CTO",
            "A great engineer.\nReliable.",
            "05/03/22, 10:00 AM",
            "VISIBLE",
        ]);
        self.put("Recommendations_Received.csv", &t.into_bytes())?;
        let mut t = self.table(&[
            "Endorsement Date",
            "Skill Name",
            "Endorser First Name",
            "Endorser Last Name",
            "Endorsement Status",
        ]);
        t.row(&["2020/11/05 09:00:00 UTC", "SQL", "Noa", "Rossi", "ACCEPTED"]);
        self.put("Endorsement_Received_Info.csv", &t.into_bytes())?;
        let mut t = self.table(&["Date", "Type", "Link"]);
        t.row(&[
            "2024-01-20 11:00:00",
            "LIKE",
            "https://www.linkedin.com/feed/update/urn:li:activity:7154",
        ]);
        self.put("Reactions.csv", &t.into_bytes())?;
        let mut t = self.table(&[
            "Date",
            "ShareLink",
            "ShareCommentary",
            "SharedUrl",
            "MediaUrl",
        ]);
        t.row(&[
            "2024-01-21 12:00:00",
            "https://www.linkedin.com/feed/update/urn:li:share:7155",
            "Happy to share my new role!",
            "",
            "",
        ]);
        self.put("Shares.csv", &t.into_bytes())?;
        let mut t = self.table(&[
            "First name",
            "Last name",
            "Verification type",
            "Issuing authority",
            "Document type",
            "Verification service provider",
            "Verified date",
            "Expiry date",
        ]);
        t.row(&[
            self.me.first.clone().as_str(),
            &self.me.last.clone(),
            "Identity",
            "France",
            "Passport",
            VERIFICATION_PROVIDER,
            "2023-11-20 00:00:00 UTC",
            "",
        ]);
        self.put("Verifications/Verifications.csv", &t.into_bytes())
    }
}

/// Write a LinkedIn export at `out` (a zip path; parts and tgz by `spec.container`).
pub fn generate(spec: &LinkedInSpec, out: &Path) -> io::Result<Vec<PathBuf>> {
    let mut w = ArchiveWriter::new(out, spec.container)?.macos_junk(spec.macos_junk);
    if spec.layout == LiLayout::Folder {
        w = w.top_folder(zip_name(spec.generation));
    }
    let mut g = Gen {
        spec,
        rng: Rng::new(spec.seed ^ 0x11AD),
        me: Persona::for_seed(spec.seed),
        w,
    };
    g.profile()?;
    g.network()?;
    g.messages()?;
    g.career()?;
    if spec.generation == LiGen::Complete {
        g.complete()?;
    }
    g.w.finish()
}
