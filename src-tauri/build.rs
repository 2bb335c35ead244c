//! Build script of the desktop app: compiles tauri.conf.json, the capabilities and the app's own
//! command permissions into the binary. The permissions are written by hand in
//! src-tauri/permissions/ (AppManifest::commands() would generate them into ./permissions/ at the
//! repository root, because the app package lives at the root).

fn main() {
    // tauri-build does not watch the hand-written permissions: without these, a command added to
    // commands.toml stays "not allowed" in an incremental build.
    println!("cargo:rerun-if-changed=src-tauri/permissions");
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(
            tauri_build::AppManifest::new()
                .permissions_path_pattern("./src-tauri/permissions/**/*"),
        );
    tauri_build::try_build(attributes).expect("tauri-build failed (see the message above)");
}
