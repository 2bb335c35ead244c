//! End-to-end: "Share with a study" in the real window. Imports a generated Facebook export,
//! opens a study file, sees what would leave, unticks the messages category and sees the
//! counts drop by its records, writes the donation file, then opens the zip: the consent
//! record names the study and the choices, and the records table has no message left.
//! Screenshot: `share-with-a-study`.

mod support;

use footprint_research::donation::read;
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;
use support::{can_run, with_app, App};

const STUDY: &str = r#"
id = "e2e_study"
title = "How platforms see their users"
researcher = "Platform Studies Group, Example University"
contact = "platform-study@university.example"
description = "We count which kinds of data platforms keep about their users."
salt = "an-end-to-end-study-salt-0001"
"#;

/// The records the screen says would leave.
async fn leaving(app: &App) -> Result<u64, String> {
    let v = app
        .script("arguments[arguments.length - 1](document.querySelector('[data-testid=leaving-total]')?.dataset.records ?? null)")
        .await?;
    v.as_str().and_then(|s| s.parse().ok()).ok_or_else(|| format!("no total on the screen: {v}"))
}

#[tokio::test]
async fn open_a_study_untick_a_category_and_write_the_donation_file() {
    if !can_run() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = footprint_fixtures::demo::facebook(&dir.path().join("facebook-someone-2025-03-02.zip"), 7, None)
        .expect("generate Facebook export");
    let study = dir.path().join("STUDY.toml");
    std::fs::write(&study, STUDY).expect("write the study file");
    let dest = dir.path().join("donation-e2e_study-p0001.zip");
    let mut dropped = 0u64;
    let mut after = 0u64;
    with_app("donation", async |app| {
        app.import_paths(&paths).await?;
        app.click("nav-share").await?;
        app.testid("screen-share").await?;
        app.click("study-path-toggle").await?;
        app.type_into("study-path", &study.display().to_string()).await?;
        app.click("study-path-submit").await?;
        app.until("the study", async || Ok(app.text("study-id").await? == "e2e_study")).await?;
        let researcher = app.text("study-researcher").await?;
        if !researcher.contains("Platform Studies Group") {
            return Err(format!("researcher reads {researcher:?}"));
        }
        app.testid("leaving-total").await?;
        let before = leaving(app).await?;
        dropped = app.text("category-count-messages").await?.replace(',', "").parse().map_err(|e| format!("messages count: {e}"))?;
        if before == 0 || dropped == 0 {
            return Err(format!("{before} records would leave, {dropped} of them messages"));
        }
        app.click("category-messages").await?;
        app.until("the total without messages", async || Ok(leaving(app).await? == before - dropped)).await?;
        after = before - dropped;
        app.client
            .execute("document.querySelector('[data-testid=study-card]').scrollIntoView({block: 'start'})", vec![])
            .await
            .map_err(|e| format!("scrolling to the study: {e}"))?;
        app.screenshot("share-with-a-study").await?;

        app.type_into("participant", "p0001").await?;
        app.click("save-path-toggle").await?;
        app.type_into("save-path", &dest.display().to_string()).await?;
        app.click("save-path-submit").await?;
        app.until("the donation file", async || Ok(app.text("donation-written").await?.contains("Nothing was sent"))).await?;
        app.no_csp_violations().await
    })
    .await;

    // The file, read as a study would.
    let mut donation = read::open(&dest).unwrap_or_else(|e| panic!("{e}"));
    let consent = donation.consent().clone();
    assert_eq!(consent.study_id.as_str(), "e2e_study");
    assert_eq!(consent.participant_id.as_str(), "p0001");
    let kept = consent.choices.categories.clone().expect("a category was unticked: the kept ones are listed");
    assert!(!kept.iter().any(|c| c == "messages") && kept.iter().any(|c| c == "location"), "{kept:?}");
    let records = consent.files.iter().find(|f| f.table == "records").expect("records member");
    assert_eq!(records.rows, after, "{} records in the file, the screen said {after}", records.rows);
    let file = dir.path().join("records.parquet");
    let mut out = std::fs::File::create(&file).unwrap();
    donation.copy_member("records.parquet", &mut out).unwrap();
    let reader = SerializedFileReader::new(std::fs::File::open(&file).unwrap()).unwrap();
    let mut messages = 0;
    let mut rows = 0;
    for row in reader.get_row_iter(None).unwrap() {
        let row = row.unwrap();
        rows += 1;
        if row.get_column_iter().any(|(n, f)| n == "category" && *f == Field::Str("messages".into())) {
            messages += 1;
        }
    }
    assert_eq!((rows, messages), (after, 0), "dropped {dropped} messages");
}
