//! End-to-end harness: starts `tauri-driver` (which starts WebKitWebDriver, which starts the
//! real app binary) on free ports, connects a WebDriver session, and cleans everything up.
//!
//! Gating: the tests need a display, `tauri-driver` and a binary built with
//! `--features custom-protocol` (otherwise the app would load the Vite dev server). When one is
//! missing they FAIL, unless `FOOTPRINT_E2E_SKIP=1` explicitly allows skipping with a printed
//! notice. Under `CI=true` they always run (skipping is refused).

#![allow(dead_code)] // each test crate uses a different part of the harness

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long to wait for an element or a condition before failing the test.
pub const WAIT: Duration = Duration::from_secs(30);

/// Why the end-to-end tests cannot run here, if they cannot.
fn missing_requirement() -> Option<String> {
    if !cfg!(feature = "custom-protocol") {
        return Some(
            "the app was built without `--features custom-protocol` (it would load the dev server)"
                .into(),
        );
    }
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        return Some("no display (run under `xvfb-run -a`)".into());
    }
    if which("tauri-driver").is_none() {
        return Some(
            "tauri-driver is not installed (`cargo install tauri-driver --locked --version 2.1.0`)"
                .into(),
        );
    }
    if which("WebKitWebDriver").is_none() {
        return Some("WebKitWebDriver is missing (apt package webkit2gtk-driver)".into());
    }
    None
}

/// Returns false (after printing why) when the tests may be skipped; panics when they must run
/// but cannot.
pub fn can_run() -> bool {
    let Some(why) = missing_requirement() else {
        return true;
    };
    let in_ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
    let skip_allowed = std::env::var("FOOTPRINT_E2E_SKIP").is_ok_and(|v| v == "1");
    if skip_allowed && !in_ci {
        eprintln!("NOTICE: end-to-end test skipped: {why} (FOOTPRINT_E2E_SKIP=1)");
        return false;
    }
    panic!(
        "end-to-end tests cannot run: {why}. Use scripts/e2e.sh, or set FOOTPRINT_E2E_SKIP=1 to skip them outside CI."
    );
}

