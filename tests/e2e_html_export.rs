//! End-to-end: a Facebook export downloaded in HTML (the download page's default) imports
//! through the real app and its advertisers are on the Companies screen, the same ones the
//! JSON download of the same account names. The expected names come from the JSON export,
//! read in memory, so the HTML pages are checked against their twin, not against themselves.

mod support;

use footprint_core::importers::meta::facebook::Facebook;
use footprint_core::model::Relation;
use footprint_fixtures::meta::{generate_facebook, FacebookSpec};
use footprint_fixtures::meta_html::MetaFormat;
use support::{can_run, with_app};

#[tokio::test]
async fn an_html_facebook_export_shows_its_advertisers() {
    if !can_run() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    // 25 advertisers: H&M and Procter & Gamble among them, written as `&amp;` on the pages.
    let spec = FacebookSpec { seed: 5, advertisers: 25, top_folder: true, ..Default::default() };
    let json = generate_facebook(&spec, &dir.path().join("facebook-json.zip")).expect("JSON export");
    let html = generate_facebook(&FacebookSpec { format: MetaFormat::Html, ..spec }, &dir.path().join("facebook-sam-2024.zip"))
        .expect("HTML export");

    let view = footprint_core::archive::ArchiveView::open(&json, &Default::default()).expect("open JSON export");
    let twin = footprint_core::testing::collect(&Facebook, &view);
    let mut advertisers: Vec<String> = twin
        .records
        .iter()
        .filter_map(|r| r.record.company.as_ref())
        .filter(|c| c.relation == Relation::TargetedYou)
        .map(|c| c.name.clone())
        .collect();
    advertisers.sort();
    advertisers.dedup();
    assert!(advertisers.len() >= 20, "the JSON twin names its advertisers: {advertisers:?}");
    let wanted: Vec<&String> = advertisers.iter().filter(|a| a.contains('&')).chain(advertisers.iter().take(2)).collect();

    with_app("html-export", async |app| {
        app.click("import-path-toggle").await?;
        app.type_into("import-paths", &html[0].display().to_string()).await?;
        app.click("import-paths-submit").await?;
        app.until("the HTML export to import", async || {
            let failed = app.texts("[data-testid=job-error]").await?;
            if !failed.is_empty() {
                return Err(format!("import failed: {failed:?}"));
            }
            Ok(app.count("[data-testid=import-job][data-status=done]").await? == 1)
        })
        .await?;
        let summary = app.text("report-summary").await?;
        if !summary.contains("Facebook") {
            return Err(format!("report: {summary}"));
        }
        app.screenshot("html-export-report").await?;

        // The Overview says for how many of the companies a privacy contact is known.
        app.click("nav-overview").await?;
        let coverage = app.text("contact-coverage").await?;
        if !coverage.contains("Privacy contact known for") {
            return Err(format!("coverage line: {coverage}"));
        }

        app.click("nav-companies").await?;
        for name in &wanted {
            app.type_into("company-search", name).await?;
            app.until(&format!("{name} on the Companies screen"), async || {
                let shown = app.texts("[data-testid=company-link]").await?;
                Ok(shown.iter().any(|s| s == *name))
            })
            .await?;
        }
        app.click("company-link").await?;
        app.testid("holdings").await?;
        // Where to send requests: the directory's contacts, or the form to add one (an error
        // here, such as a command the window may not call, fails the test).
        app.until("the company's privacy contact card", async || {
            let card = app.text("privacy-contact").await?;
            if card.contains("not allowed") {
                return Err(format!("contact card: {card}"));
            }
            Ok(app.count("[data-testid=directory-contacts], [data-testid=contact-unknown], [data-testid=user-contact]").await? > 0)
        })
        .await?;
        let page = app.text("screen-company").await?;
        if !page.contains("Facebook") {
            return Err(format!("the company page does not name the Facebook export: {page}"));
        }
        app.screenshot("html-export-company").await.map(|_| ())
    })
    .await;
}
