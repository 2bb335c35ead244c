//! End-to-end: data-rights requests in the real window. Imports a generated Facebook export,
//! asks every advertiser that uploaded the user's contact list to delete it (one bulk action on
//! the Overview), finds one draft per uploader on the Requests screen, opens one, checks that
//! its letter cites the evidence, marks it sent and sees its due date. Screenshots: `requests`
//! and `request-detail`.

mod support;

use support::{can_run, with_app};

/// The first number in a text ("4 companies uploaded ..." -> 4).
fn first_number(text: &str) -> Option<usize> {
    text.split(|c: char| !c.is_ascii_digit())
        .find(|w| !w.is_empty())
        .and_then(|w| w.parse().ok())
}

#[tokio::test]
async fn bulk_erasure_to_contact_list_uploaders_then_mark_one_sent() {
    if !can_run() {
        return;
    }
    let exports = tempfile::tempdir().expect("temp dir");
    let paths = footprint_fixtures::demo::facebook(
        &exports.path().join("facebook-someone-2025-03-02.zip"),
        7,
        None,
    )
    .expect("generate Facebook export");
    with_app("requests", async |app| {
        app.testid("screen-welcome").await?;
        app.click("import-path-toggle").await?;
        let lines: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        app.type_into("import-paths", &lines.join("\u{E007}"))
            .await?;
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
                >= paths.len())
        })
        .await?;

        // Overview: the bulk action names how many companies uploaded the contact list.
        app.click("nav-overview").await?;
        app.testid("bulk-erasure").await?;
        let heading = app.texts("[data-testid=bulk-erasure] h2").await?;
        let uploaders = heading
            .first()
            .and_then(|h| first_number(h))
            .ok_or_else(|| format!("no count in the bulk action's heading {heading:?}"))?;
        if uploaders == 0 {
            return Err("the export shows no contact-list uploader".into());
        }
        app.click("bulk-erasure-button").await?;

        // Requests: one draft per uploader, each an erasure under the GDPR.
        app.testid("screen-requests").await?;
        app.wait_count("[data-testid=request-row]", uploaders)
            .await?;
        let rows = app.texts("[data-testid=request-row]").await?;
        if rows.len() != uploaders
            || !rows
                .iter()
                .all(|r| r.contains("Erasure") && r.contains("GDPR"))
        {
            return Err(format!(
                "expected {uploaders} GDPR erasure drafts, got {rows:?}"
            ));
        }
        let notice = app.text("not-legal-advice").await?;
        if !notice.contains("never sends") || !notice.contains("not legal advice") {
            return Err(format!("the notice lacks its promise: {notice}"));
        }
        app.screenshot("requests").await?;

        // Open the first: the letter names Meta's export and the advertiser.
        let company = app
            .texts("[data-testid=request-open]")
            .await?
            .into_iter()
            .next()
            .ok_or("no request to open")?;
        app.click("request-open").await?;
        app.testid("request-detail").await?;
        app.until("the letter preview", async || {
            Ok(!app.text("letter-preview").await?.trim().is_empty())
        })
        .await?;
        let letter = app.text("letter-preview").await?;
        if !letter.contains("Meta") || !letter.contains(&company) {
            return Err(format!(
                "the letter does not cite Meta's export and {company:?}:\n{letter}"
            ));
        }

        // Mark it sent: the status changes and the due date is now a real one with its rule.
        app.click("mark-sent").await?;
        app.until("the status to read Sent", async || {
            Ok(app.text("detail-status").await? == "Sent")
        })
        .await?;
        let due = app.text("detail-due").await?;
        let has_date = due.split_whitespace().any(chrono_like_date);
        if !has_date || due.contains("if you send it today") {
            return Err(format!("after sending, the due date reads {due:?}"));
        }
        let rule = app.text("detail-due-rule").await?;
        if rule.trim().is_empty() {
            return Err("the due date has no rule text".into());
        }
        let history = app.text("history").await?;
        if !history.contains("Sent") {
            return Err(format!("history lacks the sending: {history}"));
        }
        // Show the due date, the buttons and the start of the letter in the picture.
        app.client
            .execute(
                "document.querySelector('[data-testid=detail-due]').scrollIntoView()",
                vec![],
            )
            .await
            .map_err(|e| format!("scrolling to the due date: {e}"))?;
        app.screenshot("request-detail").await?;
        Ok(())
    })
    .await;
}

/// "2026-03-10" and the like.
fn chrono_like_date(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}
