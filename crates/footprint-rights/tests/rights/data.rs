//! The embedded data files parse and follow their schema rules.

use footprint_rights::directory::Directory;
use footprint_rights::regime::{PeriodUnit, Regimes};
use footprint_rights::right::Right;
use footprint_rights::Calendars;

#[test]
fn regimes_load_and_cover_the_twelve_laws() {
    let regimes = Regimes::load().unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<&str> = regimes.ids().collect();
    for id in [
        "eu_gdpr",
        "uk_gdpr",
        "us_ca_ccpa",
        "us_va_vcdpa",
        "us_co_cpa",
        "us_ct_ctdpa",
        "ca_pipeda",
        "ca_qc_law25",
        "br_lgpd",
        "ch_nfadp",
        "au_privacy_act",
        "jp_appi",
    ] {
        assert!(ids.contains(&id), "missing regime {id}");
    }
    assert_eq!(ids.len(), 12);
}

#[test]
fn every_regime_answers_for_every_right() {
    // Each right is either given (with a provision) or explained; the loader enforces it, and
    // this test checks the result the API exposes.
    for r in Regimes::builtin().all() {
        for right in Right::ALL {
            let given = r.supports(right);
            let explained = r.unsupported.contains_key(&right);
            assert!(
                given ^ explained,
                "{}: {right} given={given} explained={explained}",
                r.id
            );
        }
    }
}

#[test]
fn key_facts_match_rights_md() {
    let g = Regimes::builtin();
    let gdpr = g.get("eu_gdpr").unwrap();
    assert_eq!(
        (gdpr.deadline.unit, gdpr.deadline.amount),
        (PeriodUnit::Months, 1)
    );
    assert_eq!(gdpr.deadline.cite, "Art. 12(3)");
    assert_eq!(gdpr.rights[&Right::Access].cite, "Art. 15");
    assert_eq!(gdpr.rights[&Right::Erasure].cite, "Art. 17");
    assert_eq!(gdpr.rights[&Right::WithdrawConsent].cite, "Art. 7(3)");
    let ext = gdpr.extension.as_ref().unwrap();
    assert_eq!((ext.unit, ext.amount), (PeriodUnit::Months, 2));

    let ccpa = g.get("us_ca_ccpa").unwrap();
    assert_eq!(
        (ccpa.deadline.unit, ccpa.deadline.amount),
        (PeriodUnit::Days, 45)
    );
    let opt = &ccpa.rights[&Right::OptOutSale];
    let d = opt.deadline.as_ref().unwrap();
    assert_eq!((d.unit, d.amount), (PeriodUnit::BusinessDays, 15));
    assert!(opt.no_extension && !opt.identity_verification);
    assert_eq!(ccpa.acknowledgement.as_ref().unwrap().amount, 10);

    let ct = g.get("us_ct_ctdpa").unwrap();
    assert_eq!(
        (ct.deadline.amount, ct.extension.as_ref().unwrap().amount),
        (45, 45)
    );

    let pipeda = g.get("ca_pipeda").unwrap();
    assert!(!pipeda.supports(Right::Erasure));
    assert_eq!(pipeda.deadline.amount, 30);
    assert_eq!(
        pipeda.rights[&Right::WithdrawConsent].cite,
        "Schedule 1, Principle 4.3.8"
    );

    assert_eq!(g.get("br_lgpd").unwrap().deadline.amount, 15);
    assert_eq!(g.get("ch_nfadp").unwrap().deadline.cite, "Art. 25(7)");
    assert_eq!(
        g.get("jp_appi").unwrap().deadline.unit,
        PeriodUnit::Reasonable
    );
    assert_eq!(
        g.get("uk_gdpr").unwrap().authority.name,
        "Information Commissioner's Office (ICO)"
    );
}

#[test]
fn holiday_calendars_load_for_2025_to_2027() {
    let cals = Calendars::load().unwrap_or_else(|e| panic!("{e}"));
    for id in ["eu_generic", "ie", "gb_ewl", "us_federal", "us_ca"] {
        let c = cals.get(id).unwrap();
        for y in 2025..=2027 {
            assert!(c.covers(y), "{id} does not cover {y}");
        }
    }
    let uk = cals.get("gb_ewl").unwrap();
    assert_eq!(
        uk.holiday(crate::d(2026, 12, 28)),
        Some("Boxing Day (substitute day)")
    );
    let us = cals.get("us_federal").unwrap();
    assert_eq!(us.holiday(crate::d(2025, 11, 27)), Some("Thanksgiving Day"));
    assert_eq!(
        us.holiday(crate::d(2026, 7, 3)),
        Some("Independence Day (observed)")
    );
}

#[test]
fn directory_loads_with_200_plus_valid_entries() {
    let dir = Directory::load().unwrap_or_else(|e| panic!("{e}"));
    assert!(
        dir.entries().len() >= 200,
        "only {} entries",
        dir.entries().len()
    );
}
