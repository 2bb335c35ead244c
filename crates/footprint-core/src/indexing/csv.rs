//! CSV of any header as records: one per row, through [`CsvTable`] (BOM, preamble, duplicate
//! columns, broken rows as warnings).

use super::flatten::Pairs;
use super::INDEXED_CSV;
use crate::formats::csv_table::CsvTable;
use crate::importer::{ImportCx, ParseError};
use crate::model::{Category, Record};
use std::io::Read;

/// Index a CSV (or, with `delimiter` `\t`, a TSV) file.
pub fn index_csv(reader: impl Read, delimiter: u8, cx: &mut ImportCx<'_>) -> Result<(), ParseError> {
    let name = cx.file.rsplit('/').next().unwrap_or(cx.file).to_string();
    let mut table = CsvTable::with_delimiter(reader, delimiter)
        .map_err(|e| ParseError::Structure(format!("{}: {e}", cx.file)))?;
    let mut rows = Vec::new();
    while let Some(row) = table.next_row(cx) {
        let mut pairs = Pairs::default();
        for (column, value) in row.pairs() {
            pairs.push(column, value);
        }
        if !pairs.is_empty() {
            rows.push((row.index, pairs));
        }
        // Emitted outside the borrow of `cx` that `next_row` holds through `row`.
        for (index, pairs) in rows.drain(..) {
            let body = pairs.body();
            let record = Record::new(INDEXED_CSV, Category::Unclassified)
                .title(pairs.title(""))
                .with_key(&[&name, &body])
                .body(body);
            cx.emit(index, record)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::MemorySink;

    #[test]
    fn one_record_per_row_with_header_names() {
        let input = "\u{feff}Device Name,Last Seen,Notes\nKitchen speaker,2021-03-04,\n\n\"Work, laptop\",2022-01-01,\"two\nlines\"\n";
        let (sink, r) = MemorySink::run_parser("odd/devices.csv", input, |r, cx| index_csv(r, b',', cx));
        r.unwrap();
        let got: Vec<(u64, &str, &str)> = sink
            .records
            .iter()
            .map(|r| (r.position, r.title.as_deref().unwrap(), r.body.as_deref().unwrap()))
            .collect();
        assert_eq!(
            got,
            vec![
                (0, "Device Name: Kitchen speaker", "Device Name: Kitchen speaker\nLast Seen: 2021-03-04"),
                (1, "Device Name: Work, laptop", "Device Name: Work, laptop\nLast Seen: 2022-01-01\nNotes: two\nlines"),
            ]
        );
        assert!(sink.records.iter().all(|r| r.kind == INDEXED_CSV && r.ts.is_none()));
    }
}
