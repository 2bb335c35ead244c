//! Entry names: validation against path tricks, normalization to the logical form
//! (`/`-separated, relative, no `.` or empty components) and recognition of OS junk files.
//!
//! We never extract, so a hostile name cannot overwrite anything; names are still refused
//! because an archive that carries them is either broken or built to attack other tools, and
//! importers must be able to trust that a path is a plain relative path.

/// Why a raw name is refused (shown to the user after the archive and the entry name).
pub(crate) type Refusal = &'static str;

/// Validate and normalize a raw entry name. `Ok(None)` means the name denotes no file (empty,
/// only `.` components): the caller skips it like a directory.
///
/// Backslashes are separators too: Windows zip tools write them, and `..\..\x` is the
/// backslash form of a traversal.
pub(crate) fn normalize(raw: &str) -> Result<Option<String>, Refusal> {
    if raw.contains('\0') {
        return Err("NUL byte in the name");
    }
    // CR, LF and the other control characters: no export tool writes them, and a name that
    // carries them can forge lines of a report or a log where it is shown. The one exception
    // is macOS's custom-icon file `Icon\r`, junk that a Mac's "Compress" may pack.
    if raw.chars().any(char::is_control) && !is_mac_icon(raw) {
        return Err("control character (CR, LF, ...) in the name");
    }
    if raw.starts_with("\\\\") {
        return Err("absolute path (network share)");
    }
    if raw.starts_with('/') || raw.starts_with('\\') {
        return Err("absolute path");
    }
    let b = raw.as_bytes();
    if b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':' {
        return Err("absolute path (drive letter)");
    }
    let mut out = String::with_capacity(raw.len());
    for comp in raw.split(['/', '\\']) {
        match comp {
            "" | "." => continue,
            ".." => return Err("`..` component (path traversal)"),
            c => {
                if !out.is_empty() {
                    out.push('/');
                }
                out.push_str(c);
            }
        }
    }
    Ok(if out.is_empty() { None } else { Some(out) })
}

/// Whether a name ends in `.zip` (any case) after at least one character: a nested archive to
/// open. Compared as bytes: a name read as CP437 may end in a multi-byte character, where a
/// string slice four bytes from the end would panic (found by the `archive` fuzz target).
pub(crate) fn is_zip_name(name: &str) -> bool {
    let b = name.as_bytes();
    b.len() > 4 && b[b.len() - 4..].eq_ignore_ascii_case(b".zip")
}

/// The file Footprint's demo exports carry (made by the fixture generator, never by a
/// platform): an archive holding it is invented demo data.
pub const DEMO_MARKER: &str = "FOOTPRINT-DEMO-DATA.txt";

/// Whether `path` is the demo marker (at any depth: part of a top folder or not).
pub fn is_demo_marker(path: &str) -> bool {
    path.rsplit(['/', '\\'])
        .next()
        .is_some_and(|last| last.eq_ignore_ascii_case(DEMO_MARKER))
}

/// A folder's custom icon on macOS: a file named `Icon` and a carriage return.
fn is_mac_icon(path: &str) -> bool {
    path.rsplit(['/', '\\']).next() == Some(MAC_ICON)
}

const MAC_ICON: &str = "Icon\r";

/// OS litter that is never part of an export: macOS resource forks and folder metadata,
/// Windows thumbnail caches and folder settings.
pub fn is_junk(path: &str) -> bool {
    let mut comps = path.split(['/', '\\']).filter(|c| !c.is_empty()).peekable();
    while let Some(c) = comps.next() {
        if c.eq_ignore_ascii_case("__MACOSX") {
            return true;
        }
        if comps.peek().is_none() {
            return c.starts_with("._")
                || c == MAC_ICON
                || c.eq_ignore_ascii_case(".DS_Store")
                || c.eq_ignore_ascii_case("Thumbs.db")
                || c.eq_ignore_ascii_case("desktop.ini");
        }
    }
    false
}

