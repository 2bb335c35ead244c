//! Google Takeout (placeholder: being written).
use crate::archive::ArchiveView;
use crate::importer::*;
pub struct Google;
impl Importer for Google {
    fn id(&self) -> &'static str { "google" }
    fn name(&self) -> &'static str { "Google Takeout" }
    fn recognize(&self, _: &ArchiveView) -> Recognition { Recognition::no() }
    fn classify(&self, _: &str) -> FileRole { FileRole::Unknown }
    fn account(&self, _: &ArchiveView) -> Option<String> { None }
    fn import_file(&self, _: &'static str, _: &mut dyn std::io::Read, _: &mut ImportCx<'_>) -> Result<(), ParseError> { Ok(()) }
}
