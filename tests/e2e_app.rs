//! End-to-end: the real Footprint window, driven like a user would. Imports a generated Google
//! Takeout and a generated Facebook export through the path field, then walks every screen:
//! overview, companies and a company's evidence, search, timeline, map, archives (report and
//! removal) and settings. Screenshots of each screen are saved (see tests/support).

mod support;

use std::path::PathBuf;
use support::{can_run, with_app, with_dark_app, App};

/// Generates the two exports (same generators as the demo, smaller) into `dir`.
fn generate_exports(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut paths =
        footprint_fixtures::demo::google(&dir.join("takeout-20250302T101500Z-001.zip"), 7, None)
            .expect("generate Google Takeout");
    paths.extend(
        footprint_fixtures::demo::facebook(&dir.join("facebook-someone-2025-03-02.zip"), 7, None)
            .expect("generate Facebook export"),
    );
    paths
}

/// The screen at the two smaller laptop sizes, 1280x800 and 1024x768: no text is cut, and
/// a picture of each; then back to the default size.
async fn at_small_sizes(app: &App, screen: &str) -> Result<(), String> {
    for (w, h) in [(1280, 800), (1024, 768)] {
        app.resize(w, h).await?;
        let cut = app.clipped_texts().await?;
        if !cut.is_empty() {
            return Err(format!("{screen}: texts cut at {w}x{h}: {cut:?}"));
        }
        app.screenshot(&format!("{screen}-{w}x{h}")).await?;
    }
    app.resize(1280, 820).await
}

fn number_in(text: &str) -> i64 {
    let digits: String = text.chars().filter(|c| c.is_ascii_digit()).collect();
    digits.parse().unwrap_or(-1)
}

#[tokio::test]
async fn imports_google_and_facebook_and_walks_every_screen() {
    if !can_run() {
        return;
    }
    let exports = tempfile::tempdir().expect("temp dir");
    let paths = generate_exports(exports.path());
    with_app("walk", async |app| {
        // A fresh data directory opens on the welcome screen.
        app.testid("screen-welcome").await?;
        let welcome = app.text("screen-welcome").await?;
        if !welcome.contains("Nothing leaves your computer") {
            return Err(format!("welcome text lacks the privacy promise: {welcome}"));
        }
        app.screenshot("welcome").await?;

        app.import_paths(&paths).await?;
        let summaries = app.texts("[data-testid=report-summary]").await?;
        if summaries.len() != 2 || !summaries.iter().all(|s| s.contains("new records")) {
            return Err(format!("import reports: {summaries:?}"));
        }
        app.screenshot("imports").await?;

        // Overview: counts and charts.
        app.click("see-overview").await?;
        app.testid("chart-monthly").await?;
        let companies = number_in(&app.text("stat-companies").await?);
        let third = number_in(&app.text("stat-third-parties").await?);
        if companies < 3 || third < 1 {
            return Err(format!(
                "overview counts: {companies} companies, {third} third parties"
            ));
        }
        app.screenshot("overview").await?;
        at_small_sizes(app, "overview").await?;
        app.client
            .execute(
                "document.querySelector('[data-testid=chart-categories]').scrollIntoView()",
                vec![],
            )
            .await
            .map_err(|e| format!("scrolling to the categories: {e}"))?;
        app.screenshot("overview-categories").await?;

        // Companies: the list, then a third party's page with its evidence.
        app.click("nav-companies").await?;
        app.wait_count("[data-testid=company-row]", 3).await?;
        app.screenshot("companies").await?;
        at_small_sizes(app, "companies").await?;
        let names = app.texts("[data-testid=company-link]").await?;
        let third_party = names
            .iter()
            .find(|n| !n.contains("Google") && !n.contains("Facebook") && !n.contains("Meta"))
            .ok_or_else(|| format!("no third party among {names:?}"))?
            .clone();
        app.type_into("company-search", &third_party).await?;
        app.until("the search to narrow the list", async || {
            let shown = app.texts("[data-testid=company-link]").await?;
            Ok(!shown.is_empty() && shown.iter().all(|n| n.contains(&third_party)))
        })
        .await?;
        app.click("company-link").await?;
        app.testid("holdings").await?;
        let title = app.text("company-name").await?;
        if title != third_party {
            return Err(format!(
                "company page shows {title:?}, expected {third_party:?}"
            ));
        }
        app.wait_count("[data-testid=evidence] [data-testid=record-row]", 1)
            .await?;
        let evidence = app.text("evidence").await?;
        if !evidence.contains(".json") {
            return Err(format!("evidence lacks its source files: {evidence}"));
        }
        app.screenshot("company").await?;
        at_small_sizes(app, "company").await?;

        // Explorer: search for a word of a record and find it again.
        app.click("nav-explorer").await?;
        app.wait_count(
            "[data-testid=explorer-results] [data-testid=record-row]",
            10,
        )
        .await?;
        let titles = app.texts("[data-testid=record-title]").await?;
        let word = titles
            .iter()
            .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
            .find(|w| w.chars().count() >= 5 && w.chars().all(|c| c.is_alphabetic()))
            .ok_or_else(|| format!("no searchable word in {titles:?}"))?
            .to_lowercase();
        app.type_into("explorer-search", &word).await?;
        // Words match from their start and in fields not shown (URLs, raw data): the first
        // rows must show the word, and a word absent from every record must find nothing.
        app.until("results that contain the searched word", async || {
            let rows = app
                .texts("[data-testid=explorer-results] [data-testid=record-row]")
                .await?;
            Ok(!rows.is_empty()
                && rows
                    .iter()
                    .take(3)
                    .all(|r| r.to_lowercase().contains(&word)))
        })
        .await?;
        app.screenshot("explorer").await?;
        app.type_into("explorer-search", "zzqxjvw").await?;
        app.testid("explorer-empty").await?;
        app.type_into("explorer-search", &word).await?;
        app.wait_count("[data-testid=explorer-results] [data-testid=record-row]", 1)
            .await?;

        // Timeline by month, then by day.
        app.click("nav-timeline").await?;
        app.testid("chart-timeline").await?;
        if number_in(&app.text("timeline-total").await?) <= 0 {
            return Err("timeline shows no dated records".into());
        }
        app.screenshot("timeline").await?;
        app.click("timeline-day").await?;
        app.testid("chart-timeline").await?;

        // Map: the Takeout's location points, binned.
        app.click("nav-map").await?;
        app.testid("chart-map").await?;
        let summary = app.text("map-summary").await?;
        if number_in(summary.split("location points").next().unwrap_or("")) <= 0 {
            return Err(format!("map summary: {summary}"));
        }
        app.screenshot("map").await?;

        // Archives: the report, then removing the Facebook export.
        app.click("nav-archives").await?;
        app.wait_count("[data-testid=archive-row]", 2).await?;
        app.screenshot("archives").await?;
        app.click("archive-report").await?;
        app.testid("archive-report-view").await?;
        app.screenshot("archive-report").await?;
        app.client
            .execute("document.querySelector('dialog[open]').close()", vec![])
            .await
            .map_err(|e| format!("closing the report: {e}"))?;
        let rows = app.texts("[data-testid=archive-row]").await?;
        let facebook = rows
            .iter()
            .position(|r| r.starts_with("Facebook"))
            .ok_or_else(|| format!("no Facebook archive in {rows:?}"))?;
        let buttons = app
            .client
            .find_all(fantoccini::Locator::Css("[data-testid=archive-remove]"))
            .await
            .map_err(|e| e.to_string())?;
        buttons[facebook].click().await.map_err(|e| e.to_string())?;
        app.testid("confirm-remove").await?;
        app.screenshot("remove-confirm").await?;
        app.click("confirm-remove").await?;
        let outcome = app.text("remove-outcome").await?;
        if !outcome.contains("Removed the Facebook export") {
            return Err(format!("removal said: {outcome}"));
        }
        app.until("one archive left", async || {
            Ok(app.count("[data-testid=archive-row]").await? == 1)
        })
        .await?;

        // Settings: the database lives in the test's data directory.
        app.click("nav-settings").await?;
        let db = app.text("db-path").await?;
        let dir = app.data_dir.path().display().to_string();
        if !db.starts_with(&dir) {
            return Err(format!(
                "database at {db}, outside the test's data dir {dir}"
            ));
        }
        app.screenshot("settings").await?;
        app.no_csp_violations().await
    })
    .await;
}

