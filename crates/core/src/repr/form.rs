//! The form read from lines of cells: the one reader behind every lossy
//! rendering.
//!
//! The lines are cut into the form's sections by the headings every
//! rendering prints: the header (boxes 1–6, [`crate::repr::header`]),
//! "Table I", "Table II" ([`crate::repr::table`]), the further reporting
//! owners, "Explanation of Responses", "Remarks" and the signatures. What the
//! rendering does not show is marked missing; what can be worked out from
//! what it shows is inferred ([`crate::repr::infer`]).

use crate::detect::Representation;
use crate::diagnostic::{Code, Diagnostic, quote};
use crate::model::{Address, Field, Filing, FormType, Issuer, Origin, ReportingOwner, Table};
use crate::repr::cells::{Cell, MarkStyle, canonical_marks, read_date};
use crate::repr::columns::{is_heading_words, standard_slots};
use crate::repr::grid::Line;
use crate::repr::header::{self, Label, Token};
use crate::repr::{infer, legacy, notes, table};
use crate::source::Span;

/// A link a rendering kept: the EDGAR company page of an issuer or owner,
/// which carries the CIK.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Link {
    /// The span of the linked text.
    pub span: Span,
    /// The CIK in the link.
    pub cik: String,
}

/// A rendering reduced to lines, ready for the form reader.
#[derive(Clone, Debug, Default)]
pub(crate) struct Grid {
    /// The lines, in reading order.
    pub lines: Vec<Line>,
    /// Company links (HTML and Markdown made from it keep them).
    pub links: Vec<Link>,
    /// How the rendering writes footnote marks in table cells.
    pub marks: MarkStyle,
    /// Tables I and II already read by the rendering's own table reader
    /// (text laid out on a page is read by columns), with what it had to say.
    pub tables: Option<PreRead>,
    /// The header's boxes were laid out by a converter that keeps neither
    /// their lines nor their columns, and no reader of the rendering's own
    /// settled them (Markdown made from a PDF): names, addresses,
    /// relationships and titles read from it are uncertain.
    pub scrambled_header: bool,
    /// The tables' cells follow the text's layout, not the form's columns
    /// (Markdown made from a PDF, but for the older vendor print, whose
    /// boxes and cells keep their lines): every row is read token by token
    /// against the form's standard columns, however well the headings read.
    pub scrambled_tables: bool,
    /// Lines the rendering shows whole: a PDF's blocks of one line (the
    /// extractor writes each cell of the page as a block, so the cell's
    /// text is that line, wrapped onto no other).
    pub whole_lines: Vec<Span>,
}

/// Tables read by a rendering's own reader.
#[derive(Clone, Debug, Default)]
pub(crate) struct PreRead {
    /// Table I.
    pub non_derivative: Vec<crate::model::Row>,
    /// Table II.
    pub derivative: Vec<crate::model::Row>,
    /// What the table reader found to say.
    pub diagnostics: Vec<Diagnostic>,
    /// Text of the header whose line breaks the rendering's reader could
    /// not settle (a break that may end a value or only wrap it): the
    /// names and address fields read from it are marked uncertain.
    pub doubtful: Vec<Doubt>,
}

/// A stretch of text whose cutting into values is not certain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Doubt {
    /// Where it lies.
    pub span: Span,
    /// Why, for the diagnostic.
    pub message: String,
}

/// Mark the issuer's and owners' names and addresses read from doubtful text uncertain.
fn doubt_header(f: &mut Filing, doubts: &[Doubt], diags: &mut Vec<Diagnostic>) {
    let mut used = vec![false; doubts.len()];
    let mut doubt = |field: &mut Field<String>| {
        let Some(span) = field.span else { return };
        if field.value.is_none() {
            return;
        }
        if let Some(k) = doubts.iter().position(|d| d.span.start < span.end && span.start < d.span.end) {
            field.origin = Origin::Uncertain;
            used[k] = true;
        }
    };
    doubt(&mut f.issuer.name);
    for owner in &mut f.reporting_owners {
        let a = &mut owner.address;
        for field in
            [&mut owner.name, &mut a.street1, &mut a.street2, &mut a.city, &mut a.state, &mut a.zip_code]
        {
            doubt(field);
        }
    }
    for (d, _) in doubts.iter().zip(used).filter(|(_, u)| *u) {
        diags.push(Diagnostic::new(Code::WrapUncertain, Some(d.span), d.message.clone()));
    }
}

/// The spans of an owner's street lines when they stand whole: each line
/// the first text of its line with nothing beside it but dates (box 3's
/// date is printed level with the street's first line, right of it: a
/// street run into another box's cell, or sharing its line with other
/// text, is not), and when there are two streets, the owner's name settled
/// (`name_whole`: no piece of it wrapped onto the first), the break between
/// them ending the first street ([`header::ends_street`]: the second's first
/// word — a number, `100 N TRYON ST`, or a word, `ONE MICROSOFT WAY`, alike —
/// would have fitted on the line before it, and a line breaks only where the
/// next word does not fit), and the last line too short to have wrapped onto
/// one not read. A street of two lines is one [`header::read_owner_block`]
/// joined: of three lines, the two the other break leaves together. Else
/// none: two lines may be one street wrapped. The box's lines hold `width`
/// ([`header::street_width`], as [`header::measure`] counts).
fn streets_stand_alone(lines: &[Line], address: &Address, name_whole: bool, width: usize) -> Vec<Span> {
    /// The texts of the lines a street was read from, when each is whole.
    fn whole_lines<'a>(lines: &'a [Line], f: &Field<String>) -> Option<Vec<&'a str>> {
        let span = f.span.filter(|_| f.value.is_some())?;
        let mut texts = Vec::new();
        let mut covered: Option<Span> = None;
        for l in lines {
            let mut filled = l.filled();
            let Some(first) = filled.next().filter(|c| span.start <= c.span.start && c.span.end <= span.end)
            else {
                continue;
            };
            if !filled.all(|c| read_date(&c.text).is_some()) {
                return None;
            }
            texts.push(first.text.as_str());
            covered = Some(covered.map_or(first.span, |s| s.cover(first.span)));
        }
        (covered == Some(span)).then_some(texts)
    }
    let (Some(first), span1) = (whole_lines(lines, &address.street1), address.street1.span) else {
        return Vec::new();
    };
    if address.street2.value.is_none() {
        return if first.len() == 1 { span1.into_iter().collect() } else { Vec::new() };
    }
    let Some(second) = whole_lines(lines, &address.street2) else { return Vec::new() };
    let settled = match (first.as_slice(), second.as_slice()) {
        ([.., last], [next, ..]) if first.len() + second.len() <= 3 => {
            name_whole
                && header::ends_street(last, next, width)
                && second.last().is_some_and(|l| header::measure(l) <= width)
        }
        _ => false,
    };
    if settled { span1.into_iter().chain(address.street2.span).collect() } else { Vec::new() }
}

