//! The deadline engine on awkward dates. Each expected date was worked out by hand from the
//! rule (and the weekday checked); the rule text must show the arithmetic.

use crate::d;
use footprint_rights::deadline::{
    self, due_date, due_date_with, receipt_date, ClockPause, DueOptions,
};
use footprint_rights::regime::Regimes;
use footprint_rights::right::{Channel, RequestType};

fn regime(id: &str) -> &'static footprint_rights::Regime {
    Regimes::builtin().get(id).unwrap()
}

#[test]
fn one_month_from_31_january_in_a_common_year_is_28_february() {
    let due = due_date(regime("eu_gdpr"), RequestType::Access, d(2025, 1, 31)).unwrap();
    assert_eq!(due.date, d(2025, 2, 28));
    assert!(
        due.rule_text
            .contains("one month from receipt (GDPR Art. 12(3))"),
        "{}",
        due.rule_text
    );
    assert!(
        due.rule_text
            .contains("Fri 31 Jan 2025 + 1 month = Fri 28 Feb 2025"),
        "{}",
        due.rule_text
    );
    assert!(
        due.rule_text.contains("February 2025 has no 31st"),
        "{}",
        due.rule_text
    );
    assert!(
        !due.rule_text.contains("moved"),
        "28 Feb 2025 is a Friday: {}",
        due.rule_text
    );
}

#[test]
fn one_month_from_31_january_in_a_leap_year_is_29_february() {
    let due = due_date(regime("eu_gdpr"), RequestType::Access, d(2024, 1, 31)).unwrap();
    assert_eq!(due.date, d(2024, 2, 29));
    assert!(
        due.rule_text.contains("February 2024 has no 31st"),
        "{}",
        due.rule_text
    );
    // 2024 is outside the holiday list, and the text must say so.
    assert!(
        due.rule_text.contains("does not cover 2024"),
        "{}",
        due.rule_text
    );
}

#[test]
fn end_of_month_that_falls_on_a_saturday_moves_to_monday() {
    let due = due_date(regime("eu_gdpr"), RequestType::Erasure, d(2026, 1, 31)).unwrap();
    assert_eq!(due.date, d(2026, 3, 2));
    assert!(
        due.rule_text
            .contains("Sat 31 Jan 2026 + 1 month = Sat 28 Feb 2026"),
        "{}",
        due.rule_text
    );
    assert!(
        due.rule_text
            .contains("moved to Mon 2 Mar 2026 because Sat 28 Feb 2026 is a Saturday"),
        "{}",
        due.rule_text
    );
}

#[test]
fn from_29_february_is_the_29th_of_the_next_month() {
    let due = due_date(regime("eu_gdpr"), RequestType::Access, d(2028, 2, 29)).unwrap();
    assert_eq!(due.date, d(2028, 3, 29));
    assert!(!due.rule_text.contains("has no"), "{}", due.rule_text);
}

#[test]
fn month_ends_keep_the_same_date_or_clamp() {
    // 30 April -> 30 May (same date, not "last day").
    assert_eq!(
        due_date(regime("eu_gdpr"), RequestType::Access, d(2025, 4, 30))
            .unwrap()
            .date,
        d(2025, 5, 30)
    );
    // 31 August -> 30 September (clamped).
    let due = due_date(regime("eu_gdpr"), RequestType::Access, d(2025, 8, 31)).unwrap();
    assert_eq!(due.date, d(2025, 9, 30));
    assert!(
        due.rule_text.contains("September 2025 has no 31st"),
        "{}",
        due.rule_text
    );
    // 31 December -> 31 January of the next year.
    assert_eq!(
        deadline::add_months(d(2025, 12, 31), 1),
        (d(2026, 1, 31), false)
    );
    assert_eq!(
        deadline::add_months(d(2025, 11, 30), 3),
        (d(2026, 2, 28), true)
    );
}

#[test]
fn christmas_and_the_weekend_after_it_are_skipped() {
    let due = due_date(regime("eu_gdpr"), RequestType::Access, d(2025, 11, 25)).unwrap();
    assert_eq!(due.date, d(2025, 12, 29));
    assert!(
        due.rule_text.contains(
            "moved to Mon 29 Dec 2025 because Thu 25 Dec 2025 is a public holiday (Christmas Day)"
        ),
        "{}",
        due.rule_text
    );
    assert!(
        due.rule_text
            .contains("Fri 26 Dec 2025 is also a public holiday"),
        "{}",
        due.rule_text
    );
}

#[test]
fn new_year_moves_to_the_next_day() {
    let due = due_date(regime("uk_gdpr"), RequestType::Access, d(2025, 12, 1)).unwrap();
    assert_eq!(due.date, d(2026, 1, 2));
    assert!(
        due.rule_text.contains("New Year's Day"),
        "{}",
        due.rule_text
    );
}

