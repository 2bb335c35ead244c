//! End-to-end: the real app window starts with a private data directory, renders, refuses IPC
//! calls its capability does not grant, and runs under its Content-Security-Policy.

mod support;

use support::{can_run, with_app};

#[tokio::test]
async fn window_uses_private_data_dir_and_denies_ungranted_commands() {
    if !can_run() {
        return;
    }
    with_app("shell", async |app| {
        app.click("nav-settings").await?;
        let db = app.text("db-path").await?;
        let expected = app.data_dir.path().join("footprint.db").display().to_string();
        if db != expected {
            return Err(format!("database at {db:?}, expected the test's {expected:?}"));
        }
        // A granted plugin with a denied sibling: the dialog plugin's open and save are in the
        // capability (the file picker, the donation's save dialog), its message box is not, so
        // the call must be refused before any dialog opens.
        let refused = app
            .script(
                "const done = arguments[arguments.length - 1];
                 window.__TAURI_INTERNALS__.invoke('plugin:dialog|message', { message: 'x' })
                   .then(() => done('granted'), (e) => done(String(e)));",
            )
            .await?;
        let refused = refused.as_str().unwrap_or_default().to_string();
        if !refused.contains("not allowed") {
            return Err(format!("plugin:dialog|message should be refused, got {refused:?}"));
        }
        // No file-system or shell plugin exists at all.
        let missing = app
            .script(
                "const done = arguments[arguments.length - 1];
                 window.__TAURI_INTERNALS__.invoke('plugin:fs|read_text_file', { path: '/etc/passwd' })
                   .then(() => done('granted'), (e) => done(String(e)));",
            )
            .await?;
        if missing.as_str() == Some("granted") {
            return Err("plugin:fs|read_text_file was allowed".into());
        }
        // The Content-Security-Policy is in force: no eval, no remote requests.
        let csp = app
            .script(
                "const done = arguments[arguments.length - 1];
                 let evalResult;
                 try { eval('1 + 1'); evalResult = 'eval ran'; } catch (e) { evalResult = 'blocked'; }
                 // A failed fetch alone proves nothing offline: look for the CSP's report.
                 const report = () => setTimeout(() => done([evalResult,
                   window.__cspViolations.some((v) => v.startsWith('connect-src') && v.includes('example.com'))
                     ? 'blocked' : 'not blocked by the CSP']), 300);
                 fetch('https://example.com/').then(report, report);",
            )
            .await?;
        if csp != serde_json::json!(["blocked", "blocked"]) {
            return Err(format!("the CSP should block eval and remote fetch: {csp}"));
        }
        Ok(())
    })
    .await;
}
