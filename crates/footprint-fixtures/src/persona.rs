//! The invented account owner of generated exports. Every generator takes its owner from
//! here, derived from the seed alone: exports generated with one seed (the demo set, a
//! cross-platform test) belong to ONE person (one name, e-mail, phone, birth date,
//! username), the way a real user's exports do. Everything is fiction: `example.com`
//! addresses and 555-01xx phone numbers, which are reserved for it.

use crate::{names, Rng};

/// The owner of an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Persona {
    pub first: String,
    pub last: String,
    /// `first last`.
    pub name: String,
    /// `first.last42@example.com`.
    pub email: String,
    /// E.164, `+1555010xxxx`.
    pub phone: String,
    /// `first.last42`: the handle on platforms that have one.
    pub username: String,
    /// (year, month, day).
    pub birthday: (i64, i64, i64),
    /// A city for profiles.
    pub city: &'static str,
}

const CITIES: &[&str] = &["Malmö, Sweden", "Lyon, France", "Leipzig, Germany", "Porto, Portugal", "Denver, Colorado"];

/// ASCII slug for usernames and file names (`Zoë Müller` -> `zoemuller`).
pub fn slug(s: &str) -> String {
    deunicode_lite(s)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn deunicode_lite(s: &str) -> String {
    s.chars()
        .map(|c| match c.to_lowercase().next().unwrap_or(c) {
            'à' | 'á' | 'â' | 'ä' | 'å' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'ø' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            c => c,
        })
        .collect()
}

impl Persona {
    /// The owner for a seed: the same seed gives the same person on every platform.
    pub fn for_seed(seed: u64) -> Persona {
        // A stream of its own, so a generator's other random choices do not shift the person.
        let mut rng = Rng::new(seed ^ 0x5EED_0F0E_0A11);
        let first = rng.pick(names::FIRST).to_string();
        let last = rng.pick(names::LAST).to_string();
        let username = format!("{}.{}{}", slug(&first), slug(&last), rng.below(90) + 10);
        Persona {
            name: format!("{first} {last}"),
            email: format!("{username}@example.com"),
            phone: format!("+1555010{:04}", rng.below(10_000)),
            birthday: (
                1970 + rng.below(35) as i64,
                1 + rng.below(12) as i64,
                1 + rng.below(28) as i64,
            ),
            city: CITIES[rng.below(CITIES.len() as u64) as usize],
            username,
            first,
            last,
        }
    }

    /// `1990-05-17`.
    pub fn birth_date(&self) -> String {
        let (y, m, d) = self.birthday;
        format!("{y}-{m:02}-{d:02}")
    }

    /// The phone without `+` and country code (`5550101234`), as some exports write it.
    pub fn phone_national(&self) -> &str {
        self.phone.trim_start_matches("+1")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_seed_one_person() {
        assert_eq!(Persona::for_seed(7), Persona::for_seed(7));
        assert_ne!(Persona::for_seed(7).email, Persona::for_seed(8).email);
        let p = Persona::for_seed(1);
        assert!(p.email.ends_with("@example.com") && p.phone.starts_with("+1555010"));
        assert!(p.username.is_ascii());
    }
}
