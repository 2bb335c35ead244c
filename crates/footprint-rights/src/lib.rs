//! Data-rights requests (being written).