#[test]
fn uk_boxing_day_substitute_after_a_weekend() {
    let due = due_date(regime("uk_gdpr"), RequestType::Access, d(2026, 11, 26)).unwrap();
    assert_eq!(due.date, d(2026, 12, 29));
    assert!(
        due.rule_text.contains("Sat 26 Dec 2026 is a Saturday"),
        "{}",
        due.rule_text
    );
    assert!(
        due.rule_text
            .contains("Mon 28 Dec 2026 is also a public holiday (Boxing Day (substitute day))"),
        "{}",
        due.rule_text
    );
}

#[test]
fn forty_five_days_crossing_the_year_onto_a_sunday() {
    let due = due_date(regime("us_va_vcdpa"), RequestType::Access, d(2025, 11, 20)).unwrap();
    assert_eq!(due.date, d(2026, 1, 5));
    assert!(
        due.rule_text
            .contains("Thu 20 Nov 2025 + 45 days = Sun 4 Jan 2026"),
        "{}",
        due.rule_text
    );
    assert!(
        due.rule_text
            .contains("45 calendar days from receipt (VCDPA Va. Code 59.1-577(B)(1))"),
        "{}",
        due.rule_text
    );
}

#[test]
fn forty_five_days_landing_on_new_years_day_in_california() {
    let due = due_date(regime("us_ca_ccpa"), RequestType::Access, d(2025, 11, 17)).unwrap();
    assert_eq!(due.date, d(2026, 1, 2));
    assert!(
        due.rule_text
            .contains("Thu 1 Jan 2026 is a public holiday (New Year's Day)"),
        "{}",
        due.rule_text
    );
}

#[test]
fn ten_business_days_to_acknowledge_over_thanksgiving() {
    let due = due_date(regime("us_ca_ccpa"), RequestType::Access, d(2025, 11, 19)).unwrap();
    assert_eq!(due.acknowledge_by, Some(d(2025, 12, 5)));
    let text = due.acknowledge_text.unwrap();
    assert!(
        text.contains("10 business days after Wed 19 Nov 2025"),
        "{text}"
    );
    assert!(
        text.contains("Thanksgiving Day (Thu 27 Nov 2025)"),
        "{text}"
    );
    assert!(
        text.contains("Day after Thanksgiving (Fri 28 Nov 2025)"),
        "{text}"
    );
}

#[test]
fn fifteen_business_days_for_an_opt_out_over_thanksgiving() {
    let due = due_date(
        regime("us_ca_ccpa"),
        RequestType::OptOutSale,
        d(2025, 11, 19),
    )
    .unwrap();
    assert_eq!(due.date, d(2025, 12, 12));
    assert!(
        due.rule_text.contains("15 business days from receipt"),
        "{}",
        due.rule_text
    );
    assert!(due.extended_date.is_none(), "opt-outs cannot be extended");
    let limit = due_date(
        regime("us_ca_ccpa"),
        RequestType::LimitSensitive,
        d(2025, 12, 19),
    )
    .unwrap();
    // 22, 23, 24, (25 Christmas), 26, 29, 30, 31, (1 Jan), 2, 5, 6, 7, 8, 9, 12, 13.
    assert_eq!(limit.date, d(2026, 1, 13));
}

#[test]
fn extension_is_added_to_the_already_moved_date() {
    let due = due_date(regime("uk_gdpr"), RequestType::Access, d(2026, 1, 31)).unwrap();
    assert_eq!(due.date, d(2026, 3, 2));
    assert_eq!(due.extended_date, Some(d(2026, 5, 5)));
    let text = due.extension_text.unwrap();
    assert!(
        text.contains("Mon 2 Mar 2026 + 2 months = Sat 2 May 2026"),
        "{text}"
    );
    assert!(
        text.contains("Mon 4 May 2026 is also a public holiday (Early May bank holiday)"),
        "{text}"
    );

    let ccpa = due_date(regime("us_ca_ccpa"), RequestType::Erasure, d(2025, 11, 17)).unwrap();
    assert_eq!(ccpa.date, d(2026, 1, 2));
    // 2 Jan + 45 days = Mon 16 Feb 2026, Presidents' Day in California.
    assert_eq!(ccpa.extended_date, Some(d(2026, 2, 17)));
}

#[test]
fn identity_pause_restarts_the_uk_month() {
    let pauses = [ClockPause {
        from: d(2026, 3, 5),
        until: d(2026, 3, 20),
    }];
    let opts = DueOptions {
        calendar: None,
        pauses: &pauses,
    };
    let due = due_date_with(regime("uk_gdpr"), RequestType::Access, d(2026, 3, 2), &opts).unwrap();
    assert_eq!(due.date, d(2026, 4, 20));
    assert!(
        due.rule_text.contains("counted from Fri 20 Mar 2026"),
        "{}",
        due.rule_text
    );
}

#[test]
fn identity_pause_suspends_the_eu_month() {
    let pauses = [ClockPause {
        from: d(2026, 3, 5),
        until: d(2026, 3, 20),
    }];
    let opts = DueOptions {
        calendar: None,
        pauses: &pauses,
    };
    let due = due_date_with(regime("eu_gdpr"), RequestType::Access, d(2026, 3, 2), &opts).unwrap();
    // 2 Apr + 15 days stood still = 17 Apr.
    assert_eq!(due.date, d(2026, 4, 17));
    assert!(
        due.rule_text
            .contains("+ 15 days while the clock stood still"),
        "{}",
        due.rule_text
    );
}

