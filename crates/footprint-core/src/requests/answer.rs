//! The company's answer to a request, and the check of an access answer against the law.
//!
//! The user attaches the answer's files (a PDF, a zip export, an e-mail saved as text): each is
//! copied into the database (`request_answers`, migration 0009) with its size, SHA-256 and the
//! day it arrived, and the request's message log gets an "answer received" entry. A copy, not a
//! path: the download may be deleted or moved, and the copy is erased with the request.
//!
//! For an access request under a regime with a checklist ([`footprint_rights::checklist`]),
//! the user answers each item yes / no / partly / not applicable, with an optional note
//! (`request_checklist`); the items answered no or partly become the follow-up letter
//! ([`footprint_rights::letter::follow_up`]).

use super::evidence::sql;
use super::{RequestError, StoredRequest};
use crate::store::Store;
use chrono::NaiveDate;
use footprint_rights::checklist::{Checklist, Checklists, Verdict};
use footprint_rights::letter::follow_up::{self, Gap};
use footprint_rights::letter::Lang;
use footprint_rights::tracking::{Direction, Message, MessageKind};
use footprint_rights::{Regimes, RequestType};
use rusqlite::{params, OptionalExtension, MAIN_DB};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::{Read, Write};
use std::path::Path;

/// The largest answer file kept: SQLite's own limit for one value is 1 GB, and a copy this
/// large already doubles the space the export takes.
pub const MAX_ANSWER_BYTES: u64 = 512 * 1024 * 1024;

/// One file of the company's answer, as kept in the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AnswerFile {
    pub id: i64,
    pub file_name: String,
    pub size: i64,
    /// SHA-256 of the content, lowercase hex.
    pub sha256: String,
    /// The day the answer arrived.
    pub received: NaiveDate,
    /// The day it was attached.
    pub attached: NaiveDate,
}

/// One question of the checklist with the user's answer so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ChecklistItemView {
    /// `a`..`h`, `transfers`, `copy`; for the CCPA `categories`, `sources`, ...
    pub key: String,
    /// What it is about in plain words ("how long it is kept").
    pub topic: String,
    /// The question in plain language.
    pub question: String,
    /// The provision, for the small print ("Art. 15(1)(a) GDPR").
    pub provision: String,
    #[cfg_attr(
        feature = "ts",
        ts(type = "\"yes\" | \"no\" | \"partly\" | \"not_applicable\" | null")
    )]
    pub verdict: Option<Verdict>,
    pub note: Option<String>,
}

/// A request's answer files and, for an access request, its checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AccessAnswer {
    pub reference: String,
    /// Oldest first.
    pub files: Vec<AnswerFile>,
    /// Empty where there is no checklist (see `checklist_missing`).
    pub items: Vec<ChecklistItemView>,
    /// Why there is no checklist (not an access request, or none for this law yet).
    pub checklist_missing: Option<String>,
    /// Items answered so far.
    pub answered: usize,
    /// Keys of the items answered no or partly, in checklist order.
    pub gaps: Vec<String>,
    /// What stands in the way of the follow-up letter; None when it can be written.
    pub follow_up_blocker: Option<String>,
    /// Languages the follow-up letter is written in (`en`, `de`, `fr`).
    pub letter_languages: Vec<String>,
}

/// A change to one checklist item: a field left `None` keeps its value; an empty note clears it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ChecklistUpdate {
    pub key: String,
    #[serde(default)]
    #[cfg_attr(
        feature = "ts",
        ts(type = "\"yes\" | \"no\" | \"partly\" | \"not_applicable\" | null")
    )]
    pub verdict: Option<Verdict>,
    #[serde(default)]
    pub note: Option<String>,
}

/// One stored checklist row: item key, verdict (None while only a note is given), note.
type SavedVerdict = (String, Option<Verdict>, Option<String>);

