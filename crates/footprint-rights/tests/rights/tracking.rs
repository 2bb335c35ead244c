//! Request tracking: legal transitions, deadlines as they evolve, overdue, next actions.

use crate::d;
use footprint_rights::letter::{self, CompanyContact, Lang, LetterKind, Outcome};
use footprint_rights::reference;
use footprint_rights::tracking::{overdue, Action, DenialReason, NewRequest, Request, Status};
use footprint_rights::{Channel, IdentityField, IdentityKind, RequestOptions, RequestType};

fn new_request(
    regime: &str,
    t: RequestType,
    channel: Channel,
    created: chrono::NaiveDate,
) -> Request {
    Request::new(NewRequest {
        company: CompanyContact {
            slug: Some("acme".into()),
            name: "Acme".into(),
            email: Some("privacy@acme.example".into()),
            ..Default::default()
        },
        regime: regime.into(),
        request_type: t,
        options: RequestOptions::default(),
        channel,
        identities: vec![IdentityField::new(IdentityKind::Email, "me@example.org")],
        evidence: vec![],
        created,
        sequence: 0,
        postal_delay_days: Some(2),
        calendar: None,
    })
    .unwrap()
}

#[test]
fn references_are_deterministic_and_well_formed() {
    let a = new_request(
        "eu_gdpr",
        RequestType::Access,
        Channel::Email,
        d(2026, 11, 3),
    );
    let b = new_request(
        "eu_gdpr",
        RequestType::Access,
        Channel::Email,
        d(2026, 11, 3),
    );
    assert_eq!(a.reference, b.reference);
    assert!(a.reference.starts_with("FP-2026-11-"), "{}", a.reference);
    assert!(reference::is_valid(&a.reference), "{}", a.reference);
    let other = reference::make("acme", "eu_gdpr", RequestType::Access, d(2026, 11, 3), 1);
    assert_ne!(
        a.reference, other,
        "the sequence number must change the reference"
    );
    let erasure = reference::make("acme", "eu_gdpr", RequestType::Erasure, d(2026, 11, 3), 0);
    assert_ne!(a.reference, erasure);
    assert!(!reference::is_valid("FP-2026-13-ABCDEF"));
    assert!(
        !reference::is_valid("FP-2026-11-ABCDEI"),
        "I is not in the alphabet"
    );
}

#[test]
fn a_draft_cannot_be_fulfilled() {
    let mut r = new_request(
        "eu_gdpr",
        RequestType::Access,
        Channel::Email,
        d(2026, 3, 2),
    );
    let err = r.mark(Status::Fulfilled, d(2026, 3, 5), None).unwrap_err();
    assert_eq!(err.code(), "transition");
    assert!(err.to_string().contains("never sent"), "{err}");
    assert_eq!(
        r.status(),
        &Status::Draft,
        "a refused transition changes nothing"
    );
    let err = r
        .mark(Status::Acknowledged, d(2026, 3, 5), None)
        .unwrap_err();
    assert!(err.to_string().contains("never sent"), "{err}");
    assert!(r.follow_up().is_err());
}

#[test]
fn sending_by_post_sets_receipt_and_due_date() {
    let mut r = new_request(
        "eu_gdpr",
        RequestType::Access,
        Channel::Letter,
        d(2026, 1, 27),
    );
    r.send(d(2026, 1, 29), Some("registered letter 123".into()))
        .unwrap();
    assert_eq!(r.received, Some(d(2026, 1, 31)), "2 days' postal delay");
    let due = r.due.as_ref().unwrap();
    assert_eq!(due.date, d(2026, 3, 2));
    assert!(
        due.rule_text.contains("moved to Mon 2 Mar 2026"),
        "{}",
        due.rule_text
    );
    assert_eq!(r.proof_of_sending.as_deref(), Some("registered letter 123"));
    assert!(
        r.send(d(2026, 1, 30), None).is_err(),
        "cannot be sent twice"
    );
}