#[test]
fn identity_pause_does_not_stop_the_ccpa_clock() {
    let pauses = [ClockPause {
        from: d(2026, 3, 5),
        until: d(2026, 3, 20),
    }];
    let opts = DueOptions {
        calendar: None,
        pauses: &pauses,
    };
    let with = due_date_with(
        regime("us_ca_ccpa"),
        RequestType::Access,
        d(2026, 3, 2),
        &opts,
    )
    .unwrap();
    let without = due_date(regime("us_ca_ccpa"), RequestType::Access, d(2026, 3, 2)).unwrap();
    assert_eq!(with.date, without.date);
    assert!(
        with.rule_text.contains("does not stop the clock"),
        "{}",
        with.rule_text
    );
}

#[test]
fn company_calendar_overrides_the_regime_calendar() {
    let generic = due_date(regime("eu_gdpr"), RequestType::Access, d(2026, 2, 17)).unwrap();
    assert_eq!(generic.date, d(2026, 3, 17));
    let opts = DueOptions {
        calendar: Some("ie"),
        pauses: &[],
    };
    let irish = due_date_with(
        regime("eu_gdpr"),
        RequestType::Access,
        d(2026, 2, 17),
        &opts,
    )
    .unwrap();
    assert_eq!(irish.date, d(2026, 3, 18));
    assert!(
        irish.rule_text.contains("St Patrick's Day"),
        "{}",
        irish.rule_text
    );
    let bad = DueOptions {
        calendar: Some("xx"),
        pauses: &[],
    };
    let err =
        due_date_with(regime("eu_gdpr"), RequestType::Access, d(2026, 2, 17), &bad).unwrap_err();
    assert_eq!(err.code(), "unknown_calendar");
}

#[test]
fn receipt_is_the_send_day_online_and_later_by_post() {
    assert_eq!(
        receipt_date(Channel::Email, d(2026, 3, 2), 3).date,
        d(2026, 3, 2)
    );
    assert_eq!(
        receipt_date(Channel::WebForm, d(2026, 3, 2), 3).date,
        d(2026, 3, 2)
    );
    let post = receipt_date(Channel::Letter, d(2026, 3, 2), 4);
    assert_eq!(post.date, d(2026, 3, 6));
    assert!(post.text.contains("4 days"), "{}", post.text);
}

#[test]
fn reminder_gets_fourteen_days_moved_off_holidays() {
    let due = deadline::reminder_due(regime("uk_gdpr"), d(2026, 12, 14), None).unwrap();
    assert_eq!(due.date, d(2026, 12, 29));
    assert!(
        due.rule_text.contains("not a legal deadline"),
        "{}",
        due.rule_text
    );
}

#[test]
fn laws_without_a_fixed_time_give_a_planning_date() {
    let due = due_date(regime("jp_appi"), RequestType::Access, d(2026, 3, 2)).unwrap();
    assert!(!due.firm);
    assert_eq!(due.date, d(2026, 3, 16));
    assert!(due.rule_text.contains("without delay"), "{}", due.rule_text);
    let au = due_date(regime("au_privacy_act"), RequestType::Access, d(2026, 3, 2)).unwrap();
    assert_eq!(au.date, d(2026, 4, 1));
}

#[test]
fn a_right_the_law_lacks_without_fallback_has_no_deadline() {
    let err = due_date(
        regime("us_ca_ccpa"),
        RequestType::Restriction,
        d(2026, 3, 2),
    )
    .unwrap_err();
    assert_eq!(err.code(), "right_not_in_regime");
    assert!(err.to_string().contains("no right to restrict"), "{err}");
}

#[test]
fn authority_follow_up_is_three_months_under_the_gdpr() {
    let f = deadline::authority_follow_up(regime("eu_gdpr"), d(2026, 3, 10)).unwrap();
    assert_eq!(f.date, d(2026, 6, 10));
    assert!(f.rule_text.contains("Art. 78(2)"), "{}", f.rule_text);
    assert!(deadline::authority_follow_up(regime("us_va_vcdpa"), d(2026, 3, 10)).is_none());
}

#[test]
fn a_right_can_carry_its_own_time_limit() {
    // Australia: access has APP 12.4, a marketing objection APP 7.7 (both "reasonable period").
    let au = regime("au_privacy_act");
    let access = due_date(au, RequestType::Access, d(2026, 3, 2)).unwrap();
    let marketing = due_date(au, RequestType::ObjectDirectMarketing, d(2026, 3, 2)).unwrap();
    assert!(access.cite.contains("APP 12.4"), "{}", access.cite);
    assert!(marketing.cite.contains("APP 7.7"), "{}", marketing.cite);
    assert!(!marketing.firm);
}
