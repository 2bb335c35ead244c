//! CSV through the `csv` crate: a header row of the column names, NULL as an empty cell.

use super::Sink;
use crate::tables::{ColumnType, Table};
use crate::value::Value;
use crate::ExportError;
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

pub struct CsvSink {
    table: &'static Table,
    out: csv::Writer<BufWriter<File>>,
    path: PathBuf,
    cells: Vec<String>,
}

impl CsvSink {
    pub fn new(table: &'static Table, file: File, path: &Path) -> Result<CsvSink, ExportError> {
        let mut out = csv::Writer::from_writer(BufWriter::new(file));
        out.write_record(table.columns.iter().map(|c| c.name))
            .map_err(|e| ExportError::csv(path, e))?;
        Ok(CsvSink {
            table,
            out,
            path: path.to_path_buf(),
            cells: Vec::new(),
        })
    }
}

impl Sink for CsvSink {
    fn push(&mut self, row: &[Value]) -> Result<(), ExportError> {
        self.cells.clear();
        for (v, c) in row.iter().zip(self.table.columns) {
            self.cells.push(match (v, c.ty) {
                (Value::Null, _) => String::new(),
                (Value::Int(ms), ColumnType::Timestamp) => Value::timestamp_text(*ms),
                (Value::Int(n), _) => n.to_string(),
                (Value::Float(f), _) => f.to_string(),
                (Value::Bool(b), _) => b.to_string(),
                (Value::Text(t), _) => t.clone(),
            });
        }
        self.out
            .write_record(&self.cells)
            .map_err(|e| ExportError::csv(&self.path, e))
    }

    fn finish(mut self: Box<Self>) -> Result<(), ExportError> {
        self.out.flush().map_err(|e| ExportError::io(&self.path, e))
    }
}
