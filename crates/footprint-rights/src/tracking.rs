//! Tracking a request after it is written: its status history, the legal transitions between
//! statuses, the due date with its rule, and what the user should do next.
//!
//! Every function that depends on the date takes `today` (no clock reads). "Overdue" is never
//! stored: [`Request::status_on`] computes it from today and the due date, and [`overdue`]
//! surfaces the overdue requests of a list.

use crate::deadline::{self, ClockPause, Due, DueOptions};
use crate::error::Error;
use crate::evidence::EvidenceItem;
use crate::ics::CalendarEvent;
use crate::identity::IdentityField;
use crate::letter::{
    CompanyContact, FollowUp, HistoryStep, LetterInput, LetterKind, Outcome, Step,
};
use crate::regime::{ClockPolicy, Regime, Regimes};
use crate::right::{Channel, RequestOptions, RequestType};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// Why a company refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", content = "text", rename_all = "snake_case")]
pub enum DenialReason {
    SuspectedFraud,
    InsufficientVerification,
    NoMatch,
    NotCovered,
    OutsideJurisdiction,
    TooManyRequests,
    Other(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Status {
    Draft,
    Sent,
    Acknowledged,
    /// The company asked for identity information; the clock may stand still (regime rule).
    WaitingForVerification,
    /// The company extended the time to answer.
    Extended,
    Fulfilled,
    PartiallyFulfilled,
    Denied {
        reason: DenialReason,
    },
    /// Computed by [`Request::status_on`]; never recorded.
    Overdue,
    ReminderSent,
    /// A complaint was filed with the authority.
    Escalated,
    Closed,
}

impl Status {
    pub fn name(&self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Sent => "sent",
            Status::Acknowledged => "acknowledged",
            Status::WaitingForVerification => "waiting_for_verification",
            Status::Extended => "extended",
            Status::Fulfilled => "fulfilled",
            Status::PartiallyFulfilled => "partially_fulfilled",
            Status::Denied { .. } => "denied",
            Status::Overdue => "overdue",
            Status::ReminderSent => "reminder_sent",
            Status::Escalated => "escalated",
            Status::Closed => "closed",
        }
    }

    /// The company owes an answer by a date.
    fn awaits_company(&self) -> bool {
        matches!(
            self,
            Status::Sent | Status::Acknowledged | Status::Extended | Status::ReminderSent
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    #[serde(flatten)]
    pub status: Status,
    pub date: NaiveDate,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Outgoing,
    Incoming,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageKind {
    Request,
    Reminder,
    Complaint,
    CompanyReply,
    AuthorityReply,
    Note,
}

/// One entry of the message log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub date: NaiveDate,
    pub direction: Direction,
    pub kind: MessageKind,
    pub summary: String,
    /// A file the user keeps with it (the PDF, the reply), as a path or name.
    #[serde(default)]
    pub attachment: Option<String>,
}

/// What the user should do next, and from when.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Send,
    SupplyIdentity,
    WaitForAnswer,
    SendReminder,
    FileComplaint,
    FollowUpWithAuthority,
    ReviewAnswer,
    ConsiderComplaint,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextAction {
    pub action: Action,
    pub date: NaiveDate,
    /// In words, with the rule when a deadline is involved.
    pub explanation: String,
}

/// What a new request needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewRequest {
    pub company: CompanyContact,
    pub regime: String,
    pub request_type: RequestType,
    #[serde(default)]
    pub options: RequestOptions,
    pub channel: Channel,
    pub identities: Vec<IdentityField>,
    #[serde(default)]
    pub evidence: Vec<EvidenceItem>,
    pub created: NaiveDate,
    /// Distinguishes requests to the same company of the same type on the same day.
    #[serde(default)]
    pub sequence: u32,
    /// Days a posted letter takes (default [`deadline::DEFAULT_POSTAL_DELAY_DAYS`]).
    #[serde(default)]
    pub postal_delay_days: Option<u32>,
    /// A holiday calendar id replacing the regime's (the company's country).
    #[serde(default)]
    pub calendar: Option<String>,
}

/// A data-rights request and everything that happened to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    pub reference: String,
    /// Frozen copy of the contact used, so later directory changes do not rewrite history.
    pub company: CompanyContact,
    pub regime: String,
    pub request_type: RequestType,
    pub options: RequestOptions,
    pub channel: Channel,
    #[serde(default)]
    pub proof_of_sending: Option<String>,
    /// The identities disclosed in the letter.
    pub identities: Vec<IdentityField>,
    pub evidence: Vec<EvidenceItem>,
    pub created: NaiveDate,
    pub sent: Option<NaiveDate>,
    pub received: Option<NaiveDate>,
    pub postal_delay_days: u32,
    pub calendar: Option<String>,
    pub history: Vec<StatusChange>,
    pub messages: Vec<Message>,
    /// Computed when sent, recomputed after verification pauses.
    pub due: Option<Due>,
    /// Closed identity-verification pauses.
    pub pauses: Vec<ClockPause>,
    /// The day the company asked for identity information, while still waiting.
    pub open_pause: Option<NaiveDate>,
    pub extended: bool,
    pub reminder: Option<Due>,
    pub complaint_filed: Option<NaiveDate>,
    pub authority_follow_up: Option<Due>,
    /// The language of the request's letters, chosen when it was created or changed by the
    /// user since; None for requests stored before letters had languages (see
    /// [`crate::letter::choose_lang`]).
    #[serde(default)]
    pub lang: Option<crate::letter::Lang>,
}

impl Request {
    /// A draft request. Fails if the regime is unknown or lacks the right with no fallback.
    pub fn new(n: NewRequest) -> Result<Request, Error> {
        let regime = Regimes::builtin().get(&n.regime)?;
        regime.resolve(n.request_type.right())?;
        if let Some(cal) = &n.calendar {
            crate::holidays::Calendars::builtin().get(cal)?;
        }
        let key = n
            .company
            .slug
            .clone()
            .unwrap_or_else(|| n.company.name.clone());
        let reference =
            crate::reference::make(&key, &n.regime, n.request_type, n.created, n.sequence);
        Ok(Request {
            reference,
            company: n.company,
            regime: n.regime,
            request_type: n.request_type,
            options: n.options,
            channel: n.channel,
            proof_of_sending: None,
            identities: n.identities,
            evidence: n.evidence,
            created: n.created,
            sent: None,
            received: None,
            postal_delay_days: n
                .postal_delay_days
                .unwrap_or(deadline::DEFAULT_POSTAL_DELAY_DAYS),
            calendar: n.calendar,
            history: vec![StatusChange {
                status: Status::Draft,
                date: n.created,
                note: None,
            }],
            messages: Vec::new(),
            due: None,
            pauses: Vec::new(),
            open_pause: None,
            extended: false,
            reminder: None,
            complaint_filed: None,
            authority_follow_up: None,
            lang: None,
        })
    }

