//! End-to-end: encryption at rest in the real window (issue #12). Imports a generated export,
//! encrypts the database from Settings (the file then holds none of the import's texts), locks
//! the app, is refused with a wrong passphrase, unlocks, changes the passphrase and unlocks
//! with the new one; and an app started on an encrypted database opens on the lock screen.
//! Screenshots: `settings-encryption`, `lock-screen`.

mod support;

use footprint_core::runner::{import_export, ImportOptions};
use footprint_core::store::{Passphrase, Store};
use footprint_core::testing::{database_file_bytes as raw, occurrences};
use std::path::{Path, PathBuf};
use support::{can_run, with_app, with_app_prepared, App};

fn export(dir: &Path) -> Vec<PathBuf> {
    footprint_fixtures::reddit::generate(
        &footprint_fixtures::reddit::RedditSpec { seed: 9, ..Default::default() },
        &dir.join("reddit.zip"),
    )
    .expect("generate Reddit export")
}

/// Record titles and bodies of the export, as a clear database holds them.
fn plaintexts(paths: &[PathBuf], dir: &Path) -> Vec<String> {
    let mut clear = Store::open(&dir.join("clear.db")).expect("clear db");
    import_export(&mut clear, paths, &ImportOptions::default()).expect("clear import");
    let mut st = clear
        .connection()
        .prepare("SELECT coalesce(title, '') || char(10) || coalesce(body, '') FROM records")
        .unwrap();
    let rows = st.query_map([], |r| r.get::<_, String>(0)).unwrap();
    let mut out: Vec<String> = rows.flat_map(|t| t.unwrap().lines().map(str::to_string).collect::<Vec<_>>()).filter(|t| t.len() >= 12).collect();
    out.sort();
    out.dedup();
    out
}

async fn unlock_with(app: &App, passphrase: &str) -> Result<(), String> {
    app.testid("lock-screen").await?;
    app.type_into("lock-passphrase", passphrase).await?;
    app.click("unlock").await
}

#[tokio::test]
async fn encrypt_from_settings_lock_unlock_and_change_the_passphrase() {
    if !can_run() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = export(dir.path());
    let texts = plaintexts(&paths, dir.path());
    assert!(texts.len() > 20, "too few texts to look for: {}", texts.len());
    with_app("encryption", async |app| {
        app.import_paths(&paths).await?;
        let db = app.data_dir.path().join("footprint.db");
        let before = raw(&db);
        if !texts.iter().any(|t| occurrences(&before, t) > 0) {
            return Err("the clear database holds none of the texts: the search below would prove nothing".into());
        }
        app.click("nav-settings").await?;
        app.until("the card", async || Ok(app.text("encryption-state").await?.contains("not encrypted"))).await?;
        app.click("start-encrypting").await?;
        app.type_into("enc-new", "a long enough passphrase").await?;
        app.type_into("enc-again", "a long enough passphrase").await?;
        app.click("enc-submit").await?;
        app.until("encrypted", async || Ok(app.text("encryption-state").await?.contains("is encrypted"))).await?;
        let after = raw(&db);
        if after.starts_with(b"SQLite format 3") {
            return Err("the database file is still clear".into());
        }
        if let Some(t) = texts.iter().find(|t| occurrences(&after, t) > 0) {
            return Err(format!("the encrypted file holds {t:?}"));
        }
        app.client
            .execute("document.querySelector('[data-testid=encryption-card]').scrollIntoView({block: 'start'})", vec![])
            .await
            .map_err(|e| format!("scrolling to the card: {e}"))?;
        app.screenshot("settings-encryption").await?;

        app.click("lock-now").await?;
        unlock_with(app, "not the passphrase").await?;
        app.until("the refusal", async || Ok(app.text("lock-problem").await?.contains("does not open"))).await?;
        app.screenshot("lock-screen").await?;
        unlock_with(app, "a long enough passphrase").await?;
        app.testid("screen-overview").await?;

        app.click("nav-settings").await?;
        app.click("change-passphrase").await?;
        app.type_into("enc-current", "a long enough passphrase").await?;
        app.type_into("enc-new", "another long passphrase").await?;
        app.type_into("enc-again", "another long passphrase").await?;
        app.click("enc-submit").await?;
        app.until("the change", async || Ok(app.text("encryption-done").await?.contains("new passphrase"))).await?;
        app.click("lock-now").await?;
        unlock_with(app, "a long enough passphrase").await?;
        app.until("the old one refused", async || Ok(app.text("lock-problem").await?.contains("does not open"))).await?;
        unlock_with(app, "another long passphrase").await?;
        app.testid("screen-overview").await?;
        app.no_csp_violations().await
    })
    .await;
}

#[tokio::test]
async fn an_encrypted_database_opens_on_the_lock_screen() {
    if !can_run() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = export(dir.path());
    let prepare = |data: &Path| {
        let key = Passphrase::new("prepared passphrase").unwrap();
        let mut store = Store::open_with(&data.join("footprint.db"), Some(&key)).expect("encrypted db");
        import_export(&mut store, &paths, &ImportOptions::default()).expect("import");
    };
    with_app_prepared("encryption-start", &prepare, async |app| {
        app.testid("lock-screen").await?;
        let named = app.text("lock-screen").await?;
        if !named.contains("footprint.db") {
            return Err(format!("the lock screen does not name the file: {named}"));
        }
        unlock_with(app, "prepared passphrase").await?;
        app.testid("screen-overview").await?;
        app.click("nav-archives").await?;
        app.until("the archive", async || Ok(app.text("screen-archives").await?.contains("Reddit"))).await
    })
    .await;
}
