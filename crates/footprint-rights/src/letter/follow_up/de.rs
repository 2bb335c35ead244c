//! The follow-up letter in German. Written for Footprint; cites in the German style
//! (`Art. 15 Abs. 1 lit. a DSGVO`).

use super::FollowUpWording;
use crate::checklist::ItemKind;
use crate::regime::PeriodUnit;
use chrono::{Datelike, NaiveDate};

pub struct German;

const MONTHS: [&str; 12] = [
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
    "Oktober", "November", "Dezember",
];

impl FollowUpWording for German {
    fn code(&self) -> &'static str {
        "de"
    }

    fn date_long(&self, d: NaiveDate) -> String {
        format!("{}. {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
    }

    fn notice(&self) -> &'static str {
        "Mit Footprint aus öffentlich zugänglichen Informationen zum Datenschutzrecht erstellt. Dies ist keine Rechtsberatung."
    }

    fn salutation(&self) -> &'static str {
        "Sehr geehrte Damen und Herren,"
    }

    fn closing(&self) -> &'static str {
        "Mit freundlichen Grüßen"
    }

    fn signature_placeholder(&self) -> &'static str {
        "[Ihr Name und Ihre Unterschrift]"
    }

    fn placeholder_email(&self) -> &'static str {
        "[Datenschutz-E-Mail-Adresse des Unternehmens: bitte eintragen]"
    }

    fn placeholder_postal(&self) -> &'static str {
        "[Postanschrift des Unternehmens: bitte eintragen]"
    }

    fn placeholder_form(&self) -> &'static str {
        "[Datenschutz-Formular des Unternehmens: bitte eintragen]"
    }

    fn subject(&self, reference: &str) -> String {
        format!("Ihre Antwort auf mein Auskunftsersuchen ist unvollständig (Az. {reference})")
    }

    fn opening(&self, sent: &str, cite: &str, reference: &str, answer: &str) -> String {
        format!(
            "am {sent} habe ich Sie nach {cite} um Auskunft über meine personenbezogenen Daten gebeten (Aktenzeichen {reference}). Vielen Dank für Ihre Antwort vom {answer}. Sie enthält jedoch nicht alles, was das Gesetz verlangt."
        )
    }

    fn gaps_lead(&self) -> &'static str {
        "In Ihrer Antwort fehlt Folgendes:"
    }

    fn item(&self, kind: ItemKind, us: bool) -> &'static str {
        match (kind, us) {
            (ItemKind::Purposes, false) => "die Zwecke, zu denen Sie meine Daten verarbeiten",
            (ItemKind::Purposes, true) => {
                "der geschäftliche oder kommerzielle Zweck, zu dem Sie meine Daten erheben, verkaufen oder weitergeben"
            }
            (ItemKind::Categories, false) => "die Kategorien der verarbeiteten personenbezogenen Daten",
            (ItemKind::Categories, true) => {
                "die Kategorien personenbezogener Informationen, die Sie über mich erhoben haben"
            }
            (ItemKind::Recipients, false) => {
                "die Empfänger oder Kategorien von Empfängern, denen meine Daten offengelegt wurden oder werden, vor allem solche in Drittländern oder internationale Organisationen"
            }
            (ItemKind::Recipients, true) => {
                "die Kategorien von Dritten, denen Sie meine Informationen offenlegen"
            }
            (ItemKind::Retention, _) => {
                "wie lange meine Daten gespeichert werden oder, falls das nicht möglich ist, nach welchen Kriterien sich diese Dauer bestimmt"
            }
            (ItemKind::Rights, _) => {
                "der Hinweis auf mein Recht auf Berichtigung, Löschung und Einschränkung der Verarbeitung sowie auf mein Widerspruchsrecht"
            }
            (ItemKind::Complaint, _) => {
                "der Hinweis auf mein Recht, mich bei einer Aufsichtsbehörde zu beschweren"
            }
            (ItemKind::Source, false) => {
                "alle verfügbaren Angaben zur Herkunft der Daten, die nicht bei mir erhoben wurden"
            }
            (ItemKind::Source, true) => {
                "die Kategorien der Quellen, aus denen Sie meine Informationen erhalten haben"
            }
            (ItemKind::AutomatedDecisions, _) => {
                "ob eine automatisierte Entscheidungsfindung einschließlich Profiling stattfindet und, falls ja, aussagekräftige Angaben zur Logik dahinter sowie zu ihrer Tragweite und den angestrebten Folgen für mich"
            }
            (ItemKind::TransferSafeguards, _) => {
                "die geeigneten Garantien nach Art. 46 für die Übermittlung meiner Daten in ein Drittland oder an eine internationale Organisation"
            }
            (ItemKind::Copy, false) => "eine Kopie der personenbezogenen Daten, die Sie über mich verarbeiten",
            (ItemKind::Copy, true) => {
                "die konkreten personenbezogenen Informationen, die Sie über mich erhoben haben"
            }
            (ItemKind::SoldShared, _) => {
                "welche Kategorien meiner Informationen Sie verkauft, weitergegeben oder zu Geschäftszwecken offengelegt haben, und an welche Kategorien von Empfängern"
            }
        }
    }

    fn missing(&self) -> &'static str {
        "fehlt"
    }

    fn partly(&self) -> &'static str {
        "nur teilweise beantwortet"
    }

    fn remark(&self, note: &str) -> String {
        format!("(Meine Anmerkung: {note})")
    }

    fn period(&self, unit: PeriodUnit, amount: u32) -> String {
        match (unit, amount) {
            (PeriodUnit::Months, 1) => "einen Monat".into(),
            (PeriodUnit::Months, n) => format!("{n} Monate"),
            (PeriodUnit::BusinessDays, 1) => "einen Werktag".into(),
            (PeriodUnit::BusinessDays, n) => format!("{n} Werktage"),
            (PeriodUnit::Days | PeriodUnit::Reasonable, 1) => "einen Tag".into(),
            (PeriodUnit::Days | PeriodUnit::Reasonable, n) => format!("{n} Tage"),
        }
    }

    fn deadline_firm(&self, date: &str, period: &str, cite: &str) -> String {
        format!(
            "Bitte senden Sie mir die fehlenden Angaben bis zum {date}, also {period} nach Eingang dieses Schreibens (die Frist nach {cite})."
        )
    }

    fn deadline_planned(&self, date: &str) -> String {
        format!("Bitte senden Sie mir die fehlenden Angaben unverzüglich, spätestens bis zum {date}.")
    }

    fn escalation(&self, authority: Option<&str>) -> String {
        match authority {
            Some(a) => format!(
                "Sollte ich bis dahin keine vollständige Antwort erhalten, behalte ich mir eine Beschwerde bei {a} vor."
            ),
            None => "Sollte ich bis dahin keine vollständige Antwort erhalten, behalte ich mir eine Beschwerde bei der zuständigen Aufsichtsbehörde vor.".into(),
        }
    }

    fn quote_reference(&self, reference: &str) -> String {
        format!("Bitte geben Sie in Ihrer Antwort das Aktenzeichen {reference} an.")
    }
}
