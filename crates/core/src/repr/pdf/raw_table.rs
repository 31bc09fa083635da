//! Tables I and II of PDF text without layout, read from its blocks.
//!
//! The extractor writes each cell of the page as a block of lines (a blank
//! line between blocks); the blocks come in drawing order, which keeps no
//! columns. What survives is read:
//!
//! - every block is a heading (its words are the column headings' words),
//!   page furniture, or a cell's value; values are typed — a date, an
//!   amount, a `$` price, a letter code, footnote marks alone, or words;
//! - the headings say which columns the form prints (with or without `V`;
//!   without transaction columns on Form 3), in the form's standard order;
//! - rows usually come one after another, each starting with its title
//!   (words), then its values; words after a row's values are its nature of
//!   ownership (when two phrases stand before the next values, the second
//!   is the next row's title), and in Table II the first words among the
//!   values are the underlying security's title;
//! - the code and the amount of a transaction are drawn in either order.
//!
//! Each row's values are aligned with the columns by type and order
//! ([`crate::repr::align`]). A row is kept as read only when that is
//! certain and complete; otherwise — and whenever the drawing order does
//! not give rows one after another (several titles in a row: a block of
//! rows drawn column by column) — every value of it is marked uncertain,
//! with a diagnostic. Empty columns of a row are missing, not blank: no
//! cell showed them.

use crate::diagnostic::{Code, Diagnostic, Severity, quote};
use crate::model::{Column, Field, Origin, Row, RowKind, Table};
use crate::repr::align::{self, Kind, Token};
use crate::repr::cells::{Cell, MarkStyle, canonical_marks, split_marks};
use crate::repr::columns::{Slot, is_heading_text, standard_slots};
use crate::repr::form::PreRead;
use crate::repr::grid::{Line, contains_ignore_case, starts_with_ignore_case};
use crate::repr::pdf::raw_interleaved;
use crate::repr::pdf::raw_marks::untangled_rows;
use crate::repr::table::{self, Layout};
use crate::source::{Span, lines};

/// Lines of the text with no blank line between them: one cell of the
/// page, or one label.
#[derive(Clone, Debug, Default)]
pub(crate) struct Block {
    /// The lines, trimmed, with their spans.
    pub lines: Vec<Cell>,
    /// Whether a page ends between the block before and this one (a cell
    /// may be cut in two there).
    pub after_break: bool,
}

impl Block {
    /// The lines joined by one space.
    pub fn text(&self) -> String {
        self.lines.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join(" ")
    }
}

/// The blocks of the text (starting at `base` in the input); page
/// furniture (the print header and footer, page counts) is left out and
/// ends a block, and so does a page break.
pub(crate) fn blocks(text: &str, base: usize) -> Vec<Block> {
    let mut out = Vec::new();
    let mut current = Block::default();
    let flush = |current: &mut Block, out: &mut Vec<Block>| {
        if !current.lines.is_empty() {
            out.push(std::mem::take(current));
        }
    };
    for (start, line) in lines(text) {
        if line.contains('\u{c}') {
            flush(&mut current, &mut out);
            current.after_break = true;
        }
        let is_space = |c: char| c.is_whitespace() || c == '\u{c}';
        let t = line.trim_matches(is_space);
        if t.is_empty() || super::is_furniture(t) || super::is_page_count(t) {
            flush(&mut current, &mut out);
            current.after_break |= !t.is_empty();
            continue;
        }
        let lead = line.len() - line.trim_start_matches(is_space).len();
        let s = base + start + lead;
        current.lines.push(Cell::new(t, Span::new(s, s + t.len())));
    }
    flush(&mut current, &mut out);
    out
}

/// What a block is, inside a table's section.
enum Kind2 {
    /// The table's title (`Table I - …`, `Table II - …`).
    Title,
    /// The end of the tables (the further owners, the footnotes, …).
    End,
    /// Column headings (or printed form text).
    Heading,
    /// Values.
    Data,
}

/// The table a title line starts (`Table I - …`, `Table II - …`).
pub(crate) fn title_of(line: &str) -> Option<Table> {
    let starts = |prefix: &str| line.get(..prefix.len()).is_some_and(|h| h.eq_ignore_ascii_case(prefix));
    if starts("table ii ") || starts("table ii-") {
        Some(Table::Derivative)
    } else if starts("table i ") || starts("table i-") {
        Some(Table::NonDerivative)
    } else {
        None
    }
}

