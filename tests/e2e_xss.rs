//! End-to-end: text from an archive is untrusted. A generated Facebook export whose message and
//! company name carry `<img onerror>` and `<script>` must show them as text, and nothing in
//! them may run.

mod support;

use footprint_fixtures::{ArchiveWriter, Container};
use serde_json::json;
use support::{can_run, with_app};

const IMG: &str = "<img src=x onerror=\"window.__pwned='img'\">";
const SCRIPT: &str = "<script>window.__pwned='script'</script>";
const COMPANY: &str = "<img src=x onerror=window.__pwned='company'>Evil Corp";

/// A small Facebook export (2024 layout) carrying the hostile strings.
fn hostile_facebook(out: &std::path::Path) -> std::path::PathBuf {
    let mut w = ArchiveWriter::new(out, Container::Zip)
        .expect("archive writer")
        .top_folder("facebook-test-2024-03-01");
    let profile = json!({"profile_v2": {
        "name": {"full_name": "Sam Example"},
        "emails": {"emails": ["sam@example.com"]},
    }});
    let thread = json!({
        "participants": [{"name": "Sam Example"}, {"name": "Mallory"}],
        "messages": [
            {"sender_name": "Mallory", "timestamp_ms": 1_700_000_000_000_i64,
             "content": format!("look {IMG} here")},
            {"sender_name": "Mallory", "timestamp_ms": 1_700_000_060_000_i64,
             "content": format!("and {SCRIPT} there")},
        ],
        "title": "Mallory",
        "thread_path": "inbox/mallory_1",
    });
    let off_meta = json!({"off_facebook_activity_v2": [
        {"name": COMPANY, "events": [{"id": 1, "type": "PURCHASE", "timestamp": 1_700_000_000}]},
    ]});
    let files = [
        (
            "personal_information/profile_information/profile_information.json",
            profile,
        ),
        (
            "your_facebook_activity/messages/inbox/mallory_1/message_1.json",
            thread,
        ),
        (
            "apps_and_websites_off_of_facebook/your_activity_off_meta_technologies.json",
            off_meta,
        ),
    ];
    for (path, value) in files {
        w.add(path, value.to_string().as_bytes()).expect("add file");
    }
    w.finish().expect("finish archive").remove(0)
}

async fn nothing_ran(app: &support::App) -> Result<(), String> {
    let state = app
        .script(
            "arguments[arguments.length - 1]({
               pwned: window.__pwned ?? null,
               imgs: document.querySelectorAll('main img').length,
               scripts: document.querySelectorAll('main script').length })",
        )
        .await?;
    if state != serde_json::json!({"pwned": null, "imgs": 0, "scripts": 0}) {
        return Err(format!("hostile markup became live: {state}"));
    }
    Ok(())
}

#[tokio::test]
async fn hostile_archive_text_is_shown_as_text_and_never_runs() {
    if !can_run() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let archive = hostile_facebook(&dir.path().join("facebook-hostile.zip"));
    with_app("xss", async |app| {
        app.click("import-path-toggle").await?;
        app.type_into("import-paths", &archive.display().to_string())
            .await?;
        app.click("import-paths-submit").await?;
        app.until("the hostile import to finish", async || {
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

        // The messages, found by a word inside the markup, read literally.
        app.click("nav-explorer").await?;
        app.type_into("explorer-search", "onerror").await?;
        app.until("the <img> message to be listed literally", async || {
            let shown = app.text("explorer-results").await?;
            if shown.contains(IMG) {
                Ok(true)
            } else {
                Err(format!("(shown: {shown:?})")) // keeps polling; reported on timeout
            }
        })
        .await?;
        app.type_into("explorer-search", "pwned").await?;
        app.until("the <script> message to be listed", async || {
            Ok(app.text("explorer-results").await?.contains(SCRIPT))
        })
        .await?;
        app.screenshot("xss-explorer").await?;
        nothing_ran(app).await?;

        // The company name, in the list and on its page.
        app.click("nav-companies").await?;
        app.type_into("company-search", "Evil").await?;
        app.until("the hostile company in the list", async || {
            Ok(app.texts("[data-testid=company-link]").await? == vec![COMPANY.to_string()])
        })
        .await?;
        app.click("company-link").await?;
        let name = app.text("company-name").await?;
        if name != COMPANY {
            return Err(format!("company page title {name:?}"));
        }
        app.screenshot("xss-company").await?;
        nothing_ran(app).await
    })
    .await;
}
