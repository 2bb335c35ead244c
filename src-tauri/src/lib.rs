//! Footprint desktop shell: builds the Tauri app, opens the store in the data directory and
//! exposes the engine to the UI through thin commands. No business logic here.

mod data_dir;

use tauri::Manager;

#[tauri::command]
fn data_location(state: tauri::State<'_, data_dir::DataDir>) -> String {
    state.0.display().to_string()
}

/// Builds and runs the app until its last window closes.
pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let dir = data_dir::resolve()?;
            app.manage(data_dir::DataDir(dir));
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![data_location])
        .run(tauri::generate_context!())
        .expect("error while running the Footprint app");
}