#[test]
fn overdue_is_computed_from_today() {
    let mut r = new_request(
        "eu_gdpr",
        RequestType::Access,
        Channel::Email,
        d(2026, 1, 31),
    );
    r.send(d(2026, 1, 31), None).unwrap();
    assert_eq!(
        r.status_on(d(2026, 3, 2)),
        Status::Sent,
        "the due day itself is not overdue"
    );
    assert_eq!(r.status_on(d(2026, 3, 3)), Status::Overdue);
    assert_eq!(r.status(), &Status::Sent, "overdue is never stored");

    let mut later = new_request(
        "uk_gdpr",
        RequestType::Erasure,
        Channel::Email,
        d(2026, 2, 10),
    );
    later.send(d(2026, 2, 10), None).unwrap();
    let draft = new_request(
        "eu_gdpr",
        RequestType::Erasure,
        Channel::Email,
        d(2026, 1, 1),
    );
    let all = vec![later.clone(), draft, r.clone()];
    let list = overdue(&all, d(2026, 4, 1));
    let refs: Vec<&str> = list.iter().map(|x| x.reference.as_str()).collect();
    assert_eq!(
        refs,
        vec![r.reference.as_str(), later.reference.as_str()],
        "most overdue first, drafts never"
    );
    assert!(overdue(&all, d(2026, 3, 1)).is_empty());
    assert!(
        r.mark(Status::Overdue, d(2026, 3, 3), None).is_err(),
        "overdue cannot be recorded by hand"
    );
}

#[test]
fn reminder_only_after_the_due_date_then_complaint() {
    let mut r = new_request(
        "eu_gdpr",
        RequestType::Access,
        Channel::Email,
        d(2026, 1, 31),
    );
    r.send(d(2026, 1, 31), None).unwrap();
    let err = r
        .mark(Status::ReminderSent, d(2026, 3, 2), None)
        .unwrap_err();
    assert!(
        err.to_string().contains("still has until 2026-03-02"),
        "{err}"
    );
    let err = r.mark(Status::Escalated, d(2026, 2, 15), None).unwrap_err();
    assert!(err.to_string().contains("still has until"), "{err}");

    let next = r.next_action(d(2026, 3, 5)).unwrap();
    assert_eq!(
        (next.action, next.date),
        (Action::SendReminder, d(2026, 3, 3))
    );

    r.mark(Status::ReminderSent, d(2026, 3, 3), None).unwrap();
    assert_eq!(r.reminder.as_ref().unwrap().date, d(2026, 3, 17));
    assert_eq!(
        r.next_action(d(2026, 3, 10)).unwrap().action,
        Action::WaitForAnswer
    );
    assert_eq!(r.status_on(d(2026, 3, 18)), Status::Overdue);
    let next = r.next_action(d(2026, 3, 18)).unwrap();
    assert_eq!(
        (next.action, next.date),
        (Action::FileComplaint, d(2026, 3, 18))
    );
    assert!(
        r.mark(Status::ReminderSent, d(2026, 3, 18), None).is_err(),
        "one reminder, then a complaint"
    );

    r.mark(Status::Escalated, d(2026, 3, 20), None).unwrap();
    let next = r.next_action(d(2026, 3, 21)).unwrap();
    assert_eq!(
        (next.action, next.date),
        (Action::FollowUpWithAuthority, d(2026, 6, 22)),
        "{}",
        next.explanation
    );

    // The follow-up letters carry the history.
    let f = r.follow_up().unwrap();
    assert_eq!(
        (f.sent, f.due, f.reminder_sent, f.reminder_due),
        (
            d(2026, 1, 31),
            d(2026, 3, 2),
            Some(d(2026, 3, 3)),
            Some(d(2026, 3, 17))
        )
    );
    let complaint = letter::render(&r.complaint_letter(d(2026, 3, 20)).unwrap(), Lang::En).unwrap();
    assert!(
        complaint.body.contains("gave it until 17 March 2026"),
        "{}",
        complaint.body
    );
    assert!(matches!(
        r.complaint_letter(d(2026, 3, 20)).unwrap().kind,
        LetterKind::Complaint { .. }
    ));
    let kinds: Vec<_> = r.messages.iter().map(|m| m.kind).collect();
    use footprint_rights::tracking::MessageKind::*;
    assert_eq!(kinds, vec![Request, Reminder, Complaint]);
}