fn classify(block: &Block, v_seen: &mut bool) -> Kind2 {
    let text = block.text();
    let starts = |prefix: &str| starts_with_ignore_case(&text, prefix);
    if title_of(&text).is_some() {
        return Kind2::Title;
    }
    if contains_ignore_case(&text, "name and address of reporting person")
        || starts("explanation of responses")
        || starts("remarks:")
        || contains_ignore_case(&text, "signature of reporting person")
        || starts("reminder:")
    {
        return Kind2::End;
    }
    if starts("(e.g., puts") || starts("sec form") {
        return Kind2::Heading;
    }
    let single = block.lines.len() == 1 && !text.contains(' ');
    if single && text.len() == 1 {
        // A letter alone is a value, but for the `V` sub-heading (printed once a page).
        if text == "V" && !*v_seen {
            *v_seen = true;
            return Kind2::Heading;
        }
        return Kind2::Data;
    }
    if is_heading_text(&text) {
        // One word of the headings alone ("Options") is a value unless it is a sub-heading.
        let sub = ["code", "amount", "price", "title", "(a)", "(d)"];
        if !single || sub.iter().any(|s| text.eq_ignore_ascii_case(s)) {
            return Kind2::Heading;
        }
    }
    Kind2::Data
}

/// A table's section: its headings and its value blocks, in order.
#[derive(Default)]
struct Section {
    headings: Vec<Line>,
    data: Vec<Block>,
    /// Whether a page ended since the last value block (the next one is
    /// marked `after_break`, though headings or furniture came between).
    break_pending: bool,
    /// Whether headings came since the last value block.
    heading_pending: bool,
    /// The value blocks that come right after headings (no value block
    /// between), by index.
    after_heading: Vec<usize>,
}

impl Section {
    /// The first and last lines' spans of the value blocks that end where
    /// a page ends or headings are drawn, and of those that start there:
    /// what the drawing puts at a table's edges.
    fn edges(&self) -> Vec<Span> {
        let mut out = Vec::new();
        for (k, pair) in self.data.windows(2).enumerate() {
            if pair[1].after_break || self.after_heading.contains(&(k + 1)) {
                out.extend(pair[0].lines.last().map(|l| l.span));
                out.extend(pair[1].lines.first().map(|l| l.span));
            }
        }
        out
    }
}

/// Read Tables I and II from the blocks; `None` when the text has no "Table I".
pub(crate) fn read_tables(blocks: &[Block], marks: MarkStyle) -> Option<PreRead> {
    let mut sections = [Section::default(), Section::default()];
    let mut current: Option<usize> = None;
    let mut seen_title = false;
    let mut v_seen = false;
    for block in blocks {
        // A title may share its block with the first headings.
        let (first, rest) = match block.lines.split_first() {
            Some((first, rest)) => (first, rest),
            None => continue,
        };
        if let Some(table) = title_of(&first.text) {
            current = Some(usize::from(table == Table::Derivative));
            if let Some(k) = current {
                sections[k].break_pending |= block.after_break;
            }
            seen_title = true;
            v_seen = false;
            if !rest.is_empty() {
                push(
                    &mut sections,
                    current,
                    &Block { lines: rest.to_vec(), after_break: false },
                    &mut v_seen,
                );
            }
            continue;
        }
        // The footnotes' heading ends the tables also within a block: the
        // extractor may run a last cell's lines and it together.
        let footnotes = |l: &Cell| starts_with_ignore_case(&l.text, "explanation of responses");
        if let Some(end) = rest.iter().position(footnotes) {
            let cell = Block { lines: block.lines[..=end].to_vec(), after_break: block.after_break };
            push(&mut sections, current, &cell, &mut v_seen);
            current = None;
            continue;
        }
        let kind = classify(block, &mut v_seen);
        if matches!(kind, Kind2::End) {
            current = None;
        }
        put(&mut sections, current, block, kind);
    }
    if !seen_title {
        return None;
    }
    let mut pre = PreRead::default();
    let [first, second] = sections;
    pre.non_derivative = read_section(&first, Table::NonDerivative, marks, &mut pre.diagnostics);
    pre.derivative = read_section(&second, Table::Derivative, marks, &mut pre.diagnostics);
    Some(pre)
}

fn push(sections: &mut [Section; 2], current: Option<usize>, block: &Block, v_seen: &mut bool) {
    let kind = classify(block, v_seen);
    put(sections, current, block, kind);
}

fn put(sections: &mut [Section; 2], current: Option<usize>, block: &Block, kind: Kind2) {
    let Some(k) = current else { return };
    let section = &mut sections[k];
    section.break_pending |= block.after_break;
    match kind {
        Kind2::Heading => {
            section.headings.push(Line::new(vec![joined(block)]));
            section.heading_pending = true;
        }
        Kind2::Data => {
            if std::mem::take(&mut section.heading_pending) {
                section.after_heading.push(section.data.len());
            }
            let after_break = std::mem::take(&mut section.break_pending);
            section.data.push(Block { after_break, ..block.clone() });
        }
        Kind2::Title | Kind2::End => {}
    }
}

