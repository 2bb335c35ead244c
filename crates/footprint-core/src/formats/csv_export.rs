//! Exports that are a set of flat CSV files (LinkedIn, Reddit): one table of known files
//! drives classification by name, classification by header, recognition and, for most files,
//! the records themselves (one row, one record, described by a [`RowSpec`]).
//!
//! A file is known by its stem in [`norm_column`] form, so `Email Addresses.csv`,
//! `Email_Addresses.csv` and `email addresses.CSV` are one file, and numbered parts
//! (`post_votes_1.csv`) are their family. Under another (older, localized) name it is still
//! known by its header: the [`CsvFile::signature`] columns.
//!
//! Rows are read by [`CsvTable`] (BOM, `Notes:` preamble, duplicate headers, broken rows as
//! warnings). A row shorter than the header (a truncated file's last row) is imported and
//! reported; a date that does not parse is reported and the record keeps no time.

use super::csv_table::{norm_column, CsvTable, Row};
use super::lenient::is_placeholder;
use super::sniff;
use crate::archive::ArchiveView;
use crate::importer::{FileRole, ImportCx, ParseError, Recognition};
use crate::model::{Category, IdentityKind, Record, Relation};
use crate::money::Money;
use std::collections::BTreeSet;
use std::io::Read;

/// Where a record's third party comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CompanyFrom {
    /// No third party.
    None,
    /// The first of these columns with a value names it.
    Column(&'static [&'static str], Relation),
    /// The file itself is about one company (`persona.csv` is Persona).
    Fixed(&'static str, Relation),
}

/// How one row becomes one record.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RowSpec {
    pub kind: &'static str,
    pub category: Category,
    /// Title templates with `{Column}` placeholders; the first whose placeholders all have
    /// values wins (else the row's first `column: value`).
    pub titles: &'static [&'static str],
    /// Columns holding the long text, first with a value; kept out of `data`.
    pub body: &'static [&'static str],
    /// Columns holding the time, first with a value.
    pub time: &'static [&'static str],
    pub time_end: &'static [&'static str],
    /// Columns that identify the row across exports; empty: every value of the row.
    pub key: &'static [&'static str],
    pub company: CompanyFrom,
    /// Columns holding the row's amount (first with a value) and its currency: the record
    /// carries it as [`crate::money::Money`]. Empty: no amount.
    pub amount: &'static [&'static str],
    pub currency: &'static [&'static str],
    /// The amount is money returned (a refund): negative whatever sign the file writes.
    pub refund: bool,
    /// Columns that hold one of the user's own identifiers (an e-mail, a phone): each value
    /// becomes an identity as well as part of the record.
    pub identities: &'static [(&'static str, IdentityKind)],
}

impl RowSpec {
    pub const fn new(
        kind: &'static str,
        category: Category,
        titles: &'static [&'static str],
    ) -> Self {
        RowSpec {
            kind,
            category,
            titles,
            body: &[],
            time: &[],
            time_end: &[],
            key: &[],
            company: CompanyFrom::None,
            amount: &[],
            currency: &[],
            refund: false,
            identities: &[],
        }
    }
    /// The row's amount is in one of `amount`, its currency code in one of `currency` (or
    /// in the amount's own text: `$12.99`).
    pub const fn money(
        mut self,
        amount: &'static [&'static str],
        currency: &'static [&'static str],
    ) -> Self {
        self.amount = amount;
        self.currency = currency;
        self
    }
    /// The amount is a refund: stored negative.
    pub const fn refund(mut self) -> Self {
        self.refund = true;
        self
    }
    pub const fn body(mut self, columns: &'static [&'static str]) -> Self {
        self.body = columns;
        self
    }
    pub const fn time(mut self, columns: &'static [&'static str]) -> Self {
        self.time = columns;
        self
    }
    pub const fn until(mut self, columns: &'static [&'static str]) -> Self {
        self.time_end = columns;
        self
    }
    pub const fn key(mut self, columns: &'static [&'static str]) -> Self {
        self.key = columns;
        self
    }
    pub const fn company(mut self, company: CompanyFrom) -> Self {
        self.company = company;
        self
    }
    pub const fn identities(mut self, columns: &'static [(&'static str, IdentityKind)]) -> Self {
        self.identities = columns;
        self
    }
}

