//! What a file is from its first bytes, for classification by content: the top-level keys
//! of a JSON object, the element keys of a JSON array's first element, a CSV header, the
//! global of a JS-wrapped file. Heads are cut anywhere, so these scanners never need the
//! whole document.

use super::lenient::norm_key;

/// The keys of the top-level object (or, for a top-level array, of its first element
/// object), in [`norm_key`] form, as far as the head goes. Also descends one level into a
/// JS-wrapped file (`window.X = ...`). Empty for anything else.
pub fn json_keys(head: &[u8]) -> Vec<String> {
    let mut s = super::strip_bom(head);
    if super::js_wrapped::global_name(s).is_some() {
        if let Some(eq) = s.iter().position(|b| *b == b'=') {
            s = &s[eq + 1..];
        }
    }
    let mut i = skip_ws(s, 0);
    if s.get(i) == Some(&b'[') {
        i = skip_ws(s, i + 1);
    }
    if s.get(i) != Some(&b'{') {
        return Vec::new();
    }
    keys_of_object(s, i)
}

/// Whether every one of `wanted` (any spelling) is among the head's [`json_keys`].
pub fn has_keys(head: &[u8], wanted: &[&str]) -> bool {
    let keys = json_keys(head);
    wanted.iter().all(|w| keys.contains(&norm_key(w)))
}

/// Keys at depth 1 of the object starting at `start` (`s[start] == b'{'`), and the keys of
/// objects nested directly at depth 2 (so `{"Activity": {"Login History": ...}}` yields
/// both `activity` and `loginhistory`: exports wrap their sections).
fn keys_of_object(s: &[u8], start: usize) -> Vec<String> {
    let mut keys = Vec::new();
    let mut depth = 0usize;
    let mut i = start;
    let mut expect_key = false;
    while i < s.len() {
        match s[i] {
            b'{' => {
                depth += 1;
                expect_key = true;
                i += 1;
            }
            b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
                i += 1;
            }
            b'[' => {
                depth += 1;
                expect_key = false;
                i += 1;
            }
            b']' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b',' => {
                // Inside an object, a comma is followed by a key.
                expect_key = true;
                i += 1;
            }
            b'"' => {
                let Some(end) = string_end(s, i + 1) else { break };
                if expect_key && depth <= 3 {
                    let j = skip_ws(s, end + 1);
                    if s.get(j) == Some(&b':') {
                        if let Ok(k) = std::str::from_utf8(&s[i + 1..end]) {
                            let k = norm_key(k);
                            if !keys.contains(&k) {
                                keys.push(k);
                            }
                        }
                    }
                }
                expect_key = false;
                i = end + 1;
            }
            b':' => {
                expect_key = false;
                i += 1;
            }
            _ => i += 1,
        }
    }
    keys
}

fn skip_ws(s: &[u8], mut i: usize) -> usize {
    while i < s.len() && s[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// Index of the closing quote of a string whose content starts at `i`.
fn string_end(s: &[u8], mut i: usize) -> Option<usize> {
    while i < s.len() {
        match s[i] {
            b'\\' => i += 2,
            b'"' => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// The normalized header of a CSV head (see [`super::csv_table::header_of`]).
pub fn csv_header(head: &[u8]) -> Vec<String> {
    super::csv_table::header_of(head)
}

/// Whether the CSV head's header has every one of `wanted` columns (any spelling).
pub fn csv_has(head: &[u8], wanted: &[&str]) -> bool {
    let h = csv_header(head);
    wanted
        .iter()
        .all(|w| h.contains(&super::csv_table::norm_column(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_of_objects_arrays_and_js() {
        assert_eq!(json_keys(br#"{"Activity": {"Login History": {"LoginHistoryList": [{"Da"#), vec!["activity", "loginhistory", "loginhistorylist"]);
        assert_eq!(json_keys(br#"[{"endTime": "2024", "artistName": "x"}, {"#), vec!["endtime", "artistname"]);
        assert_eq!(json_keys(b"window.YTD.tweets.part0 = [ {\n \"tweet\" : { \"id\" : \"1\""), vec!["tweet", "id"]);
        assert!(json_keys(b"Name,Email\n").is_empty());
        assert!(has_keys(br#"{"inferences": ["1P_x"]}"#, &["Inferences"]));
    }

    #[test]
    fn string_values_are_not_keys() {
        let keys = json_keys(br#"{"a": "b: c", "d": ["e", {"f": 1}]}"#);
        assert_eq!(keys, vec!["a", "d", "f"]);
    }

    #[test]
    fn csv_heads() {
        assert!(csv_has(b"\xEF\xBB\xBFid,permalink,date,subreddit\n1,", &["permalink", "Subreddit"]));
        assert!(!csv_has(b"{\"a\":1}", &["a"]));
    }
}
