//! `footprint request ...`: data-rights requests from the command line. Write a draft to one
//! company or to every company that holds your data in a given way, list and show them with
//! their legal due dates, record what happened, and write the letters (text, PDF, e-mail draft,
//! calendar). Every command is a thin adapter over `footprint_core::requests`.

use crate::{exit, open, print_json, Failure};
use chrono::NaiveDate;
use clap::{ArgGroup, Args, Subcommand};
use crate::grid::Grid;
use footprint_core::requests::{
    names, Authorities, AuthorityScope, Channel, ComplaintTo, ContactInput, DenialKind, IdentityChoice, LetterFormat, LetterType,
    Lang, NewRequestInput, NextActionView, RequestAction, RequestDetail, RequestError, RequestOptions,
    RequestSpec, RequestSummary,
};
use footprint_core::store::Store;
use std::io::Write;
use std::path::PathBuf;

#[derive(Args)]
pub struct RequestArgs {
    #[command(subcommand)]
    command: RequestCommand,
    /// The date to take as today (tests and scripts); default: the local date.
    #[arg(
        long,
        global = true,
        hide = true,
        env = "FOOTPRINT_TODAY",
        value_name = "YYYY-MM-DD"
    )]
    today: Option<NaiveDate>,
}

#[derive(Subcommand)]
enum RequestCommand {
    /// Write a draft request to one company (--company) or to every company that holds your
    /// data in one way (--relation, e.g. every advertiser that uploaded your contact list).
    New(NewArgs),
    /// List requests: overdue first, then by due date.
    List {
        #[arg(long)]
        json: bool,
    },
    /// One request: contact, evidence, due date and its rule, history, next step.
    Show {
        /// The request's reference (FP-…, see `footprint request list`), or `latest` for the newest.
        reference: String,
        #[arg(long)]
        json: bool,
    },
    /// Record what happened: sent, acknowledged, waiting, extended, fulfilled,
    /// partially-fulfilled, denied, reminder-sent, escalated (complaint filed), closed.
    Mark(MarkArgs),
    /// Write a letter of the request (the request, a reminder or a complaint) as text, PDF or
    /// e-mail draft, or its dates as a calendar file.
    Letter(LetterArgs),
    /// Fill in or correct the company's contact on a request.
    Contact(ContactArgs),
    /// Attach the company's answer (a PDF, a zip export, an e-mail): Footprint keeps a copy
    /// with its size and SHA-256.
    Attach(crate::answer::AttachArgs),
    /// Check an access answer against what the law requires: list the items, or set them with
    /// --set KEY=yes|no|partly|n/a and --note KEY=TEXT.
    Checklist(crate::answer::ChecklistArgs),
    /// Write a copy of an attached answer file.
    AnswerFile(crate::answer::AnswerFileArgs),
    /// Delete a request and its history.
    Delete {
        /// The request's reference (FP-…, see `footprint request list`), or `latest` for the newest.
        reference: String,
    },
}

