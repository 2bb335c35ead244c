//! The company's answer to a request: attach the file the user picked (the engine keeps a copy
//! in the database), the checklist of an access answer, and the follow-up letter naming its
//! gaps, previewed as text or written into the data folder's `letters/`. Thin adapters over
//! `footprint_core::requests`; "today" is the local date.

use super::requests::{ask, change, today, write_letter, SavedLetter};
use crate::error::CommandError;
use crate::state::AppState;
use footprint_core::requests::{AccessAnswer, ChecklistUpdate, Lang, LetterFormat};
use std::path::PathBuf;
use tauri::State;

#[tauri::command]
pub async fn access_answer(
    state: State<'_, AppState>,
    reference: String,
) -> Result<AccessAnswer, CommandError> {
    ask(&state, move |s| Ok(s.access_answer(&reference)?)).await
}

/// Attaches the file at `path` (from the file picker) as the company's answer, received
/// `received` (default today).
#[tauri::command]
pub async fn attach_answer(
    state: State<'_, AppState>,
    reference: String,
    path: String,
    received: Option<chrono::NaiveDate>,
) -> Result<AccessAnswer, CommandError> {
    change(&state, move |s| {
        let today = today();
        s.attach_answer(&reference, &PathBuf::from(path), received.unwrap_or(today), today)?;
        Ok(s.access_answer(&reference)?)
    })
    .await
}

#[tauri::command]
pub async fn set_checklist(
    state: State<'_, AppState>,
    reference: String,
    updates: Vec<ChecklistUpdate>,
) -> Result<AccessAnswer, CommandError> {
    change(&state, move |s| Ok(s.set_checklist(&reference, &updates, today())?)).await
}

/// The follow-up letter as text, for the preview (the UI shows it in a `<pre>`).
#[tauri::command]
pub async fn follow_up_text(
    state: State<'_, AppState>,
    reference: String,
    lang: Option<Lang>,
) -> Result<String, CommandError> {
    ask(&state, move |s| {
        let out = s.render_follow_up(&reference, LetterFormat::Txt, lang, today())?;
        Ok(String::from_utf8_lossy(&out.bytes).into_owned())
    })
    .await
}

/// Writes the follow-up letter (PDF, e-mail draft, text) into `<data dir>/letters/`.
#[tauri::command]
pub async fn save_follow_up(
    state: State<'_, AppState>,
    reference: String,
    format: LetterFormat,
    lang: Option<Lang>,
) -> Result<SavedLetter, CommandError> {
    let folder = state.data_dir.join("letters");
    ask(&state, move |s| {
        let out = s.render_follow_up(&reference, format, lang, today())?;
        write_letter(&folder, &reference, out)
    })
    .await
}
