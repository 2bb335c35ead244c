//! Data-rights requests: list, show, write (to one company or to every company holding the data
//! one way), record what happened, fill in the contact, delete, and write a letter into the data
//! folder's `letters/`; a company's privacy contact and the user's own correction of it. Thin adapters over `footprint_core::requests`; "today" is the local date
//! here because the engine takes it as an argument.

use crate::error::CommandError;
use crate::state::AppState;
use footprint_core::query::IdentityRow;
use footprint_core::requests::{
    BulkOutcome, CompanyContactInfo, ContactCoverage, ContactInput, Lang, LetterFormat, LetterOutput, LetterType, NewRequestInput, RequestAction,
    RequestDetail, RequestError, RequestSpec, RequestSummary,
};
use footprint_core::store::Store;
use serde::Serialize;
use std::path::PathBuf;
use tauri::State;

impl From<RequestError> for CommandError {
    fn from(e: RequestError) -> Self {
        CommandError::new(e.code(), e.to_string())
    }
}

/// The local date. Debug builds take `FOOTPRINT_TODAY` (YYYY-MM-DD) instead, like the CLI's
/// hidden `--today`, so end-to-end tests can play a request's weeks in one run; a release build
/// always reads the clock.
pub(crate) fn today() -> chrono::NaiveDate {
    if cfg!(debug_assertions) {
        if let Some(d) = std::env::var("FOOTPRINT_TODAY")
            .ok()
            .and_then(|v| chrono::NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d").ok())
        {
            return d;
        }
    }
    chrono::Local::now().date_naive()
}

/// Runs `question` on the read connection on the blocking pool (requests are small).
pub(crate) async fn ask<T, F>(state: &AppState, question: F) -> Result<T, CommandError>
where
    T: Send + 'static,
    F: FnOnce(&mut Store) -> Result<T, CommandError> + Send + 'static,
{
    let reader = state.reader.clone();
    tauri::async_runtime::spawn_blocking(move || crate::state::with_reader(&reader, question)).await?
}

/// Like [`ask`] but holding the single-writer lock; refused while an import writes, since
/// SQLite would otherwise make this wait on the import's transaction and time out.
pub(crate) async fn change<T, F>(state: &AppState, change: F) -> Result<T, CommandError>
where
    T: Send + 'static,
    F: FnOnce(&mut Store) -> Result<T, CommandError> + Send + 'static,
{
    let writer = state.writer.clone();
    ask(state, move |s| {
        let _writing = crate::state::writer_free(&writer, "An import is running; try again when it has finished.")?;
        change(s)
    })
    .await
}

/// What the request wizard needs up front: every identifier found in the exports and the ones
/// a letter carries unless the user picks others.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct RequestIdentities {
    pub all: Vec<IdentityRow>,
    pub default: Vec<footprint_core::requests::IdentityChoice>,
}

/// A letter written into the data folder.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SavedLetter {
    pub path: String,
    pub subject: String,
    pub to_email: Option<String>,
    pub web_form: Option<String>,
    pub notes_for_user: Vec<String>,
}

#[tauri::command]
pub async fn requests(state: State<'_, AppState>) -> Result<Vec<RequestSummary>, CommandError> {
    ask(&state, |s| Ok(s.requests(today())?)).await
}

#[tauri::command]
pub async fn request(
    state: State<'_, AppState>,
    reference: String,
) -> Result<RequestDetail, CommandError> {
    ask(&state, move |s| Ok(s.request(&reference, today())?)).await
}

#[tauri::command]
pub async fn request_identities(
    state: State<'_, AppState>,
) -> Result<RequestIdentities, CommandError> {
    ask(&state, |s| {
        Ok(RequestIdentities {
            all: s.identities()?,
            default: s.default_request_identities()?,
        })
    })
    .await
}

#[tauri::command]
pub async fn create_request(
    state: State<'_, AppState>,
    mut input: NewRequestInput,
) -> Result<RequestSummary, CommandError> {
    input.spec.today = today();
    change(&state, move |s| Ok(s.create_request(&input)?)).await
}

#[tauri::command]
pub async fn create_requests_for_relation(
    state: State<'_, AppState>,
    relation: String,
    mut spec: RequestSpec,
) -> Result<BulkOutcome, CommandError> {
    spec.today = today();
    change(&state, move |s| {
        Ok(s.create_requests_for_relation(&relation, &spec)?)
    })
    .await
}