/// A block as one cell.
fn joined(block: &Block) -> Cell {
    let span = block.lines.iter().map(|c| c.span).reduce(Span::cover).unwrap_or_default();
    Cell { text: block.text(), span }
}

/// The columns a table prints, in the form's order: Form 3's when no
/// transaction column is headed, with `V` only when a `V` is among the
/// headings.
fn columns(headings: &[Line], table: Table) -> Vec<Slot> {
    let refs: Vec<&Line> = headings.iter().collect();
    let found = table::layout(&refs, table).slots();
    let v = headings.iter().any(|l| l.text().split_whitespace().any(|w| w.eq_ignore_ascii_case("v")));
    let form = if !found.is_empty() && !found.contains(&Slot::Date) && !found.contains(&Slot::Code) {
        3
    } else if v || found.is_empty() {
        4
    } else {
        5
    };
    standard_slots(form, table).to_vec()
}

/// A value block's lines, their marks made canonical, each with the kind
/// of value it is.
fn typed_lines(block: &Block, marks: MarkStyle) -> Vec<(Cell, Kind)> {
    let typed = |line: &Cell| {
        let text = canonical_marks(&line.text, marks);
        let kind = align::kind_of(&text);
        (Cell { text, span: line.span }, kind)
    };
    block.lines.iter().map(typed).collect()
}

/// The cells of a value block (its [`typed_lines`]): each line that is a
/// value on its own is a cell; lines of words run together into one cell
/// (footnote marks on a line of their own end it), up to a line that ends
/// with a mark or one that repeats the words so far. In Table I, a line of
/// footnote marks right after a value that ends with marks none of which it
/// repeats continues that value's marks, wrapped ([`continues_marks`]);
/// not in Table II of `table`, where a cell of marks alone may stand for a
/// value (a price, a date) shown only by its footnotes.
fn cells(lines: &[(Cell, Kind)], table: Table) -> Vec<Cell> {
    let mut out: Vec<Cell> = Vec::new();
    // Whether the last cell is words, and whether more words join it.
    let (mut words, mut open) = (false, false);
    for (cell, kind) in lines {
        let (cell, kind) = (cell.clone(), *kind);
        // A line that repeats the words so far is another cell: a cell
        // wraps one phrase, never the same phrase twice (several rows'
        // titles drawn as one block).
        let repeats = out.last().is_some_and(|prev| prev.text == cell.text);
        let joins = match kind {
            Kind::Text => open && !repeats,
            Kind::Marks => {
                words
                    || (table == Table::NonDerivative
                        && out.last().is_some_and(|prev| continues_marks(prev, &cell.text)))
            }
            _ => false,
        };
        match out.last_mut() {
            Some(prev) if joins => {
                prev.text = if kind == Kind::Marks {
                    format!("{}{}", prev.text, cell.text)
                } else {
                    align::join_wrapped(&prev.text, &cell.text)
                };
                prev.span = prev.span.cover(cell.span);
            }
            _ => out.push(cell),
        }
        words = matches!(kind, Kind::Text) || (words && joins);
        open = words && out.last().is_some_and(|c| !ends_with_mark(&c.text));
    }
    out
}

/// Whether a line of footnote marks `marks`, drawn right after the value
/// `prev` in one block, continues the value's marks: the value ends with
/// marks (a cell's marks wrap onto a line of their own when they do not
/// fit beside it), and none of the line's marks is among them (a cell
/// carries a footnote once: a repeated mark is another cell's, drawn next
/// to it). Marks alone before them (`(1)` then `(2)`) are no value.
fn continues_marks(prev: &Cell, marks: &str) -> bool {
    let own = split_marks(&prev.text);
    ends_with_mark(&prev.text)
        && !own.value.is_empty()
        && split_marks(marks).footnotes.iter().all(|id| !own.footnotes.contains(id))
}

fn ends_with_mark(text: &str) -> bool {
    text.ends_with('⁾')
}

/// A row's tokens as drawn, and whether its gathering is in doubt.
#[derive(Default)]
pub(super) struct RawRow {
    pub(super) tokens: Vec<Token>,
    /// Why the row's place is not certain.
    doubt: Option<&'static str>,
    /// Table II: the underlying title was met.
    underlying: bool,
    values: bool,
    /// No title stood before its values.
    title_missing: bool,
}

impl RawRow {
    /// A row of tokens, its gathering not in doubt.
    pub(super) fn new(tokens: Vec<Token>) -> Self {
        Self { tokens, ..Self::default() }
    }

    fn doubt(&mut self, why: &'static str) {
        self.doubt.get_or_insert(why);
    }
}