/// One known file of an export.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvFile {
    /// Stems in [`norm_column`] form (`emailaddresses`).
    pub names: &'static [&'static str],
    /// Columns that identify the file by its header when its name is unknown; empty: by name
    /// only (headers like `id,permalink` are shared by several files).
    pub signature: &'static [&'static str],
    /// `Parse(tag)` or `Skip(why)`.
    pub role: FileRole,
    /// How rows become records; `None`: the importer has its own parser for the tag.
    pub rows: Option<RowSpec>,
}

impl CsvFile {
    /// A file parsed row by row with `spec` (the tag is the spec's kind).
    pub const fn rows(
        names: &'static [&'static str],
        signature: &'static [&'static str],
        tag: &'static str,
        spec: RowSpec,
    ) -> Self {
        CsvFile {
            names,
            signature,
            role: FileRole::Parse(tag),
            rows: Some(spec),
        }
    }
    /// A file the importer parses itself.
    pub const fn custom(
        names: &'static [&'static str],
        signature: &'static [&'static str],
        tag: &'static str,
    ) -> Self {
        CsvFile {
            names,
            signature,
            role: FileRole::Parse(tag),
            rows: None,
        }
    }
    /// A file of the export that is not imported, with why.
    pub const fn skip(names: &'static [&'static str], why: &'static str) -> Self {
        CsvFile {
            names,
            signature: &[],
            role: FileRole::Skip(why),
            rows: None,
        }
    }
    pub fn tag(&self) -> Option<&'static str> {
        match self.role {
            FileRole::Parse(t) => Some(t),
            _ => None,
        }
    }
}

/// The stem of a `.csv` path in [`norm_column`] form, or `None` for other files.
pub fn csv_stem(path: &str) -> Option<String> {
    let name = path.rsplit('/').next().unwrap_or(path);
    let (stem, ext) = name.rsplit_once('.')?;
    ext.eq_ignore_ascii_case("csv").then(|| norm_column(stem))
}

/// The known file at `path`, by name: exact stem first, then without a part number.
pub fn by_name<'a>(files: &'a [CsvFile], path: &str) -> Option<&'a CsvFile> {
    let stem = csv_stem(path)?;
    let find = |s: &str| files.iter().find(|f| f.names.contains(&s));
    find(&stem).or_else(|| {
        let unnumbered = stem.trim_end_matches(|c: char| c.is_ascii_digit());
        (unnumbered.len() < stem.len() && !unnumbered.is_empty())
            .then(|| find(unnumbered))
            .flatten()
    })
}

/// The role of `path` by name ([`FileRole::Unknown`] when no file is known by it).
pub fn classify(files: &[CsvFile], path: &str) -> FileRole {
    by_name(files, path)
        .map(|f| f.role.clone())
        .unwrap_or(FileRole::Unknown)
}

/// The role of a CSV file from its header: the first file whose signature columns are all
/// there.
pub fn classify_content(files: &[CsvFile], path: &str, head: &[u8]) -> Option<FileRole> {
    csv_stem(path)?;
    let header = sniff::csv_header(head);
    files
        .iter()
        .filter(|f| !f.signature.is_empty() && matches!(f.role, FileRole::Parse(_)))
        .find(|f| f.signature.iter().all(|c| header.contains(&norm_column(c))))
        .map(|f| f.role.clone())
}

/// The known file whose parser is `tag`.
pub fn by_tag<'a>(files: &'a [CsvFile], tag: &str) -> Option<&'a CsvFile> {
    files.iter().find(|f| f.tag() == Some(tag))
}

