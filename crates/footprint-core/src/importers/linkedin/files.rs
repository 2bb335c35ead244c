//! Which LinkedIn file is which: every CSV of the basic and the complete export, by name (any
//! folder: `Jobs/`, `Verifications/`, a top folder) and by header, and how most of them
//! become records (one row, one record). Profile, e-mail, phone and ad files have their own
//! parsers ([`super::profile`], [`super::ads`]).
//!
//! Columns are those of real exports where known (see docs/IMPORTERS.md for the ones that are
//! assumptions); alternative spellings are listed where exports drifted.

use super::parser;
use crate::formats::csv_export::{CompanyFrom, CsvFile, RowSpec};
use crate::model::{Category, Relation};

/// File stems no other platform's export has (two give 1.0).
pub const MARKERS: &[&str] = &[
    "connections",
    "adtargeting",
    "inferencesaboutyou",
    "lanadsengagement",
    "emailaddresses",
    "phonenumbers",
    "positions",
    "richmedia",
    "companyfollows",
    "memberfollows",
    "endorsementreceivedinfo",
    "securitychallenges",
    "jobapplications",
    "searchqueries",
];

const COMPANY_NAMES: &[&str] = &[
    "Advertiser",
    "Advertiser Name",
    "Company Name",
    "Company",
    "Organization",
];

