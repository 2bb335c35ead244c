//! Zero egress, checked (issue #12): one full session in the real window, run by
//! `scripts/egress.sh` inside a network namespace that holds only loopback and under a
//! syscall trace, which `tests/egress_check.rs` then reads. The session touches everything
//! that could reach out: imports, every screen, a request's letter saved as PDF, e-mail draft
//! and calendar file, an archive's removal and Settings' "Delete everything".
//!
//! Outside that script (FOOTPRINT_EGRESS_RUN unset) it prints why it does not run: the
//! session alone, without the namespace and the trace, proves nothing about egress.
//! `FOOTPRINT_EGRESS_PROBE=<url>` makes the window load `url` at the end: the way to see the
//! checker fail (docs/PRIVACY.md).

mod support;

use std::path::PathBuf;
use std::time::Duration;
use support::{can_run, with_app};

/// The interfaces of this process's network namespace (`/proc/net/dev` is per namespace).
fn interfaces() -> Vec<String> {
    let dev = std::fs::read_to_string("/proc/net/dev").expect("reading /proc/net/dev");
    dev.lines()
        .skip(2)
        .filter_map(|l| l.split(':').next())
        .map(|n| n.trim().to_string())
        .collect()
}

#[tokio::test]
async fn a_full_session_inside_a_namespace_without_network() {
    if std::env::var("FOOTPRINT_EGRESS_RUN").ok().as_deref() != Some("1") {
        eprintln!("NOTICE: e2e_egress runs from scripts/egress.sh (network namespace + strace), not here");
        return;
    }
    assert_eq!(interfaces(), ["lo"], "the session must run where only loopback exists (unshare -n)");
    if !can_run() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let mut exports: Vec<PathBuf> =
        footprint_fixtures::demo::google(&dir.path().join("takeout-20250302T101500Z-001.zip"), 7, None)
            .expect("generate Google Takeout");
    exports.extend(
        footprint_fixtures::demo::facebook(&dir.path().join("facebook-someone-2025-03-02.zip"), 7, None)
            .expect("generate Facebook export"),
    );
    let probe = std::env::var("FOOTPRINT_EGRESS_PROBE").ok();

    with_app("egress", async |app| {
        app.import_paths(&exports).await?;

        // Requests: the bulk erasure on the Overview, then one letter in every file format.
        app.click("nav-overview").await?;
        app.testid("chart-monthly").await?;
        app.click("bulk-erasure-button").await?;
        app.testid("screen-requests").await?;
        app.wait_count("[data-testid=request-row]", 1).await?;
        app.click("request-open").await?;
        app.until("the letter preview", async || Ok(!app.text("letter-preview").await?.trim().is_empty()))
            .await?;
        for format in ["pdf", "eml", "ics"] {
            app.click(&format!("save-{format}")).await?;
            app.until(&format!("the .{format} to be saved"), async || {
                Ok(app.text("saved-letter").await?.contains(&format!(".{format}")))
            })
            .await?;
        }
        let letters = app.data_dir.path().join("letters");
        let saved = std::fs::read_dir(&letters).map_err(|e| format!("{}: {e}", letters.display()))?.count();
        if saved < 3 {
            return Err(format!("{saved} letters saved in {}", letters.display()));
        }

        // Every screen that shows data.
        app.click("nav-companies").await?;
        app.wait_count("[data-testid=company-row]", 3).await?;
        app.click("company-link").await?;
        app.testid("holdings").await?;
        app.click("nav-explorer").await?;
        app.wait_count("[data-testid=explorer-results] [data-testid=record-row]", 1).await?;
        app.type_into("explorer-search", "search").await?;
        app.click("nav-timeline").await?;
        app.testid("chart-timeline").await?;
        app.click("nav-map").await?;
        app.testid("chart-map").await?;
        app.click("nav-archives").await?;
        app.wait_count("[data-testid=archive-row]", 2).await?;
        app.click("archive-report").await?;
        app.testid("archive-report-view").await?;
        app.client
            .execute("document.querySelector('dialog[open]').close()", vec![])
            .await
            .map_err(|e| format!("closing the report: {e}"))?;

        // Removal of one archive, then Delete everything.
        app.click("archive-remove").await?;
        app.click("confirm-remove").await?;
        app.until("one archive left", async || Ok(app.count("[data-testid=archive-row]").await? == 1))
            .await?;
        app.click("nav-settings").await?;
        app.click("delete-everything").await?;
        app.type_into("erase-confirm", "delete").await?;
        app.click("confirm-delete-everything").await?;
        app.testid("deleted-everything").await?;
        app.no_csp_violations().await?;

        if let Some(url) = &probe {
            eprintln!("egress probe: loading {url} in the window; the trace check must now fail");
            let _ = app.client.goto(url).await;
            tokio::time::sleep(Duration::from_secs(3)).await;
        }
        Ok(())
    })
    .await;
}
