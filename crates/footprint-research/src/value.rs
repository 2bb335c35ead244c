//! One cell of an exported row, read from SQLite by the column's declared type.

use crate::tables::{Column, ColumnType};
use chrono::{DateTime, SecondsFormat};

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Float(f64),
    Text(String),
    Bool(bool),
}

impl Value {
    /// Read column `i` of a row as `column` declares it. SQLite's STRICT tables already
    /// guarantee the storage class, so a mismatch is a bug in the table definition, reported
    /// with the column's name.
    pub fn read(row: &rusqlite::Row<'_>, i: usize, column: &Column) -> rusqlite::Result<Value> {
        use rusqlite::types::ValueRef;
        let v = row.get_ref(i)?;
        Ok(match (v, column.ty) {
            (ValueRef::Null, _) => Value::Null,
            (ValueRef::Integer(n), ColumnType::Bool) => Value::Bool(n != 0),
            (ValueRef::Integer(n), ColumnType::Int64 | ColumnType::Timestamp) => Value::Int(n),
            (ValueRef::Integer(n), ColumnType::Float64) => Value::Float(n as f64),
            (ValueRef::Real(f), ColumnType::Float64) => Value::Float(f),
            (ValueRef::Text(t), ColumnType::Text) => Value::Text(String::from_utf8_lossy(t).into_owned()),
            (other, _) => {
                return Err(rusqlite::Error::InvalidColumnType(
                    i,
                    column.name.to_string(),
                    other.data_type(),
                ))
            }
        })
    }

    /// The text form CSV and JSON Lines write (timestamps as RFC 3339 in UTC).
    pub fn timestamp_text(ms: i64) -> String {
        DateTime::from_timestamp_millis(ms)
            .map(|t| t.to_rfc3339_opts(SecondsFormat::Millis, true))
            .unwrap_or_else(|| ms.to_string())
    }
}
