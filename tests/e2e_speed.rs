//! A measurement, not a test that can pass or fail on speed: how fast the app imports, to
//! compare with `footprint bench` on the same archive. Run it against the installed release
//! app (what users run):
//!
//!   FOOTPRINT_E2E_APP=/usr/bin/footprint-app xvfb-run -a cargo test -p footprint-app \
//!     --features custom-protocol --test e2e_speed -- --ignored --nocapture
//!
//! It imports a generated Takeout (`FOOTPRINT_SPEED_SCALE`, default 0.25 of the bench's 1.2M
//! records) through the window and prints the engine's own timing from the import report.

mod support;

use support::{can_run, with_app};

#[tokio::test]
#[ignore = "a measurement: run by hand against the release app"]
async fn app_import_speed() {
    if !can_run() {
        return;
    }
    let scale: f64 = std::env::var("FOOTPRINT_SPEED_SCALE").ok().and_then(|s| s.parse().ok()).unwrap_or(0.25);
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = footprint_fixtures::google::generate(
        &footprint_fixtures::google::TakeoutSpec {
            location_points: (1_000_000.0 * scale) as usize,
            activity: (200_000.0 * scale) as usize,
            ..Default::default()
        },
        &dir.path().join("takeout-20240302T100000Z.zip"),
    )
    .expect("generate");
    with_app("speed", async |app| {
        app.click("nav-welcome").await?;
        app.click("import-path-toggle").await?;
        let lines: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        app.type_into("import-paths", &lines.join("\u{E007}")).await?;
        let started = std::time::Instant::now();
        app.click("import-paths-submit").await?;
        app.until("the import to finish", async || {
            Ok(app.count("[data-testid=import-job][data-status=done]").await? == 1)
        })
        .await?;
        let wall = started.elapsed().as_secs_f64();
        let store = footprint_core::store::Store::open(&app.data_dir.path().join("footprint.db")).map_err(|e| e.to_string())?;
        let id = store.archives().map_err(|e| e.to_string())?[0].id;
        let report = store.archive_report(id).map_err(|e| e.to_string())?.ok_or("no report")?;
        let secs = report.duration_ms as f64 / 1000.0;
        eprintln!(
            "app import: {} records in {secs:.2} s = {:.0} records/s ({wall:.2} s from click to done, UI included)",
            report.records_seen,
            report.records_seen as f64 / secs
        );
        Ok(())
    })
    .await;
}

/// The release app's cold start (issue #13: < 1.5 s to the first paint): from launching the
/// app to its first rendered screen, and on to the Overview's top holders drawn from the
/// database. `FOOTPRINT_SPEED_DB` names a database to start on (copied into the app's data
/// folder, e.g. the 10-million-record one of `footprint bench --at-scale --scale-db`); without it
/// the app starts empty and shows the welcome screen.
///
///   FOOTPRINT_E2E_APP=target/release/footprint-app FOOTPRINT_SPEED_DB=/tmp/scale.db \
///     xvfb-run -a dbus-run-session -- cargo test -p footprint-app --features custom-protocol \
///     --test e2e_speed app_cold_start -- --ignored --nocapture
///
/// `dbus-run-session` gives the runs the session bus a desktop has: without one, every launch
/// autolaunches a bus and its services (accessibility, portals) first, which added 0.3 to 3 s.
#[tokio::test]
#[ignore = "a measurement: run by hand against the release app"]
async fn app_cold_start() {
    if !can_run() {
        return;
    }
    let db = std::env::var_os("FOOTPRINT_SPEED_DB").map(std::path::PathBuf::from);
    let prepare = |dir: &std::path::Path| {
        if let Some(db) = &db {
            let copy = dir.join("footprint.db");
            std::fs::copy(db, &copy).expect("copy FOOTPRINT_SPEED_DB");
            // Written to disk before the launch, so that the start does not race the kernel
            // writing the copy's gigabytes back (no user starts the app on a file copied a
            // second ago).
            std::fs::File::open(&copy).and_then(|f| f.sync_all()).expect("sync the copy");
        }
    };
    support::with_app_prepared("cold-start", &prepare, async |app| {
        let body_started = std::time::Instant::now();
        let ready = app.launch_to_ready.as_secs_f64();
        // The web view's own view of it: navigation start to first contentful paint.
        let paint = app
            .script(
                "const p = performance.getEntriesByName('first-contentful-paint')[0];
                 arguments[arguments.length - 1](p ? p.startTime : null)",
            )
            .await?;
        let mut line = format!(
            "cold start: {ready:.2} s from launch to the first screen ({:.2} s with the driver); first contentful paint {paint} ms after navigation",
            app.cold_start.as_secs_f64()
        );
        if db.is_some() {
            app.testid("top-holders").await?;
            line.push_str(&format!(
                "; Overview's top holders drawn {:.2} s after launch",
                ready + body_started.elapsed().as_secs_f64()
            ));
        }
        let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
        eprintln!("{line} (load average {})", load.split_whitespace().next().unwrap_or("?"));
        Ok(())
    })
    .await;
}