    fn regime(&self) -> Result<&'static Regime, Error> {
        Regimes::builtin().get(&self.regime)
    }

    /// The last recorded status (never `Overdue`).
    pub fn status(&self) -> &Status {
        &self
            .history
            .last()
            .expect("history starts with draft")
            .status
    }

    fn last_date(&self) -> NaiveDate {
        self.history.last().expect("history starts with draft").date
    }

    /// Marks the request sent on `date`, with proof (registered-mail number, form receipt ...).
    pub fn send(&mut self, date: NaiveDate, proof: Option<String>) -> Result<(), Error> {
        self.mark(Status::Sent, date, None)?;
        self.proof_of_sending = proof;
        Ok(())
    }

    /// Records a status change on `date`, if the history allows it.
    pub fn mark(
        &mut self,
        status: Status,
        date: NaiveDate,
        note: Option<String>,
    ) -> Result<(), Error> {
        let from = self.status().clone();
        let refuse = |reason: String| Error::Transition {
            reference: self.reference.clone(),
            from: from.name(),
            to: status.name(),
            reason,
        };
        if date < self.last_date() {
            return Err(Error::DateOrder {
                reference: self.reference.clone(),
                what: format!("status {}", status.name()),
                date,
                earlier: self.last_date(),
                earlier_what: format!("status {}", from.name()),
            });
        }
        if from == Status::Closed {
            return Err(refuse("the request is closed".into()));
        }
        let sent_states = matches!(
            from,
            Status::Sent
                | Status::Acknowledged
                | Status::WaitingForVerification
                | Status::Extended
                | Status::ReminderSent
                | Status::Escalated
                | Status::PartiallyFulfilled
                | Status::Denied { .. }
                | Status::Fulfilled
        );
        let mut note = note;
        match &status {
            Status::Draft => return Err(refuse("a request cannot go back to draft".into())),
            Status::Overdue => {
                return Err(refuse(
                    "overdue is computed from the due date and today (see status_on), not recorded"
                        .into(),
                ))
            }
            Status::Sent => {
                if from != Status::Draft {
                    return Err(refuse(
                        "only a draft can be sent; it was sent already".into(),
                    ));
                }
            }
            Status::Acknowledged => {
                if !matches!(
                    from,
                    Status::Sent
                        | Status::WaitingForVerification
                        | Status::ReminderSent
                        | Status::Extended
                ) {
                    return Err(refuse(not_sent_or(
                        &from,
                        "only a request awaiting an answer can be acknowledged",
                    )));
                }
            }
            Status::WaitingForVerification => {
                if !matches!(
                    from,
                    Status::Sent | Status::Acknowledged | Status::Extended | Status::ReminderSent
                ) {
                    return Err(refuse(not_sent_or(
                        &from,
                        "only a request awaiting an answer can wait for verification",
                    )));
                }
            }
            Status::Extended => {
                if self.extended {
                    return Err(refuse("the time was already extended once".into()));
                }
                if !matches!(
                    from,
                    Status::Sent | Status::Acknowledged | Status::WaitingForVerification
                ) {
                    return Err(refuse(not_sent_or(
                        &from,
                        "only a request awaiting its first answer can be extended",
                    )));
                }
                let regime = self.regime()?;
                let (_, ext) = regime.deadline_for(self.request_type)?;
                if ext.is_none() {
                    return Err(refuse(format!(
                        "{} allows no extension for this request",
                        regime.short_name
                    )));
                }
                if let Some(due) = &self.due {
                    if date > due.date {
                        note = Some(join_note(
                            note,
                            &format!(
                                "the company announced the extension on {}, after the first deadline ({}), so it may not be valid",
                                date, due.date
                            ),
                        ));
                    }
                }
            }
            Status::Fulfilled | Status::PartiallyFulfilled | Status::Denied { .. } => {
                if !sent_states {
                    return Err(refuse("the request was never sent".into()));
                }
                if matches!(from, Status::Fulfilled) {
                    return Err(refuse(
                        "the request is already fulfilled; close it or file a complaint".into(),
                    ));
                }
            }
            Status::ReminderSent => match &from {
                Status::Sent | Status::Acknowledged | Status::Extended => {
                    let due = self
                        .effective_due()
                        .ok_or_else(|| refuse("no due date is known".into()))?;
                    if date <= due {
                        return Err(refuse(format!(
                                "the company still has until {due} to answer; a reminder can be sent from the day after"
                            )));
                    }
                }
                Status::PartiallyFulfilled | Status::Denied { .. } => {}
                Status::ReminderSent => {
                    return Err(refuse(
                        "a reminder was already sent; the next step is a complaint".into(),
                    ))
                }
                other => {
                    return Err(refuse(not_sent_or(
                        other,
                        "a reminder follows an unanswered, partial or refused request",
                    )))
                }
            },
            Status::Escalated => match &from {
                Status::ReminderSent
                | Status::Denied { .. }
                | Status::PartiallyFulfilled
                | Status::Fulfilled => {}
                Status::Sent | Status::Acknowledged | Status::Extended => {
                    let due = self
                        .effective_due()
                        .ok_or_else(|| refuse("no due date is known".into()))?;
                    if date <= due {
                        return Err(refuse(format!(
                            "the company still has until {due} to answer; a complaint can be filed after that"
                        )));
                    }
                }
                Status::Escalated => return Err(refuse("a complaint was already filed".into())),
                other => {
                    return Err(refuse(not_sent_or(
                        other,
                        "a complaint follows an unanswered, partial or refused request",
                    )))
                }
            },
            Status::Closed => {}
        }

        // Effects.
        let leaving_pause =
            from == Status::WaitingForVerification && status != Status::WaitingForVerification;
        if leaving_pause {
            if let Some(start) = self.open_pause.take() {
                self.pauses.push(ClockPause {
                    from: start,
                    until: date,
                });
            }
        }
        match &status {
            Status::Sent => {
                let receipt = deadline::receipt_date(self.channel, date, self.postal_delay_days);
                self.sent = Some(date);
                self.received = Some(receipt.date);
                self.messages.push(Message {
                    date,
                    direction: Direction::Outgoing,
                    kind: MessageKind::Request,
                    summary: receipt.text,
                    attachment: None,
                });
            }
            Status::WaitingForVerification => self.open_pause = Some(date),
            Status::Extended => self.extended = true,
            Status::ReminderSent => {
                let regime = self.regime()?;
                self.reminder = Some(deadline::reminder_due(
                    regime,
                    date,
                    self.calendar.as_deref(),
                )?);
                self.messages.push(Message {
                    date,
                    direction: Direction::Outgoing,
                    kind: MessageKind::Reminder,
                    summary: "reminder sent".into(),
                    attachment: None,
                });
            }
            Status::Escalated => {
                let regime = self.regime()?;
                self.complaint_filed = Some(date);
                self.authority_follow_up = deadline::authority_follow_up(regime, date);
                self.messages.push(Message {
                    date,
                    direction: Direction::Outgoing,
                    kind: MessageKind::Complaint,
                    summary: format!("complaint filed with {}", regime.authority.name),
                    attachment: None,
                });
            }
            Status::Fulfilled | Status::PartiallyFulfilled | Status::Denied { .. } => {
                self.messages.push(Message {
                    date,
                    direction: Direction::Incoming,
                    kind: MessageKind::CompanyReply,
                    summary: format!("company answer: {}", status.name()),
                    attachment: None,
                });
            }
            _ => {}
        }
        self.history.push(StatusChange { status, date, note });
        if matches!(self.status(), Status::Sent) || leaving_pause {
            self.recompute_due()?;
        }
        Ok(())
    }