pub const FILES: &[CsvFile] = &[
    // The account's own identifiers (own parsers).
    CsvFile::custom(
        &["profile"],
        &["First Name", "Last Name", "Headline"],
        parser::PROFILE,
    ),
    CsvFile::rows(
        &["emailaddresses"],
        &["Email Address", "Confirmed", "Primary"],
        parser::EMAILS,
        super::profile::EMAIL,
    ),
    CsvFile::rows(
        &["phonenumbers", "whatsappphonenumbers"],
        &["Number", "Type", "Extension"],
        parser::PHONES,
        super::profile::PHONE,
    ),
    // Ads and inferences (own parsers).
    CsvFile::custom(
        &["adtargeting"],
        &["Member Age", "Company Names"],
        parser::AD_TARGETING,
    ),
    CsvFile::custom(
        &["inferencesaboutyou"],
        &["Type of inference", "Inference"],
        parser::INFERENCES,
    ),
    CsvFile::custom(
        &["lanadsengagement"],
        &["Publisher", "Advertiser"],
        parser::LAN_ADS,
    ),
    CsvFile::rows(
        &["adsclicked"],
        &["Ad clicked Date"],
        "linkedin_ads_clicked",
        RowSpec::new(
            "ad_clicked",
            Category::ActivityBrowsing,
            &[
                "Clicked an ad by {Advertiser}",
                "Clicked an ad by {Advertiser Name}",
                "Clicked ad {Ad Title/Id}",
            ],
        )
        .time(&["Ad clicked Date"])
        .key(&["Ad clicked Date", "Ad Title/Id"])
        .company(CompanyFrom::Column(COMPANY_NAMES, Relation::AdInteraction)),
    ),
    // Network.
    CsvFile::rows(
        &["connections"],
        &["First Name", "Last Name", "Connected On"],
        "linkedin_connections",
        RowSpec::new(
            "connection",
            Category::SocialGraph,
            &[
                "Connected with {First Name} {Last Name}",
                "Connected with {URL}",
            ],
        )
        .time(&["Connected On"])
        .key(&["URL", "First Name", "Last Name"]),
    ),
    CsvFile::rows(
        &["invitations"],
        &["From", "To", "Sent At"],
        "linkedin_invitations",
        RowSpec::new(
            "invitation",
            Category::SocialGraph,
            &[
                "Invitation ({Direction}) from {From} to {To}",
                "Invitation from {From} to {To}",
            ],
        )
        .body(&["Message"])
        .time(&["Sent At"])
        .key(&["From", "To", "Sent At"]),
    ),
    CsvFile::rows(
        &["memberfollows"],
        &["FullName", "Status"],
        "linkedin_member_follows",
        RowSpec::new(
            "member_follow",
            Category::SocialGraph,
            &["Following {FullName}"],
        )
        .time(&["Date"])
        .key(&["FullName"]),
    ),
    CsvFile::rows(
        &["companyfollows"],
        &["Organization", "Followed On"],
        "linkedin_company_follows",
        RowSpec::new(
            "company_follow",
            Category::SocialGraph,
            &["Following the page of {Organization}"],
        )
        .time(&["Followed On"])
        .key(&["Organization"]),
    ),
    CsvFile::rows(
        &["contacts", "importedcontacts"],
        &["FirstName", "LastName", "Emails"],
        "linkedin_imported_contacts",
        RowSpec::new(
            "imported_contact",
            Category::SocialGraph,
            &[
                "Imported contact {FirstName} {LastName}",
                "Imported contact {FullName}",
                "Imported contact {Emails}",
            ],
        )
        .time(&["CreatedAt"]),
    ),
    CsvFile::rows(
        &["recommendationsreceived", "recommendationsgiven"],
        &["Creation Date", "Status", "Text"],
        "linkedin_recommendations",
        RowSpec::new(
            "recommendation",
            Category::SocialGraph,
            &["Recommendation: {First Name} {Last Name}"],
        )
        .body(&["Text", "Body"])
        .time(&["Creation Date", "Created Date"]),
    ),
    CsvFile::rows(
        &["endorsementreceivedinfo", "endorsementgiveninfo"],
        &["Endorsement Date", "Skill Name"],
        "linkedin_endorsements",
        RowSpec::new(
            "endorsement",
            Category::SocialGraph,
            &[
                "Endorsed for {Skill Name} by {Endorser First Name} {Endorser Last Name}",
                "Endorsed {Endorsee First Name} {Endorsee Last Name} for {Skill Name}",
                "Endorsement for {Skill Name}",
            ],
        )
        .time(&["Endorsement Date"]),
    ),
    // Messages (quoted, multi-line contents).
    CsvFile::rows(
        &["messages"],
        &["CONVERSATION ID", "FROM", "CONTENT"],
        "linkedin_messages",
        RowSpec::new(
            "message",
            Category::Messages,
            &[
                "Message from {FROM} to {TO}",
                "Message from {FROM} in {CONVERSATION TITLE}",
                "Message from {FROM}",
            ],
        )
        .body(&["CONTENT"])
        .time(&["DATE"])
        .key(&["CONVERSATION ID", "DATE", "FROM", "CONTENT"]),
    ),
    // Career profile.
    CsvFile::rows(
        &["positions"],
        &["Company Name", "Title", "Started On"],
        "linkedin_positions",
        RowSpec::new(
            "position",
            Category::Demographics,
            &["{Title} at {Company Name}", "Worked at {Company Name}"],
        )
        .body(&["Description"]),
        // Career dates (`Started On`, `Finished On`) are facts about a life, not events of the
        // account: they stay in the record's data, never its time (a job from 1988 is real, and
        // the time rule would drop it with a warning).
    ),
    CsvFile::rows(
        &["education"],
        &["School Name", "Degree Name"],
        "linkedin_education",
        RowSpec::new(
            "education",
            Category::Demographics,
            &["{Degree Name} at {School Name}", "Studied at {School Name}"],
        ),
        // Like positions: school years are data fields, not event times.
    ),
    CsvFile::rows(
        &["skills"],
        &[],
        "linkedin_skills",
        RowSpec::new("skill", Category::Demographics, &["Skill: {Name}"]).key(&["Name"]),
    ),
    CsvFile::rows(
        &[
            "certifications",
            "honors",
            "languages",
            "courses",
            "projects",
            "volunteering",
            "causesyoucareabout",
            "profilesummary",
            "jobseekerpreferences",
        ],
        &[],
        "linkedin_profile_section",
        RowSpec::new(
            "profile_section",
            Category::Demographics,
            &[
                "{Name}",
                "{Title}",
                "{Role} at {Company Name}",
                "{Supported Cause}",
            ],
        )
        // Issued, started and finished dates of certifications, courses and volunteering are
        // life facts kept in the data, like positions.
    ),
    // Jobs: an application hands the employer your résumé and contact details.
    CsvFile::rows(
        &["jobapplications"],
        &["Application Date", "Job Title", "Company Name"],
        "linkedin_job_applications",
        RowSpec::new(
            "job_application",
            Category::IdentityContact,
            &["Applied for {Job Title} at {Company Name}"],
        )
        .time(&["Application Date"])
        .key(&["Application Date", "Job Url", "Job Title"])
        .company(CompanyFrom::Column(
            &["Company Name"],
            Relation::ReceivedYourInfo,
        )),
    ),
    CsvFile::rows(
        &["savedjobs"],
        &["Saved Date", "Job Url"],
        "linkedin_saved_jobs",
        RowSpec::new(
            "saved_job",
            Category::ActivityBrowsing,
            &[
                "Saved the job {Job Title} at {Company Name}",
                "Saved the job {Job Url}",
            ],
        )
        .time(&["Saved Date"])
        .key(&["Job Url"]),
    ),
    CsvFile::rows(
        &["savedjobalerts"],
        &[],
        "linkedin_job_alerts",
        RowSpec::new(
            "job_alert",
            Category::Searches,
            &["Job alert: {SEARCH_URL}"],
        )
        .time(&["ALERT_DATE", "Date"]),
    ),
    // Activity.
    CsvFile::rows(
        &["searchqueries"],
        &["Time", "Search Query"],
        "linkedin_searches",
        RowSpec::new(
            "search",
            Category::Searches,
            &["Searched for {Search Query}"],
        )
        .time(&["Time"])
        .key(&["Time", "Search Query"]),
    ),
    CsvFile::rows(
        &["learning"],
        &["Content Title", "Content Type"],
        "linkedin_learning",
        RowSpec::new(
            "learning",
            Category::MediaConsumption,
            &[
                "{Content Type}: {Content Title}",
                "Learning: {Content Title}",
            ],
        )
        .time(&[
            "Content Last Watched Date (if viewed)",
            "Content Completed At (if completed)",
        ])
        .key(&["Content Title"]),
    ),
    CsvFile::rows(
        &["richmedia"],
        &["Media Link"],
        "linkedin_rich_media",
        RowSpec::new(
            "rich_media",
            Category::Content,
            &["{Media Description}", "Media {Media Link}"],
        )
        .time(&["Date/Time", "Date"])
        .key(&["Media Link"]),
    ),
    CsvFile::rows(
        &[
            "shares",
            "comments",
            "reactions",
            "votes",
            "instantreposts",
            "saveditems",
            "events",
            "hashtagfollows",
        ],
        &[],
        "linkedin_activity",
        RowSpec::new(
            "activity",
            Category::Content,
            &[
                "{Type} {Link}",
                "{ShareCommentary}",
                "{Message}",
                "{Event Name}",
                "Posted {ShareLink}",
                "{Link}",
            ],
        )
        .time(&["Date", "Event Time", "savedAt", "Followed On"]),
    ),
    // Account and security.
    CsvFile::rows(
        &["logins"],
        &["Login Date", "IP Address"],
        "linkedin_logins",
        RowSpec::new(
            "login",
            Category::DevicesLogins,
            &[
                "Login ({Login Type}) from {IP Address}",
                "Login from {IP Address}",
            ],
        )
        .time(&["Login Date"]),
    ),
    CsvFile::rows(
        &["securitychallenges"],
        &["Challenge Date", "Challenge Type"],
        "linkedin_security_challenges",
        RowSpec::new(
            "security_challenge",
            Category::DevicesLogins,
            &[
                "Security challenge ({Challenge Type}) from {IP Address}",
                "Security challenge ({Challenge Type})",
            ],
        )
        .time(&["Challenge Date"]),
    ),
    CsvFile::rows(
        &["registration"],
        &["Registered At"],
        "linkedin_registration",
        RowSpec::new(
            "registration",
            Category::DevicesLogins,
            &["Registered from {Registration Ip}", "Registered"],
        )
        .time(&["Registered At"]),
    ),
    CsvFile::rows(
        &["accountstatushistory"],
        &[],
        "linkedin_account_status",
        RowSpec::new(
            "account_status",
            Category::DevicesLogins,
            &["Account: {Event}"],
        )
        .time(&["Time"]),
    ),
    CsvFile::rows(
        &["receipts", "receiptsv2"],
        &["Transaction Made At"],
        "linkedin_receipts",
        RowSpec::new(
            "receipt",
            Category::Purchases,
            &[
                "{Description} ({Total Amount} {Currency Code})",
                "{Description}",
                "Payment of {Total Amount}",
            ],
        )
        .time(&["Transaction Made At"])
        .key(&["Invoice Number", "Transaction Made At"]),
    ),
    // Identity verification: the provider that checked your documents (CLEAR, Persona, ...).
    CsvFile::rows(
        &["verifications", "verification"],
        &["Verification type"],
        "linkedin_verifications",
        RowSpec::new(
            "verification",
            Category::IdentityContact,
            &[
                "Verified {Verification type} through {Verification service provider}",
                "Verified {Verification type}",
            ],
        )
        .time(&["Verified date", "Verified At"])
        .company(CompanyFrom::Column(
            &["Verification service provider", "Provider"],
            Relation::DataPartner,
        )),
    ),
];