/// How sure we are that `view` is the export whose distinctive file stems are `markers`
/// (stems only this platform writes): two or more found give 1.0, one 0.95.
pub fn recognize(view: &ArchiveView, markers: &[&str], platform: &str) -> Recognition {
    let mut found = BTreeSet::new();
    for e in view.entries() {
        if let Some(stem) = csv_stem(&e.path) {
            let unnumbered = stem
                .trim_end_matches(|c: char| c.is_ascii_digit())
                .to_string();
            if markers.iter().any(|m| *m == stem || *m == unnumbered) {
                found.insert(e.path.rsplit('/').next().unwrap_or(&e.path).to_string());
            }
        }
        if found.len() >= 3 {
            break;
        }
    }
    match found.len() {
        0 => Recognition::no(),
        n => Recognition::yes(
            if n >= 2 { 1.0 } else { 0.95 },
            format!(
                "found {} (only {platform} exports have them)",
                found.into_iter().collect::<Vec<_>>().join(", ")
            ),
        ),
    }
}

/// A cell's value, or `None` for empty cells and placeholders (`N/A`, `null`).
pub fn value<'t>(row: &Row<'t>, column: &str) -> Option<&'t str> {
    row.get_all(column)
        .into_iter()
        .find(|v| !v.is_empty() && !is_placeholder(v))
}

/// The first of `columns` with a value.
pub fn value_any<'t>(row: &Row<'t>, columns: &[&str]) -> Option<&'t str> {
    columns.iter().find_map(|c| value(row, c))
}

/// The time in the first of `columns` with a value, through [`crate::time::parse`]. A
/// value that is not a date is reported with the row's line.
pub fn row_time(cx: &mut ImportCx<'_>, row: &Row<'_>, columns: &[&str]) -> Option<i64> {
    let (column, raw) = columns
        .iter()
        .find_map(|c| value(row, c).map(|v| (*c, v)))?;
    let ms = crate::time::parse(raw);
    if ms.is_none() {
        cx.warn(
            Some(row.index),
            format!("line {}: `{column}` is not a date: {raw:?}", row.line),
        );
    }
    ms
}

/// Fill a `{Column}` template; `None` when a placeholder has no value.
pub fn fill(template: &str, row: &Row<'_>) -> Option<String> {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}')? + open;
        out.push_str(value(row, &rest[open + 1..close])?);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// Read every row of a CSV file and hand it to `f`. A row with fewer cells than the header
/// (what a cut-off file ends with) is reported and still handed on.
pub fn each_row(
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
    mut f: impl FnMut(&mut ImportCx<'_>, &Row<'_>) -> Result<(), ParseError>,
) -> Result<(), ParseError> {
    let mut table =
        CsvTable::new(reader).map_err(|e| ParseError::Structure(format!("{}: {e}", cx.file)))?;
    let width = table.header().len();
    while let Some(row) = table.next_row(cx) {
        let cells = row.pairs().len();
        if row.cells() < width {
            cx.warn(
                Some(row.index),
                format!(
                    "line {}: {} of {width} columns (truncated row?); {cells} values kept",
                    row.line,
                    row.cells()
                ),
            );
        }
        f(cx, &row)?;
    }
    Ok(())
}

/// Read the rows of a small head (an account lookup) until `f` returns `Some`. Damaged
/// rows are passed over silently: the import reports them.
pub fn find_row<T>(head: &[u8], mut f: impl FnMut(&Row<'_>) -> Option<T>) -> Option<T> {
    let mut table = CsvTable::new(head).ok()?;
    let mut ignored = crate::testing::MemorySink::default();
    let mut cx = ImportCx::new("", &mut ignored);
    while let Some(row) = table.next_row(&mut cx) {
        if let Some(t) = f(&row) {
            return Some(t);
        }
    }
    None
}

/// The natural key of a row: the spec's key columns, or every value.
fn key_parts<'t>(row: &Row<'t>, key: &[&str]) -> Vec<&'t str> {
    if key.is_empty() {
        row.pairs().into_iter().map(|(_, v)| v).collect()
    } else {
        key.iter().map(|c| value(row, c).unwrap_or("")).collect()
    }
}