/// Cut the tokens into rows, one after another (see the module docs).
fn split_rows(tokens: Vec<Token>, table: Table) -> Vec<RawRow> {
    let mut rows: Vec<RawRow> = Vec::new();
    let mut current: Option<RawRow> = None;
    let mut words: Vec<Token> = Vec::new();
    for token in tokens {
        if token.kind == Kind::Text {
            words.push(token);
            continue;
        }
        if !words.is_empty() {
            match current.as_mut() {
                None => {
                    let mut row = RawRow::default();
                    if words.len() > 1 {
                        row.doubt("several titles stand before the row's values");
                    }
                    row.tokens.append(&mut words);
                    current = Some(row);
                }
                Some(row) if table == Table::Derivative && row.values && !row.underlying => {
                    if words.len() > 1 {
                        row.doubt("several phrases stand among the row's values");
                    }
                    row.underlying = true;
                    row.tokens.append(&mut words);
                }
                Some(row) => {
                    let title = words.pop();
                    if words.len() > 1 {
                        row.doubt("several phrases stand between two rows");
                    }
                    row.tokens.append(&mut words);
                    rows.extend(current.take());
                    let mut next = RawRow::default();
                    next.tokens.extend(title);
                    current = Some(next);
                }
            }
        }
        let row = current.get_or_insert_with(|| {
            let mut row = RawRow { title_missing: true, ..RawRow::default() };
            row.doubt("the row's title was not found before its values");
            row
        });
        row.values = true;
        row.tokens.push(token);
    }
    if !words.is_empty() {
        match current.as_mut() {
            Some(row) => {
                if words.len() > 1 {
                    row.doubt("several phrases follow the last row");
                }
                row.tokens.append(&mut words);
            }
            None => {
                let mut row = RawRow::default();
                row.doubt("a title without values");
                row.tokens.append(&mut words);
                current = Some(row);
            }
        }
    }
    rows.extend(current);
    rows
}

/// Whether a token is a transaction code, an (A)/(D) or a D/I letter.
fn is_letter(token: &Token) -> bool {
    matches!(token.kind, Kind::Letter(c) if c != 'V')
}

/// The code and the amount are drawn in either order: put an amount that
/// comes just before the row's first letter after it.
fn code_before_amount(tokens: &mut [Token]) {
    let Some(first_letter) = tokens.iter().position(is_letter) else { return };
    if first_letter > 0 && matches!(tokens[first_letter - 1].kind, Kind::Number) {
        let before_dates = tokens[..first_letter - 1].iter().any(|t| t.kind == Kind::Date);
        if before_dates {
            tokens.swap(first_letter - 1, first_letter);
        }
    }
}

fn read_section(section: &Section, table: Table, marks: MarkStyle, diags: &mut Vec<Diagnostic>) -> Vec<Row> {
    if section.data.is_empty() {
        return Vec::new();
    }
    let slots = columns(&section.headings, table);
    // Form 3 prints no transaction columns.
    let holdings = !slots.contains(&Slot::Code);
    let (mut tokens, cuts, wide) = tokens_and_cuts(&section.data, marks, table);
    // A page break with words on both sides is one cell of words (a title,
    // a nature) cut in two there, or two cells: the table is untangled only
    // when the number of phrases its values call for says which, and
    // pieces read apart end up in two columns (below).
    let mut apart: Vec<(Span, Span)> = Vec::new();
    let may_untangle = cuts.is_empty() || {
        let joined = joined_at(&tokens, &cuts);
        let fit = |tokens: &[Token]| raw_interleaved::phrases_fit(tokens, table, holdings);
        match (fit(&tokens), fit(&joined)) {
            (true, false) => {
                apart = cuts
                    .iter()
                    .filter_map(|&k| Some((tokens.get(k)?.span, tokens.get(k + 1)?.span)))
                    .collect();
                true
            }
            (false, true) => {
                tokens = joined;
                true
            }
            _ => false,
        }
    };
    let kept = may_untangle.then(|| tokens.clone());
    let mut own = Vec::new();
    let rows = read_rows(tokens, &slots, table, &mut own);
    // The untangled reading is kept when it is settled, or leaves fewer
    // cells in doubt.
    let in_doubt = |rows: &[Row]| {
        rows.iter().map(|row| Column::ALL.iter().filter(|&&c| !row.cell(c).meta().2.is_read()).count()).sum()
    };
    let doubts: usize = in_doubt(&rows);
    let untangled = match &kept {
        Some(tokens) if doubts > 0 => untangled_rows(tokens, &slots, table, holdings, &section.edges()),
        _ => None,
    };
    let untangled = untangled.map(|(mut untangled, mut found, settled)| {
        if pieces_in_one_column(&untangled, &apart) {
            doubt_words(&mut untangled, &mut found);
        }
        (untangled, found, settled)
    });
    let (mut rows, mut found) = match untangled {
        Some((mut untangled, mut found, settled)) if settled || in_doubt(&untangled) < doubts => {
            doubt_broken_holdings(&mut untangled, table, &mut found);
            (untangled, found)
        }
        _ => (rows, own),
    };
    for row in &mut rows {
        doubt_dropped_hyphens(row, &wide, &mut found);
    }
    diags.append(&mut found);
    rows
}