    /// Adds a free entry to the message log.
    pub fn log(&mut self, message: Message) {
        self.messages.push(message);
    }

    fn recompute_due(&mut self) -> Result<(), Error> {
        let Some(received) = self.received else {
            return Ok(());
        };
        let regime = self.regime()?;
        let opts = DueOptions {
            calendar: self.calendar.as_deref(),
            pauses: &self.pauses,
        };
        self.due = Some(deadline::due_date_with(
            regime,
            self.request_type,
            received,
            &opts,
        )?);
        Ok(())
    }

    /// The date the company's current answer is due: the reminder's, the extended or the
    /// original one. `None` while the clock stands still for identity verification.
    pub fn effective_due(&self) -> Option<NaiveDate> {
        if self.status() == &Status::ReminderSent {
            return self.reminder.as_ref().map(|r| r.date);
        }
        if self.status() == &Status::WaitingForVerification && self.clock_stops() {
            return None;
        }
        let due = self.due.as_ref()?;
        if self.extended {
            due.extended_date.or(Some(due.date))
        } else {
            Some(due.date)
        }
    }

    fn clock_stops(&self) -> bool {
        self.regime()
            .map(|r| r.identity_clock.policy != ClockPolicy::None)
            .unwrap_or(false)
    }

    /// The status as of `today`: `Overdue` when the company owes an answer and its time is up.
    pub fn status_on(&self, today: NaiveDate) -> Status {
        let s = self.status();
        if s.awaits_company() {
            if let Some(due) = self.effective_due() {
                if today > due {
                    return Status::Overdue;
                }
            }
        }
        s.clone()
    }