/// Mark every name, address, relationship and title read from the header
/// uncertain: the rendering's boxes may be merged or split. One found empty
/// is missing: its text may have gone to another box. `issuer_alone`: the
/// issuer's name stands whole in a cell of its own
/// ([`header::issuer_stands_alone`]), and is read; so are the owners' values
/// at the `settled` spans ([`header::read_owner_block`], and the first
/// owner's relationships where [`header::marks_settled`]).
fn doubt_boxes(f: &mut Filing, issuer_alone: bool, settled: &[Span], diags: &mut Vec<Diagnostic>) {
    fn doubt_box<T>(field: &mut Field<T>, settled: &[Span]) {
        if field.span.is_some_and(|at| settled.contains(&at)) {
            return;
        }
        if field.origin.is_read() {
            field.origin = if field.value.is_some() { Origin::Uncertain } else { Origin::Missing };
        }
    }
    if issuer_alone {
        // Whole in a cell of its own, however far from its label.
        f.issuer.name.origin = Origin::Read;
    } else {
        doubt_box(&mut f.issuer.name, &[]);
    }
    // The ticker is only ever read from between the brackets of the issuer
    // line (`NAME [ TICK ]`), a box that cannot be mistaken: kept as read.
    // None found is missing: the brackets may have gone to another line.
    if f.issuer.trading_symbol.origin.is_read() && f.issuer.trading_symbol.value.is_none() {
        f.issuer.trading_symbol.origin = Origin::Missing;
    }
    for owner in &mut f.reporting_owners {
        let a = &mut owner.address;
        for field in [
            &mut owner.name,
            &mut a.street1,
            &mut a.street2,
            &mut a.city,
            &mut a.state,
            &mut a.zip_code,
            &mut owner.officer_title,
            &mut owner.other_text,
        ] {
            doubt_box(field, settled);
        }
        for flag in [
            &mut owner.is_director,
            &mut owner.is_officer,
            &mut owner.is_ten_percent_owner,
            &mut owner.is_other,
        ] {
            doubt_box(flag, settled);
        }
    }
    diags.push(
        Diagnostic::new(
            Code::ColumnUncertain,
            Some(f.reporting_owners.first().map_or(f.span, |o| o.span)),
            "the boxes of the form's header lost their lines and columns in this rendering (made from a PDF): the names, addresses, relationships and titles read from them were marked uncertain",
        )
        .with_help("check them against the original filing"),
    );
}

/// Parse every filing in `text`: split it ([`crate::detect::split`]), lay
/// each part out with `grid` (given the part and its offset) and read it.
pub(crate) fn parse_all(
    text: &str,
    representation: Representation,
    grid: impl Fn(&str, usize) -> Grid,
) -> crate::repr::Output {
    let parts = crate::detect::split(text, representation);
    let mut out = crate::repr::Output::default();
    for range in &parts {
        let part = text.get(range.clone()).unwrap_or("");
        let mut g = grid(part, range.start);
        out.filings.push(read(&mut g, representation, Span::new(range.start, range.end)));
    }
    if parts.len() > 1 {
        out.diagnostics.push(Diagnostic::new(
            Code::SeveralFilings,
            Some(Span::new(0, text.len())),
            format!("the input holds {} filings; each was read on its own", parts.len()),
        ));
    }
    out
}

/// Where each section of the form starts (line indices).
#[derive(Debug, Default)]
struct Sections {
    table1: Option<usize>,
    table2: Option<usize>,
    owners: Vec<usize>,
    explanation: Option<usize>,
    remarks: Option<usize>,
    /// Every "Signature of Reporting Person" line.
    signature_marks: Vec<usize>,
    /// The older layout's "Reporting Owners" table.
    owners_table: Option<usize>,
    trailer: Option<usize>,
}

impl Sections {
    fn signature_mark(&self) -> Option<usize> {
        self.signature_marks.first().copied()
    }
}

/// Lines of the printed form that carry no data.
const FORM_TEXT: &[&str] = &[
    "(e.g., puts, calls, warrants",
    "reminder: report on a separate line",
    "persons who respond to the collection",
    "sec 1474",
    "sec 2270",
    "sec 1473",
    "* if the form is filed by more than one",
    "** intentional misstatements",
    "note: file three copies",
    "potential persons who are to respond",
    // (the end of the sentence above, wrapped)
    "currently valid omb control number",
    "valid omb control number",
    "if space is insufficient",
    "* form 4:",
    "edgar filing:",
    "(print or type responses)",
];