/// The column and row of the cell that holds a span.
fn cell_at(rows: &[Row], span: Span) -> Option<(usize, Column)> {
    rows.iter().enumerate().find_map(|(r, row)| {
        Column::ALL.into_iter().find_map(|c| {
            let s = row.cell(c).meta().1?;
            (s.start <= span.start && span.end <= s.end).then_some((r, c))
        })
    })
}

/// Whether two pieces of words on both sides of a page break, read as two
/// cells, lie in one column: a cell cut in two lies in one column, so
/// pieces in two columns are two cells; pieces in one column may be one,
/// and then the phrase count that read them apart was met by another
/// error (two phrases drawn as one block), so the reading's words are in
/// doubt ([`doubt_words`]).
fn pieces_in_one_column(rows: &[Row], apart: &[(Span, Span)]) -> bool {
    apart.iter().any(|&(first, second)| match (cell_at(rows, first), cell_at(rows, second)) {
        (Some(a), Some(b)) => a.1 == b.1,
        _ => true,
    })
}

/// Mark every cell of words (titles, underlying titles, natures) of the
/// rows uncertain: a cell of words cut by a page break may have been read
/// as two, the phrase count met by two cells drawn as one block. Which
/// phrase is where is then in doubt, but not the other values: their kinds
/// alone make the rows (words fill no other column).
fn doubt_words(rows: &mut [Row], diags: &mut Vec<Diagnostic>) {
    for row in rows {
        doubt_word_cells(
            row,
            diags,
            |field| field.value.is_some(),
            |text| {
                format!(
                    "the text {text} was read from PDF text without layout, where a page break cuts words that may be one cell or two: it may belong to another row"
                )
            },
        );
    }
}

/// Mark a row's cells of words (title, underlying title, nature) that were
/// read and that `may` holds for uncertain, each with the diagnostic `why`
/// words from its quoted text.
fn doubt_word_cells(
    row: &mut Row,
    diags: &mut Vec<Diagnostic>,
    may: impl Fn(&Field<String>) -> bool,
    why: impl Fn(&str) -> String,
) {
    for field in [&mut row.security_title, &mut row.underlying_security_title, &mut row.nature_of_ownership] {
        if !field.origin.is_read() || !may(field) {
            continue;
        }
        let message = why(&quote(field.value.as_deref().unwrap_or_default()));
        field.origin = Origin::Uncertain;
        diags.push(Diagnostic::new(Code::ColumnUncertain, field.span, message));
    }
}

/// Rows of an untangled Table I whose holdings do not continue: two
/// transactions one after the other of the same security, held the same
/// way (the same form and nature), where the amount owned before, moved by
/// the second's amount, is not the amount it owns after. The print lists
/// one holder's transactions in order, so the reading may have put amounts
/// in the wrong rows or columns: every value of both rows is in doubt —
/// but of a row the holdings on its other side vouch for ([`vouched`]):
/// the break is the other row's (with both rows vouched for, none is in
/// doubt: the break is only reported). (Table II's rows of one title are often
/// different grants — another price or expiration — whose holdings do not
/// chain.)
fn doubt_broken_holdings(rows: &mut [Row], table: Table, diags: &mut Vec<Diagnostic>) {
    if table != Table::NonDerivative {
        return;
    }
    let broken: Vec<usize> =
        (1..rows.len()).filter(|&k| table::breaks_holdings(&rows[k - 1], &rows[k])).collect();
    // (Vouched for by the reading as it came: before any break's doubt.)
    let vouched: Vec<bool> = (0..rows.len()).map(|k| vouched(rows, k, &broken)).collect();
    for &k in &broken {
        let doubted: Vec<usize> = [k - 1, k].into_iter().filter(|&r| !vouched[r]).collect();
        if doubted.is_empty() {
            // Both rows vouched for: the break is kept in sight, not doubted.
            diags.push(
                Diagnostic::new(
                    Code::HoldingsBreak,
                    Some(rows[k].span),
                    "this transaction's amounts do not continue the holding of the row above (same security, held the same way), though each row's holdings continue on its other side: both rows' values are kept as read".to_owned(),
                )
                .with_severity(Severity::Info),
            );
            continue;
        }
        for &r in &doubted {
            doubt_all(&mut rows[r], table);
        }
        diags.push(Diagnostic::new(
            Code::ColumnUncertain,
            Some(rows[k].span),
            "this transaction's amounts do not continue the holding of the row above (same security, held the same way): the values of the rows not continued on their other side may be in the wrong rows or columns".to_owned(),
        ));
    }
}

