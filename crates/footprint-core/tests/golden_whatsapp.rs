//! Golden tests of the WhatsApp importer: each export layout and date convention
//! (footprint-fixtures) goes through ArchiveView, detection and the importer in memory; a
//! normalized summary is snapshotted, and the assertions check what must hold.

mod golden;

use golden::count;

use footprint_core::importer::Importer;
use footprint_core::importers::whatsapp::WhatsApp;
use footprint_core::registry;
use footprint_core::testing::{collect, data_json, Collected};
use footprint_fixtures::whatsapp::{chat_title, generate, DateStyle, WaLayout, WhatsAppSpec};
use footprint_fixtures::Persona;
use golden::{open, Summary};
use std::collections::BTreeSet;

fn run(spec: &WhatsAppSpec, name: &str) -> (Collected, Summary) {
    let dir = tempfile::tempdir().unwrap();
    let paths = generate(spec, &dir.path().join(name)).unwrap();
    let view = open(&paths);
    let c = collect(&WhatsApp, &view);
    let s = golden::summarize(&view, &c, registry::importers(), false);
    let mine = WhatsApp.recognize(&view).confidence;
    assert!(mine >= 0.95, "{:?}", s.recognition);
    for other in registry::importers()
        .iter()
        .filter(|i| i.id() != "whatsapp")
    {
        assert!(
            other.recognize(&view).confidence < mine,
            "{} claims a WhatsApp export",
            other.id()
        );
    }
    assert_eq!(s.detected, "whatsapp", "{:?}", s.recognition);
    assert!(
        s.companies.is_empty(),
        "a WhatsApp export names no third party: {:?}",
        s.companies
    );
    (c, s)
}


/// A clean chat export: every message, the participants, the exporting user, stable keys.
fn chat_checks(spec: &WhatsAppSpec, c: &Collected, s: &Summary, order: &str) {
    assert!(c.failed.is_empty(), "{:?}", c.failed);
    assert!(c.warnings.is_empty(), "{:?}", s.warnings);
    assert_eq!(count(c, "message"), spec.chats * spec.messages_per_chat);
    assert_eq!(count(c, "chat"), spec.chats);
    let dated = |k: &str| k == "message" || k == "chat_event";
    assert!(
        c.records
            .iter()
            .filter(|r| dated(r.record.kind))
            .all(|r| r.record.ts.is_some()),
        "every message has its time"
    );
    let people = if spec.group { 4 } else { 2 };
    assert_eq!(count(c, "participant"), spec.chats * people);
    let owner = Persona::for_seed(spec.seed);
    assert!(
        s.identities.contains(&format!("name: {}", owner.name)),
        "{:?}",
        s.identities
    );
    for r in c.records.iter().filter(|r| r.record.kind == "chat") {
        assert_eq!(data_json(&r.record)["date_order"], order);
        assert_eq!(data_json(&r.record)["date_order_guessed"], false);
    }
    let keys: BTreeSet<u64> = c.records.iter().map(|r| r.record.effective_key()).collect();
    assert_eq!(keys.len(), c.records.len(), "every record has its own key");
}

#[test]
fn ios_zip_two_person_chat() {
    let spec = WhatsAppSpec::default();
    let name = format!("WhatsApp Chat - {}.zip", chat_title(spec.seed, 0, false));
    let (c, s) = run(&spec, &name);
    chat_checks(&spec, &c, &s, "YearMonthDay");
    assert!(
        s.skipped.iter().all(|p| p.contains("-PHOTO-")),
        "{:?}",
        s.skipped
    );
    assert!(c
        .records
        .iter()
        .any(|r| data_json(&r.record)["attachment"]["file"]
            .as_str()
            .is_some_and(|f| f.contains("-PHOTO-"))));
    let (again, _) = run(&spec, &name);
    let keys = |c: &Collected| {
        c.records
            .iter()
            .map(|r| r.record.effective_key())
            .collect::<Vec<_>>()
    };
    assert_eq!(keys(&c), keys(&again), "re-import: same keys");
    insta::assert_json_snapshot!("whatsapp_ios_zip", s);
}