/// Case-insensitive comparison (Unicode simple lowercase) without allocating: recognizers
/// call this over every entry.
pub(crate) fn eq_caseless(a: &str, b: &str) -> bool {
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    if a.is_ascii() && b.is_ascii() {
        return false;
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// Whether `path` ends with `suffix`, compared by whole components, case-insensitively.
pub(crate) fn ends_with_components(path: &str, suffix: &str) -> bool {
    let mut p = path.rsplit('/');
    let mut any = false;
    for s in suffix.rsplit(['/', '\\']).filter(|c| !c.is_empty()) {
        any = true;
        match p.next() {
            Some(c) if eq_caseless(c, s) => {}
            _ => return false,
        }
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_separators_and_dots() {
        assert_eq!(
            normalize("./Takeout//a\\b.json").unwrap().as_deref(),
            Some("Takeout/a/b.json")
        );
        assert_eq!(normalize("./").unwrap(), None);
        assert_eq!(normalize("dir/").unwrap().as_deref(), Some("dir"));
    }

    #[test]
    fn refuses_traversal_and_absolute_names() {
        assert_eq!(
            normalize("../evil").unwrap_err(),
            "`..` component (path traversal)"
        );
        assert_eq!(
            normalize("a/../../evil").unwrap_err(),
            "`..` component (path traversal)"
        );
        assert_eq!(
            normalize("a\\..\\..\\evil").unwrap_err(),
            "`..` component (path traversal)"
        );
        assert_eq!(normalize("/etc/passwd").unwrap_err(), "absolute path");
        assert_eq!(
            normalize("C:\\Windows\\x").unwrap_err(),
            "absolute path (drive letter)"
        );
        assert_eq!(
            normalize("c:x").unwrap_err(),
            "absolute path (drive letter)"
        );
        assert_eq!(
            normalize("\\\\server\\share").unwrap_err(),
            "absolute path (network share)"
        );
        assert_eq!(normalize("a\0b").unwrap_err(), "NUL byte in the name");
        for forged in ["a\rb.json", "report.json\nOK: 0 problems", "a\tb", "x\u{1b}[2J.json"] {
            assert_eq!(normalize(forged).unwrap_err(), "control character (CR, LF, ...) in the name", "{forged:?}");
        }
        // A name that merely contains dots is fine.
        assert_eq!(
            normalize("a/..b/c..").unwrap().as_deref(),
            Some("a/..b/c..")
        );
    }

    #[test]
    fn zip_names_end_in_dot_zip_whatever_comes_before() {
        assert!(is_zip_name("Apple_Media_Services.zip"));
        assert!(is_zip_name("a/B.ZIP"));
        assert!(!is_zip_name(".zip"));
        assert!(!is_zip_name("a.json"));
        // A multi-byte character across the last four bytes: no slice inside it.
        assert!(!is_zip_name("notes/ab\u{a0}cd"));
        assert!(!is_zip_name("é"));
    }

    #[test]
    fn recognizes_junk() {
        assert!(is_junk("__MACOSX/Takeout/._x.json"));
        assert!(is_junk("Takeout/__MACOSX/x"));
        assert!(is_junk("Takeout/._x.json"));
        assert!(is_junk("Takeout/.DS_Store"));
        assert!(is_junk("a/thumbs.db"));
        assert!(is_junk("Desktop.ini"));
        // macOS's custom folder icon passes the name check and is dropped as junk.
        assert_eq!(normalize("Takeout/Icon\r").unwrap().as_deref(), Some("Takeout/Icon\r"));
        assert!(is_junk("Takeout/Icon\r"));
        assert!(!is_junk("Takeout/Icon"));
        assert!(!is_junk("Takeout/x.json"));
        assert!(!is_junk("Takeout/.hidden"));
        assert!(!is_junk("._dir/x.json"));
    }

    #[test]
    fn matches_suffix_by_components() {
        assert!(ends_with_components(
            "Takeout/My Activity/Search/MyActivity.json",
            "search/myactivity.json"
        ));
        assert!(!ends_with_components(
            "Takeout/XSearch/MyActivity.json",
            "Search/MyActivity.json"
        ));
        assert!(ends_with_components(
            "Takeout/Meine Aktivitäten/x.json",
            "MEINE AKTIVITÄTEN/x.json"
        ));
        assert!(!ends_with_components("a.json", "x/a.json"));
        assert!(!ends_with_components("a.json", ""));
    }
}
