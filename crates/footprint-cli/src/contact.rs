//! `footprint contact` and `footprint directory`: a company's privacy contact (the built-in
//! directory's and the user's own correction, which letters use first), and what the built-in
//! directory is made of. Thin adapters over `footprint_core::requests::contacts` and
//! `footprint_rights::Directory`.

use crate::{not_found, open, print_json, Failure};
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use footprint_core::requests::contacts::directory_report;
use footprint_core::requests::{CompanyContactInfo, ContactInput};
use std::path::PathBuf;

#[derive(Args)]
pub struct ContactArgs {
    /// The company: name, alias, domain or id (see `footprint companies`).
    company: String,
    /// The company's privacy e-mail address.
    #[arg(long)]
    email: Option<String>,
    /// The company's privacy request web form (https://...).
    #[arg(long)]
    web_form: Option<String>,
    /// The company's postal address (use \n between lines).
    #[arg(long)]
    address: Option<String>,
    /// The company's legal entity (the addressee of letters).
    #[arg(long)]
    legal_entity: Option<String>,
    /// Forget your contact for this company (the directory's applies again).
    #[arg(long, conflicts_with_all = ["email", "web_form", "address", "legal_entity"])]
    clear: bool,
    #[arg(long)]
    json: bool,
    /// The date to take as today (tests and scripts); default: the local date.
    #[arg(long, hide = true, env = "FOOTPRINT_TODAY", value_name = "YYYY-MM-DD")]
    today: Option<NaiveDate>,
}

#[derive(Args)]
pub struct DirectoryArgs {
    #[command(subcommand)]
    command: DirectoryCommand,
}

#[derive(Subcommand)]
enum DirectoryCommand {
    /// How the built-in directory was merged from its sources: records merged, added, names
    /// dropped because another entry has them, and how long building it takes.
    Report {
        #[arg(long)]
        json: bool,
    },
    /// How many of your companies have a known privacy contact.
    Coverage {
        #[arg(long)]
        json: bool,
    },
}

pub fn contact(db: &Option<PathBuf>, a: ContactArgs) -> Result<(), Failure> {
    let today = a.today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let mut store = open(db)?;
    let id = store.find_company(&a.company)?.ok_or_else(|| {
        not_found(format!(
            "no company matches `{}` (see `footprint companies`)",
            a.company
        ))
    })?;
    let setting = a.email.is_some()
        || a.web_form.is_some()
        || a.address.is_some()
        || a.legal_entity.is_some();
    let info = if a.clear {
        let removed = store.clear_company_contact(id)?;
        if !a.json {
            println!(
                "{}",
                if removed {
                    "Your contact for this company was removed."
                } else {
                    "You had no contact of your own for this company."
                }
            );
        }
        store.company_contact(id)?
    } else if setting {
        store.set_company_contact(
            id,
            &ContactInput {
                legal_entity: a.legal_entity,
                email: a.email,
                web_form: a.web_form,
                postal_address: a.address.map(|s| s.replace("\\n", "\n")),
            },
            today,
        )?
    } else {
        store.company_contact(id)?
    };
    if a.json {
        print_json(&info);
    } else {
        print_contact(&info);
    }
    Ok(())
}

fn print_contact(info: &CompanyContactInfo) {
    println!("{}", info.company_name);
    match &info.user_contact {
        Some(u) => {
            println!("  Your contact (used first; saved {}):", u.updated);
            for (label, v) in [
                ("legal entity", &u.legal_entity),
                ("e-mail", &u.email),
                ("web form", &u.web_form),
                ("address", &u.postal_address),
            ] {
                if let Some(v) = v {
                    println!("    {label}: {}", v.replace('\n', ", "));
                }
            }
        }
        None => println!("  Your contact: none (add one with --email, --web-form, --address)"),
    }
    match &info.directory {
        None => println!("  Directory: no entry for this company"),
        Some(d) => {
            println!("  Directory: {} ({})", d.name, d.slug);
            if d.contact_unknown {
                println!("    no contact known");
            }
            for c in &d.contacts {
                let scope = match (c.regimes.is_empty(), c.countries.is_empty()) {
                    (true, true) => "any law".to_string(),
                    (false, true) => c.regimes.join(", "),
                    (true, false) => c.countries.join(", "),
                    (false, false) => {
                        format!("{} in {}", c.regimes.join(", "), c.countries.join(", "))
                    }
                };
                let channels: Vec<String> = [&c.email, &c.web_form, &c.postal_address]
                    .into_iter()
                    .flatten()
                    .map(|v| v.replace('\n', ", "))
                    .collect();
                println!("    [{scope}] {}", channels.join(" · "));
                if let Some(e) = &c.entity {
                    println!("      entity: {e}");
                }
                if let Some(s) = &c.source {
                    println!("      source: {s}");
                }
            }
        }
    }
    if !info.known {
        println!("  No privacy contact is known: letters leave the address for you to fill in.");
    }
}

pub fn directory(db: &Option<PathBuf>, a: DirectoryArgs) -> Result<(), Failure> {
    match a.command {
        DirectoryCommand::Report { json } => {
            let r = directory_report()?;
            if json {
                print_json(&r);
            } else {
                print!("{}", r.merge);
                println!(
                    "built {} entries from the embedded files in {:.0} ms",
                    r.entries, r.load_ms
                );
            }
            Ok(())
        }
        DirectoryCommand::Coverage { json } => {
            let c = open(db)?.contact_coverage()?;
            if json {
                print_json(&c);
            } else {
                println!(
                    "Privacy contact known for {} of your {} companies ({} through your own contacts).",
                    c.known, c.companies, c.known_by_user
                );
                println!(
                    "Third parties named in your exports: {}; {} match a directory entry with a contact, {} with an e-mail address or web form.",
                    c.third_parties, c.third_parties_in_directory, c.third_parties_with_email_or_form
                );
            }
            Ok(())
        }
    }
}