/// The length of the longest [`FORM_TEXT`].
const FORM_TEXT_LONGEST: usize = {
    let (mut longest, mut k) = (0, 0);
    while k < FORM_TEXT.len() {
        if FORM_TEXT[k].len() > longest {
            longest = FORM_TEXT[k].len();
        }
        k += 1;
    }
    longest
};

/// Whether a line (in lower case) starts the form's closing text (after the footnotes).
fn is_trailer(t: &str) -> bool {
    const TRAILER: [&str; 4] =
        ["reminder:", "note: file three copies", "persons who respond", "potential persons"];
    TRAILER.iter().any(|m| t.starts_with(m))
}

/// Whether a line is printed form text.
pub(crate) fn is_form_text(line: &Line) -> bool {
    is_form_text_of(line.filled().map(|c| c.text.as_str()))
}

/// Whether the line of the non-empty cell texts `cells` is form text
/// ([`is_form_text`]), without making the line.
pub(crate) fn is_form_text_of<'a>(mut cells: impl Iterator<Item = &'a str>) -> bool {
    let Some(first) = cells.next() else { return false };
    // Every form text starts with one of these characters: skip the rest cheaply.
    let lead = first.trim_start_matches(['\\', '*', ' ']).chars().next().map(|c| c.to_ascii_lowercase());
    if !matches!(lead, Some('(' | 'r' | 'p' | 's' | 'i' | 'n' | 'e' | 'f' | 'c' | 'v')) {
        return false;
    }
    // The cells' text joined by one space, as [`Line::text`] gives it, as
    // far as a form text can reach past what is trimmed off its start.
    let reach = first.len() - first.trim_start_matches(['\\', '*', ' ']).len() + FORM_TEXT_LONGEST;
    let mut t = first.to_owned();
    for cell in cells {
        if t.len() >= reach {
            break;
        }
        t.push(' ');
        t.push_str(cell);
    }
    t.make_ascii_lowercase();
    let lower = t.trim_start_matches(['\\', '*', ' ']);
    FORM_TEXT.iter().any(|f| lower.starts_with(f.trim_start_matches(['*', ' '])) || t.starts_with(f))
}

/// Whether a line (in lower case, its leading `**` trimmed) is the label
/// under a signature cut by a converter after "Reporting", its last word
/// `Person` alone on one of the next lines (`Date` may come between, or
/// stand beside it in a cell of its own).
fn is_split_signature_mark(t: &str, below: &[Line]) -> bool {
    t.trim_end_matches([' ', '|']) == "signature of reporting"
        && below.iter().take(2).any(|l| {
            let mut cells = l.filled().map(|c| c.text.as_str());
            cells.next() == Some("Person") && cells.all(|c| c == "Date")
        })
}

fn sections(lines: &[Line]) -> Sections {
    let mut s = Sections::default();
    let mut text = String::new();
    for (i, line) in lines.iter().enumerate() {
        line.text_into(&mut text);
        text.make_ascii_lowercase();
        let t = text.trim_start_matches(['*', '#', ' ', '|']);
        if s.table1.is_none() && t.starts_with("table i ") {
            s.table1 = Some(i);
            continue;
        }
        if s.table2.is_none() && t.starts_with("table ii ") {
            s.table2 = Some(i);
            continue;
        }
        if s.table1.is_none() {
            continue;
        }
        // Each phrase looked for inside the line has " of re" in it; most lines have not.
        let of_re = t.contains(" of re");
        if of_re && t.contains("name and address of reporting person") {
            s.owners.push(i);
        } else if s.explanation.is_none() && of_re && t.contains("explanation of responses") {
            s.explanation = Some(i);
        } else if s.remarks.is_none() && t.starts_with("remarks:") {
            s.remarks = Some(i);
        } else if of_re
            && (t.contains("signature of reporting person") || is_split_signature_mark(t, &lines[i + 1..]))
        {
            s.signature_marks.push(i);
        } else if s.owners_table.is_none() && t == "reporting owners" {
            s.owners_table = Some(i);
        } else if s.trailer.is_none() && s.explanation.is_some() && is_trailer(t) {
            s.trailer = Some(i);
        }
    }
    s
}

/// What the period of report is, in the diagnostic that says it was not found.
pub(crate) const PERIOD_OF_REPORT: &str =
    "the date of the earliest transaction (or of the event, or the fiscal year end)";