    /// The next thing to do, and from when; `None` once closed.
    pub fn next_action(&self, today: NaiveDate) -> Option<NextAction> {
        let status_date = self.last_date();
        let next = |action, date, explanation: String| {
            Some(NextAction {
                action,
                date,
                explanation,
            })
        };
        match self.status() {
            Status::Draft => next(
                Action::Send,
                today.max(self.created),
                "send the request".into(),
            ),
            Status::Sent | Status::Acknowledged | Status::Extended => {
                let due = self.effective_due()?;
                let rule = self.due_rule();
                if today <= due {
                    next(
                        Action::WaitForAnswer,
                        due,
                        format!("the company must answer by {due}: {rule}"),
                    )
                } else {
                    let from = due + Days::new(1);
                    next(
                        Action::SendReminder,
                        from,
                        format!("the answer was due on {due} ({rule}); send a reminder"),
                    )
                }
            }
            Status::WaitingForVerification => {
                let since = self.open_pause.unwrap_or(status_date);
                let clock = if self.clock_stops() {
                    "the clock stands still until the company has it"
                } else {
                    "the clock keeps running meanwhile"
                };
                next(
                    Action::SupplyIdentity,
                    since,
                    format!("send the company the identity information it asked for on {since}; {clock}"),
                )
            }
            Status::ReminderSent => {
                let r = self.reminder.as_ref()?;
                if today <= r.date {
                    next(
                        Action::WaitForAnswer,
                        r.date,
                        format!("the reminder's time runs to {}: {}", r.date, r.rule_text),
                    )
                } else {
                    let authority = self
                        .regime()
                        .map(|g| g.authority.name.clone())
                        .unwrap_or_default();
                    next(
                        Action::FileComplaint,
                        r.date + Days::new(1),
                        format!("the reminder lapsed on {}; complain to {authority}", r.date),
                    )
                }
            }
            Status::Escalated => match &self.authority_follow_up {
                Some(f) => next(Action::FollowUpWithAuthority, f.date, f.rule_text.clone()),
                None => {
                    let filed = self.complaint_filed.unwrap_or(status_date);
                    let (d, _) = deadline::add_months(filed, 3);
                    next(
                        Action::FollowUpWithAuthority,
                        d,
                        format!("ask the authority about your complaint of {filed} (Footprint's check-in after 3 months, not a legal deadline)"),
                    )
                }
            },
            Status::Fulfilled => next(
                Action::ReviewAnswer,
                status_date,
                "check that the answer is complete, then close the request".into(),
            ),
            Status::PartiallyFulfilled => next(
                Action::SendReminder,
                status_date,
                "ask the company for what is missing".into(),
            ),
            Status::Denied { .. } => next(
                Action::ConsiderComplaint,
                status_date,
                "the company refused; you can send a reminder or complain to the authority".into(),
            ),
            Status::Overdue | Status::Closed => None,
        }
    }

