//! End-to-end: "Did they really delete?" in the real window. With the app's date fixed
//! (FOOTPRINT_TODAY, honoured by debug builds), imports a generated Facebook export, asks the
//! contact-list uploaders to delete the data (the Overview's bulk action), marks one request
//! sent and fulfilled, then imports a later download of the same export (made after that day,
//! still listing the company): the request says "Still listed" with the file, and its Complaint
//! button opens the complaint, addressed first to the authority of the country of residence
//! chosen in the dialog, then to one picked from the list. Screenshots: `deletion-check` and
//! `complaint-preview`.

mod support;

use fantoccini::Locator;
use support::{can_run, with_app_env, App};

const TODAY: &str = "2025-01-10";
const ADVERTISERS_FILE: &str = "ads_information/advertisers_using_your_activity_or_information.json";

/// Imports the export at `paths` through the Welcome screen and waits for `done` finished jobs.
async fn import(app: &App, paths: &[std::path::PathBuf], done: usize) -> Result<(), String> {
    app.click("nav-welcome").await?;
    app.click("import-path-toggle").await?;
    let lines: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    app.type_into("import-paths", &lines.join("\u{E007}")).await?;
    app.click("import-paths-submit").await?;
    app.testid("screen-imports").await?;
    app.until("the import to finish", async || {
        let failed = app.texts("[data-testid=job-error]").await?;
        if !failed.is_empty() {
            return Err(format!("the import failed: {failed:?}"));
        }
        Ok(app
            .count("[data-testid=import-job][data-status=done]")
            .await?
            >= done)
    })
    .await
}

/// Clicks the `<option value=...>` of a `<select>` by its `data-testid`.
async fn choose(app: &App, select: &str, value: &str) -> Result<(), String> {
    app.find(Locator::Css(&format!(
        "[data-testid=\"{select}\"] option[value=\"{value}\"]"
    )))
    .await?
    .click()
    .await
    .map_err(|e| format!("choosing {value} in {select}: {e}"))
}

