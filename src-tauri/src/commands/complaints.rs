//! Complaints to a supervisory authority: the user's country of residence (Settings), the
//! list of authorities to choose from, and the complaint letter addressed as chosen (the
//! residence's authority by default, the company's lead authority, or one from the list).
//! Thin adapters over `footprint_core::requests`; reminders use the request letter commands.

use super::requests::{ask, change, today, write_letter, SavedLetter};
use crate::error::CommandError;
use crate::state::AppState;
use footprint_core::requests::{
    authority_options, AuthorityOption, ComplaintRecipient, ComplaintTo, LetterFormat,
    LetterType, Residence,
};
use serde::Serialize;
use tauri::State;

/// The complaint as the preview shows it, and who it goes to.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ComplaintPreview {
    /// Plain text (the UI shows it in a `<pre>`, never as HTML).
    pub text: String,
    pub recipient: ComplaintRecipient,
    /// For the user only: language, fallbacks, facts to check.
    pub notes_for_user: Vec<String>,
}

#[tauri::command]
pub async fn residence(state: State<'_, AppState>) -> Result<Residence, CommandError> {
    ask(&state, |s| Ok(s.residence()?)).await
}

#[tauri::command]
pub async fn set_residence(
    state: State<'_, AppState>,
    residence: Residence,
) -> Result<Residence, CommandError> {
    change(&state, move |s| Ok(s.set_residence(&residence)?)).await
}

/// Every supervisory authority, for the chooser.
#[tauri::command]
pub async fn authorities() -> Result<Vec<AuthorityOption>, CommandError> {
    Ok(authority_options())
}

#[tauri::command]
pub async fn complaint_preview(
    state: State<'_, AppState>,
    reference: String,
    to: ComplaintTo,
) -> Result<ComplaintPreview, CommandError> {
    ask(&state, move |s| {
        let recipient = s.complaint_recipient(&reference, &to)?;
        let out =
            s.render_letter_to(&reference, LetterFormat::Txt, LetterType::Complaint, today(), &to)?;
        Ok(ComplaintPreview {
            text: String::from_utf8_lossy(&out.bytes).into_owned(),
            recipient,
            notes_for_user: out.notes_for_user,
        })
    })
    .await
}

/// Writes the complaint (PDF, e-mail draft, text) into `<data dir>/letters/`.
#[tauri::command]
pub async fn save_complaint(
    state: State<'_, AppState>,
    reference: String,
    format: LetterFormat,
    to: ComplaintTo,
) -> Result<SavedLetter, CommandError> {
    let folder = state.data_dir.join("letters");
    ask(&state, move |s| {
        let out = s.render_letter_to(&reference, format, LetterType::Complaint, today(), &to)?;
        write_letter(&folder, &reference, out)
    })
    .await
}