/// The checklist for the request, or why there is none.
fn checklist_of(s: &StoredRequest) -> Result<&'static Checklist, String> {
    let regime = Regimes::builtin()
        .get(&s.req.regime)
        .map(|r| r.short_name.as_str())
        .unwrap_or(s.req.regime.as_str());
    if s.req.request_type != RequestType::Access {
        return Err(format!(
            "the checklist is for access requests; {} is a {} request",
            s.req.reference,
            s.req.request_type.as_str()
        ));
    }
    Checklists::builtin().get(&s.req.regime).ok_or_else(|| {
        format!("Footprint has no checklist for access answers under the {regime} yet")
    })
}

/// Bytes as people read them: "812 B", "14.2 KB", "3.1 MB".
fn human_size(bytes: u64) -> String {
    match bytes {
        b if b < 1024 => format!("{b} B"),
        b if b < 1024 * 1024 => format!("{:.1} KB", b as f64 / 1024.0),
        b => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
    }
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_default()
}

impl Store {
    fn answer_files(&self, request_id: i64) -> Result<Vec<AnswerFile>, RequestError> {
        self.conn
            .prepare(
                "SELECT id, file_name, size, sha256, received_on, attached_on FROM request_answers
                 WHERE request_id = ?1 ORDER BY received_on, id",
            )
            .and_then(|mut st| {
                st.query_map([request_id], |r| {
                    Ok(AnswerFile {
                        id: r.get(0)?,
                        file_name: r.get(1)?,
                        size: r.get(2)?,
                        sha256: r.get(3)?,
                        received: day(&r.get::<_, String>(4)?),
                        attached: day(&r.get::<_, String>(5)?),
                    })
                })?
                .collect::<Result<Vec<_>, _>>()
            })
            .map_err(sql(&self.path))
    }

    fn verdicts(&self, request_id: i64) -> Result<Vec<SavedVerdict>, RequestError> {
        self.conn
            .prepare("SELECT item, verdict, note FROM request_checklist WHERE request_id = ?1")
            .and_then(|mut st| {
                st.query_map([request_id], |r| {
                    let v: Option<String> = r.get(1)?;
                    Ok((r.get(0)?, v.as_deref().and_then(Verdict::parse), r.get(2)?))
                })?
                .collect::<Result<Vec<_>, _>>()
            })
            .map_err(sql(&self.path))
    }

    fn access_answer_of(&self, s: &StoredRequest) -> Result<AccessAnswer, RequestError> {
        let files = self.answer_files(s.id)?;
        let saved = self.verdicts(s.id)?;
        let (items, checklist_missing) = match checklist_of(s) {
            Ok(c) => {
                let items = c
                    .items
                    .iter()
                    .map(|i| {
                        let found = saved.iter().find(|(k, _, _)| *k == i.key);
                        ChecklistItemView {
                            key: i.key.clone(),
                            topic: i.topic.clone(),
                            question: i.question.clone(),
                            provision: follow_up::cite_provision(
                                Lang::En,
                                &c.regime,
                                &i.provision,
                                c.law_name("en"),
                            ),
                            verdict: found.and_then(|(_, v, _)| *v),
                            note: found.and_then(|(_, _, n)| n.clone()),
                        }
                    })
                    .collect();
                (items, None)
            }
            Err(why) => (Vec::new(), Some(why)),
        };
        let gaps: Vec<String> = items
            .iter()
            .filter(|i: &&ChecklistItemView| i.verdict.is_some_and(Verdict::is_gap))
            .map(|i| i.key.clone())
            .collect();
        let follow_up_blocker = if let Some(why) = &checklist_missing {
            Some(why.clone())
        } else if s.req.sent.is_none() {
            Some("the request was never sent".into())
        } else if files.is_empty() {
            Some("attach the company's answer first".into())
        } else if gaps.is_empty() {
            Some("no item of the checklist is answered no or partly".into())
        } else {
            None
        };
        Ok(AccessAnswer {
            reference: s.req.reference.clone(),
            answered: items.iter().filter(|i| i.verdict.is_some()).count(),
            files,
            items,
            checklist_missing,
            gaps,
            follow_up_blocker,
            letter_languages: follow_up::LANGS.iter().map(|l| l.to_string()).collect(),
        })
    }