#[derive(Args)]
#[command(group(ArgGroup::new("to").required(true).args(["company", "relation"])))]
struct NewArgs {
    /// The company: name, alias, domain or id (see `footprint companies`).
    #[arg(long)]
    company: Option<String>,
    /// Every company holding your data this way: uploaded_contact_list,
    /// sent_off_platform_activity, targeted_you, ad_interaction, connected_app, ...
    #[arg(long)]
    relation: Option<String>,
    /// access, portability, erasure (delete), rectification, restriction,
    /// object-direct-marketing, withdraw-consent, opt-out-sale, limit-sensitive.
    #[arg(long = "type", value_name = "TYPE")]
    request_type: String,
    /// The law: gdpr, uk-gdpr, ccpa, vcdpa, cpa, ctdpa, pipeda, law-25, lgpd, nfadp,
    /// privacy-act, appi.
    #[arg(long)]
    regime: String,
    /// An identifier to print in the letter, as KIND:VALUE (e.g. email:me@example.org;
    /// repeatable). Default: the first e-mail address found in your exports, nothing else.
    #[arg(long = "identity", value_name = "KIND:VALUE")]
    identities: Vec<String>,
    /// email, letter or web_form. Default: e-mail if the company's address is known, else
    /// its web form.
    #[arg(long)]
    channel: Option<String>,
    /// Erasure: also object to direct marketing.
    #[arg(long)]
    object_to_marketing: bool,
    /// The company's privacy e-mail address, if the directory has none (with --company).
    #[arg(long, value_name = "ADDRESS", conflicts_with = "relation")]
    contact_email: Option<String>,
    /// The letters' language: en, de or fr. Default: the language the company takes
    /// requests in (from the directory), else English.
    #[arg(long, value_name = "en|de|fr")]
    lang: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct MarkArgs {
    /// The request's reference (FP-…, see `footprint request list`), or `latest` for the newest.
    reference: String,
    /// sent, acknowledged, waiting, extended, fulfilled, partially-fulfilled, denied,
    /// reminder-sent, escalated, closed.
    status: String,
    /// When it happened (YYYY-MM-DD); default: today.
    #[arg(long)]
    date: Option<NaiveDate>,
    /// A note to keep with it (for `denied`: the company's reason, in its words).
    #[arg(long)]
    note: Option<String>,
    /// For `sent`: proof of sending (registered-mail number, form receipt...).
    #[arg(long)]
    proof: Option<String>,
    /// For `denied`: suspected-fraud, insufficient-verification, no-match, not-covered,
    /// outside-jurisdiction, too-many-requests, other (default).
    #[arg(long)]
    reason: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct LetterArgs {
    /// The request's reference (FP-…, see `footprint request list`), or `latest` for the newest.
    reference: String,
    /// txt, pdf, eml (e-mail draft), ics (calendar of the due dates) or mailto.
    #[arg(long, default_value = "txt")]
    format: String,
    /// request, reminder, complaint or follow-up (what the company's access answer lacks,
    /// from `footprint request checklist`).
    #[arg(long, default_value = "request")]
    kind: String,
    /// File to write; without it, text formats go to standard output.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Complaint: your country of residence (DE, FR, UK...), whose authority it goes to.
    #[arg(long)]
    country: Option<String>,
    /// Complaint: your German Land (BY, Bayern...), for its authority; without it, the
    /// federal commissioner, who forwards the complaint.
    #[arg(long)]
    region: Option<String>,
    /// Complaint: residence (your country's authority, the default), lead (the authority
    /// of the company's main establishment), or an authority's id from `footprint authorities`.
    #[arg(long, value_name = "lead|residence|ID")]
    authority: Option<String>,
    /// This letter's language: en, de or fr. Default: the request's (see `request show`).
    #[arg(long, value_name = "en|de|fr")]
    lang: Option<String>,
}

#[derive(Args)]
struct ContactArgs {
    /// The request's reference (FP-…, see `footprint request list`), or `latest` for the newest.
    reference: String,
    /// The company's privacy e-mail address.
    #[arg(long)]
    email: Option<String>,
    /// The company's privacy web form.
    #[arg(long)]
    web_form: Option<String>,
    /// The company's postal address (use \n between lines).
    #[arg(long)]
    address: Option<String>,
    /// The company's legal entity (the addressee of letters).
    #[arg(long)]
    legal_entity: Option<String>,
}

impl From<RequestError> for Failure {
    fn from(e: RequestError) -> Self {
        let code = match &e {
            _ if e.code() == "not_found" => exit::NOT_FOUND,
            RequestError::Store(_) | RequestError::Corrupt { .. } => exit::FAILURE,
            _ => exit::BAD_INPUT,
        };
        Failure {
            code,
            message: e.to_string(),
        }
    }
}

pub(crate) fn bad_input(message: String) -> Failure {
    Failure {
        code: exit::BAD_INPUT,
        message,
    }
}

pub fn run(db: &Option<PathBuf>, args: RequestArgs) -> Result<(), Failure> {
    let today = args
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    match args.command {
        RequestCommand::New(a) => new(db, a, today),
        RequestCommand::List { json } => {
            let list = open(db)?.requests(today)?;
            if json {
                print_json(&list);
            } else {
                print_list(&list);
            }
            Ok(())
        }
        RequestCommand::Show { reference, json } => {
            let d = open(db)?.request(&reference, today)?;
            if json {
                print_json(&d);
            } else {
                print_detail(&d);
            }
            Ok(())
        }
        RequestCommand::Mark(a) => mark(db, a, today),
        RequestCommand::Letter(a) => letter(db, a, today),
        RequestCommand::Contact(a) => {
            let d = open(db)?.set_request_contact(
                &a.reference,
                &ContactInput {
                    legal_entity: a.legal_entity,
                    email: a.email,
                    web_form: a.web_form,
                    postal_address: a.address.map(|s| s.replace("\\n", "\n")),
                },
                today,
            )?;
            print_detail(&d);
            Ok(())
        }
        RequestCommand::Attach(a) => crate::answer::attach(db, a, today),
        RequestCommand::Checklist(a) => crate::answer::checklist(db, a, today),
        RequestCommand::AnswerFile(a) => crate::answer::answer_file(db, a),
        RequestCommand::Delete { reference } => {
            open(db)?.delete_request(&reference)?;
            println!("Deleted request {reference}.");
            Ok(())
        }
    }
}

/// `footprint authorities [--country XX]`: the supervisory authorities and their contacts.
pub fn authorities(country: Option<String>, json: bool) -> Result<(), Failure> {
    let all = Authorities::builtin();
    let list: Vec<_> = match &country {
        Some(c) => all.in_country(c),
        None => all.all().iter().collect(),
    };
    if list.is_empty() {
        return Err(crate::not_found(format!(
            "no supervisory authority is known for `{}` (see `footprint authorities`)",
            country.unwrap_or_default()
        )));
    }
    if json {
        print_json(&list);
        return Ok(());
    }
    let mut g = Grid::new(&["country", "region", "scope", "id", "name", "complaints to", "address"]);
    for a in &list {
        let scope = match a.scope {
            AuthorityScope::General => "companies",
            AuthorityScope::Federal => "federal",
            AuthorityScope::PublicSector => "public sector",
            AuthorityScope::Church => "church",
            AuthorityScope::Broadcasting => "broadcasting",
        };
        g.row(vec![
            a.country.clone(),
            a.region.clone().unwrap_or_default(),
            scope.into(),
            a.slug.clone(),
            a.name.clone(),
            a.email.clone().or_else(|| a.web_form.clone()).unwrap_or_default(),
            a.postal_address.replace('\n', ", "),
        ]);
    }
    g.print();
    Ok(())
}

fn parse_lang(s: &str) -> Result<Lang, Failure> {
    Lang::ALL
        .into_iter()
        .find(|l| l.code() == s.trim().to_ascii_lowercase())
        .ok_or_else(|| bad_input(format!("unknown letter language `{s}`; use en, de or fr")))
}

fn parse_channel(s: &str) -> Result<Channel, Failure> {
    match s.trim().to_lowercase().replace('-', "_").as_str() {
        "email" | "e_mail" => Ok(Channel::Email),
        "letter" | "post" => Ok(Channel::Letter),
        "web_form" | "webform" | "form" => Ok(Channel::WebForm),
        other => Err(bad_input(format!(
            "unknown channel `{other}`; use email, letter or web_form"
        ))),
    }
}

fn new(db: &Option<PathBuf>, a: NewArgs, today: NaiveDate) -> Result<(), Failure> {
    let mut store = open(db)?;
    let kind = names::request_type(&a.request_type).ok_or_else(|| {
        bad_input(format!(
            "unknown request type `{}`; known: {}",
            a.request_type,
            names::REQUEST_TYPE_NAMES
        ))
    })?;
    let identities = if a.identities.is_empty() {
        let found = store.default_request_identities()?;
        if found.is_empty() {
            eprintln!("footprint: note: no e-mail address was found in your exports; the letter carries no identifier (add --identity email:ADDRESS)");
        }
        found
    } else {
        a.identities
            .iter()
            .map(|s| {
                s.split_once(':')
                    .map(|(k, v)| IdentityChoice {
                        kind: k.trim().to_lowercase().replace('-', "_"),
                        value: v.trim().to_string(),
                    })
                    .ok_or_else(|| {
                        bad_input(format!(
                            "identity `{s}` is not KIND:VALUE (e.g. email:me@example.org)"
                        ))
                    })
            })
            .collect::<Result<Vec<_>, _>>()?
    };
    let spec = RequestSpec {
        request_type: kind.request_type,
        regime: a.regime,
        identities,
        channel: a.channel.as_deref().map(parse_channel).transpose()?,
        options: RequestOptions {
            portability: kind.portability,
            object_to_marketing: a.object_to_marketing,
            ..Default::default()
        },
        postal_delay_days: None,
        calendar: None,
        lang: a.lang.as_deref().map(parse_lang).transpose()?,
        user_language: None,
        today,
    };
    if let Some(relation) = a.relation {
        let outcome = store.create_requests_for_relation(&relation, &spec)?;
        if a.json {
            print_json(&outcome);
            return Ok(());
        }
        if outcome.created.is_empty() && outcome.skipped.is_empty() {
            println!("No company holds your data with the relation {relation} (see `footprint companies --relation {relation}`).");
            return Ok(());
        }
        if !outcome.created.is_empty() {
            println!(
                "Created {} draft request{}:",
                outcome.created.len(),
                if outcome.created.len() == 1 { "" } else { "s" }
            );
            print_list(&outcome.created);
        }
        for s in &outcome.skipped {
            println!(
                "Skipped {}: request {} is still open.",
                s.company_name, s.existing_reference
            );
        }
        return Ok(());
    }
    let name = a.company.expect("clap requires --company or --relation");
    let company_id = store.find_company(&name)?.ok_or_else(|| {
        crate::not_found(format!(
            "no company matches `{name}` (see `footprint companies`)"
        ))
    })?;
    let summary = store.create_request(&NewRequestInput {
        company_id,
        spec,
        contact: a.contact_email.map(|email| ContactInput {
            email: Some(email),
            ..Default::default()
        }),
    })?;
    if a.json {
        print_json(&summary);
        return Ok(());
    }
    let d = store.request(&summary.reference, today)?;
    print_detail(&d);
    println!();
    println!(
        "Next: `footprint request letter {r} --format pdf --out {r}.pdf`, send it, then `footprint request mark {r} sent`.",
        r = summary.reference
    );
    Ok(())
}

fn mark(db: &Option<PathBuf>, a: MarkArgs, today: NaiveDate) -> Result<(), Failure> {
    let mut action = RequestAction::parse(&a.status).ok_or_else(|| {
        bad_input(format!(
            "unknown status `{}`; use sent, acknowledged, waiting, extended, fulfilled, partially-fulfilled, denied, reminder-sent, escalated or closed",
            a.status
        ))
    })?;
    match &mut action {
        RequestAction::Sent { proof } => *proof = a.proof.clone(),
        RequestAction::Denied { reason } => {
            if let Some(r) = &a.reason {
                *reason = DenialKind::parse(r).ok_or_else(|| {
                    bad_input(format!("unknown denial reason `{r}`; use suspected-fraud, insufficient-verification, no-match, not-covered, outside-jurisdiction, too-many-requests or other"))
                })?;
            }
        }
        _ => {}
    }
    let date = a.date.unwrap_or(today);
    let d = open(db)?.mark_request(&a.reference, &action, date, a.note.as_deref())?;
    if a.json {
        print_json(&d);
        return Ok(());
    }
    let s = &d.summary;
    println!("{}: {} on {date}.", s.reference, s.status_label);
    if let Some(due) = &d.due {
        if !s.due_planned {
            println!("  Answer due {}: {}", fmt_date(s.due_date), due.rule_text);
        }
    }
    if let Some(n) = &s.next_action {
        println!("  Next: {}", next_step(n));
    }
    Ok(())
}

fn letter(db: &Option<PathBuf>, a: LetterArgs, today: NaiveDate) -> Result<(), Failure> {
    let format = LetterFormat::parse(&a.format).ok_or_else(|| {
        bad_input(format!(
            "unknown format `{}`; use txt, pdf, eml, ics or mailto",
            a.format
        ))
    })?;
    let kind = LetterType::parse(&a.kind).ok_or_else(|| {
        bad_input(format!(
            "unknown letter `{}`; use request, reminder, complaint or follow-up",
            a.kind
        ))
    })?;
    let (lead, picked) = match a.authority.as_deref().map(str::to_ascii_lowercase).as_deref() {
        None | Some("residence") => (false, None),
        Some("lead") => (true, None),
        Some(slug) => {
            if Authorities::builtin().get(slug).is_none() {
                return Err(bad_input(format!(
                    "unknown authority `{slug}`; use residence, lead or an id from `footprint authorities`"
                )));
            }
            (false, Some(slug.to_string()))
        }
    };
    let chooses = a.country.is_some() || a.region.is_some() || a.authority.is_some();
    if chooses && kind != LetterType::Complaint {
        return Err(bad_input(
            "--country, --region and --authority are for complaints (--kind complaint)".into(),
        ));
    }
    let lang = a.lang.as_deref().map(parse_lang).transpose()?;
    let store: Store = open(db)?;
    let out = if kind == LetterType::FollowUp {
        store.render_follow_up(&a.reference, format, lang, today)?
    } else {
        let to = chooses.then_some(ComplaintTo {
            country: a.country,
            region: a.region,
            lead,
            authority: picked,
        });
        store.render_letter_in(&a.reference, format, kind, today, to.as_ref(), lang)?
    };
    for n in &out.notes_for_user {
        eprintln!("footprint: note: {n}");
    }
    match a.out {
        Some(path) => {
            std::fs::write(&path, &out.bytes).map_err(|e| Failure {
                code: exit::FAILURE,
                message: format!("writing {}: {e}", path.display()),
            })?;
            let how = match (&out.to_email, &out.web_form) {
                _ if format == LetterFormat::Ics => String::new(),
                (Some(to), _) => format!("; send it to {to}"),
                (None, Some(form)) => format!("; paste it into {form}"),
                (None, None) => String::new(),
            };
            println!("Wrote {}{how}.", path.display());
        }
        None if format == LetterFormat::Pdf => {
            return Err(bad_input(
                "a PDF goes to a file: add --out PATH".to_string(),
            ))
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(&out.bytes)?;
            if format == LetterFormat::Mailto {
                stdout.write_all(b"\n")?;
            }
        }
    }
    Ok(())
}

/// "Wait for the answer (until 2026-03-10): ..." or "Send a reminder (from 2026-03-11): ...".
fn next_step(n: &NextActionView) -> String {
    let when = if n.action == "wait_for_answer" {
        "until"
    } else {
        "from"
    };
    format!("{} ({when} {}): {}", n.label, n.date, n.explanation)
}

fn fmt_date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_else(|| "-".into())
}

fn print_list(list: &[RequestSummary]) {
    if list.is_empty() {
        println!("No requests yet. Write one with `footprint request new --company NAME --type access --regime gdpr`.");
        return;
    }
    let mut t = Grid::new(&["Reference", "Company", "Request", "Status", "Due", "Next step"]);
    for s in list {
        let due = match (s.due_date, s.due_planned, s.days_overdue) {
            (Some(d), _, Some(n)) => format!("{d} ({n} day{} late)", if n == 1 { "" } else { "s" }),
            (Some(d), true, _) => format!("{d} if sent on {}", s.created),
            (Some(d), false, _) => d.to_string(),
            (None, _, _) => "-".into(),
        };
        t.row(vec![
            s.reference.clone(),
            s.company_name.clone(),
            format!("{} ({})", s.request_type_label, s.regime_short_name),
            match &s.deletion_check {
                Some(c) if c.still_listed => format!("{} (still listed!)", s.status_label),
                Some(_) => format!("{} (gone from a later export)", s.status_label),
                None => s.status_label.clone(),
            },
            due,
            s.next_action
                .as_ref()
                .map(|n| n.label.clone())
                .unwrap_or_else(|| "-".into()),
        ]);
    }
    t.print();
    let overdue = list.iter().filter(|s| s.overdue).count();
    if overdue > 0 {
        println!("{overdue} overdue: the company's time to answer is up.");
    }
    let still = list
        .iter()
        .filter(|s| s.deletion_check.as_ref().is_some_and(|c| c.still_listed))
        .count();
    if still > 0 {
        println!("{still} still listed in a later export after the erasure: see `footprint request show REFERENCE`.");
    }
}

fn print_detail(d: &RequestDetail) {
    let s = &d.summary;
    println!(
        "{} — {} request to {} under the {} ({})",
        s.reference, s.request_type_label, s.company_name, s.regime_short_name, d.regime_name
    );
    println!("  Status: {}", s.status_label);
    println!(
        "  Letters in: {} (change one letter with `request letter --lang`)",
        d.letter_lang.endonym()
    );
    let c = &d.contact;
    let contact = [
        c.email.as_deref(),
        c.web_form.as_deref(),
        c.postal_address.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join("; ");
    println!(
        "  To: {} by {}{}",
        c.legal_entity.as_deref().unwrap_or(&c.name),
        s.channel.replace('_', " "),
        if contact.is_empty() {
            String::new()
        } else {
            format!(" ({contact})")
        }
    );
    for m in &d.missing_contact {
        println!(
            "  Missing: the company's {m}; fill it in with `footprint request contact {}`.",
            s.reference
        );
    }
    let ids: Vec<String> = d
        .identities
        .iter()
        .map(|i| format!("{} {}", i.kind, i.value))
        .collect();
    println!(
        "  Identifiers in the letter: {}",
        if ids.is_empty() {
            "none".to_string()
        } else {
            ids.join(", ")
        }
    );
    if let Some(due) = &d.due {
        let when = if s.due_planned {
            format!("if sent on {}", s.created)
        } else {
            format!("received {}", due.received)
        };
        println!(
            "  Due: {} ({when}): {}",
            fmt_date(s.due_date),
            due.rule_text
        );
        if let (Some(ext), Some(text)) = (due.extended_date, &due.extension_text) {
            println!("  If extended: {ext}: {text}");
        }
    }
    if let Some(r) = &d.reminder {
        println!("  Reminder due: {}: {}", r.date, r.rule_text);
    }
    if let Some(n) = &s.next_action {
        println!("  Next: {}", next_step(n));
    }
    if !d.deletion_checks.is_empty() {
        println!("  Did they really delete?");
        for c in &d.deletion_checks {
            println!("    - {}", c.sentence);
        }
    }
    for kind in &d.follow_up_letters {
        let (what, extra) = match kind {
            LetterType::Reminder => ("a reminder", ""),
            _ => ("a complaint to the authority", " --country XX"),
        };
        let name = if *kind == LetterType::Reminder { "reminder" } else { "complaint" };
        println!(
            "  Write {what}: `footprint request letter {} --kind {name}{extra}`",
            s.reference
        );
    }
    if !d.evidence.is_empty() {
        println!("  Evidence the letter cites:");
        for e in &d.evidence {
            println!("    - {}", e.sentence);
        }
    }
    println!("  History:");
    for h in &d.history {
        let reason = h
            .denial_text
            .as_deref()
            .or(h.denial_reason.as_deref())
            .map(|r| format!(" ({r})"))
            .unwrap_or_default();
        let note = h
            .note
            .as_deref()
            .map(|n| format!(": {n}"))
            .unwrap_or_default();
        println!("    {} {}{reason}{note}", h.date, h.label);
    }
    // The company's answer files (`footprint request attach`) are steps of the history too.
    for m in d.messages.iter().filter(|m| m.attachment.is_some()) {
        println!("    {} {}", m.date, m.summary);
    }
    println!("  {}", d.not_legal_advice);
}
