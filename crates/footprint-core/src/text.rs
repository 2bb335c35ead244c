//! Text repair shared by importers.

use std::borrow::Cow;

/// Repair Meta's mojibake: UTF-8 bytes escaped as Latin-1 code points (`\u00c3\u00a9` for é).
/// If every char is below U+0100, at least one is above U+007F, and the chars taken as bytes
/// are valid UTF-8, the decoded text is returned; otherwise the input is left alone (so text
/// that really is Latin-1, like "café" written correctly, is never damaged).
pub fn fix_mojibake(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    if s.chars().any(|c| c as u32 > 0xFF) {
        return Cow::Borrowed(s);
    }
    let bytes: Vec<u8> = s.chars().map(|c| c as u32 as u8).collect();
    match String::from_utf8(bytes) {
        Ok(fixed) => Cow::Owned(fixed),
        Err(_) => Cow::Borrowed(s),
    }
}

/// [`fix_mojibake`] into an owned String.
pub fn fixed(s: &str) -> String {
    fix_mojibake(s).into_owned()
}

/// Trim, and turn empty strings into None.
pub fn non_empty(s: Option<&str>) -> Option<String> {
    s.map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_meta_mojibake() {
        assert_eq!(fix_mojibake("caf\u{00c3}\u{00a9}"), "café");
        assert_eq!(fix_mojibake("it\u{00e2}\u{0080}\u{0099}s"), "it’s");
        assert_eq!(fix_mojibake("\u{00f0}\u{009f}\u{0098}\u{0082}"), "😂");
    }

    #[test]
    fn leaves_correct_text_alone() {
        assert_eq!(fix_mojibake("café"), "café"); // é alone is not valid UTF-8 as a byte
        assert_eq!(fix_mojibake("plain"), "plain");
        assert_eq!(fix_mojibake("日本"), "日本");
    }
}
