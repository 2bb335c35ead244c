//! Tables that fit where they are printed. On a terminal, a bordered table (comfy-table) as
//! wide as the terminal, long cells (file paths) wrapped inside their column. Piped or
//! redirected, tab-separated values: a header line, then one row per line, no borders, no
//! wrapping and no line breaks inside a cell, which is what `cut`, `awk`, `sort` and
//! spreadsheets read. `--layout` (or `FOOTPRINT_LAYOUT`) picks one whatever stdout is.

use comfy_table::{presets::UTF8_BORDERS_ONLY, Cell, CellAlignment, ContentArrangement, Table};
use std::io::IsTerminal;
use std::sync::OnceLock;

/// How tables are printed. (Plain comments on the values: doc comments would switch every
/// command's `--help` to clap's long format.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Layout {
    // A table on a terminal, tab-separated values when piped.
    Auto,
    // Always a bordered table (`COLUMNS` sets its width when stdout is not a terminal).
    Table,
    // Always tab-separated values.
    Tsv,
}

/// Width of a table printed to something that is not a terminal, without `COLUMNS`.
const DEFAULT_WIDTH: u16 = 100;

static CHOSEN: OnceLock<Layout> = OnceLock::new();

/// Set once at start-up from the command line.
pub fn choose(layout: Layout) {
    let _ = CHOSEN.set(layout);
}

/// The layout in effect: `Table` or `Tsv` (never `Auto`).
pub fn current() -> Layout {
    match CHOSEN.get().copied().unwrap_or(Layout::Auto) {
        Layout::Auto if std::io::stdout().is_terminal() => Layout::Table,
        Layout::Auto => Layout::Tsv,
        other => other,
    }
}

/// Rows of text under a header; numbers are right-aligned in tables.
pub struct Grid {
    header: Vec<&'static str>,
    right: Vec<bool>,
    rows: Vec<Vec<String>>,
}

impl Grid {
    pub fn new(header: &[&'static str]) -> Self {
        Grid {
            header: header.to_vec(),
            right: vec![false; header.len()],
            rows: Vec::new(),
        }
    }

    /// Right-align these columns (counts) in tables.
    pub fn right(mut self, columns: &[usize]) -> Self {
        for c in columns {
            self.right[*c] = true;
        }
        self
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub fn print(&self) {
        println!("{}", self.render(current(), None));
    }

    /// The text of the grid in `layout` (`Auto` is taken as `Table`); `width` overrides the
    /// terminal's (tests).
    pub fn render(&self, layout: Layout, width: Option<u16>) -> String {
        match layout {
            Layout::Tsv => self.tsv(),
            Layout::Table | Layout::Auto => self.table(width),
        }
    }

    fn tsv(&self) -> String {
        let mut out = self.header.join("\t");
        for row in &self.rows {
            out.push('\n');
            // Counts without thousands separators: what `sort -n` and spreadsheets read.
            let cells: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(i, c)| match self.right.get(i) {
                    Some(true) => tsv_cell(&c.replace(',', "")),
                    _ => tsv_cell(c),
                })
                .collect();
            out.push_str(&cells.join("\t"));
        }
        out
    }

    fn table(&self, width: Option<u16>) -> String {
        let width = width.or_else(|| {
            if std::io::stdout().is_terminal() {
                // comfy-table's own look-up (crossterm).
                Table::new().width()
            } else {
                // A forced table in a pipe: COLUMNS, or a readable default.
                Some(
                    std::env::var("COLUMNS")
                        .ok()
                        .and_then(|c| c.parse().ok())
                        .unwrap_or(DEFAULT_WIDTH),
                )
            }
        });
        // As wide as its content when that fits; otherwise squeezed to the width, with long
        // paths offered line breaks at their slashes.
        let natural = self.build(ContentArrangement::Disabled, None, false).to_string();
        let widest = natural.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        match width {
            Some(w) if widest > w as usize => {
                self.build(ContentArrangement::Dynamic, Some(w), true).to_string()
            }
            _ => natural,
        }
    }

    fn build(&self, arrangement: ContentArrangement, width: Option<u16>, break_paths: bool) -> Table {
        let mut t = Table::new();
        t.load_preset(UTF8_BORDERS_ONLY)
            .set_content_arrangement(arrangement)
            .set_header(self.header.iter().map(Cell::new));
        if let Some(w) = width {
            t.set_width(w);
        }
        for row in &self.rows {
            t.add_row(row.iter().enumerate().map(|(i, c)| {
                let cell = Cell::new(if break_paths { breakable(c) } else { c.clone() });
                if self.right.get(i).copied().unwrap_or(false) {
                    cell.set_alignment(CellAlignment::Right)
                } else {
                    cell
                }
            }));
        }
        t
    }
}

/// One cell as TSV: tabs and line breaks become separators a line-based tool survives.
fn tsv_cell(s: &str) -> String {
    s.replace('\t', " ").replace("\r\n", "; ").replace('\n', "; ")
}

/// Long paths wrap at their slashes rather than anywhere: comfy-table breaks lines at spaces
/// and splits only words longer than the column, so a space is offered after each `/` of a
/// path too long to sit on one line of a narrow column. Short text is left alone.
fn breakable(s: &str) -> String {
    const LONG: usize = 40;
    s.lines()
        .map(|line| {
            if line.chars().count() > LONG && !line.contains(' ') && line.contains('/') {
                line.replace('/', "/ ").trim_end().to_string()
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Grid {
        let mut g = Grid::new(&["File", "Status", "Records"]).right(&[2]);
        g.row(vec![
            "Takeout/My Activity/Search/very-long-folder-name/and-more/MyActivity.json".into(),
            "understood (google_my_activity_json)".into(),
            "1,234".into(),
        ]);
        g.row(vec!["a.csv".into(), "indexed, not understood\n(csv)".into(), "2".into()]);
        g
    }

    #[test]
    fn tables_fit_the_width_and_wrap_paths_at_slashes() {
        for width in [40u16, 60, 80] {
            let out = sample().render(Layout::Table, Some(width));
            for line in out.lines() {
                assert!(
                    line.chars().count() <= width as usize,
                    "wider than {width}: {line:?}\n{out}"
                );
            }
            // Every part of the path is still there, broken at slashes.
            let joined: String = out.chars().filter(|c| !c.is_whitespace() && !"│─┌┐└┘├┤┬┴┼╭╮╰╯═║".contains(*c)).collect();
            assert!(joined.contains("MyActivity.json"), "{out}");
        }
        let wide = sample().render(Layout::Table, Some(200));
        assert!(wide.contains("Takeout/My Activity/Search/very-long-folder-name/and-more/MyActivity.json"), "{wide}");
    }

    #[test]
    fn tsv_is_one_row_per_line_with_tabs() {
        let out = sample().render(Layout::Tsv, None);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 3, "{out}");
        assert_eq!(lines[0], "File\tStatus\tRecords");
        assert_eq!(lines[1].rsplit('\t').next(), Some("1234"), "counts are plain numbers");
        assert_eq!(lines[2], "a.csv\tindexed, not understood; (csv)\t2");
        assert!(lines.iter().all(|l| l.split('\t').count() == 3));
    }
}
