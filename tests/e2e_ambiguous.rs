//! End-to-end: an export that two platforms match equally is not refused with a message to
//! work around; the app asks which platform it is. A generated Facebook export cut down to the
//! folders Instagram exports share ties Facebook and Instagram at 0.3: the dialog lists both
//! (names from the descriptors, with why each matched), and choosing one imports the export as
//! that platform. Its unknown files are indexed and the report says so.

mod support;

use footprint_fixtures::archive_writer::{add_unknown_files, keep_entries, META_SHARED_FOLDERS};
use support::{can_run, with_app};

/// The tie archive, from the Facebook generator (2024 layout).
fn shared_meta_export(dir: &std::path::Path) -> std::path::PathBuf {
    let full = footprint_fixtures::demo::facebook(&dir.join("facebook-full.zip"), 11, Some(20))
        .expect("generate Facebook export");
    let shared = dir.join("meta-export-2025.zip");
    keep_entries(&full[0], &shared, |name| {
        META_SHARED_FOLDERS.iter().any(|f| name.contains(f))
    })
    .expect("cut the export");
    add_unknown_files(std::slice::from_ref(&shared)).expect("add unknown files");
    shared
}

#[tokio::test]
async fn an_ambiguous_export_asks_which_platform_and_imports_as_the_choice() {
    if !can_run() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let archive = shared_meta_export(dir.path());
    with_app("ambiguous", async |app| {
        app.click("import-path-toggle").await?;
        app.type_into("import-paths", &archive.display().to_string())
            .await?;
        app.click("import-paths-submit").await?;
        app.testid("platform-choice").await?;
        let names = app.texts("[data-testid=choose-platform]").await?;
        if names != ["Facebook", "Instagram"] {
            return Err(format!("choices {names:?}"));
        }
        let reasons = app.texts("[data-testid=choice-reason]").await?;
        if reasons.len() != 2 || !reasons.iter().all(|r| r.contains("ads_information")) {
            return Err(format!("reasons {reasons:?}"));
        }
        app.screenshot("ambiguous-dialog").await?;

        // Put aside, then asked again from the job's card.
        app.click("choose-later").await?;
        app.until("the dialog to close", async || {
            Ok(app.count("[data-testid=platform-choice]").await? == 0)
        })
        .await?;
        app.click("choose-platform-again").await?;
        app.testid("platform-choice").await?;

        let instagram = app
            .find(fantoccini::Locator::Css("[data-testid=choose-platform][data-platform=instagram]"))
            .await?;
        instagram.click().await.map_err(|e| e.to_string())?;
        app.until("the import as Instagram to finish", async || {
            if let Ok(errors) = app.texts("[data-testid=job-error]").await {
                if !errors.is_empty() {
                    return Err(format!("import failed: {errors:?}"));
                }
            }
            Ok(app
                .count("[data-testid=import-job][data-status=done]")
                .await?
                == 1)
        })
        .await?;
        let summary = app.text("report-summary").await?;
        if !summary.contains("Instagram") {
            return Err(format!("report: {summary}"));
        }
        let indexed = app.text("report-indexed").await?;
        if !indexed.contains("indexed, not understood") {
            return Err(format!("indexed line: {indexed}"));
        }
        app.screenshot("ambiguous-imported").await?;

        // The indexed files' text is in the Explorer, under its own category.
        app.click("see-indexed").await?;
        app.type_into("explorer-search", "zeppelin").await?;
        app.until("the indexed JS-wrapped file's text", async || {
            Ok(app.text("explorer-results").await?.contains("zeppelin"))
        })
        .await?;
        Ok(())
    })
    .await;
}
