//! End-to-end: the company's answer to an access request, in the real window. Imports a
//! generated Facebook export, writes an access request to a company from its page, marks it
//! sent, attaches a file as the company's answer, answers the checklist with two gaps (the
//! retention period missing, automated decisions only in part, with a remark) and sees the
//! follow-up letter name both with their GDPR provisions. Screenshots: `access-answer-checklist`
//! and `access-answer-follow-up`.

mod support;

use support::{can_run, with_app, App};

/// Clicks `id` after scrolling it to the middle of the window: the answer panel sits below the
/// request's letter, where WebKit's driver does not scroll by itself.
async fn click_in_view(app: &App, id: &str) -> Result<(), String> {
    app.testid(id).await?;
    app.client
        .execute(
            &format!("document.querySelector('[data-testid={id}]').scrollIntoView({{block: 'center'}})"),
            vec![],
        )
        .await
        .map_err(|e| format!("scrolling to {id}: {e}"))?;
    app.click(id).await
}

#[tokio::test]
async fn attach_an_answer_check_it_and_write_the_follow_up() {
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
    let answer = exports.path().join("answer-from-the-company.pdf");
    std::fs::write(&answer, b"%PDF-1.4\n% the company's answer to the access request\n")
        .expect("write the answer file");
    with_app("access_answer", async |app| {
        app.testid("screen-welcome").await?;
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
            Ok(app.count("[data-testid=import-job][data-status=done]").await? >= paths.len())
        })
        .await?;

        // An access request under the GDPR (the wizard's defaults) to the first company.
        app.click("nav-companies").await?;
        app.testid("companies-table").await?;
        app.click("company-link").await?;
        app.testid("screen-company").await?;
        app.click("company-request").await?;
        app.testid("request-wizard").await?;
        app.click("wizard-write").await?;
        app.until("the draft's letter", async || {
            Ok(!app.text("wizard-preview").await?.trim().is_empty())
        })
        .await?;
        app.click("wizard-keep").await?;
        app.testid("request-detail").await?;
        app.click("mark-sent").await?;
        app.until("the status to read Sent", async || {
            Ok(app.text("detail-status").await? == "Sent")
        })
        .await?;

        // Attach the answer (the native picker cannot be driven: the typed path does the same).
        app.testid("access-answer").await?;
        click_in_view(app, "attach-path-toggle").await?;
        app.type_into("attach-paths", &answer.display().to_string()).await?;
        click_in_view(app, "attach-paths-submit").await?;
        app.until("the attached file", async || {
            Ok(app.texts("[data-testid=answer-file]").await?.iter().any(|t| t.contains("answer-from-the-company.pdf")))
        })
        .await?;
        app.until("the answer in the history", async || {
            Ok(app.text("history").await?.contains("answer received: answer-from-the-company.pdf"))
        })
        .await?;

        // The checklist, one question at a time: two gaps, d (missing) and h (in part).
        let answers = [
            ("a", "yes"),
            ("b", "yes"),
            ("c", "yes"),
            ("d", "no"),
            ("e", "yes"),
            ("f", "yes"),
            ("g", "not_applicable"),
            ("h", "partly"),
            ("transfers", "not_applicable"),
        ];
        for (key, verdict) in answers {
            app.until(&format!("question {key}"), async || {
                Ok(app
                    .script(
                        "arguments[arguments.length - 1](document.querySelector('[data-testid=checklist-question]').dataset.key)",
                    )
                    .await?
                    == serde_json::json!(key))
            })
            .await?;
            if key == "h" {
                app.type_into("checklist-note", "nothing on how the ad scoring works").await?;
            }
            click_in_view(app, &format!("verdict-{verdict}")).await?;
        }
        app.until("two gaps", async || {
            Ok(app.text("gap-summary").await?
                == "2 gaps: the answer lacks how long it is kept and automated decisions.")
        })
        .await?;
        let provision = app.text("checklist-provision").await?;
        if provision != "Art. 15(3) GDPR" {
            return Err(format!("the last question's provision reads {provision:?}"));
        }
        app.client
            .execute("document.querySelector('[data-testid=checklist]').scrollIntoView()", vec![])
            .await
            .map_err(|e| format!("scrolling to the checklist: {e}"))?;
        app.screenshot("access-answer-checklist").await?;

        click_in_view(app, "write-follow-up").await?;
        app.until("the follow-up letter", async || {
            Ok(!app.text("follow-up-preview").await?.trim().is_empty())
        })
        .await?;
        let letter = app.text("follow-up-preview").await?;
        for expected in [
            "Your answer to my access request is incomplete",
            "(Art. 15(1)(d) GDPR): missing",
            "(Art. 15(1)(h) GDPR): answered only in part (My remark: nothing on how the ad scoring works)",
            "one month after you receive this letter",
        ] {
            if !letter.contains(expected) {
                return Err(format!("the follow-up letter lacks {expected:?}:\n{letter}"));
            }
        }
        if letter.contains("15(1)(a)") || letter.contains("15(2)") {
            return Err(format!("the letter names items that were answered:\n{letter}"));
        }
        click_in_view(app, "follow-up-pdf").await?;
        let saved = app.text("follow-up-saved").await?;
        if !saved.contains("follow-up.pdf") {
            return Err(format!("saving the PDF says {saved:?}"));
        }
        app.client
            .execute("document.querySelector('[data-testid=gap-summary]').scrollIntoView()", vec![])
            .await
            .map_err(|e| format!("scrolling to the letter: {e}"))?;
        app.screenshot("access-answer-follow-up").await?;
        Ok(())
    })
    .await;
}