#[test]
fn verification_pause_stops_the_uk_clock_until_id_arrives() {
    let mut r = new_request(
        "uk_gdpr",
        RequestType::Access,
        Channel::Email,
        d(2026, 3, 2),
    );
    r.send(d(2026, 3, 2), None).unwrap();
    assert_eq!(r.effective_due(), Some(d(2026, 4, 2)));
    r.mark(
        Status::WaitingForVerification,
        d(2026, 3, 5),
        Some("asked for a utility bill".into()),
    )
    .unwrap();
    assert_eq!(r.effective_due(), None, "the clock stands still");
    assert_eq!(
        r.status_on(d(2026, 5, 1)),
        Status::WaitingForVerification,
        "never overdue while paused"
    );
    let next = r.next_action(d(2026, 3, 10)).unwrap();
    assert_eq!(next.action, Action::SupplyIdentity);
    r.mark(Status::Acknowledged, d(2026, 3, 20), None).unwrap();
    assert_eq!(r.pauses.len(), 1);
    assert_eq!(
        r.effective_due(),
        Some(d(2026, 4, 20)),
        "one month from the day the ID arrived"
    );
    assert!(r
        .due
        .as_ref()
        .unwrap()
        .rule_text
        .contains("counted from Fri 20 Mar 2026"));
}

#[test]
fn verification_does_not_stop_the_ccpa_clock() {
    let mut r = new_request(
        "us_ca_ccpa",
        RequestType::Access,
        Channel::WebForm,
        d(2026, 3, 2),
    );
    r.send(d(2026, 3, 2), None).unwrap();
    let before = r.effective_due();
    r.mark(Status::WaitingForVerification, d(2026, 3, 5), None)
        .unwrap();
    assert_eq!(r.effective_due(), before);
    r.mark(Status::Acknowledged, d(2026, 3, 25), None).unwrap();
    assert_eq!(r.effective_due(), before);
}

#[test]
fn extension_rules() {
    let mut r = new_request(
        "eu_gdpr",
        RequestType::Access,
        Channel::Email,
        d(2026, 1, 31),
    );
    r.send(d(2026, 1, 31), None).unwrap();
    r.mark(Status::Extended, d(2026, 2, 20), None).unwrap();
    assert_eq!(r.effective_due(), Some(d(2026, 5, 4)));
    assert_eq!(
        r.status_on(d(2026, 3, 10)),
        Status::Extended,
        "not overdue inside the extension"
    );
    let err = r.mark(Status::Extended, d(2026, 2, 21), None).unwrap_err();
    assert!(err.to_string().contains("already extended"), "{err}");

    let mut late = new_request(
        "eu_gdpr",
        RequestType::Access,
        Channel::Email,
        d(2026, 1, 31),
    );
    late.send(d(2026, 1, 31), None).unwrap();
    late.mark(Status::Extended, d(2026, 3, 10), None).unwrap();
    let note = late.history.last().unwrap().note.clone().unwrap();
    assert!(note.contains("may not be valid"), "{note}");

    let mut opt_out = new_request(
        "us_ca_ccpa",
        RequestType::OptOutSale,
        Channel::Email,
        d(2026, 3, 2),
    );
    opt_out.send(d(2026, 3, 2), None).unwrap();
    let err = opt_out
        .mark(Status::Extended, d(2026, 3, 3), None)
        .unwrap_err();
    assert!(err.to_string().contains("allows no extension"), "{err}");
}

#[test]
fn dates_cannot_go_backwards_and_closed_is_final() {
    let mut r = new_request(
        "eu_gdpr",
        RequestType::Access,
        Channel::Email,
        d(2026, 3, 2),
    );
    r.send(d(2026, 3, 4), None).unwrap();
    let err = r
        .mark(Status::Acknowledged, d(2026, 3, 3), None)
        .unwrap_err();
    assert_eq!(err.code(), "date_order");
    r.mark(
        Status::Denied {
            reason: DenialReason::NoMatch,
        },
        d(2026, 3, 20),
        None,
    )
    .unwrap();
    assert_eq!(
        r.next_action(d(2026, 3, 21)).unwrap().action,
        Action::ConsiderComplaint
    );
    let reminder = letter::render(
        &{
            let mut i = r.reminder_letter(d(2026, 3, 21)).unwrap();
            i.date = d(2026, 3, 21);
            i
        },
        Lang::En,
    )
    .unwrap();
    assert!(
        reminder.body.contains("no data matching me was found"),
        "{}",
        reminder.body
    );
    r.mark(Status::Closed, d(2026, 3, 22), None).unwrap();
    assert!(r.next_action(d(2026, 4, 1)).is_none());
    let err = r.mark(Status::Escalated, d(2026, 3, 23), None).unwrap_err();
    assert!(err.to_string().contains("closed"), "{err}");
}