/// The record `spec` makes of `row` (without emitting it), for importers that add to it.
pub fn record(cx: &mut ImportCx<'_>, spec: &RowSpec, row: &Row<'_>) -> Record {
    for (column, kind) in spec.identities {
        if let Some(v) = value(row, column) {
            cx.identity(*kind, v);
        }
    }
    let title = spec
        .titles
        .iter()
        .find_map(|t| fill(t, row))
        .or_else(|| row.pairs().first().map(|(h, v)| format!("{h}: {v}")));
    let body = value_any(row, spec.body);
    let mut data = row.to_json();
    if let Some(obj) = data.as_object_mut() {
        obj.retain(|k, _| !spec.body.iter().any(|b| norm_column(b) == norm_column(k)));
    }
    let mut r = Record::new(spec.kind, spec.category)
        .at(row_time(cx, row, spec.time))
        .until(row_time(cx, row, spec.time_end))
        .title_opt(title)
        .body_opt(body.map(str::to_string))
        .data(&data)
        .with_key(&key_parts(row, spec.key));
    match spec.company {
        CompanyFrom::None => {}
        CompanyFrom::Column(columns, relation) => {
            if let Some(name) = value_any(row, columns) {
                r = r.company(name, relation);
            }
        }
        CompanyFrom::Fixed(name, relation) => r = r.company(name, relation),
    }
    r.money_opt(row_money(cx, spec, row))
}

/// The amount of `row` by `spec` (a warning with the line when it cannot be read).
fn row_money(cx: &mut ImportCx<'_>, spec: &RowSpec, row: &Row<'_>) -> Option<Money> {
    let raw = value_any(row, spec.amount)?;
    let Some(m) = Money::parse(raw, value_any(row, spec.currency)) else {
        cx.warn(
            Some(row.index),
            format!(
                "line {}: amount {raw:?} has no currency or is not a number",
                row.line
            ),
        );
        return None;
    };
    Some(if spec.refund {
        Money::new(-m.minor.abs(), m.currency)
    } else {
        m
    })
}

