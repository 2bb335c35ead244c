#[cfg(feature = "ts")]
#[test]
fn dump() {
    use ts_rs::{Config, TS};
    let cfg = Config::new().with_large_int("number").with_out_dir("/tmp/fp-ts");
    footprint_core::requests::RequestDetail::export_all(&cfg).unwrap();
    footprint_core::requests::NewRequestInput::export_all(&cfg).unwrap();
    footprint_core::requests::BulkOutcome::export_all(&cfg).unwrap();
    footprint_core::requests::RequestAction::export_all(&cfg).unwrap();
    footprint_core::requests::LetterOutput::export_all(&cfg).unwrap();
    footprint_core::requests::DirectoryMatch::export_all(&cfg).unwrap();
}