/// Whether row `k` of an untangled Table I is vouched for though a break
/// of its holdings (at `broken`: each the index of the row below a break)
/// lies on one side of it: none of its values is in doubt, and on its
/// other side the holdings continue through it — it continues the row
/// above (a break below it), or the row below continues it (a break above
/// it). Three amounts read from two rows agree (owned before, moved by the
/// amount, is owned after), so the row's amount and amount owned were not
/// taken from another row; the break lies in the other row. A row with
/// breaks on both sides, or whose other side is the table's edge, is not
/// vouched for.
fn vouched(rows: &[Row], k: usize, broken: &[usize]) -> bool {
    let below = broken.contains(&(k + 1));
    let above = broken.contains(&k);
    // Settled: no value put in doubt. A cell missing or inferred is no
    // value taken from another row, so it does not unsettle the row (unlike
    // the count of cells not read that compares two readings, `in_doubt`
    // in `read_section`, where any cell not read is a loss).
    let settled = |row: &Row| Column::ALL.iter().all(|&c| row.cell(c).meta().2 != Origin::Uncertain);
    let continued = match (above, below) {
        (false, true) => k
            .checked_sub(1)
            .and_then(|j| rows.get(j))
            .is_some_and(|prev| table::chains_holdings(prev, &rows[k])),
        (true, false) => rows.get(k + 1).is_some_and(|next| table::chains_holdings(&rows[k], next)),
        _ => false,
    };
    continued && rows.get(k).is_some_and(settled)
}

/// The tokens with each token at `cuts` joined to the one after it (a
/// cell of words cut in two by a page break).
fn joined_at(tokens: &[Token], cuts: &[usize]) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    for (k, token) in tokens.iter().enumerate() {
        match out.last_mut() {
            Some(prev) if k > 0 && cuts.contains(&(k - 1)) => prev.join(token, false),
            _ => out.push(token.clone()),
        }
    }
    out
}

/// The tokens of a section's data blocks, in drawing order; where words
/// end the value block before a page break and start the one after it:
/// one cell of words (a title, a nature) may be cut in two there (each cut
/// is the index of the last token before the break; a break between
/// values of other kinds cuts none: each is one line); and the lines too
/// wide for their cell ([`too_wide_lines`]).
fn tokens_and_cuts(data: &[Block], marks: MarkStyle, table: Table) -> (Vec<Token>, Vec<usize>, Vec<Span>) {
    let mut tokens: Vec<Token> = Vec::new();
    let mut cuts = Vec::new();
    let mut wide = Vec::new();
    // Where the previous block's tokens start.
    let mut previous = None;
    for block in data {
        let first = tokens.len();
        let lines = typed_lines(block, marks);
        tokens.extend(cells(&lines, table).iter().map(align::cell_token));
        wide.extend(too_wide_lines(&lines));
        let words = |k: usize| tokens.get(k).is_some_and(|t| t.kind == Kind::Text);
        // The previous block's last token (none when it had none).
        let before = previous.filter(|&p| p < first).map(|_| first - 1);
        if block.after_break
            && let Some(before) = before
            && words(before)
            && words(first)
        {
            cuts.push(before);
        }
        previous = Some(first);
    }
    (tokens, cuts, wide)
}

/// The rows of a table read one after another (see the module docs).
fn read_rows(tokens: Vec<Token>, slots: &[Slot], table: Table, diags: &mut Vec<Diagnostic>) -> Vec<Row> {
    let mut raws: std::collections::VecDeque<RawRow> = split_rows(tokens, table).into();
    let mut rows = Vec::new();
    // A row holds a value a column at most (with marks and words between):
    // more tokens than that are split off first, so each alignment stays
    // small and the whole stays linear.
    let most = 8 * slots.len();
    while let Some(mut raw) = raws.pop_front() {
        if raw.tokens.len() > most {
            let mut rest = RawRow { tokens: raw.tokens.split_off(most), ..RawRow::default() };
            rest.doubt("its values were drawn among another row's");
            raw.doubt("more values than one row holds were drawn together");
            raws.push_front(rest);
        }
        // A row's left part (title, date, code) drawn after its right part:
        // two pieces that make one complete row together.
        if raw.title_missing
            && let Some(next) = raws.front()
        {
            let mut tokens = next.tokens.clone();
            tokens.extend(raw.tokens.iter().cloned());
            let joined = RawRow { tokens, ..RawRow::default() };
            let built = build(&joined, slots, table);
            if built.sure && next.doubt.is_none() {
                raws.pop_front();
                diags.extend(built.diagnostics);
                rows.push(built.row);
                continue;
            }
        }
        let Built { mut row, diagnostics: mut row_diags, left: (left, left_diags), .. } =
            build(&raw, slots, table);
        if !left.is_empty() && left.len() < raw.tokens.len() {
            // Values that fit no column of the row: the next row's, drawn
            // with this one (rows drawn column by column).
            let mut next = RawRow { tokens: left, ..RawRow::default() };
            next.doubt("its values were drawn among another row's");
            raws.push_front(next);
        } else {
            row_diags.extend(left_diags);
        }
        if let Some(why) = raw.doubt {
            doubt_all(&mut row, table);
            let text: Vec<&str> = raw.tokens.iter().map(|t| t.text.as_str()).collect();
            diags.push(Diagnostic::new(
                Code::ColumnUncertain,
                Some(row.span),
                format!(
                    "the row {} was read from PDF text without layout, but {why}: its values may be in the wrong columns or rows",
                    quote(&text.join(" "))
                ),
            ));
        }
        diags.append(&mut row_diags);
        rows.push(row);
    }
    table::doubt_rows_together(&mut rows, table, diags);
    rows
}

