//! Synthetic Reddit data request archives (FORMATS.md, "Others: Reddit"): one zip of flat
//! CSV files, each with a UTF-8 BOM, dates as `2025-05-18 04:35:32 UTC`, the `*_headers.csv`
//! twins of posts, comments and messages, `checkfile.csv`, and the files naming third
//! parties: `linked_identities.csv` (Google and Apple sign-in), `persona.csv`, `stripe.csv`,
//! `twitter.csv`, the processors of `purchases.csv` and `subscriptions.csv`.
//!
//! Two generations: `messages.csv` with `message_headers.csv` (older), or
//! `messages_archive.csv` with `messages_archive_headers.csv` and `chat_history.csv` (newer).
//! Messy options: votes split into numbered parts, upper-case headers, a localized file name,
//! empty cells, a 0-byte file, a cut-off file and a row with broken UTF-8.
//!
//! The owner is [`Persona::for_seed`]; everything is invented.

use crate::archive_writer::{ArchiveWriter, Container};
use crate::csv_files::{between, CsvText, HeaderCase};
use crate::names;
use crate::persona::Persona;
use crate::Rng;
use chrono::{DateTime, Utc};
use std::io;
use std::path::{Path, PathBuf};

/// Which message files the export has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RdGen {
    /// `messages.csv` and `message_headers.csv`.
    Messages,
    /// `messages_archive.csv`, `messages_archive_headers.csv` and `chat_history.csv`.
    MessagesArchive,
}

/// What a generated Reddit export holds.
#[derive(Debug, Clone)]
pub struct RedditSpec {
    pub seed: u64,
    pub generation: RdGen,
    pub posts: usize,
    pub comments: usize,
    pub messages: usize,
    pub post_votes: usize,
    pub comment_votes: usize,
    pub saved: usize,
    pub subreddits: usize,
    pub ip_logs: usize,
    /// Rows of `purchases.csv`, processors by [`processor`].
    pub purchases: usize,
    /// Write `post_votes.csv` as `post_votes_1.csv` and `post_votes_2.csv`.
    pub split_votes: bool,
    /// Put everything in one folder (`export_<username>_20240302/`).
    pub top_folder: bool,
    /// Header names in upper case.
    pub upper_headers: bool,
    /// `posts.csv` as `beitraege.csv`: known only by its header.
    pub localized_names: bool,
    /// Empty cells where values are optional (post url, comment media, message subject).
    pub placeholders: bool,
    /// A 0-byte `hidden_posts.csv`, a cut-off `comments.csv`, a broken-UTF-8 row in
    /// `comment_votes.csv`.
    pub damaged: bool,
    pub macos_junk: bool,
    pub container: Container,
}

impl Default for RedditSpec {
    fn default() -> Self {
        RedditSpec {
            seed: 1,
            generation: RdGen::MessagesArchive,
            posts: 6,
            comments: 12,
            messages: 6,
            post_votes: 10,
            comment_votes: 8,
            saved: 3,
            subreddits: 5,
            ip_logs: 4,
            purchases: 3,
            split_votes: false,
            top_folder: false,
            upper_headers: false,
            localized_names: false,
            placeholders: false,
            damaged: false,
            macos_junk: false,
            container: Container::Zip,
        }
    }
}

/// Sign-in providers of `linked_identities.csv`: (issuer URL, the company it names).
pub const PROVIDERS: &[(&str, &str)] = &[
    ("https://accounts.google.com", "Google"),
    ("https://appleid.apple.com", "Apple"),
];
const SUBREDDITS: &[&str] = &[
    "rust",
    "cycling",
    "AskEurope",
    "coffee",
    "datasets",
    "Cooking",
    "photography",
    "boardgames",
];

/// The payment processor of the i-th purchase (and of the subscription, i = 0).
pub fn processor(i: usize) -> &'static str {
    ["Stripe", "Apple", "Google"][i % 3]
}

/// The Reddit username of the persona (Reddit allows `_`, not `.`).
pub fn username(me: &Persona) -> String {
    me.username.replace('.', "_")
}

/// How many files the importer must parse (non-empty data files, header twins and the
/// checksum file excluded).
pub fn data_files(spec: &RedditSpec) -> usize {
    let common = 32 + usize::from(spec.split_votes) - usize::from(spec.damaged);
    match spec.generation {
        RdGen::Messages => common + 1,
        RdGen::MessagesArchive => common + 2,
    }
}

