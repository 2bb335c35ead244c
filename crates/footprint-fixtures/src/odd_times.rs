//! Timestamps as broken or odd exports write them, for the generators' `odd_timestamps`
//! variants: sentinels (`0`, `-1`, `9223372036854775807`), nanoseconds in a field of another
//! unit, and a date far in the future. A real export mixes them into otherwise good data, so
//! [`OddTimes`] replaces one timestamp in [`EVERY`] and leaves the rest (and the generator's
//! random stream) untouched: the same spec without the flag gives the same records.

/// One timestamp in this many is replaced.
pub const EVERY: u64 = 4;

/// 2090-01-01 00:00 UTC: after any import, before 2100 (so every parser reads it as a date
/// and the import's clock must be what refuses it).
pub const FAR_FUTURE_MS: i64 = 3_786_912_000_000;

/// The unit of the field a timestamp is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Secs,
    Millis,
    Micros,
}

impl Unit {
    fn per_ms(self) -> (i64, i64) {
        // (multiply, divide) from milliseconds to the unit.
        match self {
            Unit::Secs => (1, 1000),
            Unit::Millis => (1, 1),
            Unit::Micros => (1000, 1),
        }
    }
    /// The same instant in nanoseconds, from a value in this unit.
    fn nanos(self, v: i64) -> i64 {
        match self {
            Unit::Secs => v.saturating_mul(1_000_000_000),
            Unit::Millis => v.saturating_mul(1_000_000),
            Unit::Micros => v.saturating_mul(1000),
        }
    }
}

/// What an odd timestamp is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Odd {
    Zero,
    MaxI64,
    MinusOne,
    /// The right instant, in nanoseconds: a magnitude-aware reader keeps it.
    Nanos,
    FarFuture,
}

const CYCLE: [Odd; 5] = [Odd::Zero, Odd::MaxI64, Odd::MinusOne, Odd::Nanos, Odd::FarFuture];

/// Replaces every [`EVERY`]th timestamp it sees when on; a no-op when off.
#[derive(Debug, Default)]
pub struct OddTimes {
    on: bool,
    seen: u64,
    replaced: u64,
}

impl OddTimes {
    pub fn new(on: bool) -> Self {
        OddTimes { on, ..Default::default() }
    }

    /// The value to write for `v` (in `unit`).
    pub fn apply(&mut self, v: i64, unit: Unit) -> i64 {
        self.seen += 1;
        if !self.on || self.seen % EVERY != 1 {
            return v;
        }
        let odd = CYCLE[(self.replaced % CYCLE.len() as u64) as usize];
        self.replaced += 1;
        match odd {
            Odd::Zero => 0,
            Odd::MaxI64 => i64::MAX,
            Odd::MinusOne => -1,
            Odd::Nanos => unit.nanos(v),
            Odd::FarFuture => {
                let (mul, div) = unit.per_ms();
                FAR_FUTURE_MS * mul / div
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_in_every_is_replaced_cycling_through_the_odd_kinds() {
        let mut o = OddTimes::new(true);
        let out: Vec<i64> = (0..20).map(|_| o.apply(1_700_000_000, Unit::Secs)).collect();
        let odd: Vec<i64> = out.iter().copied().filter(|v| *v != 1_700_000_000).collect();
        assert_eq!(odd, [0, i64::MAX, -1, 1_700_000_000_000_000_000, 3_786_912_000]);
        let mut off = OddTimes::new(false);
        assert!((0..20).all(|_| off.apply(5, Unit::Millis) == 5));
        let mut us = OddTimes::new(true);
        assert_eq!(us.apply(1_700_000_000_000_000, Unit::Micros), 0);
    }
}