/// Text cells whose words may have lost a hyphen: the extractor joins a
/// word broken over two lines at a hyphen and drops the hyphen
/// (`Non-` `Qualified` is written `NonQualified`, `III -` `Endurance`
/// `III Endurance`). A word with a capital right after a small letter may
/// be two such pieces (words that are written so, `McKinsey`, are too),
/// and so may a line wider than its cell's wrapping allows
/// ([`too_wide_lines`], in `wide`): the cell is marked uncertain.
fn doubt_dropped_hyphens(row: &mut Row, wide: &[Span], diags: &mut Vec<Diagnostic>) {
    let joined = |s: Span| wide.iter().any(|w| s.start <= w.start && w.end <= s.end);
    let may = |field: &Field<String>| {
        field.value.as_deref().is_some_and(may_lack_hyphen) || field.span.is_some_and(joined)
    };
    doubt_word_cells(row, diags, may, |text| {
        format!(
            "the text {text} has a word whose hyphen may have been dropped where it was broken over two lines"
        )
    });
}

/// How many characters narrower than a cell's widest line a line and the
/// next line's first word must be to show the widest is too wide: the
/// print's letters differ in width, so a few characters say nothing.
const WRAP_SLACK: usize = 2;

/// The lines of words of a value block (its [`typed_lines`]) too wide for
/// their cell: a cell's words wrap where
/// the next word no longer fits, so every line but the last, with the next
/// line's first word, is wider than the cell. A line wider than some such
/// line and word (by more than [`WRAP_SLACK`] characters) cannot be one
/// line of the cell: it is two, joined by the extractor where the first
/// ended with a hyphen, which it dropped.
fn too_wide_lines(lines: &[(Cell, Kind)]) -> Vec<Span> {
    let mut out = Vec::new();
    let words = |kind: &Kind| *kind == Kind::Text;
    // A cell's lines of words, as [`cells`] joins them.
    let runs =
        lines.chunk_by(|(a, a_kind), (_, b_kind)| words(a_kind) && words(b_kind) && !ends_with_mark(&a.text));
    for run in runs.filter(|run| run.len() > 1 && words(&run[0].1)) {
        let width = |c: &Cell| c.text.chars().count();
        let Some((widest, _)) = run.iter().max_by_key(|(c, _)| width(c)) else { continue };
        let wrapped = run.windows(2).map(|pair| {
            let next = pair[1].0.text.split_whitespace().next().unwrap_or_default();
            width(&pair[0].0) + 1 + next.chars().count()
        });
        if wrapped.min().is_some_and(|w| w + WRAP_SLACK < width(widest)) {
            out.push(widest.span);
        }
    }
    out
}

/// Whether a text has a small letter followed by a capital within a word.
pub(crate) fn may_lack_hyphen(text: &str) -> bool {
    text.chars()
        .zip(text.chars().skip(1))
        .any(|(a, b)| (a.is_lowercase() || a.is_ascii_digit()) && b.is_uppercase())
}

/// A row built from its tokens.
pub(super) struct Built {
    pub(super) row: Row,
    /// What was found to say.
    pub(super) diagnostics: Vec<Diagnostic>,
    /// Whether the row is certain (complete, every value in one column only).
    pub(super) sure: bool,
    /// The tokens that fit none of the row's columns, and the diagnostics
    /// that say so.
    pub(super) left: (Vec<Token>, Vec<Diagnostic>),
}

