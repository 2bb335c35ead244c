//! Writes sample outputs (text, PDF, .eml, .ics) for a synthetic request into a folder, to look
//! at them: `cargo run -p footprint-rights --example sample_letters -- /tmp/letters`.
//! All names and addresses are made up.

use chrono::{NaiveDate, TimeZone, Utc};
use footprint_rights::eml::{self, EmlOptions};
use footprint_rights::letter::{self, CompanyContact, Lang};
use footprint_rights::tracking::{NewRequest, Request, Status};
use footprint_rights::{
    ics, pdf, Directory, EvidenceItem, EvidenceRelation, IdentityField, IdentityKind,
};
use footprint_rights::{Channel, RequestOptions, RequestType};
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "target/sample-letters".into()),
    );
    std::fs::create_dir_all(&out)?;
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("valid date");
    let dir = Directory::builtin();
    let nike = dir
        .match_name("NIKE, Inc.")
        .expect("Nike is in the directory");
    let mut req = Request::new(NewRequest {
        company: CompanyContact::from_entry(nike, "eu_gdpr"),
        regime: "eu_gdpr".into(),
        request_type: RequestType::Access,
        options: RequestOptions { portability: true, ..Default::default() },
        channel: Channel::Letter,
        identities: vec![
            IdentityField::new(IdentityKind::Name, "Alex Sample"),
            IdentityField::new(IdentityKind::Address, "12 Example Street\n1000 Sampletown\nBelgium"),
            IdentityField::new(IdentityKind::Email, "alex.sample@example.org"),
        ],
        evidence: vec![
            EvidenceItem {
                platform: "Meta".into(),
                export_date: Some(day(2025, 3, 2)),
                relation: EvidenceRelation::UploadedContactList,
                category: None,
                record_count: None,
                first_seen: None,
                last_seen: None,
                files: vec!["ads_information/advertisers_who_uploaded_a_contact_list_with_your_information.json".into()],
            },
            EvidenceItem {
                platform: "Meta".into(),
                export_date: Some(day(2025, 3, 2)),
                relation: EvidenceRelation::SentOffPlatformActivity,
                category: Some("Activity outside the platform".into()),
                record_count: Some(214),
                first_seen: Some(day(2023, 6, 1)),
                last_seen: Some(day(2025, 2, 27)),
                files: vec!["apps_and_websites_off_of_facebook/your_activity_off_meta_technologies.json".into()],
            },
        ],
        created: day(2026, 1, 31),
        sequence: 0,
        postal_delay_days: None,
        calendar: None,
    })?;
    let input = req.request_letter(day(2026, 1, 31))?;
    let l = letter::render(&input, Lang::En)?;
    std::fs::write(out.join("request.txt"), l.to_text())?;
    std::fs::write(out.join("request.pdf"), pdf::to_pdf(&l))?;
    req.send(
        day(2026, 1, 31),
        Some("registered letter RR 000 000 000 BE (sample)".into()),
    )?;

    let date = Utc
        .with_ymd_and_hms(2026, 1, 31, 9, 0, 0)
        .unwrap()
        .fixed_offset();
    let spotify = dir
        .match_name("spotify.com")
        .expect("Spotify is in the directory");
    let mut email_req = Request::new(NewRequest {
        company: CompanyContact::from_entry(spotify, "eu_gdpr"),
        regime: "eu_gdpr".into(),
        request_type: RequestType::Erasure,
        options: RequestOptions {
            object_to_marketing: true,
            ..Default::default()
        },
        channel: Channel::Email,
        identities: vec![IdentityField::new(
            IdentityKind::Email,
            "alex.sample@example.org",
        )],
        evidence: vec![],
        created: day(2026, 1, 31),
        sequence: 0,
        postal_delay_days: None,
        calendar: None,
    })?;
    let l2 = letter::render(&email_req.request_letter(day(2026, 1, 31))?, Lang::En)?;
    std::fs::write(
        out.join("erasure.eml"),
        eml::draft(
            &l2,
            &EmlOptions {
                to: None,
                from: Some("alex.sample@example.org"),
                date,
            },
        )?,
    )?;
    std::fs::write(out.join("erasure.mailto.txt"), eml::mailto(&l2, None)?)?;
    email_req.send(day(2026, 1, 31), None)?;
    email_req.mark(Status::ReminderSent, day(2026, 3, 3), None)?;
    let reminder = letter::render(&email_req.reminder_letter(day(2026, 3, 3))?, Lang::En)?;
    std::fs::write(out.join("reminder.txt"), reminder.to_text())?;
    std::fs::write(out.join("reminder.pdf"), pdf::to_pdf(&reminder))?;
    let complaint = letter::render(&email_req.complaint_letter(day(2026, 3, 20))?, Lang::En)?;
    std::fs::write(out.join("complaint.txt"), complaint.to_text())?;
    std::fs::write(out.join("complaint.pdf"), pdf::to_pdf(&complaint))?;

    let mut events = req.calendar_events();
    events.extend(email_req.calendar_events());
    std::fs::write(
        out.join("deadlines.ics"),
        ics::calendar(&events, date.naive_utc()),
    )?;
    println!("wrote samples to {}", out.display());
    Ok(())
}
