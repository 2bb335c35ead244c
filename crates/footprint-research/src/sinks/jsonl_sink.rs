//! JSON Lines through serde_json: one object per row, keys in the codebook's column order.

use super::Sink;
use crate::tables::{ColumnType, Table};
use crate::value::Value;
use crate::ExportError;
use serde_json::Value as Json;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

pub struct JsonlSink {
    table: &'static Table,
    out: BufWriter<File>,
    path: PathBuf,
}

impl JsonlSink {
    pub fn new(table: &'static Table, file: File, path: &Path) -> JsonlSink {
        JsonlSink {
            table,
            out: BufWriter::new(file),
            path: path.to_path_buf(),
        }
    }
}

impl Sink for JsonlSink {
    fn push(&mut self, row: &[Value]) -> Result<(), ExportError> {
        // Written key by key: serde_json's map would sort the keys (no `preserve_order`).
        let mut line = Vec::with_capacity(256);
        line.push(b'{');
        for (i, (v, c)) in row.iter().zip(self.table.columns).enumerate() {
            let json = match (v, c.ty) {
                (Value::Null, _) => Json::Null,
                (Value::Int(ms), ColumnType::Timestamp) => Json::String(Value::timestamp_text(*ms)),
                (Value::Int(n), _) => Json::from(*n),
                // NaN and infinities have no JSON form: null, as SQLite has none either.
                (Value::Float(f), _) => serde_json::Number::from_f64(*f).map_or(Json::Null, Json::Number),
                (Value::Bool(b), _) => Json::Bool(*b),
                (Value::Text(t), _) => Json::String(t.clone()),
            };
            if i > 0 {
                line.push(b',');
            }
            // Names are snake_case ASCII (tables.rs test): no escaping needed.
            line.push(b'"');
            line.extend_from_slice(c.name.as_bytes());
            line.extend_from_slice(b"\":");
            serde_json::to_writer(&mut line, &json).map_err(|e| ExportError::io(&self.path, e.into()))?;
        }
        line.extend_from_slice(b"}\n");
        self.out.write_all(&line).map_err(|e| ExportError::io(&self.path, e))
    }

    fn finish(mut self: Box<Self>) -> Result<(), ExportError> {
        self.out.flush().map_err(|e| ExportError::io(&self.path, e))
    }
}