/// Read one filing from its lines (the tables a rendering's own reader read
/// are taken out of `grid`, not copied).
pub(crate) fn read(grid: &mut Grid, representation: Representation, span: Span) -> Filing {
    let mut pre = grid.tables.take();
    let grid = &*grid;
    let lines = &grid.lines;
    let mut f = Filing { representation, span, ..Filing::default() };
    let mut diags = Vec::new();
    let s = sections(lines);
    let end = lines.len();
    let (document_type, from_title) = form_type(lines, s.table1.unwrap_or(end));
    f.document_type = document_type;

    // The header.
    let header_end = s.table1.unwrap_or(end);
    let header_lines = &lines[..header_end];
    let tokens = header::tokens(header_lines);
    let h = header::read_header(&tokens, header_lines, grid.scrambled_header);
    if from_title && h.date_of_original_submission.value.is_some() {
        // Only the title named the form: a date of the original filing makes it an amendment.
        f.document_type.value = f.document_type.value.map(amendment_of);
    }
    let form = f.document_type.copied();
    f.issuer = Issuer {
        name: h.issuer_name,
        trading_symbol: h.trading_symbol,
        cik: link_cik(grid, header_cik_span(&tokens)),
        ..Issuer::default()
    };
    settle_whole_issuer(&mut f.issuer.name, &grid.whole_lines);
    f.period_of_report = required(h.period_of_report, PERIOD_OF_REPORT, &mut diags, span);
    // An amendment names the filing it amends: its date not found in a
    // header whose boxes lost their lines is missing (it may have been lost).
    f.date_of_original_submission = if grid.scrambled_header && form.is_some_and(FormType::is_amendment) {
        shown(h.date_of_original_submission)
    } else {
        h.date_of_original_submission
    };
    f.not_subject_to_section16 = match form {
        // Form 3 has no such box.
        Some(FormType::Form3 | FormType::Form3A) => h.not_subject_to_section16,
        _ => shown(h.not_subject_to_section16),
    };
    let number = form.map(FormType::number);
    // The Rule 10b5-1 box is on Forms 4 and 5 (since 2023), the holdings and
    // transactions boxes on Form 5: missing where the rendering lacks them.
    let before_box =
        f.period_of_report.value.is_some_and(|d| d < crate::model::Date::from_ymd(2023, 4, 1).unwrap_or(d));
    f.aff10b5_one = if number == Some(3) || before_box { h.aff10b5_one } else { shown(h.aff10b5_one) };
    f.form3_holdings_reported =
        if number == Some(5) { shown(h.form3_holdings_reported) } else { h.form3_holdings_reported };
    f.form4_transactions_reported =
        if number == Some(5) { shown(h.form4_transactions_reported) } else { h.form4_transactions_reported };
    f.no_securities_owned = Field::missing();
    let mut first = h.owner;
    first.cik = link_cik(grid, first.name.span);
    let marks_settled =
        grid.scrambled_header && header::marks_settled(&tokens, header_lines, &first, h.officer_mark);
    let flag_spans =
        [&first.is_director, &first.is_officer, &first.is_ten_percent_owner, &first.is_other].map(|f| f.span);
    let issuer_name = f.issuer.name.value.clone().unwrap_or_default();
    for v in h.unplaced.iter().filter(|v| !is_cover_text(&v.text, &issuer_name)) {
        diags.push(Diagnostic::new(
            Code::UnplacedContent,
            Some(v.span),
            format!("the text {} in the form's header has no label it belongs to", quote(&v.text)),
        ));
    }

    // The tables.
    // A table ends at the next section after it, in whatever order the
    // rendering has them (Table II may come first).
    let sections = [s.owners.first().copied(), s.explanation, s.remarks, s.signature_mark(), s.owners_table];
    let section_end = |start: usize| {
        sections.into_iter().chain([s.table1, s.table2]).flatten().filter(|&i| i > start).min().unwrap_or(end)
    };
    let body = |start: usize, stop: usize| lines.get(start + 1..stop.max(start + 1)).unwrap_or_default();
    if let Some(pre) = &mut pre {
        f.non_derivative_table = std::mem::take(&mut pre.non_derivative);
        f.derivative_table = std::mem::take(&mut pre.derivative);
        diags.append(&mut pre.diagnostics);
    } else {
        if let Some(t1) = s.table1 {
            let t1_end = s.table2.filter(|&t2| t2 > t1).unwrap_or_else(|| section_end(t1));
            f.non_derivative_table =
                read_table(body(t1, t1_end), Table::NonDerivative, form, grid, &mut diags);
        }
        if let Some(t2) = s.table2 {
            f.derivative_table =
                read_table(body(t2, section_end(t2)), Table::Derivative, form, grid, &mut diags);
        }
    }
    if s.table1.is_none() {
        diags.push(Diagnostic::new(
            Code::SectionMissing,
            Some(span),
            "Table I (non-derivative securities) was not found",
        ));
    }
    if s.table2.is_none() {
        diags.push(Diagnostic::new(
            Code::SectionMissing,
            Some(span),
            "Table II (derivative securities) was not found",
        ));
    }

    // The reporting owners: listed again after the tables when there are several.
    let mut settled = h.settled;
    if grid.scrambled_header && !marks_settled {
        settled.extend(header::marks_in_label_cells(&tokens, header_lines));
    }
    if marks_settled {
        settled.extend(flag_spans.into_iter().flatten());
        // A title read beside box 3, whole ([`header::Header::whole_title`]).
        let title = h.whole_title;
        settled.extend(title);
        // Neither an officer's title nor an "other" text is printed, or the
        // one printed is whole: no box beside the owner's holds other free
        // text, so a street line standing whole is the owner's.
        if title.is_some() || (first.is_officer.value == Some(false) && first.is_other.value == Some(false)) {
            let name_whole = first.name.span.is_some_and(|at| settled.contains(&at));
            settled.extend(streets_stand_alone(
                header_lines,
                &first.address,
                name_whole,
                header::street_width(form),
            ));
        }
    }
    f.reporting_owners = owners(grid, &s, first, &mut settled, &mut diags);

    // Signatures (just above "Signature of Reporting Person"), footnotes, remarks.
    let floor = [s.table2, s.table1].into_iter().flatten().max().unwrap_or(0);
    let (signatures, signatures_start) = notes::signatures(lines, floor, &s.signature_marks);
    f.signatures = signatures;
    let notes_end = [s.remarks, Some(signatures_start), s.trailer]
        .into_iter()
        .flatten()
        .filter(|&i| s.explanation.is_none_or(|e| i > e))
        .min()
        .unwrap_or(end);
    if let Some(e) = s.explanation {
        f.footnotes = notes::footnotes(&lines[e..notes_end.max(e)], &mut diags);
        doubt_last_footnote_before_unread_signature(&mut f, notes_end == signatures_start, &mut diags);
    }
    let remarks_end = [Some(signatures_start), s.trailer]
        .into_iter()
        .flatten()
        .filter(|&i| s.remarks.is_none_or(|r| i > r))
        .min()
        .unwrap_or(end);
    f.remarks = notes::remarks(lines, s.remarks, remarks_end);
    doubt_remarks_before_unread_signature(&mut f, remarks_end, signatures_start, &mut diags);

    if let Some(pre) = &pre {
        doubt_header(&mut f, &pre.doubtful, &mut diags);
    }
    if grid.scrambled_header {
        let issuer_alone =
            f.issuer.name.span.is_some_and(|at| header::issuer_stands_alone(&tokens, header_lines, at));
        doubt_boxes(&mut f, issuer_alone, &settled, &mut diags);
    }
    infer::complete(&mut f, form, &mut diags);
    f.diagnostics = diags;
    f
}