    /// The request's answer files and checklist.
    pub fn access_answer(&self, reference: &str) -> Result<AccessAnswer, RequestError> {
        self.access_answer_of(&self.load(reference)?)
    }

    /// Copies the file at `file` into the database as (part of) the company's answer, received
    /// on `received`, and notes "answer received" in the request's message log; all or nothing.
    /// The request must have been sent, on or before `received`.
    pub fn attach_answer(
        &mut self,
        reference: &str,
        file: &Path,
        received: NaiveDate,
        today: NaiveDate,
    ) -> Result<AnswerFile, RequestError> {
        let mut s = self.load(reference)?;
        let Some(sent) = s.req.sent else {
            return Err(RequestError::Invalid(format!(
                "request {}: it was never sent, so there is no answer to attach (mark it sent first)",
                s.req.reference
            )));
        };
        if received < sent || received > today {
            return Err(RequestError::Invalid(format!(
                "request {}: the answer's date {received} must be between the day the request was sent ({sent}) and today ({today})",
                s.req.reference
            )));
        }
        let shown = file.display();
        let open_err = |e: std::io::Error| RequestError::Invalid(format!("cannot read {shown}: {e}"));
        let mut f = std::fs::File::open(file).map_err(open_err)?;
        let meta = f.metadata().map_err(open_err)?;
        if !meta.is_file() {
            return Err(RequestError::Invalid(format!("{shown} is not a file")));
        }
        let size = meta.len();
        if size == 0 {
            return Err(RequestError::Invalid(format!("{shown} is empty")));
        }
        if size > MAX_ANSWER_BYTES {
            return Err(RequestError::Invalid(format!(
                "{shown} is {}; Footprint keeps answer files up to {}",
                human_size(size),
                human_size(MAX_ANSWER_BYTES)
            )));
        }
        let file_name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "answer".into());
        let path = self.path.clone();
        let tx = self.conn.transaction().map_err(sql(&path))?;
        tx.execute(
            "INSERT INTO request_answers(request_id, file_name, size, sha256, received_on, attached_on, content)
             VALUES (?1, ?2, ?3, '', ?4, ?5, zeroblob(?3))",
            params![s.id, file_name, size as i64, super::date_text(received), super::date_text(today)],
        )
        .map_err(sql(&path))?;
        let id = tx.last_insert_rowid();
        // Streamed in chunks, hashed on the way: a large zip export never sits in memory whole.
        let mut hash = Sha256::new();
        {
            let mut blob = tx
                .blob_open(MAIN_DB, c"request_answers", c"content", id, false)
                .map_err(sql(&path))?;
            let mut buf = vec![0u8; 1 << 20];
            let mut copied = 0u64;
            loop {
                let n = f.read(&mut buf).map_err(open_err)?;
                if n == 0 {
                    break;
                }
                copied += n as u64;
                if copied > size {
                    break;
                }
                hash.update(&buf[..n]);
                blob.write_all(&buf[..n]).map_err(|e| {
                    RequestError::Invalid(format!("cannot copy {shown} into the database: {e}"))
                })?;
            }
            if copied != size {
                return Err(RequestError::Invalid(format!(
                    "{shown} changed while it was being copied ({size} bytes expected, {copied} read); attach it again"
                )));
            }
        }
        let sha256 = format!("{:x}", hash.finalize());
        tx.execute(
            "UPDATE request_answers SET sha256 = ?2 WHERE id = ?1",
            params![id, sha256],
        )
        .map_err(sql(&path))?;
        s.req.log(Message {
            date: received,
            direction: Direction::Incoming,
            kind: MessageKind::CompanyReply,
            summary: format!("answer received: {file_name} ({})", human_size(size)),
            attachment: Some(file_name.clone()),
        });
        super::save(&tx, &path, s.id, &s.req, today)?;
        tx.commit().map_err(sql(&path))?;
        Ok(AnswerFile {
            id,
            file_name,
            size: size as i64,
            sha256,
            received,
            attached: today,
        })
    }

    /// The content of answer file `id` of the request, copied to `dest` (a new file).
    pub fn save_answer_file(
        &self,
        reference: &str,
        id: i64,
        dest: &Path,
    ) -> Result<AnswerFile, RequestError> {
        let s = self.load(reference)?;
        let file = self
            .answer_files(s.id)?
            .into_iter()
            .find(|f| f.id == id)
            .ok_or_else(|| {
                RequestError::NotFound(format!("request {}: no answer file {id}", s.req.reference))
            })?;
        let shown = dest.display();
        let mut out = std::fs::File::create_new(dest)
            .map_err(|e| RequestError::Invalid(format!("cannot create {shown}: {e}")))?;
        let mut blob = self
            .conn
            .blob_open(MAIN_DB, c"request_answers", c"content", id, true)
            .map_err(sql(&self.path))?;
        std::io::copy(&mut blob, &mut out)
            .map_err(|e| RequestError::Invalid(format!("cannot write {shown}: {e}")))?;
        Ok(file)
    }

    /// Records the user's verdicts and notes on checklist items, all or none (an unknown key
    /// refuses the whole change).
    pub fn set_checklist(
        &mut self,
        reference: &str,
        updates: &[ChecklistUpdate],
        today: NaiveDate,
    ) -> Result<AccessAnswer, RequestError> {
        let s = self.load(reference)?;
        let checklist = checklist_of(&s).map_err(RequestError::Invalid)?;
        let path = self.path.clone();
        let tx = self.conn.transaction().map_err(sql(&path))?;
        for u in updates {
            let item = checklist.item(&u.key).ok_or_else(|| {
                RequestError::Invalid(format!(
                    "`{}` is not an item of the checklist; items: {}",
                    u.key,
                    checklist.keys()
                ))
            })?;
            let note = u.note.as_deref().map(str::trim);
            let existing: Option<(Option<String>, Option<String>)> = tx
                .query_row(
                    "SELECT verdict, note FROM request_checklist WHERE request_id = ?1 AND item = ?2",
                    params![s.id, item.key],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()
                .map_err(sql(&path))?;
            let (old_verdict, old_note) = existing.unwrap_or_default();
            let verdict = u.verdict.map(|v| v.as_str().to_string()).or(old_verdict);
            let note = match note {
                Some("") => None,
                Some(n) => Some(n.to_string()),
                None => old_note,
            };
            tx.execute(
                "INSERT INTO request_checklist(request_id, item, verdict, note, updated_on)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(request_id, item) DO UPDATE SET
                   verdict = excluded.verdict, note = excluded.note, updated_on = excluded.updated_on",
                params![s.id, item.key, verdict, note, super::date_text(today)],
            )
            .map_err(sql(&path))?;
        }
        tx.commit().map_err(sql(&path))?;
        self.access_answer_of(&s)
    }

    /// The follow-up letter's facts: the gaps and the date of the latest answer.
    pub(super) fn follow_up_facts(
        &self,
        s: &StoredRequest,
    ) -> Result<(NaiveDate, Vec<Gap>), RequestError> {
        let a = self.access_answer_of(s)?;
        if let Some(why) = a.follow_up_blocker {
            return Err(RequestError::Invalid(format!(
                "request {}: no follow-up letter yet: {why}",
                s.req.reference
            )));
        }
        let answer_date = a.files.iter().map(|f| f.received).max().expect("files checked");
        let gaps = a
            .items
            .into_iter()
            .filter_map(|i| {
                Some(Gap {
                    verdict: i.verdict.filter(|v| v.is_gap())?,
                    key: i.key,
                    note: i.note,
                })
            })
            .collect();
        Ok((answer_date, gaps))
    }

    /// Whether the request keeps answer files (its removal then erases them from the file).
    pub(super) fn has_answer_files(&self, request_id: i64) -> Result<bool, RequestError> {
        self.conn
            .query_row(
                "SELECT EXISTS(SELECT 1 FROM request_answers WHERE request_id = ?1)",
                [request_id],
                |r| r.get(0),
            )
            .map_err(sql(&self.path))
    }
}