fn which(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .chain(std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo/bin")))
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

/// A port nobody listens on right now (the OS picks it; the tiny race is acceptable in tests).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("no free local port")
        .port()
}

fn wait_for_port(port: u16, deadline: Instant) -> Result<(), String> {
    while Instant::now() < deadline {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Err(format!("nothing listens on port {port}"))
}

/// A running `tauri-driver`; SIGTERM on drop (SIGKILL would leave WebKitWebDriver behind).
struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        eprintln!("tauri-driver ignored SIGTERM for 10 s; killing it");
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One running app with a WebDriver session on it, and its private data directory.
pub struct App {
    pub client: Client,
    pub data_dir: tempfile::TempDir,
    /// Seconds from spawning the driver to the first rendered screen.
    pub cold_start: Duration,
    /// Seconds from asking WebKitWebDriver for a session (which launches the app) to the
    /// first rendered screen: the app's own cold start, without the driver's.
    pub launch_to_ready: Duration,
    driver: Driver,
    shots: PathBuf,
    name: String,
}

/// Only one app at a time: two WebKit processes on two shared cores make timings flaky.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Runs `body` against a fresh app with an empty data directory, then closes the session and
/// stops the driver even when `body` fails.
pub async fn with_app(name: &str, body: impl AsyncFnOnce(&App) -> Result<(), String>) {
    run_app(name, false, body).await
}

/// [`with_app`] with the system set to a dark theme (WebKitGTK reports `prefers-color-scheme:
/// dark` when GTK's theme is dark).
pub async fn with_dark_app(name: &str, body: impl AsyncFnOnce(&App) -> Result<(), String>) {
    run_app(name, true, body).await
}

/// [`with_app`] with extra environment variables for the app (`FOOTPRINT_TODAY` to fix the
/// date in a debug build).
pub async fn with_app_env(
    name: &str,
    env: &[(&str, &str)],
    body: impl AsyncFnOnce(&App) -> Result<(), String>,
) {
    run_app_env(name, false, env, body).await
}

/// [`with_app`] on a data directory that `prepare` fills first (a database to open).
pub async fn with_app_prepared(
    name: &str,
    prepare: &dyn Fn(&Path),
    body: impl AsyncFnOnce(&App) -> Result<(), String>,
) {
    run_app_in(name, false, &[], prepare, body).await
}

async fn run_app(name: &str, dark: bool, body: impl AsyncFnOnce(&App) -> Result<(), String>) {
    run_app_env(name, dark, &[], body).await
}

async fn run_app_env(
    name: &str,
    dark: bool,
    env: &[(&str, &str)],
    body: impl AsyncFnOnce(&App) -> Result<(), String>,
) {
    run_app_in(name, dark, env, &|_| {}, body).await
}

async fn run_app_in(
    name: &str,
    dark: bool,
    env: &[(&str, &str)],
    prepare: &dyn Fn(&Path),
    body: impl AsyncFnOnce(&App) -> Result<(), String>,
) {
    let _guard = ONE_AT_A_TIME.lock().await;
    let app = App::start(name, dark, env, prepare)
        .await
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let result = body(&app).await;
    if result.is_err() {
        // A picture of the failure is worth more than the error alone.
        let _ = app.picture("failure", false).await;
    }
    let App { client, driver, .. } = app;
    let _ = client.close().await;
    drop(driver);
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
}

impl App {
    async fn start(name: &str, dark: bool, env: &[(&str, &str)], prepare: &dyn Fn(&Path)) -> Result<App, String> {
        let data_dir = tempfile::tempdir().map_err(|e| format!("temp data dir: {e}"))?;
        prepare(data_dir.path());
        let (port, native_port) = (free_port(), free_port());
        let started = Instant::now();
        let mut driver = Command::new(which("tauri-driver").expect("checked by can_run"));
        if dark {
            driver.env("GTK_THEME", "Adwaita:dark");
        }
        driver.envs(env.iter().copied());
        let child = driver
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            // Inherited by WebKitWebDriver and then by the app: hermetic data directory.
            .env("FOOTPRINT_DATA_DIR", data_dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("cannot start tauri-driver: {e}"))?;
        let driver = Driver { child, port };
        // Both ports: the driver answers before WebKitWebDriver is ready behind it.
        let deadline = Instant::now() + Duration::from_secs(30);
        wait_for_port(port, deadline)?;
        wait_for_port(native_port, deadline)?;

        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), "wry".into());
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": app_binary() }),
        );
        let launching = Instant::now();
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", driver.port))
            .await
            .map_err(|e| format!("WebDriver session: {e}"))?;
        let shots = screenshot_dir();
        let mut app = App {
            client,
            data_dir,
            cold_start: Duration::ZERO,
            launch_to_ready: Duration::ZERO,
            driver,
            shots,
            name: name.to_string(),
        };
        // The app is "started" when the shell has rendered its first screen.
        if let Err(e) = app.find(Locator::Css("[data-testid=app-ready]")).await {
            let _ = app.picture("start-failure", false).await;
            let errors = app
                .script(
                    "arguments[arguments.length - 1]([window.__errors, document.body.innerText])",
                )
                .await;
            return Err(format!("{e}; page errors and text: {errors:?}"));
        }
        app.cold_start = started.elapsed();
        app.launch_to_ready = launching.elapsed();
        eprintln!(
            "{name}: app ready {:.2} s after spawning the driver",
            app.cold_start.as_secs_f64()
        );
        Ok(app)
    }

    /// Waits for an element to exist.
    pub async fn find(&self, locator: Locator<'_>) -> Result<Element, String> {
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(locator)
            .await
            .map_err(|e| format!("waiting for {locator:?}: {e}"))
    }

    /// Waits for an element by `data-testid`.
    pub async fn testid(&self, id: &str) -> Result<Element, String> {
        self.find(Locator::Css(&format!("[data-testid=\"{id}\"]")))
            .await
    }

    /// Clicks an element by `data-testid`.
    pub async fn click(&self, id: &str) -> Result<(), String> {
        self.testid(id)
            .await?
            .click()
            .await
            .map_err(|e| format!("clicking {id}: {e}"))
    }

    /// The visible text of an element by `data-testid`.
    pub async fn text(&self, id: &str) -> Result<String, String> {
        self.testid(id)
            .await?
            .text()
            .await
            .map_err(|e| format!("reading text of {id}: {e}"))
    }

    /// How many elements match a CSS selector right now.
    pub async fn count(&self, css: &str) -> Result<usize, String> {
        self.client
            .find_all(Locator::Css(css))
            .await
            .map(|v| v.len())
            .map_err(|e| format!("finding {css}: {e}"))
    }

    /// The visible texts of all elements matching a CSS selector.
    pub async fn texts(&self, css: &str) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        for el in self
            .client
            .find_all(Locator::Css(css))
            .await
            .map_err(|e| format!("finding {css}: {e}"))?
        {
            out.push(el.text().await.map_err(|e| format!("text of {css}: {e}"))?);
        }
        Ok(out)
    }

    /// Types `paths` into the Welcome screen's "Import from a path" field (one per line) and
    /// waits until every import job is done; an import error fails at once.
    pub async fn import_paths(&self, paths: &[PathBuf]) -> Result<(), String> {
        self.click("nav-welcome").await?;
        self.click("import-path-toggle").await?;
        let lines: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        // U+E007 is WebDriver's Enter key: one path per line.
        self.type_into("import-paths", &lines.join("\u{E007}")).await?;
        self.click("import-paths-submit").await?;
        self.testid("screen-imports").await?;
        let n = paths.len();
        self.until("every import to finish", async || {
            let failed = self.texts("[data-testid=job-error]").await?;
            if !failed.is_empty() {
                return Err(format!("an import failed: {failed:?}"));
            }
            Ok(self.count("[data-testid=import-job][data-status=done]").await? >= n)
        })
        .await
    }

    /// Fails when the page's Content-Security-Policy refused anything (the app records each
    /// violation in `window.__cspViolations`).
    pub async fn no_csp_violations(&self) -> Result<(), String> {
        let v = self
            .script("arguments[arguments.length - 1](window.__cspViolations)")
            .await?;
        match v.as_array() {
            Some(list) if list.is_empty() => Ok(()),
            _ => Err(format!("Content-Security-Policy violations: {v}")),
        }
    }

    /// Waits until at least `n` elements match `css`.
    pub async fn wait_count(&self, css: &str, n: usize) -> Result<(), String> {
        self.until(&format!("{n} x {css}"), async || {
            Ok(self.count(css).await? >= n)
        })
        .await
    }

    /// Types into an input or textarea by `data-testid` (replacing its value) the way a user
    /// would (keyboard events through WebDriver).
    pub async fn type_into(&self, id: &str, text: &str) -> Result<(), String> {
        let el = self.testid(id).await?;
        el.clear()
            .await
            .map_err(|e| format!("clearing {id}: {e}"))?;
        el.send_keys(text)
            .await
            .map_err(|e| format!("typing into {id}: {e}"))
    }

    /// Polls `check` until it returns `Ok(true)` or [`WAIT`] passes.
    pub async fn until<F, Fut>(&self, what: &str, mut check: F) -> Result<(), String>
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Result<bool, String>>,
    {
        let deadline = Instant::now() + WAIT;
        let mut last = String::new();
        while Instant::now() < deadline {
            match check().await {
                Ok(true) => return Ok(()),
                Ok(false) => {}
                Err(e) => last = e,
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Err(format!("timed out waiting for {what} {last}"))
    }

    /// Runs an async script (`arguments[arguments.length-1]` is the callback) and returns its value.
    pub async fn script(&self, js: &str) -> Result<serde_json::Value, String> {
        self.client
            .execute_async(js, vec![])
            .await
            .map_err(|e| format!("script failed: {e}\n{js}"))
    }

    /// Resizes the window (the main screens are checked at 1280x800 and 1024x768).
    pub async fn resize(&self, width: u32, height: u32) -> Result<(), String> {
        self.client
            .set_window_size(width, height)
            .await
            .map_err(|e| format!("resizing the window to {width}x{height}: {e}"))?;
        // Charts re-layout on the resize event.
        tokio::time::sleep(Duration::from_millis(400)).await;
        Ok(())
    }

    /// Whether any element's text is cut by its box (text-overflow or clipped overflow), for
    /// the "labels are never cut" check. Labels hidden on purpose for screen readers
    /// (`visually-hidden`) do not count. Charts draw on canvas and are checked by looking.
    pub async fn clipped_texts(&self) -> Result<Vec<String>, String> {
        let v = self
            .script(
                "const cut = [...document.querySelectorAll('main *')].filter(e => e.children.length === 0 && e.offsetParent !== null && !e.classList.contains('visually-hidden') && e.clientWidth > 1 && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflow !== 'visible').map(e => e.textContent.trim()).filter(t => t.length > 0); arguments[arguments.length - 1](cut)",
            )
            .await?;
        Ok(v.as_array()
            .map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect())
            .unwrap_or_default())
    }

    /// Saves a screenshot `<test name>-<label>.png` in the screenshot folder (and in
    /// docs/screenshots/ when FOOTPRINT_SCREENSHOTS=1).
    pub async fn screenshot(&self, label: &str) -> Result<PathBuf, String> {
        self.picture(label, true).await
    }

    /// A screenshot; `keep` allows copying it to docs/screenshots/ (failures are never kept).
    async fn picture(&self, label: &str, keep: bool) -> Result<PathBuf, String> {
        // Let charts finish their entry animation before taking the picture.
        tokio::time::sleep(Duration::from_millis(700)).await;
        let png = self
            .client
            .screenshot()
            .await
            .map_err(|e| format!("screenshot {label}: {e}"))?;
        let file = self.shots.join(format!("{}-{label}.png", self.name));
        std::fs::write(&file, &png).map_err(|e| format!("writing {}: {e}", file.display()))?;
        if keep && std::env::var("FOOTPRINT_SCREENSHOTS").is_ok_and(|v| v == "1") {
            let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots");
            std::fs::create_dir_all(&docs).map_err(|e| format!("{}: {e}", docs.display()))?;
            let kept = docs.join(format!("{label}.png"));
            std::fs::write(&kept, &png).map_err(|e| format!("writing {}: {e}", kept.display()))?;
        }
        Ok(file)
    }
}

/// The app under test: the debug build of this checkout, or `FOOTPRINT_E2E_APP` (e.g. the
/// installed release app, `/usr/bin/footprint-app`, for the import-speed measurement).
fn app_binary() -> String {
    std::env::var("FOOTPRINT_E2E_APP").unwrap_or_else(|_| env!("CARGO_BIN_EXE_footprint-app").to_string())
}

/// Where screenshots of this run go: `FOOTPRINT_SCREENSHOT_DIR`, else tests/screenshots-tmp
/// (gitignored).
fn screenshot_dir() -> PathBuf {
    let dir = std::env::var_os("FOOTPRINT_SCREENSHOT_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/screenshots-tmp"));
    std::fs::create_dir_all(&dir).expect("cannot create the screenshot folder");
    dir
}