#[tokio::test]
async fn a_later_export_still_listing_the_company_offers_a_complaint() {
    if !can_run() {
        return;
    }
    let exports = tempfile::tempdir().expect("temp dir");
    let first = footprint_fixtures::demo::facebook(&exports.path().join("facebook-first.zip"), 7, None)
        .expect("generate the first Facebook export");
    let made = chrono::NaiveDate::from_ymd_opt(2025, 2, 1).expect("a date");
    let later = footprint_fixtures::demo::facebook_later(
        &exports.path().join("facebook-later.zip"),
        7,
        None,
        made,
        Vec::new(),
    )
    .expect("generate the later Facebook export");
    with_app_env("deletion_check", &[("FOOTPRINT_TODAY", TODAY)], async |app| {
        app.testid("screen-welcome").await?;
        import(app, &first, 1).await?;

        // Erasure requests to every contact-list uploader; open the first and close it out.
        app.click("nav-overview").await?;
        app.click("bulk-erasure-button").await?;
        app.testid("screen-requests").await?;
        app.testid("request-row").await?;
        let reference = app
            .testid("request-row")
            .await?
            .attr("data-reference")
            .await
            .map_err(|e| format!("reading the reference: {e}"))?
            .ok_or("a request row without its reference")?;
        let row = format!("[data-testid=request-row][data-reference=\"{reference}\"]");
        let open_row = async || -> Result<(), String> {
            app.find(Locator::Css(&format!("{row} [data-testid=request-open]")))
                .await?
                .click()
                .await
                .map_err(|e| format!("opening {reference}: {e}"))?;
            app.testid("request-detail").await.map(|_| ())
        };
        open_row().await?;
        app.click("mark-sent").await?;
        app.until("the status to read Sent", async || {
            Ok(app.text("detail-status").await? == "Sent")
        })
        .await?;
        app.click("mark-fulfilled").await?;
        app.until("the status to read Fulfilled", async || {
            Ok(app.text("detail-status").await? == "Fulfilled")
        })
        .await?;
        if app.count("[data-testid=deletion-check]").await? != 0 {
            return Err("a verdict before any later export".into());
        }

        // The later download still lists the company.
        import(app, &later, 2).await?;
        app.click("nav-requests").await?;
        app.testid("screen-requests").await?;
        app.find(Locator::Css(&format!("{row} [data-testid=still-listed-flag]")))
            .await?;
        open_row().await?;
        let sentence = app.text("deletion-sentence").await?;
        if !sentence.starts_with("Still listed in your Facebook export of 2025-02-01")
            || !sentence.contains(ADVERTISERS_FILE)
        {
            return Err(format!("the verdict reads {sentence:?}"));
        }
        let files = app.text("deletion-files").await?;
        if !files.contains(ADVERTISERS_FILE) {
            return Err(format!("the evidence files read {files:?}"));
        }
        app.testid("follow-up-reminder").await?;
        app.client
            .execute(
                "document.querySelector('[data-testid=deletion-check]').scrollIntoView()",
                vec![],
            )
            .await
            .map_err(|e| format!("scrolling to the verdict: {e}"))?;
        app.screenshot("deletion-check").await?;

        // The reminder cites the later export instead of "no answer", and saves as an e-mail.
        // The advertiser takes requests in German (the directory says so): so do its letters.
        app.click("follow-up-reminder").await?;
        app.testid("reminder-dialog").await?;
        app.until("the reminder's text", async || {
            Ok(!app.text("reminder-preview").await?.trim().is_empty())
        })
        .await?;
        let reminder = app.text("reminder-preview").await?;
        if !reminder.contains("trotz meines Löschantrags weiterhin gespeichert")
            || !reminder.contains("Export vom 1. Februar 2025")
            || !reminder.contains(ADVERTISERS_FILE)
        {
            return Err(format!("the reminder does not cite the later export:\n{reminder}"));
        }
        app.click("reminder-eml").await?;
        let saved = app.text("reminder-saved").await?;
        if !saved.contains("reminder.eml") {
            return Err(format!("saving the reminder says {saved:?}"));
        }
        app.click("reminder-dialog-close").await?;

        // The complaint: no residence yet, so the dialog asks; France's authority it is.
        app.click("follow-up-complaint").await?;
        app.testid("complaint-dialog").await?;
        choose(app, "residence-country", "FR").await?;
        app.until("the complaint to the CNIL", async || {
            Ok(app
                .texts("[data-testid=complaint-recipient]")
                .await?
                .iter()
                .any(|t| t.contains("CNIL") || t.contains("Commission")))
        })
        .await?;
        let letter = app.text("complaint-preview").await?;
        if !letter.contains("Export vom 1. Februar 2025") || !letter.contains(ADVERTISERS_FILE) {
            return Err(format!("the complaint does not cite the later export:\n{letter}"));
        }
        // Another authority from the list.
        app.click("target-chosen").await?;
        choose(app, "authority-select", "nlap").await?;
        app.until("the complaint to the Dutch authority", async || {
            Ok(app
                .texts("[data-testid=complaint-recipient]")
                .await?
                .iter()
                .any(|t| t.contains("Autoriteit Persoonsgegevens")))
        })
        .await?;
        if !app.text("complaint-preview").await?.contains("Autoriteit Persoonsgegevens") {
            return Err("the preview is not addressed to the chosen authority".into());
        }
        app.click("complaint-pdf").await?;
        let saved = app.text("complaint-saved").await?;
        if !saved.contains("complaint.pdf") {
            return Err(format!("saving the complaint says {saved:?}"));
        }
        app.screenshot("complaint-preview").await?;

        // The country chosen in the dialog is in Settings now.
        app.click("complaint-dialog-close").await?;
        app.click("nav-settings").await?;
        app.until("the residence in Settings", async || {
            let v = app
                .script("arguments[arguments.length - 1](document.querySelector('[data-testid=residence-country]')?.value ?? null)")
                .await?;
            Ok(v.as_str() == Some("FR"))
        })
        .await?;
        Ok(())
    })
    .await;
}
