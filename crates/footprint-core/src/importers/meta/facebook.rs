//! Facebook (placeholder: being written).
use crate::archive::ArchiveView;
use crate::importer::*;
pub struct Facebook;
impl Importer for Facebook {
    fn id(&self) -> &'static str { "facebook" }
    fn name(&self) -> &'static str { "Facebook" }
    fn recognize(&self, _: &ArchiveView) -> Recognition { Recognition::no() }
    fn classify(&self, _: &str) -> FileRole { FileRole::Unknown }
    fn account(&self, _: &ArchiveView) -> Option<String> { None }
    fn import_file(&self, _: &'static str, _: &mut dyn std::io::Read, _: &mut ImportCx<'_>) -> Result<(), ParseError> { Ok(()) }
}
