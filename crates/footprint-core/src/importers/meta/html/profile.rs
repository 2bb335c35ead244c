//! The profile pages: Facebook's `profile_information.html` and Instagram's
//! `personal_information.html`, one box whose rows are the profile's fields (localized
//! labels). They give the same facts, identities and `profile` record as the JSON twins
//! (birthdays printed as dates are read back as `YYYY-MM-DD`), and the account an HTML-only
//! export belongs to, so its records are deduplicated against the JSON export of the account.

use super::labels::Label;
use super::page::{all_boxes, date_of, MetaBox};
use crate::importer::{ImportCx, ParseError};
use crate::importers::meta::profile::{account, emit_facts, Facts, MAX_PROFILE_BYTES};
use crate::importers::meta::{fx, Platform};
use crate::testing::MemorySink;
use std::io::Read;

fn add(list: &mut Vec<String>, v: &str) {
    let v = fx(v);
    if !v.is_empty() && !list.contains(&v) {
        list.push(v);
    }
}

/// `1991-04-09` from a printed date (`Apr 09, 1991 12:00:00 am`, `09.04.1991`, `1991-04-09`).
fn birthday(text: &str) -> String {
    // A birth date is a fact of a life, not an event: it is older than the events window
    // that `time::display_date` keeps to, so it is formatted here.
    match date_of(text).and_then(chrono::DateTime::from_timestamp_millis) {
        Some(dt) => dt.format("%Y-%m-%d").to_string(),
        None => fx(text),
    }
}

/// The facts of a profile page's boxes.
pub fn facts(boxes: &[MetaBox]) -> Facts {
    let mut f = Facts::default();
    let mut title = None;
    for b in boxes {
        title = title.or(b.title.clone());
        for row in &b.rows {
            let l = row.label.as_str();
            for v in &row.values {
                if Label::Username.is(l) {
                    add(&mut f.usernames, v);
                } else if Label::Name.is(l) {
                    add(&mut f.names, v);
                } else if Label::Email.is(l) {
                    add(&mut f.emails, v);
                } else if Label::Phone.is(l) {
                    add(&mut f.phones, v);
                } else if Label::Birthday.is(l) {
                    f.birthday = f.birthday.take().or_else(|| Some(birthday(v)));
                } else if Label::Gender.is(l) {
                    f.gender = f.gender.take().or_else(|| Some(fx(v)));
                } else if Label::City.is(l) {
                    f.city = f.city.take().or_else(|| Some(fx(v)));
                }
            }
        }
        f.profile_uri = f.profile_uri.take().or_else(|| b.web_links().into_iter().next());
        f.registered = f.registered.or(b.ts);
    }
    // Instagram 2025: the username is the box's title (Facebook's title is the full name).
    if let Some(t) = title.map(|t| fx(&t)) {
        if f.usernames.is_empty() && !f.names.contains(&t) {
            add(&mut f.usernames, &t);
        }
    }
    f
}

/// Parse a profile page: identities and one `profile` record.
pub fn parse(reader: &mut dyn Read, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let boxes = all_boxes(&mut reader.take(MAX_PROFILE_BYTES), cx)?;
    if boxes.is_empty() {
        cx.warn(None, "no profile box on this page");
        return Ok(());
    }
    emit_facts(cx, &facts(&boxes))
}

/// The account of an HTML-only export: the profile page ending in `suffix`.
pub fn account_of_view(view: &crate::archive::ArchiveView, suffix: &str, platform: Platform) -> Option<String> {
    let i = view.find_suffix(suffix)?;
    let head = view.read_head(i, MAX_PROFILE_BYTES as usize).ok()?;
    account_from_html(&head, platform)
}

/// The account of an HTML export, from its profile page's bytes.
pub fn account_from_html(bytes: &[u8], platform: Platform) -> Option<String> {
    let mut sink = MemorySink::default();
    let mut cx = ImportCx::new("profile.html", &mut sink);
    let boxes = all_boxes(&mut &bytes[..], &mut cx).ok()?;
    account(&facts(&boxes), platform)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::importers::meta::html::parser::PROFILE;
    use crate::importers::meta::html::test_support::ok;
    use crate::importers::meta::test_support::ok as json_ok;

    #[test]
    fn facebook_profile_page_gives_the_json_facts() {
        let json = r#"{"profile_v2": {"name": {"full_name": "Zoë Müller"}, "emails": {"emails": ["zoe@example.com"]},
            "birthday": {"year": 1991, "month": 4, "day": 9}, "phone_numbers": [{"phone_number": "+15550100"}],
            "username": "zoe.m", "gender": {"gender_option": "NONBINARY"}, "registration_timestamp": 1300000000}}"#;
        let want = json_ok(crate::importers::meta::parser::PROFILE, "profile_information/profile_information.json", json);
        let html = r#"<html><body><div role="main"><div><div>Zoë Müller</div><div><table>
            <tr><td>Nom<div><div>Zoë Müller</div></div></td></tr><tr><td>Adresse e-mail<div><div>zoe@example.com</div></div></td></tr>
            <tr><td>Numéro de téléphone<div><div>+15550100</div></div></td></tr><tr><td>Nom d’utilisateur<div><div>zoe.m</div></div></td></tr>
            <tr><td>Date de naissance<div><div>9 avr. 1991 00:00:00</div></div></td></tr><tr><td>Genre<div><div>NONBINARY</div></div></td></tr>
            </table></div><div>13 mars 2011 07:06:40</div></div></div></body></html>"#;
        let got = ok(PROFILE, "profile_information/profile_information.html", html);
        assert_eq!(got.identities, want.identities);
        assert_eq!(got.records.len(), 1);
        assert_eq!(got.records[0].key, want.records[0].key);
        assert_eq!(got.records[0].ts, want.records[0].ts);
        assert_eq!(account_from_html(html.as_bytes(), Platform::Facebook).as_deref(), Some("zoe@example.com"));
    }

    #[test]
    fn instagram_2025_username_in_the_title() {
        let html = r#"<html><body><div role="main"><div><div>zoe_m</div><div><table>
            <tr><td>Email<div><div>zoe@example.com</div></div></td></tr><tr><td>Name<div><div>Zoë</div></div></td></tr>
            <tr><td>Date of birth<div><div>1991-04-09</div></div></td></tr></table></div></div></div></body></html>"#;
        assert_eq!(account_from_html(html.as_bytes(), Platform::Instagram).as_deref(), Some("zoe_m"));
        let got = ok(PROFILE, "personal_information/personal_information.html", html);
        assert!(got.identities.iter().any(|i| i.value == "1991-04-09"));
    }
}
