//! Every French sentence of Footprint's letters: formal ("vous"), in the terms of the French
//! text of the GDPR (droit d'accès, rectification, effacement, limitation du traitement,
//! opposition, retrait du consentement) and of the Swiss LPD. Provisions are cited as French
//! legal writing does (`l'article 15, paragraphe 1, point a), du RGPD`, `art. 25, al. 2,
//! let. b, LPD`), see [`super::cite`]. A no-break space (U+00A0, which the PDF's encoding
//! has) keeps « » and the colon with their words.

use super::cite::{localize, CiteStyle, FRENCH_CH, FRENCH_EU};
use super::{files_clause, Outcome, StillHeld, Step, Wording};
use crate::authority::{AuthorityChoice, Basis};
use crate::evidence::{EvidenceItem, EvidenceRelation};
use crate::identity::IdentityKind;
use crate::regime::{AccessItem, ExtraAsk, PeriodUnit};
use crate::right::{Correction, RequestType, Right};
use chrono::{Datelike, NaiveDate};

pub struct French;

/// Month names for [`French::date_long`] (see the German module for why not chrono's
/// locales).
const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

fn swiss(regime: &str) -> bool {
    regime == "ch_nfadp"
}

fn style(regime: &str) -> &'static CiteStyle {
    if swiss(regime) {
        &FRENCH_CH
    } else {
        &FRENCH_EU
    }
}

/// "du RGPD", "de la LPD", "de l'APPI".
fn of_law(law: &str) -> String {
    match law {
        "LPD" | "LPRPDE" | "LGPD" | "Loi 25" => format!("de la {law}"),
        _ if law.starts_with(['A', 'E', 'I', 'O', 'U']) => format!("de l'{law}"),
        _ => format!("du {law}"),
    }
}

fn is_article(cite: &str) -> bool {
    cite.starts_with("article") || cite.starts_with("art.")
}

/// A provision with its law, without an article: `article 12, paragraphe 3, du RGPD`,
/// `art. 25 LPD` (Swiss texts name the law without "de la"), `Cal. Civ. Code § 1798.105
/// (CCPA)`.
fn with_law(cite: &str, law: &str) -> String {
    if !is_article(cite) {
        return format!("{cite} ({law})");
    }
    let sep = if cite.contains(',') { ", " } else { " " };
    if law == "LPD" {
        format!("{cite}{sep}{law}")
    } else {
        format!("{cite}{sep}{}", of_law(law))
    }
}

/// The same after "en vertu de": `l'article 15 du RGPD`.
fn refer(cite: &str, law: &str) -> String {
    if is_article(cite) {
        format!("l'{}", with_law(cite, law))
    } else {
        with_law(cite, law)
    }
}

impl Wording for French {
    fn cite(&self, regime: &str, raw: &str) -> String {
        localize(style(regime), raw)
    }

    fn law_name(&self, regime: &str, short_name: &str) -> String {
        match regime {
            "eu_gdpr" => "RGPD".into(),
            "ch_nfadp" => "LPD".into(),
            "ca_pipeda" => "LPRPDE".into(),
            "ca_qc_law25" => "Loi 25".into(),
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
        match regime {
            "eu_gdpr" => "l'autorité de contrôle compétente".into(),
            "ch_nfadp" => {
                "le Préposé fédéral à la protection des données et à la transparence (PFPDT)".into()
            }
            "uk_gdpr" => "l'Information Commissioner's Office (ICO)".into(),
            _ => format!("l'autorité {name}"),
        }
    }

    fn page_label(&self, reference: &str, page: usize, total: usize) -> String {
        format!("Réf. {reference}    Page {page} sur {total}")
    }

    fn date_long(&self, d: NaiveDate) -> String {
        let day = match d.day() {
            1 => "1er".to_string(),
            n => n.to_string(),
        };
        format!("{day} {} {}", MONTHS[d.month0() as usize], d.year())
    }

    fn not_legal_advice(&self) -> &'static str {
        "Préparé avec Footprint à partir d'informations publiques sur le droit de la protection des données. Ceci n'est pas un conseil juridique."
    }