/// A row from its tokens.
pub(super) fn build(raw: &RawRow, slots: &[Slot], table: Table) -> Built {
    let mut tokens = raw.tokens.clone();
    let letters = tokens.iter().filter(|t| is_letter(t)).count();
    let holding = letters <= 1 || !slots.contains(&Slot::Code);
    let row_slots: Vec<Slot> = if holding {
        slots.iter().copied().filter(|s| !s.is_transaction_only()).collect()
    } else {
        code_before_amount(&mut tokens);
        slots.to_vec()
    };
    let span = tokens.iter().map(|t| t.span).reduce(Span::cover).unwrap_or_default();
    let mut row = Row { span, ..Row::default() };
    let mut row_diags = Vec::new();
    align::fill_tokens(&mut row, &row_slots, &tokens, None, &mut row_diags);
    doubt_loose_marks(&mut row, &tokens, &mut row_diags);
    // Tokens that fit no column are handed back (their diagnostics
    // dropped), and so are values that lost their column to another the
    // alignment could equally have put there (two amounts owned after: two
    // rows' values drawn together). Words that lost theirs (a title drawn
    // twice) are reported, and the row is in doubt.
    let (unfit, mut row_diags): (Vec<Diagnostic>, Vec<Diagnostic>) =
        row_diags.into_iter().partition(|d| d.code == Code::UnplacedContent);
    let kept = |t: &Token| {
        Column::ALL
            .iter()
            .any(|&c| row.cell(c).meta().1.is_some_and(|s| s.start <= t.span.start && t.span.end <= s.end))
    };
    let is_unfit = |t: &Token| unfit.iter().any(|d| d.span == Some(t.span));
    let lost_value = tokens.iter().any(|t| !kept(t) && !is_unfit(t) && t.kind != Kind::Text);
    let (left, lost_words): (Vec<Token>, Vec<Token>) = tokens
        .iter()
        .filter(|t| !kept(t))
        .cloned()
        .partition(|t| lost_value || t.kind != Kind::Text || is_unfit(t));
    row_diags.extend(lost_words.iter().map(unplaced_token));
    let left_diags = left.iter().map(unplaced_token).collect();
    align::touch_all(&mut row, &row_slots, span);
    let unplaced = !left.is_empty() || row_diags.iter().any(|d| d.code != Code::ColumnUncertain);
    let layout = Layout { groups: vec![row_slots] };
    table::finish_row(&mut row, &layout, table);
    let mut row = table::doubt_unless_complete(row, table);
    if unplaced {
        doubt_all(&mut row, table);
    }
    let sure = !Column::ALL.iter().any(|c| row.cell(*c).meta().2 == Origin::Uncertain);
    Built { row, diagnostics: row_diags, sure, left: (left, left_diags) }
}

/// A cell of footnote marks alone, from marks drawn on a line of their
/// own: the extractor draws a cell's marks apart from its value when they
/// wrap, so between two rows' values they may be either row's, and any
/// column's. Such a cell is uncertain but in the columns marks fill alone
/// (a price, the dates exercisable and of expiration: "see the footnote").
fn doubt_loose_marks(row: &mut Row, tokens: &[Token], diags: &mut Vec<Diagnostic>) {
    let alone = [
        Column::TransactionPricePerShare,
        Column::ConversionOrExercisePrice,
        Column::ExerciseDate,
        Column::ExpirationDate,
    ];
    for token in tokens.iter().filter(|t| t.kind == Kind::Marks) {
        let placed = Column::ALL.into_iter().find(|&c| {
            let cell = row.cell(c);
            let (footnotes, span, origin) = cell.meta();
            origin.is_read() && cell.text().is_none() && !footnotes.is_empty() && span == Some(token.span)
        });
        let Some(column) = placed.filter(|c| !alone.contains(c)) else { continue };
        table::set_origin(row, column, Origin::Uncertain);
        diags.push(Diagnostic::new(
            Code::ColumnUncertain,
            Some(token.span),
            format!(
                "the footnote marks {} were drawn apart from any value in PDF text without layout: they may belong to another cell",
                quote(&token.text)
            ),
        ));
    }
}

/// What is said of a token that fits none of a row's columns.
fn unplaced_token(token: &Token) -> Diagnostic {
    Diagnostic::new(
        Code::UnplacedContent,
        Some(token.span),
        format!("the text {} fits none of the table's columns", quote(&token.text)),
    )
    .with_help("it was left out; check the row against the original filing")
}

/// Mark every value read in a row uncertain.
/// Its empty columns are missing: whether the row is a transaction or a
/// holding is itself in doubt, so none is known to be empty.
fn doubt_all(row: &mut Row, table: Table) {
    for column in Column::ALL {
        let cell = row.cell(column);
        let (footnotes, _, origin) = cell.meta();
        if !origin.is_read() {
            continue;
        }
        if cell.text().is_some() || !footnotes.is_empty() {
            table::set_origin(row, column, Origin::Uncertain);
        } else if column.applies(table, RowKind::Transaction) {
            table::set_origin(row, column, Origin::Missing);
        }
    }
}

#[cfg(test)]
#[path = "raw_table_tests.rs"]
mod tests;