    fn due_rule(&self) -> String {
        match &self.due {
            Some(d) if self.extended => d
                .extension_text
                .clone()
                .unwrap_or_else(|| d.rule_text.clone()),
            Some(d) => d.rule_text.clone(),
            None => String::new(),
        }
    }

    /// What the company did, for reminder and complaint letters.
    fn outcome(&self) -> Outcome {
        let last_answer = self.history.iter().rev().find_map(|c| match &c.status {
            Status::PartiallyFulfilled => Some(Outcome::Partial {
                detail: c.note.clone(),
            }),
            Status::Denied { reason } => Some(Outcome::Refused {
                reason: Some(denial_text(reason, c.note.as_deref())),
            }),
            _ => None,
        });
        last_answer.unwrap_or(Outcome::NoAnswer)
    }

    /// The original request's dates, for a reminder or complaint. Fails for a draft.
    pub fn follow_up(&self) -> Result<FollowUp, Error> {
        let (Some(sent), Some(received), Some(due)) = (self.sent, self.received, self.due.as_ref())
        else {
            return Err(Error::Transition {
                reference: self.reference.clone(),
                from: self.status().name(),
                to: "follow-up",
                reason: "the request was never sent".into(),
            });
        };
        Ok(FollowUp {
            request_type: self.request_type,
            sent,
            received,
            due: due.date,
            extended_due: if self.extended {
                due.extended_date
            } else {
                None
            },
            reminder_sent: self
                .messages
                .iter()
                .rev()
                .find(|m| m.kind == MessageKind::Reminder)
                .map(|m| m.date),
            reminder_due: self.reminder.as_ref().map(|r| r.date),
            outcome: self.outcome(),
            history: self
                .history
                .iter()
                .filter_map(|c| {
                    let step = match &c.status {
                        Status::Acknowledged => Step::Acknowledged,
                        Status::WaitingForVerification => Step::AskedForIdentity,
                        Status::Extended => Step::Extended,
                        Status::PartiallyFulfilled => Step::AnsweredInPart,
                        Status::Denied { .. } => Step::Refused,
                        _ => return None,
                    };
                    Some(HistoryStep { date: c.date, step })
                })
                .collect(),
        })
    }