/// Import a whole file with `spec`: one record per row.
pub fn import_rows(
    spec: &RowSpec,
    reader: &mut dyn Read,
    cx: &mut ImportCx<'_>,
) -> Result<(), ParseError> {
    each_row(reader, cx, |cx, row| {
        let r = record(cx, spec, row);
        cx.emit(row.index, r)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{data_json, MemorySink};

    const FILES: &[CsvFile] = &[
        CsvFile::rows(
            &["searchqueries"],
            &["Search Query"],
            "search",
            RowSpec::new(
                "search",
                Category::Searches,
                &["Searched for {Search Query}"],
            )
            .time(&["Time"])
            .key(&["Time", "Search Query"]),
        ),
        CsvFile::rows(
            &["persona"],
            &["persona_inquiry_id"],
            "persona",
            RowSpec::new(
                "verification",
                Category::IdentityContact,
                &["Verified ({persona_inquiry_id})"],
            )
            .company(CompanyFrom::Fixed("Persona", Relation::DataPartner)),
        ),
        CsvFile::rows(
            &["postvotes"],
            &[],
            "vote",
            RowSpec::new(
                "vote",
                Category::ActivityBrowsing,
                &["{direction} {permalink}", "Voted on {permalink}"],
            ),
        ),
        CsvFile::skip(&["checkfile"], "checksums"),
    ];

    fn run(spec: &RowSpec, input: &str) -> MemorySink {
        let (sink, r) =
            MemorySink::run_parser("f.csv", input, |reader, cx| import_rows(spec, reader, cx));
        r.unwrap();
        sink
    }

    #[test]
    fn files_are_known_by_name_part_number_and_header() {
        for (path, want) in [
            ("SearchQueries.csv", FileRole::Parse("search")),
            ("export/Search_Queries.CSV", FileRole::Parse("search")),
            ("post_votes_2.csv", FileRole::Parse("vote")),
            ("checkfile.csv", FileRole::Skip("checksums")),
            ("SearchQueries.json", FileRole::Unknown),
            ("12.csv", FileRole::Unknown),
        ] {
            assert_eq!(classify(FILES, path), want, "{path}");
        }
        let head = b"\xEF\xBB\xBFTime,Search Query\n2024/01/01 10:00:00 UTC,rust\n";
        assert_eq!(
            classify_content(FILES, "Suchanfragen.csv", head),
            Some(FileRole::Parse("search"))
        );
        assert_eq!(classify_content(FILES, "Suchanfragen.txt", head), None);
        assert_eq!(
            classify_content(FILES, "x.csv", b"id,permalink,direction\n"),
            None,
            "name-only files are not sniffed"
        );
    }

    #[test]
    fn rows_become_records_with_titles_times_keys_and_companies() {
        let spec = FILES[0].rows.unwrap();
        let out = run(
            &spec,
            "Time,Search Query\n2024/01/01 10:00:00 UTC,rust zip\nsoon,csv\n",
        );
        assert_eq!(out.records.len(), 2);
        assert_eq!(
            out.records[0].title.as_deref(),
            Some("Searched for rust zip")
        );
        assert_eq!(out.records[0].ts, Some(1_704_103_200_000));
        assert_eq!(out.records[1].ts, None);
        assert!(
            out.warnings[0].message.contains("line 3")
                && out.warnings[0].message.contains("not a date"),
            "{:?}",
            out.warnings
        );
        let again = run(
            &spec,
            "Search Query,Time\nrust zip,2024/01/01 10:00:00 UTC\n",
        );
        assert_eq!(
            again.records[0].key, out.records[0].key,
            "key from values, not column order"
        );

        let p = run(&FILES[1].rows.unwrap(), "persona_inquiry_id\ninq_123\n");
        let c = p.records[0].company.as_ref().unwrap();
        assert_eq!(
            (c.name.as_str(), c.relation),
            ("Persona", Relation::DataPartner)
        );
    }

    #[test]
    fn title_templates_fall_back_and_bodies_leave_data() {
        let spec =
            RowSpec::new("m", Category::Messages, &["{from}: {subject}", "{from}"]).body(&["body"]);
        let out = run(&spec, "from,subject,body\nsam,,hello\n");
        assert_eq!(out.records[0].title.as_deref(), Some("sam"));
        assert_eq!(out.records[0].body.as_deref(), Some("hello"));
        assert_eq!(
            data_json(&out.records[0]),
            serde_json::json!({"from": "sam"})
        );
        let none = RowSpec::new("g", Category::Content, &["{missing}"]);
        assert_eq!(
            run(&none, "a,b\n,N/A\nx,y\n").records[1].title.as_deref(),
            Some("a: x")
        );
    }

    #[test]
    fn amounts_become_money_and_refunds_are_negative() {
        const CHARGE: RowSpec = RowSpec::new("charge", Category::Purchases, &["Charge"])
            .money(&["Amount", "Total"], &["Currency"]);
        const REFUND: RowSpec = CHARGE.refund();
        let input = "Amount,Currency\n'12.99',USD\n$3.50,\n7.00,\nNot Available,USD\n";
        for (spec, sign) in [(&CHARGE, 1), (&REFUND, -1)] {
            let (out, r) =
                MemorySink::run_parser("charges.csv", input, |rd, cx| import_rows(spec, rd, cx));
            r.unwrap();
            let amounts: Vec<_> = out
                .records
                .iter()
                .map(|r| r.amount.map(|m| (m.minor, m.currency.as_str().to_string())))
                .collect();
            let usd = |n: i64| Some((n * sign, "USD".to_string()));
            assert_eq!(amounts, [usd(1299), usd(350), None, None]);
            assert_eq!(out.warnings.len(), 1, "no currency: {:?}", out.warnings);
            assert!(
                out.warnings[0].message.contains("line 4"),
                "{:?}",
                out.warnings
            );
        }
    }

    #[test]
    fn truncated_rows_and_empty_files() {
        let spec = RowSpec::new("g", Category::Content, &["{a}"]);
        let out = run(&spec, "a,b,c\n1,2,3\n\"4,5");
        assert_eq!(out.records.len(), 2);
        assert!(
            out.warnings.iter().any(|w| w.message.contains("truncated")),
            "{:?}",
            out.warnings
        );
        assert!(run(&spec, "").records.is_empty());
        assert!(run(&spec, "a,b,c\n").records.is_empty());
    }
}
