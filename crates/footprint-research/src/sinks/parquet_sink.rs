//! Parquet through the `parquet` crate's column writer (no arrow): rows are buffered column
//! by column and written as one row group every [`ROW_GROUP_ROWS`] rows (or sooner when
//! the buffered text grows past [`ROW_GROUP_TEXT_BYTES`]), so memory holds one row group at
//! most, whatever the table's size. Snappy-compressed; the export's versions ride in the
//! file's key-value metadata.

use super::{FileMeta, Sink};
use crate::tables::{ColumnType, Table};
use crate::value::Value;
use crate::ExportError;
use parquet::basic::{Compression, LogicalType, Repetition, TimeUnit, Type as Physical};
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Rows per row group: big enough for good compression and fast scans, small enough that a
/// row group of records (bodies and JSON data included) stays in the tens of megabytes.
pub const ROW_GROUP_ROWS: usize = 65_536;
/// A row group is also closed when its text reaches this size (long message bodies).
const ROW_GROUP_TEXT_BYTES: usize = 64 << 20;

/// One column's buffered values and definition levels (1 = present, 0 = NULL).
enum Buffer {
    Int(Vec<i64>),
    Float(Vec<f64>),
    Text(Vec<ByteArray>),
    Bool(Vec<bool>),
}

pub struct ParquetSink {
    table: &'static Table,
    writer: SerializedFileWriter<BufWriter<File>>,
    path: PathBuf,
    buffers: Vec<(Buffer, Vec<i16>)>,
    rows: usize,
    text_bytes: usize,
}

/// The Parquet schema of a table: one flat message, a primitive field per column.
pub fn schema(table: &Table) -> Result<Type, parquet::errors::ParquetError> {
    let mut fields = Vec::with_capacity(table.columns.len());
    for c in table.columns {
        let (physical, logical) = match c.ty {
            ColumnType::Int64 => (Physical::INT64, None),
            ColumnType::Float64 => (Physical::DOUBLE, None),
            ColumnType::Text => (Physical::BYTE_ARRAY, Some(LogicalType::String)),
            ColumnType::Bool => (Physical::BOOLEAN, None),
            ColumnType::Timestamp => (
                Physical::INT64,
                Some(LogicalType::timestamp(true, TimeUnit::MILLIS)),
            ),
        };
        let repetition = if c.nullable {
            Repetition::OPTIONAL
        } else {
            Repetition::REQUIRED
        };
        fields.push(Arc::new(
            Type::primitive_type_builder(c.name, physical)
                .with_repetition(repetition)
                .with_logical_type(logical)
                .build()?,
        ));
    }
    Type::group_type_builder(table.name).with_fields(fields).build()
}

impl ParquetSink {
    pub fn new(table: &'static Table, file: File, path: &Path, meta: &FileMeta<'_>) -> Result<ParquetSink, ExportError> {
        let err = |e| ExportError::parquet(path, e);
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .set_created_by(format!("footprint {}", env!("CARGO_PKG_VERSION")))
            .set_key_value_metadata(Some(
                meta.pairs
                    .iter()
                    .map(|(k, v)| KeyValue::new(k.to_string(), v.clone()))
                    .collect(),
            ))
            .build();
        let writer = SerializedFileWriter::new(BufWriter::new(file), Arc::new(schema(table).map_err(err)?), Arc::new(props))
            .map_err(err)?;
        let buffers = table
            .columns
            .iter()
            .map(|c| {
                let b = match c.ty {
                    ColumnType::Int64 | ColumnType::Timestamp => Buffer::Int(Vec::new()),
                    ColumnType::Float64 => Buffer::Float(Vec::new()),
                    ColumnType::Text => Buffer::Text(Vec::new()),
                    ColumnType::Bool => Buffer::Bool(Vec::new()),
                };
                (b, Vec::new())
            })
            .collect();
        Ok(ParquetSink {
            table,
            writer,
            path: path.to_path_buf(),
            buffers,
            rows: 0,
            text_bytes: 0,
        })
    }

    /// Write the buffered rows as one row group.
    fn flush(&mut self) -> Result<(), ExportError> {
        if self.rows == 0 {
            return Ok(());
        }
        let path = self.path.clone();
        let err = |e| ExportError::parquet(&path, e);
        let mut group = self.writer.next_row_group().map_err(err)?;
        for ((buffer, defs), column) in self.buffers.iter_mut().zip(self.table.columns) {
            let mut writer = group
                .next_column()
                .map_err(err)?
                .ok_or_else(|| ExportError::Bug(format!("{}: no Parquet column for {}", path.display(), column.name)))?;
            let defs_opt = column.nullable.then_some(defs.as_slice());
            match buffer {
                Buffer::Int(v) => writer.typed::<Int64Type>().write_batch(v, defs_opt, None),
                Buffer::Float(v) => writer.typed::<DoubleType>().write_batch(v, defs_opt, None),
                Buffer::Text(v) => writer.typed::<ByteArrayType>().write_batch(v, defs_opt, None),
                Buffer::Bool(v) => writer.typed::<BoolType>().write_batch(v, defs_opt, None),
            }
            .map_err(err)?;
            writer.close().map_err(err)?;
            match buffer {
                Buffer::Int(v) => v.clear(),
                Buffer::Float(v) => v.clear(),
                Buffer::Text(v) => v.clear(),
                Buffer::Bool(v) => v.clear(),
            }
            defs.clear();
        }
        group.close().map_err(err)?;
        self.rows = 0;
        self.text_bytes = 0;
        Ok(())
    }
}

impl Sink for ParquetSink {
    fn push(&mut self, row: &[Value]) -> Result<(), ExportError> {
        for ((buffer, defs), (value, column)) in self.buffers.iter_mut().zip(row.iter().zip(self.table.columns)) {
            let present = match (buffer, value) {
                (_, Value::Null) if column.nullable => false,
                (Buffer::Int(b), Value::Int(n)) => {
                    b.push(*n);
                    true
                }
                (Buffer::Float(b), Value::Float(f)) => {
                    b.push(*f);
                    true
                }
                (Buffer::Text(b), Value::Text(t)) => {
                    self.text_bytes += t.len();
                    b.push(ByteArray::from(t.as_bytes().to_vec()));
                    true
                }
                (Buffer::Bool(b), Value::Bool(x)) => {
                    b.push(*x);
                    true
                }
                (_, v) => {
                    return Err(ExportError::Bug(format!(
                        "{}: {}.{} declared {:?}{}, got {v:?}",
                        self.path.display(),
                        self.table.name,
                        column.name,
                        column.ty,
                        if column.nullable { "" } else { " NOT NULL" }
                    )))
                }
            };
            defs.push(i16::from(present));
        }
        self.rows += 1;
        if self.rows >= ROW_GROUP_ROWS || self.text_bytes >= ROW_GROUP_TEXT_BYTES {
            self.flush()?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), ExportError> {
        self.flush()?;
        let path = self.path.clone();
        self.writer.close().map_err(|e| ExportError::parquet(&path, e))?;
        Ok(())
    }
}