    /// The letter for the request itself, dated `date` (the deadline assumes it is sent then).
    pub fn request_letter(&self, date: NaiveDate) -> Result<LetterInput, Error> {
        let regime = self.regime()?;
        let received = match self.received {
            Some(r) => r,
            None => deadline::receipt_date(self.channel, date, self.postal_delay_days).date,
        };
        let opts = DueOptions {
            calendar: self.calendar.as_deref(),
            pauses: &self.pauses,
        };
        let due = deadline::due_date_with(regime, self.request_type, received, &opts)?;
        Ok(self.letter_input(
            LetterKind::Request {
                request_type: self.request_type,
            },
            date,
            Some(due.date),
        ))
    }

    /// A reminder letter dated `date`, giving the company [`deadline::REMINDER_DAYS`] days.
    pub fn reminder_letter(&self, date: NaiveDate) -> Result<LetterInput, Error> {
        let regime = self.regime()?;
        let due = deadline::reminder_due(regime, date, self.calendar.as_deref())?;
        Ok(self.letter_input(
            LetterKind::Reminder {
                original: self.follow_up()?,
            },
            date,
            Some(due.date),
        ))
    }

    /// A complaint letter to the regime's authority, dated `date`.
    pub fn complaint_letter(&self, date: NaiveDate) -> Result<LetterInput, Error> {
        self.complaint_letter_to(date, None)
    }

    /// A complaint letter to `authority` (see [`crate::authority::competent_authority`]), or
    /// with `None` to the regime's authority, dated `date`.
    pub fn complaint_letter_to(
        &self,
        date: NaiveDate,
        authority: Option<crate::letter::AuthorityContact>,
    ) -> Result<LetterInput, Error> {
        Ok(self.letter_input(
            LetterKind::Complaint {
                original: self.follow_up()?,
                authority,
            },
            date,
            None,
        ))
    }