struct Gen<'a> {
    spec: &'a RedditSpec,
    rng: Rng,
    me: Persona,
    w: ArchiveWriter,
    /// (file name, bytes) of everything written, for `checkfile.csv`.
    written: Vec<(String, usize)>,
}

impl Gen<'_> {
    fn table(&self, header: &[&str]) -> CsvText {
        let case = if self.spec.upper_headers {
            HeaderCase::Upper
        } else {
            HeaderCase::AsIs
        };
        // Reddit writes a BOM before every file.
        CsvText::cased(header, case, true)
    }

    fn put(&mut self, name: &str, bytes: &[u8]) -> io::Result<()> {
        self.written.push((name.to_string(), bytes.len()));
        self.w.add(name, bytes)
    }

    fn when(&mut self) -> String {
        self.time().format("%Y-%m-%d %H:%M:%S UTC").to_string()
    }

    fn time(&mut self) -> DateTime<Utc> {
        between(&mut self.rng, 1_451_606_400, 1_709_251_200)
    }

    fn id(&mut self) -> String {
        format!("{:x}", 0x1_0000 + self.rng.below(0xF_0000))
    }

    fn sub(&mut self) -> &'static str {
        SUBREDDITS[self.rng.below(SUBREDDITS.len() as u64) as usize]
    }

    fn maybe<'s>(&mut self, s: &'s str) -> &'s str {
        if self.spec.placeholders && self.rng.chance(0.4) {
            ""
        } else {
            s
        }
    }

    fn sentence(&mut self) -> String {
        let a = *self.rng.pick(names::WORDS);
        let b = *self.rng.pick(names::WORDS);
        format!("Any tips for {a}, \"honestly\"?\nI tried {b}.")
    }

    fn content(&mut self) -> io::Result<()> {
        let s = self.spec.clone();
        let full = [
            "id",
            "permalink",
            "date",
            "ip",
            "subreddit",
            "gildings",
            "title",
            "url",
            "body",
        ];
        let mut posts = self.table(&full);
        let mut heads = self.table(&full[..8]);
        for _ in 0..s.posts {
            let (id, sub, date) = (self.id(), self.sub(), self.when());
            let link = format!("https://www.reddit.com/r/{sub}/comments/{id}/a_question/");
            let url = self.maybe("https://example.com/article").to_string();
            let body = self.sentence();
            let row = [
                id.as_str(),
                &link,
                &date,
                "198.51.100.23",
                sub,
                "0",
                "A question",
                &url,
                &body,
            ];
            posts.row(&row);
            heads.row(&row[..8]);
        }
        let posts_name = if s.localized_names {
            "beitraege.csv"
        } else {
            "posts.csv"
        };
        self.put(posts_name, &posts.into_bytes())?;
        self.put("post_headers.csv", &heads.into_bytes())?;

        let full = [
            "id",
            "permalink",
            "date",
            "ip",
            "subreddit",
            "gildings",
            "link",
            "parent",
            "body",
            "media",
        ];
        let mut comments = self.table(&full);
        let mut heads = self.table(&full[..8]);
        for _ in 0..s.comments {
            let (id, sub, date) = (self.id(), self.sub(), self.when());
            let post = self.id();
            let link = format!("https://www.reddit.com/r/{sub}/comments/{post}/x/{id}/");
            let body = self.sentence();
            let media = self.maybe("").to_string();
            let row = [
                id.as_str(),
                &link,
                &date,
                "198.51.100.23",
                sub,
                "0",
                &format!("https://www.reddit.com/r/{sub}/comments/{post}/x/"),
                &format!("t3_{post}"),
                &body,
                &media,
            ];
            comments.row(&row);
            heads.row(&row[..8]);
        }
        let mut bytes = comments.into_bytes();
        if s.damaged {
            bytes.truncate(bytes.len() - 10);
        }
        self.put("comments.csv", &bytes)?;
        self.put("comment_headers.csv", &heads.into_bytes())?;

        let mut t = self.table(&[
            "id",
            "title",
            "body",
            "kind",
            "created",
            "spoiler",
            "nsfw",
            "original_content",
            "content_category",
            "flair_id",
            "flair_text",
            "send_replies",
            "subreddit",
            "is_public_link",
        ]);
        let (id, d) = (self.id(), self.when());
        t.row(&[
            id.as_str(),
            "Half-written idea",
            "More later",
            "self",
            &d,
            "false",
            "false",
            "false",
            "",
            "",
            "",
            "true",
            "rust",
            "false",
        ]);
        self.put("drafts.csv", &t.into_bytes())?;
        let mut t = self.table(&[
            "scheduled_post_id",
            "subreddit",
            "title",
            "body",
            "url",
            "submission_time",
            "recurrence",
        ]);
        let d = self.when();
        t.row(&[
            "sp_1",
            "cycling",
            "Weekly ride thread",
            "Where to this week?",
            "",
            &d,
            "weekly",
        ]);
        self.put("scheduled_posts.csv", &t.into_bytes())?;
        let mut t = self.table(&["content_link", "gold_received", "gilder_username", "date"]);
        let d = self.when();
        t.row(&[
            "https://www.reddit.com/r/rust/comments/abc/x/",
            "1",
            "kind_stranger",
            &d,
        ]);
        self.put("gold_received.csv", &t.into_bytes())
    }

    fn messages(&mut self) -> io::Result<()> {
        let s = self.spec.clone();
        let me = username(&self.me);
        let full = [
            "id",
            "permalink",
            "thread_id",
            "date",
            "ip",
            "from",
            "to",
            "subject",
            "body",
        ];
        let mut t = self.table(&full);
        let mut heads = self.table(&full[..8]);
        for i in 0..s.messages {
            let (id, date) = (self.id(), self.when());
            let other = format!("{}_{}", self.rng.pick(names::FIRST).to_lowercase(), i);
            let (from, to) = if i % 2 == 0 {
                (me.clone(), other)
            } else {
                (other, me.clone())
            };
            let subject = self.maybe("re: the meetup").to_string();
            let body = self.sentence();
            let row = [
                id.as_str(),
                &format!("https://www.reddit.com/message/messages/{id}"),
                &format!("t4_{}", i / 2),
                &date,
                "198.51.100.23",
                &from,
                &to,
                &subject,
                &body,
            ];
            t.row(&row);
            heads.row(&row[..8]);
        }
        let (name, heads_name) = match s.generation {
            RdGen::Messages => ("messages.csv", "message_headers.csv"),
            RdGen::MessagesArchive => ("messages_archive.csv", "messages_archive_headers.csv"),
        };
        self.put(name, &t.into_bytes())?;
        self.put(heads_name, &heads.into_bytes())?;
        let mut t = self.table(&[
            "announcement_id",
            "sent_at",
            "read_at",
            "from_id",
            "from_username",
            "subject",
            "body",
            "url",
        ]);
        let (a, b) = (self.when(), self.when());
        t.row(&[
            "ann_1",
            a.as_str(),
            &b,
            "t2_1",
            "reddit",
            "Your year on Reddit",
            "Here is your recap.",
            "https://www.reddit.com/recap",
        ]);
        self.put("announcements.csv", &t.into_bytes())?;
        if s.generation == RdGen::MessagesArchive {
            let mut t = self.table(&[
                "message_id",
                "created_at",
                "updated_at",
                "username",
                "message",
                "thread_parent_message_id",
                "channel_url",
                "subreddit",
                "channel_name",
                "conversation_type",
            ]);
            for i in 0..3 {
                let (c, body) = (self.when(), self.sentence());
                let who = if i % 2 == 0 {
                    me.clone()
                } else {
                    "noa_7".to_string()
                };
                t.row(&[
                    format!("msg_{i}").as_str(),
                    &c,
                    &c,
                    &who,
                    &body,
                    "",
                    "sendbird_group_channel_1",
                    "",
                    "Ride buddies",
                    "direct",
                ]);
            }
            self.put("chat_history.csv", &t.into_bytes())?;
        }
        Ok(())
    }

    fn activity(&mut self) -> io::Result<()> {
        let s = self.spec.clone();
        let mut votes = Vec::new();
        for i in 0..s.post_votes {
            let (id, sub) = (self.id(), self.sub());
            votes.push([
                id.clone(),
                format!("https://www.reddit.com/r/{sub}/comments/{id}/p/"),
                if i % 4 == 3 { "down" } else { "up" }.to_string(),
            ]);
        }
        let header = ["id", "permalink", "direction"];
        if s.split_votes {
            let half = votes.len() / 2;
            for (n, part) in [(1, &votes[..half]), (2, &votes[half..])] {
                let mut t = self.table(&header);
                part.iter().for_each(|r| {
                    t.row(r);
                });
                self.put(&format!("post_votes_{n}.csv"), &t.into_bytes())?;
            }
        } else {
            let mut t = self.table(&header);
            votes.iter().for_each(|r| {
                t.row(r);
            });
            self.put("post_votes.csv", &t.into_bytes())?;
        }
        let mut t = self.table(&header);
        for _ in 0..s.comment_votes {
            let (id, sub) = (self.id(), self.sub());
            t.row(&[
                id.as_str(),
                &format!("https://www.reddit.com/r/{sub}/comments/abc/p/{id}/"),
                "up",
            ]);
        }
        let bytes = if s.damaged {
            t.into_bytes_with(b"k\xff\xfe1,https://www.reddit.com/r/x/comments/y/,up\n")
        } else {
            t.into_bytes()
        };
        self.put("comment_votes.csv", &bytes)?;
        for name in ["saved_posts.csv", "saved_comments.csv", "hidden_posts.csv"] {
            let mut t = self.table(&["id", "permalink"]);
            for _ in 0..s.saved {
                let (id, sub) = (self.id(), self.sub());
                t.row(&[
                    id.as_str(),
                    &format!("https://www.reddit.com/r/{sub}/comments/{id}/s/"),
                ]);
            }
            let bytes = if s.damaged && name == "hidden_posts.csv" {
                Vec::new()
            } else {
                t.into_bytes()
            };
            self.put(name, &bytes)?;
        }
        let mut t = self.table(&[
            "post_id",
            "user_selection",
            "text",
            "image_url",
            "is_prediction",
            "stake_amount",
        ]);
        t.row(&["t3_poll1", "2", "Gravel bike", "", "false", ""]);
        self.put("poll_votes.csv", &t.into_bytes())?;
        let mut t = self.table(&[
            "id",
            "display_name",
            "date",
            "description",
            "privacy",
            "subreddits",
            "image_url",
            "is_owner",
            "favorited",
            "followers",
        ]);
        let d = self.when();
        t.row(&[
            "multi_1",
            "Morning reads",
            d.as_str(),
            "",
            "private",
            "rust,coffee",
            "",
            "true",
            "false",
            "0",
        ]);
        self.put("multireddits.csv", &t.into_bytes())?;
        let mut t = self.table(&["preference", "value"]);
        for (k, v) in [
            ("lang", "en"),
            ("theme", "dark"),
            ("email_digests", "false"),
        ] {
            t.row(&[k, v]);
        }
        self.put("user_preferences.csv", &t.into_bytes())?;
        let mut t = self.table(&["type", "preference"]);
        for (k, v) in [
            ("alcohol", "see fewer"),
            ("gambling", "see fewer"),
            ("dating", "allowed"),
        ] {
            t.row(&[k, v]);
        }
        self.put("sensitive_ads_preferences.csv", &t.into_bytes())?;
        for (name, n) in [
            ("subscribed_subreddits.csv", s.subreddits),
            ("moderated_subreddits.csv", 1),
            ("approved_submitter_subreddits.csv", 1),
        ] {
            let mut t = self.table(&["subreddit"]);
            for sub in SUBREDDITS.iter().take(n) {
                t.row(&[*sub]);
            }
            self.put(name, &t.into_bytes())?;
        }
        let mut t = self.table(&["username", "note"]);
        t.row(&["noa_7", "met at the ride"]);
        self.put("friends.csv", &t.into_bytes())
    }

    fn account(&mut self) -> io::Result<()> {
        let s = self.spec.clone();
        let me = self.me.clone();
        let user = username(&me);
        let mut t = self.table(&["statistic", "value"]);
        for (k, v) in [
            ("account name", user.as_str()),
            ("export time", "2024-03-02 10:00:00 UTC"),
            ("is_deleted", "False"),
            ("registration date", "2016-04-01 12:00:00 UTC"),
            ("email", me.email.as_str()),
            ("verified", "True"),
            ("email verified", "True"),
            ("karma", "1234"),
        ] {
            t.row(&[k, v]);
        }
        self.put("statistics.csv", &t.into_bytes())?;
        let mut t = self.table(&["date", "ip"]);
        for i in 0..s.ip_logs {
            let d = self.when();
            t.row(&[d.as_str(), &format!("203.0.113.{}", 20 + i)]);
        }
        self.put("ip_logs.csv", &t.into_bytes())?;
        let mut t = self.table(&["account_gender"]);
        t.row(&["female"]);
        self.put("account_gender.csv", &t.into_bytes())?;
        let mut t = self.table(&["birthdate", "verified_birthdate"]);
        t.row(&[me.birth_date().as_str(), ""]);
        self.put("birthdate.csv", &t.into_bytes())?;
        let mut t = self.table(&["phone_number"]);
        t.row(&[me.phone.as_str()]);
        self.put("linked_phone_number.csv", &t.into_bytes())?;
        let mut t = self.table(&["issuer_id", "subject_id"]);
        for (i, (issuer, _)) in PROVIDERS.iter().enumerate() {
            t.row(&[
                *issuer,
                &format!("{}{:08}", 100 + i, self.rng.below(100_000_000)),
            ]);
        }
        self.put("linked_identities.csv", &t.into_bytes())?;
        let mut t = self.table(&["persona_inquiry_id"]);
        t.row(&[format!("inq_{:012x}", self.rng.below(1 << 40)).as_str()]);
        self.put("persona.csv", &t.into_bytes())?;
        let mut t = self.table(&["stripe_account_id"]);
        t.row(&[format!("acct_{:016x}", self.rng.below(1 << 60)).as_str()]);
        self.put("stripe.csv", &t.into_bytes())?;
        let mut t = self.table(&["username"]);
        t.row(&[me.username.as_str()]);
        self.put("twitter.csv", &t.into_bytes())
    }

    fn money(&mut self) -> io::Result<()> {
        let s = self.spec.clone();
        let mut t = self.table(&[
            "processor",
            "transaction_id",
            "product",
            "date",
            "cost",
            "currency",
            "status",
        ]);
        for i in 0..s.purchases {
            let d = self.when();
            t.row(&[
                processor(i),
                &format!("txn_{i:04}"),
                "500 Coins",
                &d,
                "4.99",
                "USD",
                "completed",
            ]);
        }
        self.put("purchases.csv", &t.into_bytes())?;
        let mut t = self.table(&[
            "processor",
            "subscription_id",
            "product",
            "product_id",
            "product_name",
            "status",
            "start_date",
            "end_date",
        ]);
        let (a, b) = (self.when(), self.when());
        let (start, end) = if a <= b { (a, b) } else { (b, a) };
        t.row(&[
            processor(0),
            "sub_0001",
            "premium",
            "prod_1",
            "Reddit Premium",
            "canceled",
            &start,
            &end,
        ]);
        self.put("subscriptions.csv", &t.into_bytes())?;
        let mut t = self.table(&["payout_amount_usd", "date", "payout_id"]);
        let d = self.when();
        t.row(&["12.50", d.as_str(), "po_1"]);
        self.put("payouts.csv", &t.into_bytes())?;
        let mut t = self.table(&["content_link", "award", "amount", "date"]);
        let d = self.when();
        t.row(&[
            "https://www.reddit.com/r/cycling/comments/def/x/",
            "Helpful",
            "1",
            &d,
        ]);
        self.put("gilded_content.csv", &t.into_bytes())
    }

    /// `checkfile.csv`: one line per file written (invented digests).
    fn checkfile(&mut self) -> io::Result<()> {
        let mut t = self.table(&["filename", "sha256"]);
        for (name, len) in self.written.clone() {
            t.row(&[
                name.as_str(),
                &format!("{:064x}", len as u128 * 0x9E37_79B9_7F4A_7C15),
            ]);
        }
        self.put("checkfile.csv", &t.into_bytes())
    }
}

/// Write a Reddit export at `out` (a zip path; parts and tgz by `spec.container`).
pub fn generate(spec: &RedditSpec, out: &Path) -> io::Result<Vec<PathBuf>> {
    let me = Persona::for_seed(spec.seed);
    let mut w = ArchiveWriter::new(out, spec.container)?.macos_junk(spec.macos_junk);
    if spec.top_folder {
        w = w.top_folder(&format!("export_{}_20240302", username(&me)));
    }
    let mut g = Gen {
        spec,
        rng: Rng::new(spec.seed ^ 0x5EDD17),
        me,
        w,
        written: Vec::new(),
    };
    g.content()?;
    g.messages()?;
    g.activity()?;
    g.account()?;
    g.money()?;
    g.checkfile()?;
    g.w.finish()
}