#[tauri::command]
pub async fn mark_request(
    state: State<'_, AppState>,
    reference: String,
    action: RequestAction,
    note: Option<String>,
) -> Result<RequestDetail, CommandError> {
    change(&state, move |s| {
        Ok(s.mark_request(&reference, &action, today(), note.as_deref())?)
    })
    .await
}

#[tauri::command]
pub async fn set_request_contact(
    state: State<'_, AppState>,
    reference: String,
    contact: ContactInput,
) -> Result<RequestDetail, CommandError> {
    change(&state, move |s| {
        Ok(s.set_request_contact(&reference, &contact, today())?)
    })
    .await
}

/// Sets the language of the request's letters (the preview, saved letters, reminders and
/// complaints follow it).
#[tauri::command]
pub async fn set_request_lang(
    state: State<'_, AppState>,
    reference: String,
    lang: Lang,
) -> Result<RequestDetail, CommandError> {
    change(&state, move |s| Ok(s.set_request_lang(&reference, lang, today())?)).await
}

#[tauri::command]
pub async fn delete_request(
    state: State<'_, AppState>,
    reference: String,
) -> Result<(), CommandError> {
    change(&state, move |s| Ok(s.delete_request(&reference)?)).await
}

/// The letter as text, for the preview (plain text only; the UI shows it in a `<pre>`).
#[tauri::command]
pub async fn letter_text(
    state: State<'_, AppState>,
    reference: String,
    kind: LetterType,
) -> Result<String, CommandError> {
    ask(&state, move |s| {
        let out = s.render_letter(&reference, LetterFormat::Txt, kind, today())?;
        Ok(String::from_utf8_lossy(&out.bytes).into_owned())
    })
    .await
}

/// Writes the letter (PDF, e-mail draft, calendar, text) into `<data dir>/letters/` and returns
/// where, so the user can attach, open or print it. Footprint itself sends nothing.
#[tauri::command]
pub async fn save_letter(
    state: State<'_, AppState>,
    reference: String,
    format: LetterFormat,
    kind: LetterType,
) -> Result<SavedLetter, CommandError> {
    let folder: PathBuf = state.data_dir.join("letters");
    ask(&state, move |s| {
        let out = s.render_letter(&reference, format, kind, today())?;
        write_letter(&folder, &reference, out)
    })
    .await
}

/// Writes a rendered letter into `folder` (the data folder's `letters/`).
pub(crate) fn write_letter(
    folder: &std::path::Path,
    reference: &str,
    out: LetterOutput,
) -> Result<SavedLetter, CommandError> {
    std::fs::create_dir_all(folder).map_err(|e| {
        CommandError::new("io", format!("cannot create {}: {e}", folder.display()))
    })?;
    // The engine's file name is made of the reference and the format; keep only its last
    // component so it can never point outside the folder.
    let name = std::path::Path::new(&out.file_name)
        .file_name()
        .map(|n| n.to_owned())
        .unwrap_or_else(|| format!("{reference}.letter").into());
    let path = folder.join(name);
    std::fs::write(&path, &out.bytes).map_err(|e| {
        CommandError::new("io", format!("cannot write {}: {e}", path.display()))
    })?;
    Ok(SavedLetter {
        path: path.display().to_string(),
        subject: out.subject,
        to_email: out.to_email,
        web_form: out.web_form,
        notes_for_user: out.notes_for_user,
    })
}

/// A company's privacy contact: the directory's and the user's own.
#[tauri::command]
pub async fn company_contact(
    state: State<'_, AppState>,
    company_id: i64,
) -> Result<CompanyContactInfo, CommandError> {
    ask(&state, move |s| Ok(s.company_contact(company_id)?)).await
}

/// Saves the user's own contact for a company (used before the directory's in letters).
#[tauri::command]
pub async fn set_company_contact(
    state: State<'_, AppState>,
    company_id: i64,
    contact: ContactInput,
) -> Result<CompanyContactInfo, CommandError> {
    change(&state, move |s| {
        Ok(s.set_company_contact(company_id, &contact, today())?)
    })
    .await
}

/// Forgets the user's own contact for a company.
#[tauri::command]
pub async fn clear_company_contact(
    state: State<'_, AppState>,
    company_id: i64,
) -> Result<CompanyContactInfo, CommandError> {
    change(&state, move |s| {
        s.clear_company_contact(company_id)?;
        Ok(s.company_contact(company_id)?)
    })
    .await
}

/// How many of the user's companies have a privacy contact (the Overview's line).
#[tauri::command]
pub async fn contact_coverage(state: State<'_, AppState>) -> Result<ContactCoverage, CommandError> {
    ask(&state, move |s| Ok(s.contact_coverage()?)).await
}