/// The issuer's name found away from its label (uncertain) is read when it
/// is a line the rendering shows whole ([`Grid::whole_lines`]): a line of
/// the name and its bracketed ticker only, so no piece of the name wrapped
/// onto another line. An issuer's name not found at all is missing.
fn settle_whole_issuer(name: &mut Field<String>, whole_lines: &[Span]) {
    if name.value.is_none() && name.origin.is_read() {
        name.origin = Origin::Missing;
    } else if name.origin == Origin::Uncertain && name.span.is_some_and(|at| whole_lines.contains(&at)) {
        name.origin = Origin::Read;
    }
}

/// Remarks that run up to a signature's label whose name and date were
/// not read: the signature's lines stand between them and the label, and
/// where the remarks end and the signature begins is not known, so the
/// remarks are marked uncertain (they may hold the signature).
fn doubt_remarks_before_unread_signature(
    f: &mut Filing,
    remarks_end: usize,
    signatures_start: usize,
    diags: &mut Vec<Diagnostic>,
) {
    let unread = f.signatures.first().is_some_and(|s| s.name.origin == Origin::Missing);
    if !unread || remarks_end != signatures_start || f.remarks.value.is_none() || !f.remarks.origin.is_read()
    {
        return;
    }
    f.remarks.origin = Origin::Uncertain;
    diags.push(
        Diagnostic::new(
            Code::WrapUncertain,
            f.remarks.span,
            "the remarks run up to a signature whose name and date were not read: their last lines may be the signature".to_owned(),
        )
        .with_help("check where the remarks end against the original filing"),
    );
}

/// The last footnote, when it runs up to signatures of which some were
/// not read (`up_to_signatures`): where it ends and they begin is not
/// known, so its text is marked uncertain (it may hold their names).
fn doubt_last_footnote_before_unread_signature(
    f: &mut Filing,
    up_to_signatures: bool,
    diags: &mut Vec<Diagnostic>,
) {
    let unread = f.signatures.iter().any(|s| s.name.origin == Origin::Missing);
    let Some(last) = f.footnotes.last_mut() else { return };
    if !unread || !up_to_signatures || last.text.value.is_none() || !last.text.origin.is_read() {
        return;
    }
    last.text.origin = Origin::Uncertain;
    diags.push(
        Diagnostic::new(Code::WrapUncertain, last.text.span, UNREAD_SIGNATURES)
            .with_help("check where the footnote ends against the original filing"),
    );
}

/// Why [`doubt_last_footnote_before_unread_signature`] doubts the last footnote.
const UNREAD_SIGNATURES: &str =
    "the last footnote runs up to signatures not all of which were read: its last lines may be theirs";

/// Take back [`doubt_last_footnote_before_unread_signature`] once a
/// rendering's own reader has read every signature again (and ended the
/// footnotes where their lines begin): the doubt was for signatures that
/// are now read.
pub(crate) fn trust_last_footnote(f: &mut Filing) {
    if f.signatures.iter().any(|s| s.name.origin == Origin::Missing) {
        return;
    }
    let before = f.diagnostics.len();
    f.diagnostics.retain(|d| !(d.code == Code::WrapUncertain && d.message == UNREAD_SIGNATURES));
    if f.diagnostics.len() < before
        && let Some(last) = f.footnotes.last_mut()
    {
        last.text.origin = Origin::Read;
    }
}

