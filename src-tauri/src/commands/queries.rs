//! Read-only questions to the store (and removing an archive), one command per screen need.
//! SQLite work runs on the blocking pool so a big query never freezes the window.

use crate::error::CommandError;
use crate::state::AppState;
use footprint_core::query::{
    ArchiveSummary, CompanyDetail, CompanyQuery, CompanySummary, DbInfo, MapData, MapQuery,
    Overview, RemoveOutcome, SearchPage, SearchQuery, Stats, TimelineBucket, TimelineQuery,
};
use footprint_core::runner::ImportReport;
use footprint_core::store::Store;
use tauri::State;

/// Runs `question` against the read connection on the blocking thread pool.
async fn ask<T, E, F>(state: &AppState, question: F) -> Result<T, CommandError>
where
    T: Send + 'static,
    E: Into<CommandError>,
    F: FnOnce(&mut Store) -> Result<T, E> + Send + 'static,
{
    let reader = state.reader.clone();
    tauri::async_runtime::spawn_blocking(move || {
        crate::state::with_reader(&reader, |store| question(store).map_err(Into::into))
    })
    .await?
}

#[tauri::command]
pub async fn archives(state: State<'_, AppState>) -> Result<Vec<ArchiveSummary>, CommandError> {
    ask(&state, |s| s.archives()).await
}

#[tauri::command]
pub async fn archive_report(
    state: State<'_, AppState>,
    id: i64,
) -> Result<Option<ImportReport>, CommandError> {
    ask(&state, move |s| s.archive_report(id)).await
}

/// Removes an archive and everything derived from it; refused while an import writes.
#[tauri::command]
pub async fn remove_archive(
    state: State<'_, AppState>,
    id: i64,
) -> Result<RemoveOutcome, CommandError> {
    removing(&state, move |s| Ok(s.remove_archive(id)?)).await
}

/// Removes every demo archive (the invented person's exports); the user's own stay.
#[tauri::command]
pub async fn remove_demo(state: State<'_, AppState>) -> Result<Vec<RemoveOutcome>, CommandError> {
    removing(&state, |s| Ok(s.remove_demo()?)).await
}

/// Settings' "Delete everything": every export and all derived from it, the requests and the
/// user's own contacts, erased from the file (see docs/PRIVACY.md).
#[tauri::command]
pub async fn delete_everything(state: State<'_, AppState>) -> Result<(), CommandError> {
    removing(&state, |s| Ok(s.delete_everything()?)).await
}

/// Run a removal on the store unless an import is writing (one writer at a time).
async fn removing<T: Send + 'static>(
    state: &State<'_, AppState>,
    f: impl FnOnce(&mut Store) -> Result<T, CommandError> + Send + 'static,
) -> Result<T, CommandError> {
    let writer = state.writer.clone();
    ask(state, move |s| {
        let _writing = crate::state::writer_free(&writer, "An import is running; remove archives when it has finished.")?;
        f(s)
    })
    .await
}

#[tauri::command]
pub async fn overview(state: State<'_, AppState>) -> Result<Overview, CommandError> {
    ask(&state, |s| s.overview()).await
}

#[tauri::command]
pub async fn stats(state: State<'_, AppState>) -> Result<Stats, CommandError> {
    ask(&state, |s| s.stats()).await
}

#[tauri::command]
pub async fn companies(
    state: State<'_, AppState>,
    query: CompanyQuery,
) -> Result<Vec<CompanySummary>, CommandError> {
    ask(&state, move |s| s.companies(&query)).await
}

#[tauri::command]
pub async fn company(
    state: State<'_, AppState>,
    id: i64,
) -> Result<Option<CompanyDetail>, CommandError> {
    ask(&state, move |s| s.company(id)).await
}

#[tauri::command]
pub async fn search(
    state: State<'_, AppState>,
    query: SearchQuery,
) -> Result<SearchPage, CommandError> {
    ask(&state, move |s| s.search(&query)).await
}

#[tauri::command]
pub async fn timeline(
    state: State<'_, AppState>,
    query: TimelineQuery,
) -> Result<Vec<TimelineBucket>, CommandError> {
    ask(&state, move |s| s.timeline(&query)).await
}

#[tauri::command]
pub async fn map(state: State<'_, AppState>, query: MapQuery) -> Result<MapData, CommandError> {
    ask(&state, move |s| s.map(&query)).await
}

#[tauri::command]
pub async fn db_info(state: State<'_, AppState>) -> Result<DbInfo, CommandError> {
    ask(&state, |s| s.db_info()).await
}
