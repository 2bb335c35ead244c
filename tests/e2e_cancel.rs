//! End-to-end: a long import shows live progress (bytes and records) and can be cancelled;
//! a cancelled import leaves nothing behind.

mod support;

use support::{can_run, with_app};

#[tokio::test]
async fn long_import_shows_progress_and_cancels_cleanly() {
    if !can_run() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let started = std::time::Instant::now();
    // Large enough to take several seconds to import in a debug build.
    let takeout = footprint_fixtures::demo::google(
        &dir.path().join("takeout-20250302T101500Z-001.zip"),
        11,
        Some(20_000),
    )
    .expect("generate a large Takeout");
    eprintln!(
        "cancel: generated the Takeout in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    with_app("cancel", async |app| {
        app.click("import-path-toggle").await?;
        let paths: Vec<String> = takeout.iter().map(|p| p.display().to_string()).collect();
        app.type_into("import-paths", &paths.join("\u{E007}"))
            .await?;
        app.click("import-paths-submit").await?;
        app.until("live progress with records", async || {
            let progress = app.text("job-progress").await.unwrap_or_default();
            Ok(progress.contains("records") && !progress.contains(" 0 records"))
        })
        .await?;
        app.screenshot("import-progress").await?;
        app.click("cancel-import").await?;
        app.until("the job to be cancelled", async || {
            let done = app
                .count("[data-testid=import-job][data-status=done]")
                .await?;
            if done > 0 {
                return Err("the import finished before it could be cancelled".into());
            }
            Ok(app
                .count("[data-testid=import-job][data-status=cancelled]")
                .await?
                == 1)
        })
        .await?;
        let status = app.text("job-status").await?;
        if !status.contains("nothing was saved") {
            return Err(format!("cancelled job says {status:?}"));
        }
        app.click("nav-archives").await?;
        app.testid("archives-empty").await?;
        Ok(())
    })
    .await;
}