#[test]
fn android_zip_us_group_chat() {
    let spec = WhatsAppSpec {
        layout: WaLayout::AndroidZip,
        style: DateStyle::US,
        group: true,
        messages_per_chat: 60,
        ..Default::default()
    };
    let (c, s) = run(&spec, "WhatsApp Chat with Weekend trip 1.zip");
    chat_checks(&spec, &c, &s, "MonthDayYear");
    assert_eq!(
        count(&c, "chat_event"),
        2,
        "the encryption notice and `created group`"
    );
    insta::assert_json_snapshot!("whatsapp_android_zip_us_group", s);
}

#[test]
fn android_folder_german_dates_several_chats() {
    let spec = WhatsAppSpec {
        layout: WaLayout::AndroidFolder,
        style: DateStyle::DE,
        chats: 3,
        ..Default::default()
    };
    let (c, s) = run(&spec, "chats");
    chat_checks(&spec, &c, &s, "DayMonthYear");
    insta::assert_json_snapshot!("whatsapp_android_folder_de", s);
}

#[test]
fn account_report() {
    let spec = WhatsAppSpec {
        layout: WaLayout::Report,
        ..Default::default()
    };
    let (c, s) = run(&spec, "whatsapp_report.zip");
    let owner = Persona::for_seed(spec.seed);
    assert!(
        c.failed.is_empty() && c.warnings.is_empty(),
        "{:?} {:?}",
        c.failed,
        s.warnings
    );
    assert_eq!(s.account.as_deref(), Some(owner.phone.as_str()));
    assert!(s.identities.contains(&format!("phone: {}", owner.phone)));
    assert_eq!(count(&c, "group"), 3);
    assert_eq!(count(&c, "device"), 2);
    assert!(s.skipped.iter().any(|p| p.contains("index.html")));
    insta::assert_json_snapshot!("whatsapp_report", s);
}

/// A 0-byte chat, a chat cut in the middle of a line with an impossible date, a BOM and text
/// before the first message: warnings that name the file; everything else is imported.
#[test]
fn messy_chats_lose_only_the_damage() {
    let spec = WhatsAppSpec {
        layout: WaLayout::AndroidFolder,
        style: DateStyle::UK,
        chats: 2,
        messy: true,
        ..Default::default()
    };
    let (c, s) = run(&spec, "messy");
    assert!(c.failed.is_empty(), "{:?}", c.failed);
    let warned = |file: &str, words: &str| {
        s.warnings
            .iter()
            .any(|w| w.contains(file) && w.contains(words))
    };
    assert!(
        warned("WhatsApp Chat with Empty.txt", "empty file"),
        "{:?}",
        s.warnings
    );
    assert!(
        warned("WhatsApp Chat with Truncated.txt", "impossible date"),
        "{:?}",
        s.warnings
    );
    assert!(
        count(&c, "message") > spec.chats * spec.messages_per_chat,
        "the clean chats and half of the cut one"
    );
    let spec = WhatsAppSpec {
        messy: true,
        ..Default::default()
    };
    let (c, s) = run(&spec, "WhatsApp Chat - x.zip");
    assert!(
        s.warnings
            .iter()
            .any(|w| w.contains("_chat.txt") && w.contains("text before the first message")),
        "{:?}",
        s.warnings
    );
    assert_eq!(count(&c, "message"), spec.messages_per_chat);
}

/// An Android chat as people share it: the bare `WhatsApp Chat with NAME.txt`, not zipped.
#[test]
fn a_bare_android_chat_file_is_one_export() {
    let dir = tempfile::tempdir().unwrap();
    let spec = WhatsAppSpec { layout: WaLayout::AndroidFolder, chats: 1, ..Default::default() };
    let written = generate(&spec, &dir.path().join("chats")).unwrap();
    let folder = &written[0];
    let txt = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "txt"))
        .expect("the chat file");
    let view = open(std::slice::from_ref(&txt));
    assert_eq!(golden::detected(&view), "whatsapp");
    let c = collect(&WhatsApp, &view);
    assert!(c.failed.is_empty(), "{:?}", c.failed);
    assert_eq!(count(&c, "message"), spec.messages_per_chat, "every message of the bare chat");
}