#[test]
fn a_right_without_fallback_cannot_become_a_request() {
    let err = Request::new(NewRequest {
        company: CompanyContact {
            name: "Acme".into(),
            ..Default::default()
        },
        regime: "us_ca_ccpa".into(),
        request_type: RequestType::Restriction,
        options: RequestOptions::default(),
        channel: Channel::Email,
        identities: vec![],
        evidence: vec![],
        created: d(2026, 3, 2),
        sequence: 0,
        postal_delay_days: None,
        calendar: None,
    })
    .unwrap_err();
    assert_eq!(err.code(), "right_not_in_regime");
}

#[test]
fn next_action_walks_through_a_fulfilled_request() {
    let mut r = new_request(
        "us_va_vcdpa",
        RequestType::Erasure,
        Channel::Email,
        d(2025, 11, 20),
    );
    assert_eq!(r.next_action(d(2025, 11, 20)).unwrap().action, Action::Send);
    r.send(d(2025, 11, 20), None).unwrap();
    let next = r.next_action(d(2025, 12, 1)).unwrap();
    assert_eq!(
        (next.action, next.date),
        (Action::WaitForAnswer, d(2026, 1, 5))
    );
    assert!(
        next.explanation.contains("45 calendar days"),
        "{}",
        next.explanation
    );
    r.mark(
        Status::PartiallyFulfilled,
        d(2025, 12, 15),
        Some("marketing data kept".into()),
    )
    .unwrap();
    assert_eq!(
        r.next_action(d(2025, 12, 16)).unwrap().action,
        Action::SendReminder
    );
    assert_eq!(
        r.follow_up().unwrap().outcome,
        Outcome::Partial {
            detail: Some("marketing data kept".into())
        }
    );
    r.mark(Status::Fulfilled, d(2026, 1, 3), None).unwrap();
    assert_eq!(
        r.next_action(d(2026, 1, 4)).unwrap().action,
        Action::ReviewAnswer
    );
    assert!(r.mark(Status::Fulfilled, d(2026, 1, 4), None).is_err());
}

#[test]
fn requests_survive_a_json_round_trip() {
    let mut r = new_request(
        "eu_gdpr",
        RequestType::Access,
        Channel::Email,
        d(2026, 1, 31),
    );
    r.send(d(2026, 1, 31), None).unwrap();
    r.mark(
        Status::Denied {
            reason: DenialReason::Other("we do not answer e-mails".into()),
        },
        d(2026, 2, 3),
        None,
    )
    .unwrap();
    let json = serde_json::to_string(&r).unwrap();
    assert!(
        json.contains(
            r#""status":"denied","reason":{"reason":"other","text":"we do not answer e-mails"}"#
        ),
        "{json}"
    );
    let back: Request = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
}

#[test]
fn calendar_events_follow_the_request() {
    let mut r = new_request(
        "eu_gdpr",
        RequestType::Access,
        Channel::Email,
        d(2026, 1, 31),
    );
    assert!(r.calendar_events().is_empty(), "a draft has no dates yet");
    r.send(d(2026, 1, 31), None).unwrap();
    let ev = r.calendar_events();
    let dates: Vec<_> = ev
        .iter()
        .map(|e| {
            (
                e.uid
                    .split('@')
                    .next()
                    .unwrap()
                    .rsplit('-')
                    .next()
                    .unwrap()
                    .to_string(),
                e.date,
            )
        })
        .collect();
    assert_eq!(
        dates,
        vec![
            ("due".into(), d(2026, 3, 2)),
            ("extended".into(), d(2026, 5, 4)),
            ("remind".into(), d(2026, 3, 3))
        ]
    );
}
