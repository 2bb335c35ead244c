//! Every German sentence of Footprint's letters: formal ("Sie"), in the terms of the German
//! text of the GDPR (Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung,
//! Widerspruch, Widerruf der Einwilligung) and of the Swiss DSG (Personendaten, Bearbeitung).
//! Provisions are cited as German legal writing does (`Art. 15 Abs. 1 lit. a DSGVO`,
//! `Art. 25 Abs. 2 Bst. b DSG`), see [`super::cite`].

use super::cite::{localize, CiteStyle, GERMAN_CH, GERMAN_EU};
use super::{files_clause, Outcome, StillHeld, Step, Wording};
use crate::authority::{AuthorityChoice, Basis};
use crate::evidence::{EvidenceItem, EvidenceRelation};
use crate::identity::IdentityKind;
use crate::regime::{AccessItem, ExtraAsk, PeriodUnit};
use crate::right::{Correction, RequestType, Right};
use chrono::{Datelike, NaiveDate};

pub struct German;

/// Month names for [`German::date_long`]: chrono formats only English names without its
/// `unstable-locales` feature, which would pull in every locale's data for twelve words.
const MONTHS: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

fn style(regime: &str) -> &'static CiteStyle {
    if regime == "ch_nfadp" {
        &GERMAN_CH
    } else {
        &GERMAN_EU
    }
}

/// A provision with its law: `Art. 15 DSGVO`; a section of a law that is not cited by
/// article gets the law in brackets (`Cal. Civ. Code § 1798.105 (CCPA)`).
fn with_law(cite: &str, law: &str) -> String {
    if cite.starts_with("Art.") || cite.starts_with('§') {
        format!("{cite} {law}")
    } else {
        format!("{cite} ({law})")
    }
}

impl Wording for German {
    fn cite(&self, regime: &str, raw: &str) -> String {
        localize(style(regime), raw)
    }

    fn law_name(&self, regime: &str, short_name: &str) -> String {
        match regime {
            "eu_gdpr" => "DSGVO".into(),
            "ch_nfadp" => "DSG".into(),
            _ => short_name.into(),
        }
    }

    fn cite_in_law(&self, cite: &str, law: &str) -> String {
        with_law(cite, law)
    }

    fn cite_then_law(&self, cite: &str, law: &str) -> String {
        with_law(cite, law)
    }

    fn authority_name(&self, regime: &str, name: &str) -> String {
        // The escalation sentence needs the accusative ("an die ... wenden").
        match regime {
            "eu_gdpr" => "die zuständige Datenschutz-Aufsichtsbehörde".into(),
            "ch_nfadp" => {
                "den Eidgenössischen Datenschutz- und Öffentlichkeitsbeauftragten (EDÖB)".into()
            }
            "uk_gdpr" => "das Information Commissioner's Office (ICO)".into(),
            _ => format!("die Behörde {name}"),
        }
    }

    fn page_label(&self, reference: &str, page: usize, total: usize) -> String {
        format!("Az. {reference}    Seite {page} von {total}")
    }

    fn date_long(&self, d: NaiveDate) -> String {
        format!("{}. {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
    }

    fn not_legal_advice(&self) -> &'static str {
        "Mit Footprint aus öffentlichen Informationen zum Datenschutzrecht erstellt. Dies ist keine Rechtsberatung."
    }

    fn file_labels(&self) -> [&'static str; 2] {
        ["Datei", "Dateien"]
    }

