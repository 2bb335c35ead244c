//! End-to-end: the letters' language in the real window. Imports a generated Facebook export,
//! writes the bulk erasure requests, opens the request to a company that takes requests in
//! German (the directory's request language): its letter is German; the language menu turns
//! it into French and back into English, and the choice is kept when the request is opened
//! again. Screenshot: `request-letter-language`.

mod support;

use support::{can_run, with_app};

/// Chooses `lang` in the letter-language menu as a user does (the change event included).
const CHOOSE: &str = "const s = document.querySelector('[data-testid=letter-lang]'); \
    s.value = arguments[0]; s.dispatchEvent(new Event('change', { bubbles: true }));";

#[tokio::test]
async fn a_german_companys_letter_is_german_and_the_user_switches_it() {
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
    with_app("letter-language", async |app| {
        app.testid("screen-welcome").await?;
        app.click("import-path-toggle").await?;
        let lines: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        app.type_into("import-paths", &lines.join("\u{E007}")).await?;
        app.click("import-paths-submit").await?;
        app.testid("screen-imports").await?;
        app.until("the import to finish", async || {
            Ok(app
                .count("[data-testid=import-job][data-status=done]")
                .await?
                >= paths.len())
        })
        .await?;
        app.click("nav-overview").await?;
        app.click("bulk-erasure-button").await?;
        app.testid("screen-requests").await?;
        app.until("the drafts", async || {
            Ok(app.count("[data-testid=request-open]").await? > 0)
        })
        .await?;

        // Open each draft until one letter is in German (a company whose directory entry
        // takes requests in German).
        let n = app.count("[data-testid=request-open]").await?;
        let mut german = None;
        for i in 0..n {
            app.client
                .execute(
                    "document.querySelectorAll('[data-testid=request-open]')[arguments[0]].click()",
                    vec![i.into()],
                )
                .await
                .map_err(|e| format!("opening request {i}: {e}"))?;
            app.until("the letter preview", async || {
                Ok(!app.text("letter-preview").await?.trim().is_empty())
            })
            .await?;
            // The preview of the request just opened (the previous one may still show).
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            if app.text("letter-preview").await?.contains("Sehr geehrte Damen und Herren,") {
                german = Some(i);
                break;
            }
        }
        let german = german.ok_or_else(|| {
            "no uploader's letter is in German: the demo has no German-speaking company".to_string()
        })?;
        let letter = app.text("letter-preview").await?;
        if !letter.contains("DSGVO") {
            return Err(format!("the German letter does not cite the DSGVO:\n{letter}"));
        }

        for (lang, salutation, law) in [
            ("fr", "Madame, Monsieur,", "du RGPD"),
            ("en", "Dear Sir or Madam,", "of the GDPR"),
        ] {
            app.client
                .execute(CHOOSE, vec![lang.into()])
                .await
                .map_err(|e| format!("choosing {lang}: {e}"))?;
            app.until(&format!("the letter in `{lang}`"), async || {
                let text = app.text("letter-preview").await?;
                Ok(text.contains(salutation) && text.contains(law))
            })
            .await?;
            if lang == "fr" {
                app.client
                    .execute(
                        // The block with the heading "The letter", the menu and the preview.
                        "document.querySelector('[data-testid=letter-lang]').closest('div').scrollIntoView()",
                        vec![],
                    )
                    .await
                    .map_err(|e| format!("scrolling to the menu: {e}"))?;
                app.screenshot("request-letter-language").await?;
            }
        }

        // Kept on the request: opened again, the letter is still English.
        app.click("nav-overview").await?;
        app.click("nav-requests").await?;
        app.testid("screen-requests").await?;
        app.until("the drafts", async || {
            Ok(app.count("[data-testid=request-open]").await? > german)
        })
        .await?;
        app.client
            .execute(
                "document.querySelectorAll('[data-testid=request-open]')[arguments[0]].click()",
                vec![german.into()],
            )
            .await
            .map_err(|e| format!("opening request {german} again: {e}"))?;
        app.until("the English letter again", async || {
            Ok(app.text("letter-preview").await?.contains("Dear Sir or Madam,"))
        })
        .await?;
        Ok(())
    })
    .await;
}
