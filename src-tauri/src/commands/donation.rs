//! "Share with a study": open a study file, see what would leave (the plan and its
//! pseudonymized preview), write one donation file where the participant chose. Thin adapters
//! over `footprint_research::donation`. The work runs off the UI thread on a connection of its
//! own, so the other screens keep answering while a large donation is written. Nothing is
//! sent: the participant hands the file over.

use crate::error::CommandError;
use crate::state::AppState;
use footprint_core::store::Store;
use footprint_research::donation::{self, format::file_name, Choices, DonationError, ParticipantId, Plan, Study, StudyInfo};
use serde::Serialize;
use std::path::{Path, PathBuf};
use tauri::State;

/// Rows of each table the preview shows.
const PREVIEW_ROWS: u64 = 5;

impl From<DonationError> for CommandError {
    fn from(e: DonationError) -> Self {
        let code = match &e {
            DonationError::Study { .. } => "bad_study",
            DonationError::Invalid(_) => "invalid",
            DonationError::Refused { .. } => "refused",
            DonationError::Io { .. } | DonationError::Export(_) => "io",
        };
        CommandError::new(code, e.to_string())
    }
}

/// A study file opened: what it says, and a participant id for the donation.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct OpenedStudy {
    pub path: String,
    pub study: StudyInfo,
    /// A random id, used unless the participant types the one the study gave them.
    pub participant: String,
}

/// The donation file written.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct WrittenDonation {
    pub path: String,
    pub bytes: u64,
    /// Rows of the tables inside.
    pub rows: u64,
    pub participant: String,
}

/// Runs `work` on its own connection to the database, off the UI thread.
async fn with_store<T, F>(state: &AppState, work: F) -> Result<T, CommandError>
where
    T: Send + 'static,
    F: FnOnce(&Store) -> Result<T, CommandError> + Send + 'static,
{
    crate::state::with_reader(&state.reader, |_| Ok(()))?;
    let (db, key) = (state.db_path.clone(), state.key());
    tauri::async_runtime::spawn_blocking(move || work(&AppState::open_store(&db, key.as_ref())?)).await?
}

fn participant_id(typed: Option<String>) -> Result<ParticipantId, CommandError> {
    match typed.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => ParticipantId::new(t).map_err(|e| CommandError::new("invalid", format!("participant id: {e}"))),
        None => Ok(donation::random_participant()),
    }
}

/// Reads and checks the study file at `path` (from the file picker).
#[tauri::command]
pub async fn open_study(path: String) -> Result<OpenedStudy, CommandError> {
    tauri::async_runtime::spawn_blocking(move || {
        let study = Study::load(Path::new(&path))?;
        Ok(OpenedStudy {
            path,
            study: study.info(),
            participant: donation::random_participant().to_string(),
        })
    })
    .await?
}

/// What the donation would hold with `choices`.
#[tauri::command]
pub async fn donation_plan(state: State<'_, AppState>, study_path: String, choices: Choices) -> Result<Plan, CommandError> {
    with_store(&state, move |store| {
        let study = Study::load(Path::new(&study_path))?;
        Ok(donation::plan(store, &study, &choices, PREVIEW_ROWS)?)
    })
    .await
}

/// The name a study expects for this participant's donation (the save dialog's default).
#[tauri::command]
pub async fn donation_file_name(study_path: String, participant: Option<String>) -> Result<String, CommandError> {
    tauri::async_runtime::spawn_blocking(move || {
        let study = Study::load(Path::new(&study_path))?;
        Ok(file_name(&study.id, &participant_id(participant)?))
    })
    .await?
}

/// Writes the donation file to `dest` (from the save dialog).
#[tauri::command]
pub async fn write_donation(
    state: State<'_, AppState>,
    study_path: String,
    choices: Choices,
    participant: Option<String>,
    dest: String,
) -> Result<WrittenDonation, CommandError> {
    with_store(&state, move |store| {
        let study = Study::load(Path::new(&study_path))?;
        let participant = participant_id(participant)?;
        let written = donation::write(store, &study, &choices, &participant, &PathBuf::from(dest))?;
        Ok(WrittenDonation {
            path: written.path.display().to_string(),
            bytes: written.bytes,
            rows: written.rows(),
            participant: participant.to_string(),
        })
    })
    .await
}
