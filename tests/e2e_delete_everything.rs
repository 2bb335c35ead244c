//! End-to-end: Settings' "Delete everything" asks for a typed confirmation, empties the
//! database, and leaves no byte of the imported export in the database file or its WAL
//! (secure delete, FTS optimize, VACUUM, checkpoint: docs/PRIVACY.md).

mod support;

use footprint_core::importers::reddit::Reddit;
use support::{can_run, with_app};

#[tokio::test]
async fn delete_everything_confirms_and_leaves_no_trace_on_disk() {
    if !can_run() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let export = footprint_fixtures::demo::reddit(&dir.path().join("reddit-export"), 31, Some(40)).expect("Reddit export");
    // Strings only this export holds: its longest record titles and bodies.
    let view = footprint_core::archive::ArchiveView::open(&export, &Default::default()).expect("open export");
    let c = footprint_core::testing::collect(&Reddit, &view);
    let mut texts: Vec<String> = c
        .records
        .iter()
        .flat_map(|r| [r.record.title.clone(), r.record.body.clone()])
        .flatten()
        .filter(|t| t.len() >= 24)
        .collect();
    texts.sort_by_key(|t| std::cmp::Reverse(t.len()));
    texts.truncate(10);
    assert!(texts.len() >= 5, "the export has long texts to look for: {texts:?}");

    with_app("delete-everything", async |app| {
        app.click("import-path-toggle").await?;
        app.type_into("import-paths", &export[0].display().to_string()).await?;
        app.click("import-paths-submit").await?;
        app.until("the import", async || Ok(app.count("[data-testid=import-job][data-status=done]").await? == 1))
            .await?;

        app.click("nav-settings").await?;
        let db = std::path::PathBuf::from(app.text("db-path").await?);
        let on_disk = |texts: &[String]| -> usize {
            let mut bytes = Vec::new();
            for suffix in ["", "-wal"] {
                let mut p = db.clone().into_os_string();
                p.push(suffix);
                if let Ok(b) = std::fs::read(&p) {
                    bytes.extend(b);
                }
            }
            texts.iter().filter(|t| bytes.windows(t.len()).any(|w| w == t.as_bytes())).count()
        };
        if on_disk(&texts) == 0 {
            return Err("the imported texts are not in the database at all: the check could not fail".into());
        }

        app.click("delete-everything").await?;
        app.testid("erase-dialog").await?;
        let confirm = app.testid("confirm-delete-everything").await?;
        if confirm.is_enabled().await.map_err(|e| e.to_string())? {
            return Err("the delete button works before the word is typed".into());
        }
        app.type_into("erase-confirm", "delete").await?;
        app.screenshot("delete-everything-confirm").await?;
        app.click("confirm-delete-everything").await?;
        app.testid("deleted-everything").await?;
        let left = on_disk(&texts);
        if left > 0 {
            return Err(format!("{left} of {} texts of the export are still in the database files", texts.len()));
        }
        app.click("nav-archives").await?;
        app.until("no archive left", async || Ok(app.count("[data-testid=archive-row]").await? == 0)).await?;
        Ok(())
    })
    .await;
}