    fn file_labels(&self) -> [&'static str; 2] {
        ["fichier", "fichiers"]
    }

    fn salutation(&self) -> &'static str {
        "Madame, Monsieur,"
    }

    fn closing(&self) -> &'static str {
        "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées."
    }

    fn signature_placeholder(&self) -> &'static str {
        "[vos nom et signature]"
    }

    fn placeholder_email(&self) -> &'static str {
        "[adresse électronique de l'entreprise pour la protection des données\u{a0}: à compléter]"
    }

    fn placeholder_postal(&self) -> &'static str {
        "[adresse postale de l'entreprise\u{a0}: à compléter]"
    }

    fn placeholder_form(&self) -> &'static str {
        "[formulaire de l'entreprise pour les demandes sur les données personnelles\u{a0}: à compléter]"
    }

    fn placeholder_authority(&self) -> &'static str {
        "[nom et adresse de l'autorité de protection des données\u{a0}: à compléter]"
    }

    fn identity_label(&self, kind: IdentityKind) -> &'static str {
        match kind {
            IdentityKind::Name => "Nom",
            IdentityKind::Email => "Adresse électronique",
            IdentityKind::Phone => "Numéro de téléphone",
            IdentityKind::Username => "Nom d'utilisateur",
            IdentityKind::Address => "Adresse postale",
            IdentityKind::BirthDate => "Date de naissance",
            IdentityKind::AccountId => "Identifiant de compte",
            IdentityKind::CustomerNumber => "Numéro de client",
            IdentityKind::DeviceId => "Identifiant d'appareil ou publicitaire",
        }
    }

    fn labelled(&self, label: &str, value: &str) -> String {
        format!("{label}\u{a0}: {value}")
    }

    fn request_noun(&self, t: RequestType) -> &'static str {
        match t {
            RequestType::Access => "l'accès à mes données personnelles",
            RequestType::Erasure => "l'effacement de mes données personnelles",
            RequestType::ObjectDirectMarketing => {
                "la fin de l'utilisation de mes données personnelles à des fins de prospection"
            }
            RequestType::WithdrawConsent => "le retrait de mon consentement",
            RequestType::OptOutSale => {
                "l'opposition à la vente et au partage de mes données personnelles"
            }
            RequestType::LimitSensitive => {
                "la limitation de l'utilisation de mes données personnelles sensibles"
            }
            RequestType::Rectification => "la rectification de mes données personnelles",
            RequestType::Restriction => "la limitation du traitement de mes données personnelles",
        }
    }

    fn subject_request(&self, t: RequestType, law: &str, reference: &str) -> String {
        let what = match t {
            RequestType::Access => "Demande d'accès aux données personnelles",
            RequestType::Erasure => "Demande d'effacement des données personnelles",
            RequestType::ObjectDirectMarketing => "Opposition à la prospection",
            RequestType::WithdrawConsent => "Retrait du consentement",
            RequestType::OptOutSale => {
                "Opposition à la vente et au partage des données personnelles"
            }
            RequestType::LimitSensitive => {
                "Demande de limitation de l'utilisation des données sensibles"
            }
            RequestType::Rectification => "Demande de rectification des données personnelles",
            RequestType::Restriction => "Demande de limitation du traitement",
        };
        format!("{what} en vertu {} (réf. {reference})", of_law(law))
    }

    fn subject_still_held(&self, reference: &str) -> String {
        format!("Relance\u{a0}: mes données sont toujours conservées après ma demande d'effacement (réf. {reference})")
    }

    fn subject_reminder(&self, t: RequestType, reference: &str) -> String {
        format!(
            "Relance\u{a0}: ma demande portant sur {} reste sans réponse (réf. {reference})",
            self.request_noun(t)
        )
    }

    fn subject_complaint(&self, company: &str, reference: &str) -> String {
        format!(
            "Réclamation contre {company}\u{a0}: demande relative à mes données restée sans réponse satisfaisante (réf. {reference})"
        )
    }

    fn subject_complaint_still_held(&self, company: &str, reference: &str) -> String {
        format!(
            "Réclamation contre {company}\u{a0}: mes données n'ont pas été effacées malgré ma demande d'effacement (réf. {reference})"
        )
    }

    fn fallback_preface(&self, requested: Right, law: &str) -> String {
        let what = match requested {
            Right::Access => "de droit d'accès distinct",
            Right::Portability => "de droit à la portabilité distinct",
            Right::Erasure => "de droit à l'effacement distinct",
            Right::Rectification => "de droit de rectification distinct",
            Right::Restriction => "de droit à la limitation du traitement distinct",
            Right::ObjectDirectMarketing => "de droit d'opposition à la prospection distinct",
            Right::WithdrawConsent => "de droit distinct de retirer son consentement",
            Right::OptOutSale => "de droit distinct de s'opposer à la vente des données",
            Right::LimitSensitive => {
                "de droit distinct de limiter l'utilisation des données sensibles"
            }
        };
        format!(
            "Le droit applicable ({law}) ne prévoyant pas {what}, je me fonde sur les dispositions les plus proches."
        )
    }

    fn intro(&self, right: Right, cite: &str, law: &str) -> String {
        let r = refer(cite, law);
        match right {
            Right::Access | Right::Portability => format!(
                "Par la présente, j'exerce mon droit d'accès à mes données personnelles, en vertu de {r}."
            ),
            Right::Erasure => format!(
                "Par la présente, je vous demande d'effacer dans les meilleurs délais les données personnelles me concernant, en vertu de {r}."
            ),
            Right::Rectification => format!(
                "Par la présente, je vous demande de rectifier les données personnelles inexactes me concernant et de compléter celles qui sont incomplètes, en vertu de {r}."
            ),
            Right::Restriction => format!(
                "Par la présente, je vous demande de limiter le traitement de mes données personnelles, en vertu de {r}."
            ),
            Right::ObjectDirectMarketing => format!(
                "Par la présente, je m'oppose au traitement de mes données personnelles à des fins de prospection, y compris au profilage lié à cette prospection, en vertu de {r}. Je vous demande de cesser ce traitement immédiatement."
            ),
            Right::WithdrawConsent => format!(
                "Par la présente, je retire tout consentement que j'ai donné à votre entreprise pour le traitement de mes données personnelles, en vertu de {r}. Je vous demande de cesser tout traitement fondé sur ce consentement."
            ),
            Right::OptOutSale => format!(
                "Par la présente, je m'oppose à la vente et au partage de mes données personnelles, ainsi qu'à leur utilisation pour la publicité ciblée et le profilage, en vertu de {r}."
            ),
            Right::LimitSensitive => format!(
                "Par la présente, je vous demande de limiter l'utilisation et la communication de mes données personnelles sensibles, en vertu de {r}."
            ),
        }
    }

    fn also(&self, right: Right, cite: &str, law: &str) -> String {
        let r = refer(cite, law);
        match right {
            Right::ObjectDirectMarketing => format!(
                "En tout état de cause, je m'oppose également au traitement de mes données personnelles à des fins de prospection, y compris au profilage lié à cette prospection, en vertu de {r}."
            ),
            Right::WithdrawConsent => format!(
                "En tout état de cause, je retire également tout consentement que je vous ai donné pour le traitement de mes données personnelles, en vertu de {r}."
            ),
            Right::OptOutSale => format!(
                "En tout état de cause, je m'oppose également à la vente et au partage de mes données personnelles ainsi qu'à leur utilisation pour la publicité ciblée, en vertu de {r}."
            ),
            Right::Erasure => format!(
                "En tout état de cause, je vous demande également d'effacer les données personnelles que vous utilisez à des fins de prospection, en vertu de {r}."
            ),
            _ => format!("Je me fonde en outre sur {r}."),
        }
    }

    fn access_lead(&self) -> &'static str {
        "À ce titre, je vous prie de me communiquer\u{a0}:"
    }

    fn access_item(&self, item: AccessItem) -> &'static str {
        match item {
            AccessItem::Confirmation => {
                "la confirmation que des données personnelles me concernant sont ou ne sont pas traitées"
            }
            AccessItem::Copy => "une copie de toutes les données personnelles que vous détenez à mon sujet",
            AccessItem::Purposes => "les finalités du traitement de mes données personnelles",
            AccessItem::Categories => "les catégories de données personnelles me concernant que vous traitez",
            AccessItem::Recipients => {
                "les destinataires ou catégories de destinataires auxquels mes données personnelles ont été ou seront communiquées, en particulier les destinataires établis dans des pays tiers"
            }
            AccessItem::Retention => {
                "la durée de conservation de mes données personnelles envisagée ou, lorsque ce n'est pas possible, les critères utilisés pour déterminer cette durée"
            }
            AccessItem::Source => {
                "toute information disponible sur la source de mes données, lorsqu'elles n'ont pas été collectées auprès de moi"
            }
            AccessItem::AutomatedDecisions => {
                "l'existence d'une prise de décision automatisée, y compris un profilage, et dans ce cas des informations utiles concernant la logique sous-jacente ainsi que l'importance et les conséquences prévues de ce traitement pour moi"
            }
            AccessItem::TransferSafeguards => {
                "les garanties appropriées sur lesquelles vous vous fondez lorsque vous transférez mes données personnelles vers un pays tiers"
            }
            AccessItem::SoldShared => {
                "les catégories de données personnelles me concernant que vous avez vendues ou partagées, et les catégories de tiers auxquels vous les avez vendues ou partagées"
            }
        }
    }

    fn portability(&self, cite: &str) -> String {
        format!(
            "Je vous demande également de me fournir les données personnelles que je vous ai communiquées dans un format structuré, couramment utilisé et lisible par machine ({cite})."
        )
    }

    fn portability_without_right(&self) -> &'static str {
        "Je vous prie de me fournir la copie sous une forme électronique d'usage courant."
    }

    fn erasure_scope_all(&self) -> &'static str {
        "Cette demande porte sur toutes les données personnelles que vous détenez à mon sujet."
    }

    fn erasure_scope_categories(&self) -> &'static str {
        "Cette demande porte sur les données personnelles suivantes que vous détenez à mon sujet\u{a0}:"
    }

    fn tell_recipients(&self, cite: &str) -> String {
        format!(
            "Je vous prie également d'informer de cette demande chaque destinataire auquel vous avez communiqué mes données personnelles ({cite})."
        )
    }

    fn confirm_done(&self) -> &'static str {
        "Je vous remercie de me le confirmer par écrit une fois cela fait."
    }

    fn corrections_lead(&self) -> &'static str {
        "Je vous prie d'effectuer les rectifications suivantes\u{a0}:"
    }

    fn correction(&self, c: &Correction) -> String {
        match &c.wrong {
            Some(wrong) => format!(
                "{}\u{a0}: vous détenez «\u{a0}{}\u{a0}»\u{a0}; la valeur exacte est «\u{a0}{}\u{a0}»",
                c.field, wrong, c.correct
            ),
            None => format!(
                "{}\u{a0}: la valeur exacte est «\u{a0}{}\u{a0}»",
                c.field, c.correct
            ),
        }
    }

    fn corrections_none(&self) -> &'static str {
        "Je vous prie de vérifier les données personnelles que vous détenez à mon sujet, de rectifier celles qui sont inexactes, de compléter celles qui sont incomplètes et de m'indiquer ce que vous avez modifié."
    }

    fn restriction_detail(&self) -> &'static str {
        "Dès à présent, je vous prie de vous limiter à conserver mes données personnelles sans les traiter autrement, et de m'informer avant de lever cette limitation."
    }

    fn opt_out_detail(&self) -> &'static str {
        "Je vous prie de cesser de vendre ou de partager mes données personnelles, d'informer de mon opposition les tiers auxquels vous les avez vendues ou partagées, et de me le confirmer par écrit."
    }

    fn limit_detail(&self) -> &'static str {
        "Je vous prie de n'utiliser mes données personnelles sensibles que dans la mesure nécessaire pour fournir les biens ou services que j'ai demandés, et de me le confirmer par écrit."
    }

    fn extra_ask(&self, ask: ExtraAsk, cite: &str) -> String {
        match ask {
            ExtraAsk::DestroyUnneeded => format!(
                "Je vous demande également de détruire, d'effacer ou d'anonymiser toutes les données personnelles me concernant dont vous n'avez plus besoin pour les finalités annoncées ({cite})."
            ),
        }
    }

    fn no_verification(&self) -> &'static str {
        "La loi ne vous permet pas d'exiger une vérification de mon identité pour cette demande."
    }

    fn evidence_lead(&self) -> &'static str {
        "J'ai des raisons de penser que votre entreprise détient des données personnelles me concernant. Mes propres exports de données montrent ce qui suit\u{a0}:"
    }

    fn evidence_sentence(&self, e: &EvidenceItem) -> String {
        let p = &e.platform;
        let mut s = match e.relation {
            EvidenceRelation::CollectedDirectly => match &e.category {
                Some(cat) => format!(
                    "Votre entreprise détient des données personnelles me concernant dans la catégorie «\u{a0}{cat}\u{a0}»"
                ),
                None => "Votre entreprise détient des données personnelles me concernant".to_string(),
            },
            EvidenceRelation::UploadedContactList => format!(
                "Votre entreprise a téléversé sur {p} une liste contenant mes coordonnées"
            ),
            EvidenceRelation::SentOffPlatformActivity => format!(
                "Votre entreprise a transmis à {p} des informations sur mon activité sur ses sites ou applications"
            ),
            EvidenceRelation::TargetedYou => format!(
                "Votre entreprise a utilisé mon activité ou mes informations pour me cibler avec de la publicité sur {p}"
            ),
            EvidenceRelation::AdInteraction => format!(
                "J'ai vu la publicité de votre entreprise sur {p} ou interagi avec elle"
            ),
            EvidenceRelation::ConnectedApp => format!(
                "Votre application ou votre site était connecté à mon compte {p}"
            ),
            EvidenceRelation::ReceivedYourInfo => format!(
                "Votre entreprise a reçu des informations que j'ai envoyées par un formulaire publicitaire sur {p}"
            ),
            EvidenceRelation::DataBrokerSegment => format!(
                "Les données de votre entreprise ont servi à me classer dans un segment d'audience sur {p}"
            ),
            EvidenceRelation::InstalledApp => {
                format!("J'ai installé votre application par l'intermédiaire de {p}")
            }
            EvidenceRelation::DataPartner => format!(
                "Votre entreprise a communiqué des données me concernant à {p} en tant que partenaire de données"
            ),
            EvidenceRelation::SoldToYou => format!(
                "Votre entreprise m'a vendu des biens ou services par l'intermédiaire de {p} et a reçu les détails de ma commande"
            ),
        };
        s.push_str(&format!(", comme le montre mon export de données {p}"));
        if let Some(d) = e.export_date {
            s.push_str(&format!(" du {}", self.date_iso(d)));
        }
        let mut details = Vec::new();
        match e.files.len() {
            0 => {}
            1 => details.push(format!("fichier {}", e.files[0])),
            _ => details.push(format!("fichiers {}", e.files.join(", "))),
        }
        let count = e.record_count.map(|n| {
            if n == 1 {
                "1 enregistrement".to_string()
            } else {
                format!("{n} enregistrements")
            }
        });
        let span = match (e.first_seen, e.last_seen) {
            (Some(a), Some(b)) if a != b => {
                Some(format!("du {} au {}", self.date_iso(a), self.date_iso(b)))
            }
            (Some(a), _) | (None, Some(a)) => Some(format!("le {}", self.date_iso(a))),
            (None, None) => None,
        };
        match (count, span) {
            (Some(c), Some(s)) => details.push(format!("{c} {s}")),
            (Some(c), None) => details.push(c),
            (None, Some(s)) => details.push(format!("vu {s}")),
            (None, None) => {}
        }
        if !details.is_empty() {
            s.push_str(&format!(" ({})", details.join("\u{a0}; ")));
        }
        s.push('.');
        s
    }

    fn identifiers_lead(&self) -> &'static str {
        "Pour vous aider à retrouver mes données, voici des identifiants que votre entreprise peut détenir à mon sujet\u{a0}:"
    }

    fn identifiers_use(&self) -> &'static str {
        "Je vous prie de ne les utiliser que pour répondre à cette demande."
    }

    fn identity_checks(&self) -> &'static str {
        "Si vous avez besoin d'informations supplémentaires pour confirmer mon identité, je vous prie de m'indiquer sans tarder lesquelles et pourquoi, en vous limitant à ce qui est nécessaire."
    }

    fn free_of_charge(&self, cite: &str) -> String {
        format!("Cette demande doit être traitée gratuitement ({cite}).")
    }

    fn period_after(&self, unit: PeriodUnit, amount: u32) -> String {
        match unit {
            PeriodUnit::Months if amount == 1 => "un mois".to_string(),
            PeriodUnit::Months => format!("{amount} mois"),
            PeriodUnit::Days | PeriodUnit::Reasonable => format!("{amount} jours"),
            PeriodUnit::BusinessDays => format!("{amount} jours ouvrables"),
        }
    }

    fn deadline_firm(&self, date: &str, period: &str, cite: &str) -> String {
        format!(
            "Je vous prie de me répondre dans les meilleurs délais et au plus tard le {date}, soit {period} après la réception de cette demande ({cite})."
        )
    }

    fn deadline_reasonable(&self, date: &str, cite: &str) -> String {
        format!(
            "Je vous prie de me répondre sans tarder ({cite}). Sans nouvelles de votre part au {date}, j'envisagerai d'autres démarches."
        )
    }

    fn extension_notice(&self, cite: &str) -> String {
        format!(
            "Si vous devez prolonger ce délai, je vous prie de m'en informer avant son expiration en m'indiquant les motifs ({cite})."
        )
    }

    fn reply_by_email(&self) -> &'static str {
        "Je vous prie d'adresser votre réponse à mon adresse électronique indiquée ci-dessus."
    }

    fn reply_in_writing(&self) -> &'static str {
        "Je vous prie de m'adresser votre réponse par écrit."
    }

    fn quote_reference(&self, reference: &str) -> String {
        format!("Merci de rappeler la référence {reference} dans votre réponse.")
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
        let r = refer(cite, law);
        format!(
            "Le {sent}, je vous ai adressé une demande portant sur {noun}, en vertu de {r}, sous la référence {reference}. Elle vous est parvenue le {received}."
        )
    }

    fn reminder_time_over(&self, due: &str, extended: Option<&str>) -> String {
        match extended {
            Some(ext) => format!(
                "Le délai de réponse a expiré le {due}\u{a0}; vous l'avez prolongé jusqu'au {ext}, et ce délai est également écoulé."
            ),
            None => format!("Le délai de réponse a expiré le {due}."),
        }
    }

    fn outcome_company(&self, outcome: &Outcome) -> String {
        match outcome {
            Outcome::NoAnswer => "Je n'ai reçu aucune réponse.".to_string(),
            Outcome::Partial { detail: Some(d) } => {
                format!("Votre réponse est incomplète\u{a0}: {d}")
            }
            Outcome::Partial { detail: None } => "Votre réponse est incomplète.".to_string(),
            Outcome::Refused { reason: Some(r) } => format!(
                "Vous avez refusé ma demande pour le motif suivant\u{a0}: {r}. J'estime ce refus injustifié."
            ),
            Outcome::Refused { reason: None } => {
                "Vous avez refusé ma demande sans motif recevable.".to_string()
            }
            Outcome::StillHeld(h) => format!(
                "Le {}, vous m'avez indiqué que mes données avaient été effacées. Pourtant, mon export {} du {}, établi après cette date, vous mentionne toujours{}\u{a0}: mes données n'ont donc pas été effacées, ou ont été collectées à nouveau.",
                self.date_long(h.erased_on),
                h.export,
                self.date_long(h.export_date),
                files_clause(self, &h.files)
            ),
        }
    }

    fn reminder_new_deadline(&self, date: &str) -> String {
        format!("Je vous prie de répondre intégralement à ma demande au plus tard le {date}.")
    }

    fn reminder_escalation(&self, authority: &str) -> String {
        format!(
            "À défaut de réponse complète à cette date, j'ai l'intention d'adresser une réclamation à {authority}."
        )
    }

    fn reminder_evidence_lead(&self) -> &'static str {
        "Pour rappel, ma demande se fondait sur les faits suivants, tirés de mes propres exports de données\u{a0}:"
    }

    fn complaint_opening(&self, cite: &str, law: &str, company: &str) -> String {
        let r = refer(cite, law);
        format!("Par la présente, j'introduis une réclamation contre {company}, en vertu de {r}.")
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
            "Par la présente, j'introduis une réclamation contre {company}, en vertu de {}. L'entreprise n'a pas effacé mes données personnelles comme je le lui avais demandé en vertu de {}, alors qu'elle m'a indiqué l'avoir fait. Mon export {}, établi après cette date, mentionne toujours l'entreprise (voir ci-dessous).",
            refer(cite, law),
            refer(erasure, law),
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
        let r = refer(cite, law);
        let mut s = format!(
            "Le {sent}, j'ai adressé à l'entreprise une demande portant sur {noun}, en vertu de {r}, sous la référence {reference}. Elle lui est parvenue le {received}, et le délai de réponse a expiré le {due}"
        );
        match extended {
            Some(ext) => s.push_str(&format!(
                "\u{a0}; l'entreprise l'a prolongé jusqu'au {ext}."
            )),
            None => s.push('.'),
        }
        s
    }

    fn complaint_reminder(&self, sent: &str, due: &str) -> String {
        format!(
            "Le {sent}, j'ai adressé une relance à l'entreprise en lui laissant jusqu'au {due} pour répondre."
        )
    }

    fn complaint_history_lead(&self) -> &'static str {
        "Depuis lors\u{a0}:"
    }

    fn history_step(&self, date: &str, step: Step) -> String {
        let what = match step {
            Step::Acknowledged => "l'entreprise a accusé réception",
            Step::AskedForIdentity => "l'entreprise m'a demandé de confirmer mon identité",
            Step::Extended => "l'entreprise a prolongé le délai de réponse",
            Step::AnsweredInPart => "l'entreprise a répondu en partie",
            Step::Refused => "l'entreprise a refusé la demande",
        };
        format!("{date}\u{a0}: {what}")
    }

    fn outcome_authority(&self, outcome: &Outcome) -> String {
        match outcome {
            Outcome::NoAnswer => "L'entreprise n'a pas répondu.".to_string(),
            Outcome::Partial { detail: Some(d) } => {
                format!("La réponse de l'entreprise est incomplète\u{a0}: {d}")
            }
            Outcome::Partial { detail: None } => {
                "La réponse de l'entreprise est incomplète.".to_string()
            }
            Outcome::Refused { reason: Some(r) } => format!(
                "L'entreprise a refusé ma demande pour le motif suivant\u{a0}: {r}. J'estime ce refus injustifié."
            ),
            Outcome::Refused { reason: None } => {
                "L'entreprise a refusé ma demande sans motif valable.".to_string()
            }
            Outcome::StillHeld(h) => format!(
                "Le {}, l'entreprise m'a indiqué que mes données avaient été effacées. Pourtant, mon export {} du {}, établi après cette date, mentionne toujours l'entreprise{}\u{a0}: mes données n'ont donc pas été effacées, ou ont été collectées à nouveau.",
                self.date_long(h.erased_on),
                h.export,
                self.date_long(h.export_date),
                files_clause(self, &h.files)
            ),
        }
    }

    fn complaint_evidence_lead(&self) -> &'static str {
        "Mes propres exports de données montrent que l'entreprise détient des données personnelles me concernant\u{a0}:"
    }

    fn complaint_identifiers_lead(&self) -> &'static str {
        "Mes coordonnées, pour votre dossier\u{a0}:"
    }

    fn complaint_ask(&self, follow_up: Option<(&str, &str)>) -> String {
        match follow_up {
            Some((period, cite)) => format!(
                "Je vous prie d'examiner cette réclamation, d'ordonner à l'entreprise de satisfaire à ma demande et de m'informer de l'état d'avancement de ma réclamation dans un délai de {period} ({cite})."
            ),
            None => "Je vous prie d'examiner cette réclamation, d'ordonner à l'entreprise de satisfaire à ma demande et de me tenir informé de son avancement.".to_string(),
        }
    }

    fn complaint_enclosures_lead(&self) -> &'static str {
        "Pièces jointes\u{a0}:"
    }

    fn enclosure_request(&self, date: &str) -> String {
        format!("ma demande du {date}")
    }

    fn enclosure_reminder(&self, date: &str) -> String {
        format!("ma relance du {date}")
    }

    fn enclosure_proof(&self) -> &'static str {
        "les preuves de leur envoi"
    }

    fn enclosure_answer(&self) -> &'static str {
        "la réponse de l'entreprise"
    }

    fn note_fallback(&self, explanation: &str) -> String {
        format!("Droit le plus proche utilisé\u{a0}: {explanation}")
    }

    fn note_fill_in(&self, what: &str) -> String {
        format!("À compléter avant l'envoi\u{a0}: {what}")
    }

    fn note_check_cites(&self) -> &'static str {
        "Certaines dispositions citées dans cette lettre proviennent de sources secondaires\u{a0}; vérifiez-les avant l'envoi."
    }

    fn note_pick_authority(&self, which: &str, list: &str) -> String {
        let _ = which;
        format!(
            "Choisissez l'autorité de contrôle compétente\u{a0}; la liste se trouve sur {list}."
        )
    }

    fn note_authority_chosen(&self, why: &str, basis: Option<Basis>) -> String {
        // `why` is the app's English; the note says the same from the fact behind it.
        let _ = why;
        match basis {
            Some(Basis::Picked) => "Adressée à l'autorité de contrôle que vous avez choisie.".into(),
            Some(Basis::Residence) => "Adressée à l'autorité de contrôle du pays où vous résidez (article 77, paragraphe 1, du RGPD).".into(),
            Some(Basis::ResidenceLand) => "Adressée à l'autorité de protection des données du Land allemand où vous résidez (article 77, paragraphe 1, du RGPD).".into(),
            Some(Basis::Lead) => "Adressée à l'autorité de contrôle chef de file\u{a0}: celle du pays de l'établissement principal de l'entreprise (article 56, paragraphe 1, du RGPD).".into(),
            Some(Basis::Forwarded { choice }) => {
                let whose = match choice {
                    AuthorityChoice::Residence => "où vous résidez",
                    AuthorityChoice::Lead => "de l'établissement principal de l'entreprise",
                };
                format!("En Allemagne, chaque Land a sa propre autorité\u{a0}; faute de connaître le Land {whose}, la réclamation est adressée au commissaire fédéral, qui la transmet à l'autorité du Land compétente (article 19, paragraphe 2, de la loi fédérale allemande sur la protection des données, BDSG). Indiquez le Land pour écrire directement à son autorité.")
            }
            None => "Adressée à l'autorité de contrôle indiquée.".into(),
        }
    }

    fn note_authority_language(&self, authority: &str, language: &str) -> String {
        format!(
            "{authority} reçoit les réclamations en {language}\u{a0}; cette lettre est en français, ce qui pourrait ne pas être accepté\u{a0}: envisagez une traduction."
        )
    }

    fn note_authority_form(&self, form: &str) -> String {
        format!(
            "L'autorité reçoit les réclamations par son formulaire en ligne\u{a0}: collez cette lettre dans {form}."
        )
    }

    fn note_option_skipped(&self, explanation: &str) -> String {
        format!("Une option a été omise\u{a0}: {explanation}")
    }

    fn note_unusual_language(&self, law: &str) -> String {
        format!(
            "Les demandes en vertu {} sont d'ordinaire rédigées en anglais\u{a0}; cette lettre est en français et cite les dispositions de ce texte. Envisagez la version anglaise.",
            of_law(law)
        )
    }
}
