//! Footprint desktop shell: builds the Tauri app, opens the store in the data directory and
//! exposes the engine to the UI through thin commands (src-tauri/src/commands). No business
//! logic here: everything a user can do is a function of footprint-core first.

mod commands;
mod error;
mod state;

#[cfg(test)]
mod bindings;

use tauri::Manager;

/// Builds and runs the app until its last window closes.
pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            // FOOTPRINT_DATA_DIR moves it (tests); the CLI uses the same folder.
            let data_dir = footprint_core::paths::data_dir();
            let state = state::AppState::open(data_dir).map_err(|e| e.message)?;
            app.manage(state);
            // The company directory (~3,000 entries, merged from its sources) takes a tenth of
            // a second to build: build it off the UI's way, before the first page needs it.
            footprint_core::requests::contacts::warm_directory();
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::imports::start_import,
            commands::imports::cancel_import,
            commands::imports::generate_demo,
            commands::queries::archives,
            commands::queries::archive_report,
            commands::queries::remove_archive,
            commands::queries::remove_demo,
            commands::queries::delete_everything,
            commands::queries::overview,
            commands::queries::stats,
            commands::queries::companies,
            commands::queries::company,
            commands::queries::search,
            commands::queries::timeline,
            commands::queries::map,
            commands::queries::db_info,
            commands::vocabulary::vocabulary,
            commands::requests::requests,
            commands::requests::request,
            commands::requests::request_identities,
            commands::requests::create_request,
            commands::requests::create_requests_for_relation,
            commands::requests::mark_request,
            commands::requests::set_request_contact,
            commands::requests::set_request_lang,
            commands::requests::delete_request,
            commands::requests::letter_text,
            commands::requests::save_letter,
            commands::requests::company_contact,
            commands::requests::set_company_contact,
            commands::requests::clear_company_contact,
            commands::requests::contact_coverage,
            commands::complaints::residence,
            commands::complaints::set_residence,
            commands::complaints::authorities,
            commands::complaints::complaint_preview,
            commands::complaints::save_complaint,
            commands::access_answer::access_answer,
            commands::access_answer::attach_answer,
            commands::access_answer::set_checklist,
            commands::access_answer::follow_up_text,
            commands::access_answer::save_follow_up,
            commands::donation::open_study,
            commands::donation::donation_plan,
            commands::donation::donation_file_name,
            commands::donation::write_donation,
            commands::encryption::encryption_status,
            commands::encryption::unlock,
            commands::encryption::lock,
            commands::encryption::encrypt_database,
            commands::encryption::change_passphrase,
            commands::encryption::decrypt_database,
            commands::encryption::set_remember_passphrase,
        ])
        .run(tauri::generate_context!())
        .expect("error while running the Footprint app");
}