    fn letter_input(
        &self,
        kind: LetterKind,
        date: NaiveDate,
        deadline: Option<NaiveDate>,
    ) -> LetterInput {
        LetterInput {
            kind,
            regime: self.regime.clone(),
            requester: self.identities.clone(),
            company: self.company.clone(),
            options: self.options.clone(),
            date,
            deadline,
            reference: self.reference.clone(),
            evidence: self.evidence.clone(),
            channel: self.channel,
        }
    }

    /// The request's dates as all-day calendar events: answer due, extended due, reminder,
    /// reminder lapsed, authority follow-up.
    pub fn calendar_events(&self) -> Vec<CalendarEvent> {
        let mut out = Vec::new();
        let company = &self.company.name;
        let r = &self.reference;
        let ev =
            |kind: &str, date: NaiveDate, summary: String, description: String| CalendarEvent {
                uid: format!("{r}-{kind}@footprint.local"),
                date,
                summary,
                description,
            };
        if let Some(due) = &self.due {
            out.push(ev(
                "due",
                due.date,
                format!("{company}: answer due ({r})"),
                due.rule_text.clone(),
            ));
            if let (Some(ext), Some(text)) = (due.extended_date, &due.extension_text) {
                out.push(ev(
                    "extended",
                    ext,
                    format!("{company}: latest date if extended ({r})"),
                    text.clone(),
                ));
            }
            let remind = self.effective_due().unwrap_or(due.date) + Days::new(1);
            if self.reminder.is_none() {
                out.push(ev(
                    "remind",
                    remind,
                    format!("{company}: send a reminder if no answer ({r})"),
                    format!("The answer was due the day before. Footprint can write the reminder; it gives the company {} days.", deadline::REMINDER_DAYS),
                ));
            }
        }
        if let Some(rem) = &self.reminder {
            out.push(ev(
                "reminder-due",
                rem.date,
                format!("{company}: reminder answer due ({r})"),
                rem.rule_text.clone(),
            ));
            out.push(ev(
                "complain",
                rem.date + Days::new(1),
                format!("{company}: complain to the authority if no answer ({r})"),
                "The reminder has lapsed. Footprint can write the complaint.".into(),
            ));
        }
        if let Some(f) = &self.authority_follow_up {
            out.push(ev(
                "authority",
                f.date,
                format!("{company}: ask the authority about your complaint ({r})"),
                f.rule_text.clone(),
            ));
        }
        out
    }
}

/// The requests of `requests` that are overdue on `today`, most overdue first.
pub fn overdue(requests: &[Request], today: NaiveDate) -> Vec<&Request> {
    let mut out: Vec<&Request> = requests
        .iter()
        .filter(|r| r.status_on(today) == Status::Overdue)
        .collect();
    out.sort_by_key(|r| r.effective_due());
    out
}

fn not_sent_or(from: &Status, otherwise: &str) -> String {
    if *from == Status::Draft {
        "the request was never sent".into()
    } else {
        otherwise.into()
    }
}

fn join_note(note: Option<String>, extra: &str) -> String {
    match note {
        Some(n) => format!("{n}; {extra}"),
        None => extra.to_string(),
    }
}

fn denial_text(reason: &DenialReason, note: Option<&str>) -> String {
    let base = match reason {
        DenialReason::SuspectedFraud => "suspected fraud".to_string(),
        DenialReason::InsufficientVerification => "my identity could not be verified".to_string(),
        DenialReason::NoMatch => "no data matching me was found".to_string(),
        DenialReason::NotCovered => "the request is not covered by the law".to_string(),
        DenialReason::OutsideJurisdiction => "I am outside the law's jurisdiction".to_string(),
        DenialReason::TooManyRequests => "too many requests".to_string(),
        DenialReason::Other(t) => t.clone(),
    };
    match note {
        Some(n) if !n.is_empty() => format!("{base} ({n})"),
        _ => base,
    }
}
