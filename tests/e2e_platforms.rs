//! End-to-end: one export of every platform Footprint reads (one invented person, from the
//! fixture generators) imported through the real window. Each is recognized as its platform,
//! the Overview counts them all, and a company named by several platforms' exports is ONE
//! company whose page names those exports. Screenshots: every platform on the Overview and
//! the Archives screen, and a cross-platform company.

mod support;

use footprint_core::query::CompanyQuery;
use footprint_core::store::Store;
use std::path::PathBuf;
use support::{can_run, with_app};

#[tokio::test]
async fn every_platform_imports_and_a_company_is_merged_across_platforms() {
    if !can_run() {
        return;
    }
    let exports = tempfile::tempdir().expect("temp dir");
    let mut paths: Vec<PathBuf> = Vec::new();
    for g in footprint_fixtures::demo::GENERATORS {
        let out = exports.path().join(format!("{}-export-2024-03-02.zip", g.id));
        paths.extend((g.write)(&out, 11, None).unwrap_or_else(|e| panic!("generate {}: {e}", g.id)));
    }
    let n = footprint_fixtures::demo::GENERATORS.len();
    with_app("platforms", async |app| {
        app.click("nav-welcome").await?;
        // Welcome lists where to get every platform's export, from the descriptors.
        for d in footprint_core::registry::descriptors() {
            app.testid(&format!("guide-{}", d.id)).await?;
        }
        app.click("import-path-toggle").await?;
        let lines: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        app.type_into("import-paths", &lines.join("\u{E007}")).await?;
        app.click("import-paths-submit").await?;
        app.until("every import to finish", async || {
            let failed = app.texts("[data-testid=job-error]").await?;
            if !failed.is_empty() {
                return Err(format!("an import failed: {failed:?}"));
            }
            Ok(app.count("[data-testid=import-job][data-status=done]").await? >= n)
        })
        .await?;

        app.click("nav-archives").await?;
        app.wait_count("[data-testid=archive-row]", n).await?;
        let rows = app.texts("[data-testid=archive-row]").await?.join("\n");
        for d in footprint_core::registry::descriptors() {
            if footprint_fixtures::demo::generator(d.id).is_some() && !rows.contains(d.name) {
                return Err(format!("no {} archive listed: {rows}", d.name));
            }
        }
        app.screenshot("archives-all-platforms").await?;

        app.click("nav-overview").await?;
        app.testid("chart-categories").await?;
        let archives: i64 = app.text("stat-archives").await?.chars().filter(|c| c.is_ascii_digit()).collect::<String>().parse().unwrap_or(-1);
        if archives != n as i64 {
            return Err(format!("the overview counts {archives} archives, expected {n}"));
        }
        app.screenshot("overview-all-platforms").await?;
        // What shops know about your buying: the shops' purchases, per year and currency.
        let spend = app.texts("[data-testid=spend-row]").await?;
        for shop in ["Amazon", "Uber"] {
            if !spend.iter().any(|r| r.contains(shop)) {
                return Err(format!("no spending row for {shop}: {spend:?}"));
            }
        }
        app.client
            .execute("document.querySelector('[data-testid=spending]').scrollIntoView()", vec![])
            .await
            .map_err(|e| format!("scrolling to the spending: {e}"))?;
        app.screenshot("overview-spending").await?;

        // The company named by the most exports, straight from the app's database.
        let db = app.data_dir.path().join("footprint.db");
        let store = Store::open(&db).map_err(|e| e.to_string())?;
        let companies = store
            .companies(&CompanyQuery { limit: Some(10_000), ..Default::default() })
            .map_err(|e| e.to_string())?;
        let shared = companies
            .iter()
            .filter(|c| !c.is_platform)
            .max_by_key(|c| c.platforms.len())
            .ok_or("no third party at all")?;
        if shared.platforms.len() < 2 {
            return Err(format!("no third party is named by two platforms' exports (best: {} in {:?})", shared.name, shared.platforms));
        }
        app.click("nav-companies").await?;
        app.type_into("company-search", &shared.name).await?;
        app.until("the search to find it", async || {
            let shown = app.texts("[data-testid=company-link]").await?;
            Ok(shown.contains(&shared.name))
        })
        .await?;
        app.click("company-link").await?;
        app.testid("holdings").await?;
        let page = app.text("screen-company").await?;
        for p in &shared.platforms {
            let label = footprint_core::query::platform_name(p);
            if !page.contains(&label) {
                return Err(format!("{}'s page does not name the {label} export: {page}", shared.name));
            }
        }
        app.screenshot("company-cross-platform").await
            .map(|_| ())
    })
    .await;
}
