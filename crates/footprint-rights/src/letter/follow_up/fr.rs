//! The follow-up letter in French. Written for Footprint; cites in the French style
//! (`article 15, paragraphe 1, point a), du RGPD`).

use super::FollowUpWording;
use crate::checklist::ItemKind;
use crate::regime::PeriodUnit;
use chrono::{Datelike, NaiveDate};

pub struct French;

/// "de l'article 15 du RGPD", "de Cal. Civ. Code 1798.110".
fn of(cite: &str) -> String {
    if cite.starts_with("article") {
        format!("de l'{cite}")
    } else {
        format!("de {cite}")
    }
}

/// "à l'article 12, paragraphe 3, du RGPD", "par Cal. Civ. Code 1798.130(a)(2)".
fn to(cite: &str) -> String {
    if cite.starts_with("article") {
        format!("à l'{cite}")
    } else {
        format!("par {cite}")
    }
}

const MONTHS: [&str; 12] = [
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
];

impl FollowUpWording for French {
    fn code(&self) -> &'static str {
        "fr"
    }

    /// French writes the first of the month as "1er".
    fn date_long(&self, d: NaiveDate) -> String {
        let day = if d.day() == 1 {
            "1er".to_string()
        } else {
            d.day().to_string()
        };
        format!("{day} {} {}", MONTHS[d.month0() as usize], d.year())
    }

    fn notice(&self) -> &'static str {
        "Préparé avec Footprint à partir d'informations publiques sur le droit de la protection des données. Ceci n'est pas un conseil juridique."
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
        "[adresse e-mail de l'entreprise pour la protection des données : à compléter]"
    }

    fn placeholder_postal(&self) -> &'static str {
        "[adresse postale de l'entreprise : à compléter]"
    }

    fn placeholder_form(&self) -> &'static str {
        "[formulaire de l'entreprise pour la protection des données : à compléter]"
    }

    fn subject(&self, reference: &str) -> String {
        format!("Votre réponse à ma demande d'accès est incomplète (réf. {reference})")
    }

    fn opening(&self, sent: &str, cite: &str, reference: &str, answer: &str) -> String {
        format!(
            "Le {sent}, je vous ai demandé l'accès à mes données personnelles en vertu {} (référence {reference}). Je vous remercie de votre réponse du {answer}. Elle ne contient toutefois pas tout ce que la loi exige.",
            of(cite)
        )
    }

    fn gaps_lead(&self) -> &'static str {
        "Il manque dans votre réponse :"
    }

    fn item(&self, kind: ItemKind, us: bool) -> &'static str {
        match (kind, us) {
            (ItemKind::Purposes, false) => "les finalités pour lesquelles vous traitez mes données",
            (ItemKind::Purposes, true) => {
                "la finalité commerciale pour laquelle vous collectez, vendez ou partagez mes informations personnelles"
            }
            (ItemKind::Categories, false) => "les catégories de données personnelles concernées",
            (ItemKind::Categories, true) => {
                "les catégories d'informations personnelles que vous avez collectées à mon sujet"
            }
            (ItemKind::Recipients, false) => {
                "les destinataires ou catégories de destinataires auxquels mes données ont été ou seront communiquées, en particulier ceux établis dans des pays tiers ou les organisations internationales"
            }
            (ItemKind::Recipients, true) => {
                "les catégories de tiers auxquels vous communiquez mes informations personnelles"
            }
            (ItemKind::Retention, _) => {
                "la durée de conservation de mes données ou, si cela n'est pas possible, les critères qui servent à la fixer"
            }
            (ItemKind::Rights, _) => {
                "l'information sur mon droit de demander la rectification ou l'effacement de mes données, la limitation de leur traitement, et de m'opposer à ce traitement"
            }
            (ItemKind::Complaint, _) => {
                "l'information sur mon droit d'introduire une réclamation auprès d'une autorité de contrôle"
            }
            (ItemKind::Source, false) => {
                "toute information disponible sur la source des données qui n'ont pas été collectées auprès de moi"
            }
            (ItemKind::Source, true) => {
                "les catégories de sources auprès desquelles vous avez obtenu mes informations personnelles"
            }
            (ItemKind::AutomatedDecisions, _) => {
                "l'existence ou non d'une prise de décision automatisée, y compris un profilage, et dans ce cas des informations utiles sur la logique sous-jacente ainsi que sur l'importance et les conséquences prévues pour moi"
            }
            (ItemKind::TransferSafeguards, _) => {
                "les garanties appropriées prévues à l'article 46 pour le transfert de mes données vers un pays tiers ou une organisation internationale"
            }
            (ItemKind::Copy, false) => "une copie des données personnelles que vous traitez à mon sujet",
            (ItemKind::Copy, true) => {
                "les éléments précis d'informations personnelles que vous avez collectés à mon sujet"
            }
            (ItemKind::SoldShared, _) => {
                "les catégories de mes informations que vous avez vendues, partagées ou communiquées à des fins commerciales, et les catégories de tiers qui les ont reçues"
            }
        }
    }

    fn missing(&self) -> &'static str {
        "absent"
    }

    fn partly(&self) -> &'static str {
        "réponse partielle seulement"
    }

    fn remark(&self, note: &str) -> String {
        format!("(Ma remarque : {note})")
    }

    fn period(&self, unit: PeriodUnit, amount: u32) -> String {
        match (unit, amount) {
            (PeriodUnit::Months, 1) => "un mois".into(),
            (PeriodUnit::Months, n) => format!("{n} mois"),
            (PeriodUnit::BusinessDays, 1) => "un jour ouvrable".into(),
            (PeriodUnit::BusinessDays, n) => format!("{n} jours ouvrables"),
            (PeriodUnit::Days | PeriodUnit::Reasonable, 1) => "un jour".into(),
            (PeriodUnit::Days | PeriodUnit::Reasonable, n) => format!("{n} jours"),
        }
    }

    fn deadline_firm(&self, date: &str, period: &str, cite: &str) -> String {
        format!(
            "Je vous prie de m'adresser les informations manquantes au plus tard le {date}, soit {period} après réception de ce courrier (le délai prévu {}).",
            to(cite)
        )
    }

    fn deadline_planned(&self, date: &str) -> String {
        format!("Je vous prie de m'adresser les informations manquantes dans les meilleurs délais, et au plus tard le {date}.")
    }

    fn escalation(&self, authority: Option<&str>) -> String {
        match authority {
            Some(a) => format!(
                "À défaut de réponse complète d'ici là, j'envisagerai d'introduire une réclamation auprès de {a}."
            ),
            None => "À défaut de réponse complète d'ici là, j'envisagerai d'introduire une réclamation auprès de l'autorité de contrôle compétente.".into(),
        }
    }

    fn quote_reference(&self, reference: &str) -> String {
        format!("Merci de rappeler la référence {reference} dans votre réponse.")
    }
}
