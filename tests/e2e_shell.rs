//! End-to-end: the real app window starts with a private data directory, renders, and refuses
//! IPC calls its capability does not grant.

mod support;

use support::{can_run, with_app};

#[tokio::test]
async fn window_opens_with_private_data_dir_and_denies_ungranted_commands() {
    if !can_run() {
        return;
    }
    with_app("shell", async |app| {
        let expected = app.data_dir.path().display().to_string();
        app.until("the data location to be the test's folder", async || {
            Ok(app.text("data-location").await? == expected)
        })
        .await?;
        // dialog:allow-save is not in the capability: the call must be refused.
        let refused = app
            .script(
                "const done = arguments[arguments.length - 1];
                 window.__TAURI_INTERNALS__.invoke('plugin:dialog|save', { options: {} })
                   .then(() => done('granted'), (e) => done(String(e)));",
            )
            .await?;
        let refused = refused.as_str().unwrap_or_default().to_string();
        if !refused.contains("not allowed") {
            return Err(format!("plugin:dialog|save should be refused, got {refused:?}"));
        }
        app.screenshot("shell").await?;
        Ok(())
    })
    .await;
}