/// Text of the form's cover or title that repeats what is read elsewhere:
/// the issuer's name, "FORM 4", the printing date ("November 25, 2013").
fn is_cover_text(text: &str, issuer: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let form_title = matches!(words.as_slice(), [f, n] | [_, f, n] if f.eq_ignore_ascii_case("form") && FormType::parse(n).is_some());
    let long_date = words.len() == 3
        && MONTHS.iter().any(|m| words[0].eq_ignore_ascii_case(m))
        && words[2].len() == 4
        && words[2].bytes().all(|b| b.is_ascii_digit());
    form_title || long_date || (!issuer.is_empty() && text.eq_ignore_ascii_case(issuer))
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A box the rendering should show: missing when its label was not found.
fn shown<T>(field: Field<T>) -> Field<T> {
    if field.span.is_none() && field.value.is_none() { Field::missing() } else { field }
}

fn required<T>(field: Field<T>, what: &str, diags: &mut Vec<Diagnostic>, span: Span) -> Field<T> {
    if field.value.is_none() && field.span.is_none() {
        diags.push(Diagnostic::new(Code::SectionMissing, Some(span), format!("{what} was not found")));
        return Field::missing();
    }
    field
}

/// The span of the issuer's value (after the issuer label).
fn header_cik_span(tokens: &[Token]) -> Option<Span> {
    let i = tokens.iter().position(|t| matches!(t, Token::Label(Label::Issuer, _)))?;
    tokens[i + 1..].iter().find_map(|t| match t {
        Token::Value(v) => Some(v.span),
        _ => None,
    })
}

/// The CIK of a link on (or overlapping) `span`.
fn link_cik(grid: &Grid, span: Option<Span>) -> Field<String> {
    let Some(span) = span else { return Field::missing() };
    match grid.links.iter().find(|l| l.span.start < span.end.max(span.start + 1) && span.start < l.span.end) {
        Some(link) => Field::read(link.cik.clone(), link.span),
        None => Field::missing(),
    }
}

/// The amendment of a form.
fn amendment_of(form: FormType) -> FormType {
    match form {
        FormType::Form3 => FormType::Form3A,
        FormType::Form4 => FormType::Form4A,
        FormType::Form5 => FormType::Form5A,
        other => other,
    }
}

/// The form type: `FORM 4`, `SEC Form 4/A`, `- Form 4` in a page header;
/// failing those, the form's title ("STATEMENT OF CHANGES…" is Form 4),
/// flagged by the second value.
fn form_type(lines: &[Line], before: usize) -> (Field<FormType>, bool) {
    for line in lines.iter().take(before.min(40)) {
        for cell in line.filled() {
            let words: Vec<&str> = cell.text.split_whitespace().map(|w| w.trim_matches(['*', '#'])).collect();
            for (i, pair) in words.windows(2).enumerate() {
                // "FORM 4", "SEC Form 4/A", "Edgar Filing: X - Form 4" — not "Form 4 or Form 5 obligations".
                let after = words.get(i + 2).map(|w| w.to_ascii_lowercase());
                if pair[0].eq_ignore_ascii_case("form")
                    && let Some(form) = FormType::parse(pair[1])
                    && !matches!(
                        after.as_deref(),
                        Some("or" | "and" | "transactions" | "holdings" | "obligations" | "filed")
                    )
                {
                    return (Field::read(form, cell.span), false);
                }
            }
        }
    }
    let mut t = String::new();
    for line in lines.iter().take(before) {
        line.text_into(&mut t);
        t.make_ascii_lowercase();
        let form = if t.contains("initial statement of beneficial ownership") {
            FormType::Form3
        } else if t.contains("annual statement of changes in beneficial ownership") {
            FormType::Form5
        } else if t.contains("statement of changes in beneficial ownership") {
            FormType::Form4
        } else {
            continue;
        };
        return (Field::read(form, line.span()), true);
    }
    (Field::missing(), false)
}

/// Whether a word is a bare capital letter other than `V`: a code, a
/// direction or an ownership form standing on a line of its own (fallen off
/// its row), never a heading's: the headings print their letters in
/// parentheses — `(A) or (D)`, `(D) or Indirect (I)` — all but the "V"
/// column's label.
fn is_bare_code(word: &str) -> bool {
    matches!(word.as_bytes(), [c] if c.is_ascii_uppercase() && *c != b'V')
}

fn read_table(
    lines: &[Line],
    table: Table,
    form: Option<FormType>,
    grid: &Grid,
    diags: &mut Vec<Diagnostic>,
) -> Vec<crate::model::Row> {
    // In tables whose cells follow the text's layout, a converter glues a
    // cell's marks to its value (`Stock(1)`): a mark standing apart (`(1)`)
    // is a cell of its own, given only by footnotes.
    let marks = if grid.scrambled_tables { MarkStyle::Spaced } else { grid.marks };
    let mut headings = Vec::new();
    let mut data: Vec<Line> = Vec::new();
    // Where a page breaks in the rows of a table made from a PDF: a page
    // break repeats the table's title above its headings.
    let mut breaks = Vec::new();
    // Whether the lines are the headings (above the first row, or below a
    // page break's title): in a table made from a PDF, a line of words
    // between rows is a wrapped cell's, whatever its words (`and`, `Convertible`).
    let mut in_headings = true;
    for line in lines {
        let title = grid.scrambled_tables
            && !data.is_empty()
            && (line.starts_with("Table I - ") || line.starts_with("Table II - "));
        if title {
            breaks.push(line.span());
            in_headings = true;
        }
        if line.is_blank() || is_form_text(line) || line.starts_with("(e.g.") || title {
            continue;
        }
        let words = || line.filled().flat_map(|c| c.text.split_whitespace());
        let heading = (is_heading_words(words()) && !words().all(is_bare_code))
            || (data.is_empty() && table::is_heading_line(line, table));
        if data.is_empty() && heading {
            headings.push(line);
        } else if !headings.is_empty() && (!heading || (grid.scrambled_tables && !in_headings)) {
            // A row (a date or an amount, not an item's number `10.`) ends
            // them; asked only where it is read (tables made from a PDF).
            if grid.scrambled_tables && in_headings && !heading {
                let value = |w: &str| {
                    use crate::repr::align::{Kind, kind_of};
                    matches!(kind_of(w), Kind::Date | Kind::Number | Kind::Dollars) && !w.ends_with('.')
                };
                in_headings = !words().any(value);
            }
            let cells = line
                .cells
                .iter()
                .map(|c| Cell { text: canonical_marks(&c.text, marks), span: c.span })
                .collect();
            data.push(Line::new(cells));
        }
    }
    let centred = grid.scrambled_tables.then_some(breaks.as_slice());
    let mut layout = table::layout(&headings, table);
    let standard = standard_slots(form.map_or(4, FormType::number), table);
    if layout.slots().len() * 2 < standard.len() {
        // The headings were garbled (a PDF's text run together): the form's own columns.
        diags.push(Diagnostic::new(
            Code::ColumnsNotShown,
            headings.first().map(|l| l.span()),
            format!(
                "the column headings of {} could not be read; the form's standard columns were assumed",
                if table == Table::NonDerivative { "Table I" } else { "Table II" }
            ),
        ));
        layout = table::Layout { groups: vec![standard.to_vec()] };
        return crate::repr::unheaded::read(&data, &layout, table, centred, diags);
    }
    if grid.scrambled_tables {
        // The headings read, but the rows' cells are no guide to their columns.
        let layout = table::Layout { groups: vec![standard.to_vec()] };
        return crate::repr::unheaded::read(&data, &layout, table, centred, diags);
    }
    let data: Vec<&Line> = data.iter().collect();
    table::read_rows(&data, &layout, table, diags)
}

fn owners(
    grid: &Grid,
    s: &Sections,
    mut first: ReportingOwner,
    settled: &mut Vec<Span>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<ReportingOwner> {
    let lines = &grid.lines;
    if let Some(start) = s.owners_table {
        // The older layout: one street line, and a table of every owner's relationships.
        if first.address.street2.value.is_none()
            && let (Some(text), Some(span)) =
                (first.address.street1.value.clone(), first.address.street1.span)
        {
            (first.address.street1, first.address.street2) = legacy::split_street(&text, span);
        }
        let end = [s.signature_mark(), s.explanation]
            .into_iter()
            .flatten()
            .filter(|&i| i > start)
            .min()
            .unwrap_or(lines.len());
        let mut table = legacy::owners_table(lines, start, end, &first);
        if let Some(owner) = table.first_mut()
            && owner.name.value == first.name.value
        {
            owner.address = first.address.clone();
            owner.name = first.name.clone();
            if owner.officer_title.value.is_none() {
                owner.officer_title = first.officer_title.clone();
            }
            if owner.other_text.value.is_none() {
                owner.other_text = first.other_text.clone();
            }
        }
        if !table.is_empty() {
            return table;
        }
    }
    if s.owners.is_empty() {
        return vec![first];
    }
    let stop =
        [s.explanation, s.remarks, s.signature_mark()].into_iter().flatten().min().unwrap_or(lines.len());
    let mut out = Vec::new();
    for (k, &start) in s.owners.iter().enumerate() {
        let end = s.owners.get(k + 1).copied().unwrap_or(stop).max(start + 1);
        let block = &lines[start..end.min(lines.len())];
        let tokens = header::tokens(block);
        let mut owner = ReportingOwner::default();
        let mut claimed = vec![false; tokens.len()];
        if let Some(i) = tokens.iter().position(|t| matches!(t, Token::Label(Label::NameAddress, _))) {
            let block_settled = header::read_owner_block(&tokens, i, block, &mut owner, &mut claimed);
            // Listed after the tables, an owner's block stands apart from other boxes.
            let name_whole = owner.name.span.is_some_and(|at| block_settled.contains(&at));
            settled.extend(streets_stand_alone(block, &owner.address, name_whole, header::STREET_WIDTH));
            settled.extend(block_settled);
        }
        owner.cik = link_cik(grid, owner.name.span);
        owner.is_director = Field::missing();
        owner.is_officer = Field::missing();
        owner.is_ten_percent_owner = Field::missing();
        owner.is_other = Field::missing();
        owner.officer_title = Field::missing();
        owner.other_text = Field::missing();
        out.push(owner);
    }
    // The header's relationship boxes are the first reporting person's (box
    // 5 is the person of box 1), and the owners listed after the tables begin
    // with that person: the first listed takes them when the header's name
    // is theirs, or is none of the listed names (then the header misread
    // its name box, scrambled in this rendering, not the order of owners).
    let header_named = |o: &ReportingOwner| o.name.value == first.name.value;
    let first_listed = out.first().is_some_and(header_named) || !out.iter().any(header_named);
    if first_listed && let Some(owner) = out.first_mut() {
        owner.is_director = first.is_director;
        owner.is_officer = first.is_officer;
        owner.is_ten_percent_owner = first.is_ten_percent_owner;
        owner.is_other = first.is_other;
        owner.officer_title = first.officer_title;
        owner.other_text = first.other_text;
    }
    if out.len() > 1 {
        diags.push(Diagnostic::new(
            Code::RelationshipsNotShown,
            out.get(1).map(|o| o.span),
            format!(
                "this rendering shows the relationship to the issuer (director, officer, 10% owner) of the first reporting person only; it is missing for the other {}",
                out.len() - 1
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repr::grid::tab_lines;

    #[test]
    fn a_bare_letter_is_a_code_not_a_heading_but_v() {
        assert!(is_bare_code("A") && is_bare_code("D") && is_bare_code("I"));
        // The "V" column's label stands bare in the headings; `(A)` is a heading's.
        assert!(!is_bare_code("V") && !is_bare_code("(A)") && !is_bare_code("a") && !is_bare_code("AB"));
    }

    #[test]
    fn an_issuer_on_a_whole_line_is_read_and_one_not_found_is_missing() {
        let at = Span::new(10, 30);
        let mut name = Field { origin: Origin::Uncertain, ..Field::read("Example Corp".to_owned(), at) };
        settle_whole_issuer(&mut name, &[Span::new(0, 5)]);
        assert_eq!(name.origin, Origin::Uncertain);
        settle_whole_issuer(&mut name, &[at]);
        assert_eq!(name.origin, Origin::Read);
        let mut none: Field<String> = Field::default();
        settle_whole_issuer(&mut none, &[at]);
        assert_eq!(none.origin, Origin::Missing);
    }

    #[test]
    fn street_lines_are_settled_only_when_no_wrap_is_possible() {
        // Fictional addresses, one line each.
        let text = "C/O EXAMPLE CORP\n100 MAIN ST\nC/O EXAMPLE HOLDINGS, 2800 SAND HILL\nROAD\n9 ELM ST\tX\nONE EXAMPLE WAY\nC/O EXAMPLE CORP\t03/04/2024\nSUITE 5";
        let lines = tab_lines(text, 0);
        let field = |a: usize, b: usize| {
            let (first, last) = (&lines[a].cells[0], &lines[b].cells[0]);
            let text: Vec<&str> = lines[a..=b].iter().map(|l| l.cells[0].text.as_str()).collect();
            Field::read(text.join(" "), first.span.cover(last.span))
        };
        // Streets of the lines a..=b and c..=d.
        let spans = |(a, b): (usize, usize), second: Option<(usize, usize)>, name_whole: bool| {
            let address = Address {
                street1: field(a, b),
                street2: second.map_or_else(Field::default, |(c, d)| field(c, d)),
                ..Address::default()
            };
            streets_stand_alone(&lines, &address, name_whole, header::STREET_WIDTH)
        };
        assert_eq!(spans((0, 0), None, false), vec![lines[0].cells[0].span]);
        assert_eq!(spans((0, 0), Some((1, 1)), true).len(), 2);
        // A second line beginning with a word, not a number, alike.
        assert_eq!(spans((0, 0), Some((5, 5)), true).len(), 2);
        // The name may have wrapped onto the first line.
        assert!(spans((0, 0), Some((1, 1)), false).is_empty());
        // A long first line wrapped: its last word is on the next.
        assert!(spans((2, 2), Some((3, 3)), true).is_empty());
        // ... unless the reader joined them, the next line ending the street.
        assert_eq!(spans((2, 3), Some((4, 4)), true).len(), 0);
        assert_eq!(spans((2, 3), Some((5, 5)), true).len(), 2);
        // A street sharing its line with another box's text, not a date.
        assert!(spans((4, 4), None, true).is_empty());
        assert_eq!(spans((6, 6), Some((7, 7)), true).len(), 2);
    }

    #[test]
    fn the_omb_sentence_wrapped_anywhere_is_form_text() {
        let lines =
            tab_lines("currently valid OMB control number.\nvalid OMB control number.\nvalid until 2030", 0);
        let form: Vec<bool> = lines.iter().map(is_form_text).collect();
        assert_eq!(form, [true, true, false]);
    }

    #[test]
    fn a_signature_label_cut_after_reporting_is_a_signature_mark() {
        // A fictional filing's end, as a PDF-to-Markdown converter cuts the label.
        let text = "Table I - x\nRemarks:\n/s/ Jane Doe\t01/02/2024\n** Signature of Reporting\nDate\nPerson\nReminder: Report";
        let s = sections(&tab_lines(text, 0));
        assert_eq!(s.signature_marks, [3]);
        // `Date` beside `Person`, in a cell of its own.
        let text = "Table I - x\nRemarks:\n/s/ Jane Doe\t01/02/2024\n** Signature of Reporting\n\tPerson\tDate\nReminder";
        assert_eq!(sections(&tab_lines(text, 0)).signature_marks, [3]);
        // "Reporting" at a line's end elsewhere is no label.
        let s = sections(&tab_lines("Table I - x\n** Signature of Reporting\nowner's duties", 0));
        assert!(s.signature_marks.is_empty());
    }

    #[test]
    fn a_last_footnote_up_to_an_unread_signature_is_uncertain() {
        let note = crate::model::Footnote {
            id: crate::model::FootnoteId::numbered(1),
            text: Field::read("Held in trust. EXAMPLE FUND LP by its 01/02/2024".to_owned(), Span::new(0, 1)),
        };
        let unread = crate::model::Signature { name: Field::missing(), ..Default::default() };
        let mut f = Filing { footnotes: vec![note], signatures: vec![unread], ..Filing::default() };
        let mut diags = Vec::new();
        // Remarks between the footnotes and the signatures: the footnote ends before them.
        doubt_last_footnote_before_unread_signature(&mut f, false, &mut diags);
        assert_eq!(f.footnotes[0].text.origin, Origin::Read);
        doubt_last_footnote_before_unread_signature(&mut f, true, &mut diags);
        assert_eq!(f.footnotes[0].text.origin, Origin::Uncertain);
        assert_eq!(diags.len(), 1);
        // A reader of the rendering's own reads the signature after all: the doubt goes.
        f.diagnostics = diags;
        trust_last_footnote(&mut f);
        assert_eq!(f.footnotes[0].text.origin, Origin::Uncertain, "the signature is still unread");
        f.signatures[0].name = Field::read("/s/ Jane Roe".to_owned(), Span::new(2, 3));
        trust_last_footnote(&mut f);
        assert_eq!(f.footnotes[0].text.origin, Origin::Read);
        assert!(f.diagnostics.is_empty());
    }

    #[test]
    fn remarks_up_to_an_unread_signature_are_uncertain() {
        let remarks = |origin| Field {
            origin,
            ..Field::read("See Exhibit 24. By: Jane Doe".to_owned(), Span::new(0, 1))
        };
        let unread = crate::model::Signature { name: Field::missing(), ..Default::default() };
        let mut f = Filing { remarks: remarks(Origin::Read), signatures: vec![unread], ..Filing::default() };
        let mut diags = Vec::new();
        doubt_remarks_before_unread_signature(&mut f, 5, 5, &mut diags);
        assert_eq!(f.remarks.origin, Origin::Uncertain);
        assert_eq!(diags.len(), 1);
        // A signature read, or remarks ending before it (at the trailer), leave them read.
        let read = crate::model::Signature {
            name: Field::read("/s/ Jane Doe".to_owned(), Span::new(2, 3)),
            ..Default::default()
        };
        let mut f = Filing { remarks: remarks(Origin::Read), signatures: vec![read], ..Filing::default() };
        doubt_remarks_before_unread_signature(&mut f, 5, 5, &mut diags);
        assert_eq!(f.remarks.origin, Origin::Read);
        f.signatures[0].name = Field::missing();
        doubt_remarks_before_unread_signature(&mut f, 4, 5, &mut diags);
        assert_eq!(f.remarks.origin, Origin::Read);
    }
}