    fn salutation(&self) -> &'static str {
        "Sehr geehrte Damen und Herren,"
    }

    fn after_salutation(&self, paragraph: String) -> String {
        // German continues the sentence the salutation's comma opened, in lower case; every
        // sentence that can follow the salutation starts with a word that is not a noun.
        let mut chars = paragraph.chars();
        match chars.next() {
            Some(c) => c.to_lowercase().chain(chars).collect(),
            None => paragraph,
        }
    }

    fn closing(&self) -> &'static str {
        "Mit freundlichen Grüßen"
    }

    fn signature_placeholder(&self) -> &'static str {
        "[Ihr Name und Ihre Unterschrift]"
    }

    fn placeholder_email(&self) -> &'static str {
        "[Datenschutz-E-Mail-Adresse des Unternehmens: bitte ergänzen]"
    }

    fn placeholder_postal(&self) -> &'static str {
        "[Postanschrift des Unternehmens: bitte ergänzen]"
    }

    fn placeholder_form(&self) -> &'static str {
        "[Datenschutz-Formular des Unternehmens: bitte ergänzen]"
    }

    fn placeholder_authority(&self) -> &'static str {
        "[Name und Anschrift der Datenschutzbehörde: bitte ergänzen]"
    }

    fn identity_label(&self, kind: IdentityKind) -> &'static str {
        match kind {
            IdentityKind::Name => "Name",
            IdentityKind::Email => "E-Mail-Adresse",
            IdentityKind::Phone => "Telefonnummer",
            IdentityKind::Username => "Benutzername",
            IdentityKind::Address => "Postanschrift",
            IdentityKind::BirthDate => "Geburtsdatum",
            IdentityKind::AccountId => "Konto-ID",
            IdentityKind::CustomerNumber => "Kundennummer",
            IdentityKind::DeviceId => "Geräte- oder Werbe-ID",
        }
    }

    fn request_noun(&self, t: RequestType) -> &'static str {
        match t {
            RequestType::Access => "Auskunft über meine personenbezogenen Daten",
            RequestType::Erasure => "Löschung meiner personenbezogenen Daten",
            RequestType::ObjectDirectMarketing => {
                "Beendigung der Verwendung meiner personenbezogenen Daten für Direktwerbung"
            }
            RequestType::WithdrawConsent => "Widerruf meiner Einwilligung",
            RequestType::OptOutSale => {
                "Widerspruch gegen den Verkauf und die Weitergabe meiner personenbezogenen Daten"
            }
            RequestType::LimitSensitive => {
                "Beschränkung der Verwendung meiner sensiblen personenbezogenen Daten"
            }
            RequestType::Rectification => "Berichtigung meiner personenbezogenen Daten",
            RequestType::Restriction => {
                "Einschränkung der Verarbeitung meiner personenbezogenen Daten"
            }
        }
    }

    fn subject_request(&self, t: RequestType, law: &str, reference: &str) -> String {
        let what = match t {
            RequestType::Access => "Antrag auf Auskunft über personenbezogene Daten",
            RequestType::Erasure => "Antrag auf Löschung personenbezogener Daten",
            RequestType::ObjectDirectMarketing => "Widerspruch gegen Direktwerbung",
            RequestType::WithdrawConsent => "Widerruf der Einwilligung",
            RequestType::OptOutSale => {
                "Widerspruch gegen Verkauf und Weitergabe personenbezogener Daten"
            }
            RequestType::LimitSensitive => "Antrag auf Beschränkung der Verwendung sensibler Daten",
            RequestType::Rectification => "Antrag auf Berichtigung personenbezogener Daten",
            RequestType::Restriction => "Antrag auf Einschränkung der Verarbeitung",
        };
        format!("{what} nach {law} (Az. {reference})")
    }

    fn subject_still_held(&self, reference: &str) -> String {
        format!("Erinnerung: Meine Daten sind trotz meines Löschantrags weiterhin gespeichert (Az. {reference})")
    }

    fn subject_reminder(&self, t: RequestType, reference: &str) -> String {
        format!(
            "Erinnerung: Mein Antrag auf {} ist unbeantwortet (Az. {reference})",
            self.request_noun(t)
        )
    }

    fn subject_complaint(&self, company: &str, reference: &str) -> String {
        format!(
            "Beschwerde über {company}: Datenschutzantrag nicht ordnungsgemäß beantwortet (Az. {reference})"
        )
    }

    fn subject_complaint_still_held(&self, company: &str, reference: &str) -> String {
        format!("Beschwerde über {company}: Meine Daten wurden trotz meines Löschantrags nicht gelöscht (Az. {reference})")
    }

    fn fallback_preface(&self, requested: Right, law: &str) -> String {
        let what = match requested {
            Right::Access => "Recht auf Auskunft",
            Right::Portability => "Recht auf Datenübertragbarkeit",
            Right::Erasure => "Recht auf Löschung",
            Right::Rectification => "Recht auf Berichtigung",
            Right::Restriction => "Recht auf Einschränkung der Verarbeitung",
            Right::ObjectDirectMarketing => "Widerspruchsrecht gegen Direktwerbung",
            Right::WithdrawConsent => "Recht auf Widerruf der Einwilligung",
            // An infinitive clause closes with a comma before "vor".
            Right::OptOutSale => "Recht, dem Verkauf personenbezogener Daten zu widersprechen,",
            Right::LimitSensitive => "Recht, die Verwendung sensibler Daten zu beschränken,",
        };
        format!(
            "Das hier anwendbare Recht ({law}) sieht kein eigenes {what} vor; ich stütze mich daher auf die nächstliegenden Vorschriften."
        )
    }

    fn intro(&self, right: Right, cite: &str, law: &str) -> String {
        let r = with_law(cite, law);
        match right {
            Right::Access | Right::Portability => format!(
                "Hiermit mache ich mein Recht auf Auskunft über meine personenbezogenen Daten gemäß {r} geltend."
            ),
            Right::Erasure => format!(
                "Hiermit verlange ich gemäß {r} die unverzügliche Löschung der mich betreffenden personenbezogenen Daten."
            ),
            Right::Rectification => format!(
                "Hiermit verlange ich gemäß {r} die Berichtigung unrichtiger und die Vervollständigung unvollständiger personenbezogener Daten, die mich betreffen."
            ),
            Right::Restriction => format!(
                "Hiermit verlange ich gemäß {r} die Einschränkung der Verarbeitung meiner personenbezogenen Daten."
            ),
            Right::ObjectDirectMarketing => format!(
                "Hiermit widerspreche ich gemäß {r} der Verarbeitung meiner personenbezogenen Daten für Zwecke der Direktwerbung, einschließlich eines damit verbundenen Profilings. Bitte stellen Sie diese Verarbeitung sofort ein."
            ),
            Right::WithdrawConsent => format!(
                "Hiermit widerrufe ich gemäß {r} jede Einwilligung, die ich Ihrem Unternehmen zur Verarbeitung meiner personenbezogenen Daten erteilt habe. Bitte stellen Sie jede Verarbeitung ein, die auf dieser Einwilligung beruht."
            ),
            Right::OptOutSale => format!(
                "Hiermit widerspreche ich gemäß {r} dem Verkauf und der Weitergabe meiner personenbezogenen Daten sowie ihrer Verwendung für zielgerichtete Werbung und Profiling."
            ),
            Right::LimitSensitive => format!(
                "Hiermit verlange ich gemäß {r}, die Verwendung und Offenlegung meiner sensiblen personenbezogenen Daten zu beschränken."
            ),
        }
    }

    fn also(&self, right: Right, cite: &str, law: &str) -> String {
        let r = with_law(cite, law);
        match right {
            Right::ObjectDirectMarketing => format!(
                "Unabhängig davon widerspreche ich gemäß {r} der Verarbeitung meiner personenbezogenen Daten für Zwecke der Direktwerbung, einschließlich eines damit verbundenen Profilings."
            ),
            Right::WithdrawConsent => format!(
                "Unabhängig davon widerrufe ich gemäß {r} jede Einwilligung, die ich Ihnen zur Verarbeitung meiner personenbezogenen Daten erteilt habe."
            ),
            Right::OptOutSale => format!(
                "Unabhängig davon widerspreche ich gemäß {r} dem Verkauf und der Weitergabe meiner personenbezogenen Daten sowie ihrer Verwendung für zielgerichtete Werbung."
            ),
            Right::Erasure => format!(
                "Unabhängig davon verlange ich gemäß {r} die Löschung der personenbezogenen Daten, die Sie für Werbung verwenden."
            ),
            _ => format!("Ergänzend stütze ich mich auf {r}."),
        }
    }

    fn access_lead(&self) -> &'static str {
        "Bitte teilen Sie mir insbesondere Folgendes mit:"
    }

    fn access_item(&self, item: AccessItem) -> &'static str {
        match item {
            AccessItem::Confirmation => {
                "ob Sie mich betreffende personenbezogene Daten verarbeiten"
            }
            AccessItem::Copy => "eine Kopie aller personenbezogenen Daten, die Sie über mich gespeichert haben",
            AccessItem::Purposes => "die Zwecke, zu denen Sie meine personenbezogenen Daten verarbeiten",
            AccessItem::Categories => "die Kategorien personenbezogener Daten, die Sie über mich verarbeiten",
            AccessItem::Recipients => {
                "die Empfänger oder Kategorien von Empfängern, gegenüber denen meine personenbezogenen Daten offengelegt worden sind oder noch offengelegt werden, insbesondere Empfänger in Drittländern"
            }
            AccessItem::Retention => {
                "die geplante Dauer der Speicherung meiner personenbezogenen Daten oder, falls dies nicht möglich ist, die Kriterien für die Festlegung dieser Dauer"
            }
            AccessItem::Source => {
                "alle verfügbaren Informationen über die Herkunft meiner Daten, soweit Sie sie nicht bei mir erhoben haben"
            }
            AccessItem::AutomatedDecisions => {
                "ob eine automatisierte Entscheidungsfindung einschließlich Profiling stattfindet und, falls ja, aussagekräftige Informationen über die involvierte Logik sowie die Tragweite und die angestrebten Auswirkungen für mich"
            }
            AccessItem::TransferSafeguards => {
                "die geeigneten Garantien, auf die Sie sich bei der Übermittlung meiner personenbezogenen Daten in ein Drittland stützen"
            }
            AccessItem::SoldShared => {
                "die Kategorien meiner personenbezogenen Daten, die Sie verkauft oder weitergegeben haben, und die Kategorien der Dritten, an die Sie sie verkauft oder weitergegeben haben"
            }
        }
    }

    fn portability(&self, cite: &str) -> String {
        format!(
            "Außerdem bitte ich darum, mir die personenbezogenen Daten, die ich Ihnen bereitgestellt habe, in einem strukturierten, gängigen und maschinenlesbaren Format zu übermitteln ({cite})."
        )
    }

    fn portability_without_right(&self) -> &'static str {
        "Bitte stellen Sie mir die Kopie in einem gängigen elektronischen Format zur Verfügung."
    }

    fn erasure_scope_all(&self) -> &'static str {
        "Dieser Antrag umfasst alle personenbezogenen Daten, die Sie über mich gespeichert haben."
    }

    fn erasure_scope_categories(&self) -> &'static str {
        "Dieser Antrag umfasst die folgenden personenbezogenen Daten, die Sie über mich gespeichert haben:"
    }

    fn tell_recipients(&self, cite: &str) -> String {
        format!(
            "Bitte teilen Sie diesen Antrag auch allen Empfängern mit, denen Sie meine personenbezogenen Daten offengelegt haben ({cite})."
        )
    }

    fn confirm_done(&self) -> &'static str {
        "Bitte bestätigen Sie mir schriftlich, sobald Sie dies umgesetzt haben."
    }

    fn corrections_lead(&self) -> &'static str {
        "Bitte nehmen Sie folgende Berichtigungen vor:"
    }

    fn correction(&self, c: &Correction) -> String {
        match &c.wrong {
            Some(wrong) => format!(
                "{}: gespeichert ist „{}“, richtig ist „{}“",
                c.field, wrong, c.correct
            ),
            None => format!("{}: richtig ist „{}“", c.field, c.correct),
        }
    }

    fn corrections_none(&self) -> &'static str {
        "Bitte prüfen Sie die personenbezogenen Daten, die Sie über mich gespeichert haben, berichtigen Sie unrichtige und vervollständigen Sie unvollständige Angaben, und teilen Sie mir mit, was Sie geändert haben."
    }

    fn restriction_detail(&self) -> &'static str {
        "Bitte speichern Sie meine personenbezogenen Daten ab sofort nur noch und verarbeiten Sie sie nicht anderweitig. Bitte unterrichten Sie mich, bevor Sie die Einschränkung aufheben."
    }

    fn opt_out_detail(&self) -> &'static str {
        "Bitte verkaufen Sie meine personenbezogenen Daten nicht mehr und geben Sie sie nicht mehr weiter, informieren Sie die Dritten, an die Sie sie verkauft oder weitergegeben haben, über meinen Widerspruch, und bestätigen Sie mir dies schriftlich."
    }

    fn limit_detail(&self) -> &'static str {
        "Bitte verwenden Sie meine sensiblen personenbezogenen Daten nur, soweit dies für die von mir angeforderten Waren oder Dienstleistungen erforderlich ist, und bestätigen Sie mir dies schriftlich."
    }

    fn extra_ask(&self, ask: ExtraAsk, cite: &str) -> String {
        match ask {
            ExtraAsk::DestroyUnneeded => format!(
                "Außerdem bitte ich Sie, alle mich betreffenden personenbezogenen Daten zu vernichten, zu löschen oder zu anonymisieren, die Sie für die angegebenen Zwecke nicht mehr benötigen ({cite})."
            ),
        }
    }

    fn no_verification(&self) -> &'static str {
        "Für diesen Antrag dürfen Sie keinen Nachweis meiner Identität verlangen."
    }

    fn evidence_lead(&self) -> &'static str {
        "Ich habe Grund zu der Annahme, dass Ihr Unternehmen personenbezogene Daten über mich verarbeitet. Meine eigenen Datenexporte zeigen Folgendes:"
    }

    fn evidence_sentence(&self, e: &EvidenceItem) -> String {
        let p = &e.platform;
        let mut s = match e.relation {
            EvidenceRelation::CollectedDirectly => match &e.category {
                Some(cat) => format!(
                    "Ihr Unternehmen verarbeitet personenbezogene Daten über mich in der Kategorie „{cat}“"
                ),
                None => "Ihr Unternehmen verarbeitet personenbezogene Daten über mich".to_string(),
            },
            EvidenceRelation::UploadedContactList => format!(
                "Ihr Unternehmen hat eine Liste mit meinen Kontaktdaten bei {p} hochgeladen"
            ),
            EvidenceRelation::SentOffPlatformActivity => format!(
                "Ihr Unternehmen hat Informationen über meine Aktivitäten auf seinen Websites oder Apps an {p} übermittelt"
            ),
            EvidenceRelation::TargetedYou => format!(
                "Ihr Unternehmen hat meine Aktivitäten oder Angaben genutzt, um mir auf {p} gezielt Werbung anzuzeigen"
            ),
            EvidenceRelation::AdInteraction => {
                format!("Ich habe auf {p} Werbung Ihres Unternehmens gesehen oder angeklickt")
            }
            EvidenceRelation::ConnectedApp => {
                format!("Ihre App oder Website war mit meinem Konto bei {p} verbunden")
            }
            EvidenceRelation::ReceivedYourInfo => format!(
                "Ihr Unternehmen hat Angaben erhalten, die ich über ein Werbeformular auf {p} übermittelt habe"
            ),
            EvidenceRelation::DataBrokerSegment => format!(
                "Daten Ihres Unternehmens wurden verwendet, um mich auf {p} einer Zielgruppe zuzuordnen"
            ),
            EvidenceRelation::InstalledApp => format!("Ich habe Ihre App über {p} installiert"),
            EvidenceRelation::DataPartner => format!(
                "Ihr Unternehmen hat als Datenpartner von {p} Daten über mich an {p} weitergegeben"
            ),
            EvidenceRelation::SoldToYou => format!(
                "Ihr Unternehmen hat mir über {p} Waren oder Dienstleistungen verkauft und meine Bestelldaten erhalten"
            ),
        };
        s.push_str(&format!(", wie mein Datenexport von {p}"));
        if let Some(d) = e.export_date {
            s.push_str(&format!(" vom {}", self.date_iso(d)));
        }
        s.push_str(" zeigt");
        let mut details = Vec::new();
        match e.files.len() {
            0 => {}
            1 => details.push(format!("Datei {}", e.files[0])),
            _ => details.push(format!("Dateien {}", e.files.join(", "))),
        }
        let count = e.record_count.map(|n| {
            if n == 1 {
                "1 Eintrag".to_string()
            } else {
                format!("{n} Einträge")
            }
        });
        let span = match (e.first_seen, e.last_seen) {
            (Some(a), Some(b)) if a != b => Some(format!(
                "vom {} bis zum {}",
                self.date_iso(a),
                self.date_iso(b)
            )),
            (Some(a), _) | (None, Some(a)) => Some(format!("am {}", self.date_iso(a))),
            (None, None) => None,
        };
        match (count, span) {
            (Some(c), Some(s)) => details.push(format!("{c} {s}")),
            (Some(c), None) => details.push(c),
            (None, Some(s)) => details.push(format!("gesehen {s}")),
            (None, None) => {}
        }
        if !details.is_empty() {
            s.push_str(&format!(" ({})", details.join("; ")));
        }
        s.push('.');
        s
    }

    fn identifiers_lead(&self) -> &'static str {
        "Damit Sie meine Daten finden, nenne ich Ihnen Kennungen, die Ihrem Unternehmen über mich vorliegen können:"
    }

    fn identifiers_use(&self) -> &'static str {
        "Bitte verwenden Sie diese Angaben ausschließlich zur Bearbeitung dieses Antrags."
    }

    fn identity_checks(&self) -> &'static str {
        "Sollten Sie weitere Angaben benötigen, um meine Identität zu bestätigen, teilen Sie mir bitte umgehend mit, welche Angaben Sie benötigen und warum, und fordern Sie nur das Erforderliche an."
    }

    fn free_of_charge(&self, cite: &str) -> String {
        format!("Dieser Antrag ist unentgeltlich zu beantworten ({cite}).")
    }

    fn period_after(&self, unit: PeriodUnit, amount: u32) -> String {
        match unit {
            PeriodUnit::Months if amount == 1 => "einen Monat".to_string(),
            PeriodUnit::Months => format!("{amount} Monate"),
            PeriodUnit::Days | PeriodUnit::Reasonable => format!("{amount} Tage"),
            PeriodUnit::BusinessDays => format!("{amount} Werktage"),
        }
    }

    fn deadline_firm(&self, date: &str, period: &str, cite: &str) -> String {
        format!(
            "Bitte antworten Sie unverzüglich, spätestens jedoch bis zum {date}, also {period} nach Eingang dieses Antrags ({cite})."
        )
    }

    fn deadline_reasonable(&self, date: &str, cite: &str) -> String {
        format!(
            "Bitte antworten Sie ohne Verzögerung ({cite}). Sollte ich bis zum {date} nichts von Ihnen gehört haben, behalte ich mir weitere Schritte vor."
        )
    }

    fn extension_notice(&self, cite: &str) -> String {
        format!(
            "Sollten Sie diese Frist verlängern müssen, teilen Sie mir dies bitte vor ihrem Ablauf unter Angabe der Gründe mit ({cite})."
        )
    }

    fn reply_by_email(&self) -> &'static str {
        "Bitte senden Sie Ihre Antwort an meine oben genannte E-Mail-Adresse."
    }

    fn reply_in_writing(&self) -> &'static str {
        "Bitte senden Sie mir Ihre Antwort schriftlich."
    }

    fn quote_reference(&self, reference: &str) -> String {
        format!("Bitte geben Sie in Ihrer Antwort das Aktenzeichen {reference} an.")
    }

    fn reminder_opening(
        &self,
        sent: &str,
        noun: &str,
        cite: &str,
        law: &str,
        reference: &str,
        received: &str,
    ) -> String {
        let r = with_law(cite, law);
        format!(
            "Am {sent} habe ich Ihnen einen Antrag auf {noun} gemäß {r} mit dem Aktenzeichen {reference} gesandt. Er ist am {received} bei Ihnen eingegangen."
        )
    }

    fn reminder_time_over(&self, due: &str, extended: Option<&str>) -> String {
        match extended {
            Some(ext) => format!(
                "Die Frist für Ihre Antwort endete am {due}; Sie haben sie bis zum {ext} verlängert, und auch diese Frist ist abgelaufen."
            ),
            None => format!("Die Frist für Ihre Antwort endete am {due}."),
        }
    }

    fn outcome_company(&self, outcome: &Outcome) -> String {
        match outcome {
            Outcome::NoAnswer => "Eine Antwort habe ich nicht erhalten.".to_string(),
            Outcome::Partial { detail: Some(d) } => format!("Ihre Antwort ist unvollständig: {d}"),
            Outcome::Partial { detail: None } => "Ihre Antwort ist unvollständig.".to_string(),
            Outcome::Refused { reason: Some(r) } => format!(
                "Sie haben meinen Antrag mit folgender Begründung abgelehnt: {r}. Ich halte diese Ablehnung nicht für gerechtfertigt."
            ),
            Outcome::Refused { reason: None } => {
                "Sie haben meinen Antrag ohne nachvollziehbare Begründung abgelehnt.".to_string()
            }
            Outcome::StillHeld(h) => format!(
                "Am {} haben Sie mir mitgeteilt, dass meine Daten gelöscht wurden. Mein danach erstellter {}-Export vom {} nennt Sie jedoch weiterhin{}: Meine Daten wurden also nicht gelöscht oder erneut erhoben.",
                self.date_long(h.erased_on),
                h.export,
                self.date_long(h.export_date),
                files_clause(self, &h.files)
            ),
        }
    }

    fn reminder_new_deadline(&self, date: &str) -> String {
        format!("Bitte beantworten Sie meinen Antrag bis zum {date} vollständig.")
    }

    fn reminder_escalation(&self, authority: &str) -> String {
        format!(
            "Liegt mir bis dahin keine vollständige Antwort vor, werde ich mich mit einer Beschwerde an {authority} wenden."
        )
    }

    fn reminder_evidence_lead(&self) -> &'static str {
        "Zur Erinnerung: Mein Antrag beruhte auf folgenden Tatsachen aus meinen eigenen Datenexporten:"
    }

    fn complaint_opening(&self, cite: &str, law: &str, company: &str) -> String {
        let r = with_law(cite, law);
        format!("Hiermit reiche ich gemäß {r} Beschwerde gegen {company} ein.")
    }

    fn complaint_opening_still_held(
        &self,
        cite: &str,
        law: &str,
        company: &str,
        erasure: &str,
        held: &StillHeld,
    ) -> String {
        format!(
            "Hiermit reiche ich gemäß {} Beschwerde gegen {company} ein. Das Unternehmen hat meine personenbezogenen Daten nicht gelöscht, wie ich es gemäß {} verlangt hatte, obwohl es mir die Löschung mitgeteilt hat. Mein danach erstellter {}-Export nennt das Unternehmen weiterhin (siehe unten).",
            with_law(cite, law),
            with_law(erasure, law),
            held.export
        )
    }

    fn complaint_history(
        &self,
        sent: &str,
        noun: &str,
        cite: &str,
        law: &str,
        reference: &str,
        received: &str,
        due: &str,
        extended: Option<&str>,
    ) -> String {
        let r = with_law(cite, law);
        let mut s = format!(
            "Am {sent} habe ich dem Unternehmen einen Antrag auf {noun} gemäß {r} mit dem Aktenzeichen {reference} gesandt. Er ist am {received} beim Unternehmen eingegangen, und die Frist für die Antwort endete am {due}"
        );
        match extended {
            Some(ext) => s.push_str(&format!(
                "; das Unternehmen hat sie bis zum {ext} verlängert."
            )),
            None => s.push('.'),
        }
        s
    }

    fn complaint_reminder(&self, sent: &str, due: &str) -> String {
        format!(
            "Am {sent} habe ich das Unternehmen erinnert und ihm eine Frist bis zum {due} gesetzt."
        )
    }

    fn complaint_history_lead(&self) -> &'static str {
        "Seitdem ist Folgendes geschehen:"
    }

    fn history_step(&self, date: &str, step: Step) -> String {
        let what = match step {
            Step::Acknowledged => "das Unternehmen hat den Eingang bestätigt",
            Step::AskedForIdentity => {
                "das Unternehmen hat mich gebeten, meine Identität zu bestätigen"
            }
            Step::Extended => "das Unternehmen hat die Frist für die Antwort verlängert",
            Step::AnsweredInPart => "das Unternehmen hat teilweise geantwortet",
            Step::Refused => "das Unternehmen hat den Antrag abgelehnt",
        };
        format!("{date}: {what}")
    }

    fn outcome_authority(&self, outcome: &Outcome) -> String {
        match outcome {
            Outcome::NoAnswer => "Das Unternehmen hat nicht geantwortet.".to_string(),
            Outcome::Partial { detail: Some(d) } => {
                format!("Die Antwort des Unternehmens ist unvollständig: {d}")
            }
            Outcome::Partial { detail: None } => {
                "Die Antwort des Unternehmens ist unvollständig.".to_string()
            }
            Outcome::Refused { reason: Some(r) } => format!(
                "Das Unternehmen hat meinen Antrag mit folgender Begründung abgelehnt: {r}. Ich halte die Ablehnung nicht für gerechtfertigt."
            ),
            Outcome::Refused { reason: None } => {
                "Das Unternehmen hat meinen Antrag ohne stichhaltigen Grund abgelehnt.".to_string()
            }
            Outcome::StillHeld(h) => format!(
                "Am {} hat mir das Unternehmen mitgeteilt, dass meine Daten gelöscht wurden. Mein danach erstellter {}-Export vom {} nennt das Unternehmen jedoch weiterhin{}: Meine Daten wurden also nicht gelöscht oder erneut erhoben.",
                self.date_long(h.erased_on),
                h.export,
                self.date_long(h.export_date),
                files_clause(self, &h.files)
            ),
        }
    }

    fn complaint_evidence_lead(&self) -> &'static str {
        "Meine eigenen Datenexporte zeigen, dass das Unternehmen personenbezogene Daten über mich verarbeitet:"
    }

    fn complaint_identifiers_lead(&self) -> &'static str {
        "Meine Angaben für Ihre Akte:"
    }

    fn complaint_ask(&self, follow_up: Option<(&str, &str)>) -> String {
        match follow_up {
            Some((period, cite)) => format!(
                "Ich bitte Sie, diese Beschwerde zu prüfen, das Unternehmen anzuweisen, meinem Antrag nachzukommen, und mich spätestens {period} nach Eingang der Beschwerde über ihren Stand zu unterrichten ({cite})."
            ),
            None => "Ich bitte Sie, diese Beschwerde zu prüfen, das Unternehmen anzuweisen, meinem Antrag nachzukommen, und mich über den Fortgang auf dem Laufenden zu halten.".to_string(),
        }
    }

    fn complaint_enclosures_lead(&self) -> &'static str {
        "Anlagen:"
    }

    fn enclosure_request(&self, date: &str) -> String {
        format!("mein Antrag vom {date}")
    }

    fn enclosure_reminder(&self, date: &str) -> String {
        format!("meine Erinnerung vom {date}")
    }

    fn enclosure_proof(&self) -> &'static str {
        "Nachweise über deren Versand"
    }

    fn enclosure_answer(&self) -> &'static str {
        "die Antwort des Unternehmens"
    }

    fn note_fallback(&self, explanation: &str) -> String {
        format!("Nächstliegendes Recht verwendet: {explanation}")
    }

    fn note_fill_in(&self, what: &str) -> String {
        format!("Vor dem Versand ergänzen: {what}")
    }

    fn note_check_cites(&self) -> &'static str {
        "Einige der zitierten Vorschriften stammen aus Sekundärquellen; bitte prüfen Sie sie vor dem Versand."
    }

    fn note_pick_authority(&self, which: &str, list: &str) -> String {
        let _ = which;
        format!("Wählen Sie die zuständige Aufsichtsbehörde; die Liste finden Sie unter {list}.")
    }

    fn note_authority_chosen(&self, why: &str, basis: Option<Basis>) -> String {
        // `why` is the app's English; the note says the same from the fact behind it.
        let _ = why;
        match basis {
            Some(Basis::Picked) => "Adressiert an die Aufsichtsbehörde, die Sie gewählt haben.".into(),
            Some(Basis::Residence) => "Adressiert an die Aufsichtsbehörde des Landes, in dem Sie wohnen (Art. 77 Abs. 1 DSGVO).".into(),
            Some(Basis::ResidenceLand) => "Adressiert an die Datenschutzbehörde des Bundeslandes, in dem Sie wohnen (Art. 77 Abs. 1 DSGVO).".into(),
            Some(Basis::Lead) => "Adressiert an die federführende Aufsichtsbehörde: die des Landes, in dem das Unternehmen seine Hauptniederlassung hat (Art. 56 Abs. 1 DSGVO).".into(),
            Some(Basis::Forwarded { choice }) => {
                let whose = match choice {
                    AuthorityChoice::Residence => "in dem Sie wohnen",
                    AuthorityChoice::Lead => "in dem das Unternehmen seine Hauptniederlassung hat",
                };
                format!("In Deutschland ist jedes Bundesland für sich zuständig; ohne das Bundesland, {whose}, geht die Beschwerde an den Bundesbeauftragten, der sie an die zuständige Landesbehörde weiterleitet (§ 19 Abs. 2 BDSG). Geben Sie das Bundesland an, um direkt an dessen Behörde zu schreiben.")
            }
            None => "Adressiert an die angegebene Aufsichtsbehörde.".into(),
        }
    }

    fn note_authority_language(&self, authority: &str, language: &str) -> String {
        format!(
            "{authority} nimmt Beschwerden auf {language} entgegen; dieses Schreiben ist auf Deutsch und wird dort womöglich nicht angenommen: Erwägen Sie eine Übersetzung."
        )
    }

    fn note_authority_form(&self, form: &str) -> String {
        format!(
            "Die Behörde nimmt Beschwerden über ihr Webformular entgegen: Fügen Sie dieses Schreiben unter {form} ein."
        )
    }

    fn note_option_skipped(&self, explanation: &str) -> String {
        format!("Eine Option wurde weggelassen: {explanation}")
    }

    fn note_unusual_language(&self, law: &str) -> String {
        format!(
            "Anträge nach {law} werden meist auf Englisch gestellt; dieses Schreiben ist auf Deutsch und zitiert die Vorschriften von {law}. Erwägen Sie die englische Fassung."
        )
    }
}