/// The demo as a newcomer meets it: one button imports one invented person's export of
/// every platform, a banner says it is demo data, and one click removes it. Also the
/// dark-theme check: the demo's overview is photographed with the system in dark mode.
#[tokio::test]
async fn demo_button_imports_the_demo_set_and_the_banner_removes_it() {
    if !can_run() {
        return;
    }
    let platforms = footprint_fixtures::demo::GENERATORS.len();
    with_dark_app("demo", async |app| {
        app.click("demo-button").await?;
        app.until("every demo import to finish", async || {
            Ok(app.count("[data-testid=import-job][data-status=done]").await? == platforms)
        })
        .await?;
        app.click("see-overview").await?;
        app.testid("chart-categories").await?;
        if number_in(&app.text("stat-archives").await?) != platforms as i64 {
            return Err(format!("the overview does not count the {platforms} demo exports"));
        }
        let banner = app.text("demo-banner").await?;
        if !banner.contains("demo data") {
            return Err(format!("the demo banner says: {banner}"));
        }
        let dark = app
            .script("arguments[arguments.length - 1](matchMedia('(prefers-color-scheme: dark)').matches)")
            .await?;
        if dark != serde_json::Value::Bool(true) {
            return Err("GTK_THEME=Adwaita:dark did not switch the window to dark".into());
        }
        app.screenshot("overview-dark").await?;
        let demo_dir = app.data_dir.path().join("demo");
        let written = std::fs::read_dir(&demo_dir)
            .map_err(|e| format!("{}: {e}", demo_dir.display()))?
            .count();
        if written < platforms {
            return Err(format!("demo archives in {}: {written}", demo_dir.display()));
        }
        // One click removes all of it and the app is back at its first screen.
        app.click("remove-demo").await?;
        app.testid("screen-welcome").await?;
        app.until("the banner to go", async || Ok(app.count("[data-testid=demo-banner]").await? == 0))
            .await?;
        app.no_csp_violations().await
    })
    .await;
}
