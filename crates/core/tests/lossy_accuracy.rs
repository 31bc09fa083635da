//! Corpus accuracy of the lossy readers: every rendering in
//! `../shared/corpus/text/<rendering>/` is parsed, its XML ground truth in
//! `../shared/corpus/xml/` is parsed, and the two are compared cell by cell.
//! The summary is written to `tests/accuracy/summary.md` (committed, so a
//! change that moves the numbers shows in the diff).
//!
//! Run with `cargo test -p filing-core --test lossy_accuracy -- --nocapture`;
//! set `ACCURACY_DETAILS=<rendering>` to print every cell that is not right,
//! `ACCURACY_ONLY=<rendering>` to run one rendering (the summary is then not written).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use filing_core::detect::Representation;
use filing_core::model::{Column, Filing, FootnoteId, Origin, RowKind, Table};
use filing_core::{Input, parse_as};
use rust_decimal::Decimal;

/// The renderings, the representation each is read as, and the target share
/// of cells right (read or inferred) from the issue.
const RENDERINGS: &[(&str, Representation, f64)] = &[
    ("html", Representation::Html, 99.5),
    ("innertext", Representation::Text, 99.5),
    ("mdhtml", Representation::Markdown, 98.0),
    ("html2md", Representation::Markdown, 98.0),
    ("markdown", Representation::Markdown, 98.0),
    ("pdftext", Representation::PdfText, 98.0),
    ("pdfraw", Representation::PdfText, 98.0),
    ("innertext-legacy", Representation::Text, 98.0),
    ("pdftext-legacy", Representation::PdfText, 98.0),
];

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    dir.join("corpus/xml").is_dir().then_some(dir)
}

/// How one compared cell came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Outcome {
    Correct,
    InferredCorrect,
    Uncertain,
    Missing,
    InferredWrong,
    Wrong,
}

#[derive(Default, Clone)]
struct Tally {
    files: usize,
    /// Files detection recognised as the expected representation.
    detected: usize,
    misdetected: Vec<String>,
    unparsed: usize,
    counts: BTreeMap<Outcome, usize>,
    by_field: BTreeMap<String, BTreeMap<Outcome, usize>>,
}

impl Tally {
    fn add(&mut self, field: &str, outcome: Outcome) {
        *self.counts.entry(outcome).or_default() += 1;
        *self.by_field.entry(field.to_owned()).or_default().entry(outcome).or_default() += 1;
    }
    fn total(&self) -> usize {
        self.counts.values().sum()
    }
    fn n(&self, o: Outcome) -> usize {
        self.counts.get(&o).copied().unwrap_or(0)
    }
    fn pct(&self, n: usize) -> f64 {
        if self.total() == 0 { 0.0 } else { 100.0 * n as f64 / self.total() as f64 }
    }
    fn right(&self) -> f64 {
        self.pct(self.n(Outcome::Correct) + self.n(Outcome::InferredCorrect))
    }
}

/// A value as compared: normalised text plus the footnote numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Shown {
    value: Option<String>,
    footnotes: Vec<String>,
}

impl Shown {
    fn blank(&self) -> bool {
        self.value.is_none() && self.footnotes.is_empty()
    }
}

fn text(s: Option<&str>) -> Option<String> {
    let t = s?.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

fn notes(ids: &[FootnoteId]) -> Vec<String> {
    let mut v: Vec<String> = ids.iter().map(|f| f.as_str().trim_start_matches('F').to_owned()).collect();
    v.sort();
    v.dedup();
    v
}

/// A number as the stylesheet prints it: rounded to four decimals.
fn number(d: Decimal) -> String {
    d.round_dp(4).normalize().to_string()
}

struct Compare<'a> {
    tally: &'a mut Tally,
    details: Option<&'a mut Vec<String>>,
    file: &'a str,
    /// For the details: the table row compared (index, and rows in the reading).
    row: Option<(usize, usize)>,
}

impl Compare<'_> {
    fn cell(&mut self, field: &str, expected: Shown, got: Shown, origin: Origin) {
        if expected.blank() && got.blank() {
            return;
        }
        let same = expected == got;
        let outcome = match origin {
            Origin::Inferred(_) if same => Outcome::InferredCorrect,
            Origin::Inferred(_) => Outcome::InferredWrong,
            Origin::Uncertain => Outcome::Uncertain,
            Origin::Missing if got.blank() => Outcome::Missing,
            _ if same => Outcome::Correct,
            _ => Outcome::Wrong,
        };
        self.tally.add(field, outcome);
        if outcome != Outcome::Correct
            && outcome != Outcome::InferredCorrect
            && let Some(d) = self.details.as_deref_mut()
        {
            let row = self.row.map(|(k, n)| format!(" [row {k} of {n} read]")).unwrap_or_default();
            d.push(format!("{} {field}{row}: {outcome:?} expected {expected:?} got {got:?}", self.file));
        }
    }

    fn flag(&mut self, field: &str, expected: Option<bool>, got: &filing_core::model::Field<bool>) {
        let e = Shown { value: Some(expected.unwrap_or(false).to_string()), footnotes: vec![] };
        let g = Shown { value: got.value.map(|b| b.to_string()), footnotes: vec![] };
        self.cell(field, e, g, got.origin);
    }

    fn string(
        &mut self,
        field: &str,
        expected: &filing_core::model::Field<String>,
        got: &filing_core::model::Field<String>,
    ) {
        let e = Shown { value: text(expected.value.as_deref()), footnotes: vec![] };
        let g = Shown { value: text(got.value.as_deref()), footnotes: vec![] };
        self.cell(field, e, g, got.origin);
    }
}

fn shown_cell(cell: filing_core::model::Cell<'_>) -> (Shown, Origin) {
    use filing_core::model::Cell as C;
    let (footnotes, _, origin) = cell.meta();
    let value = match cell {
        C::Num(f) => f.value.as_ref().map(|n| number(n.value)),
        C::Text(f) => text(f.value.as_deref()),
        other => other.text(),
    };
    (Shown { value, footnotes: notes(footnotes) }, origin)
}

/// What a rendering family can show.
struct Shows {
    /// Company links with CIKs (HTML and the Markdown made from it).
    links: bool,
    /// Relationships of every owner (the older layout's "Reporting Owners" table).
    all_relationships: bool,
    /// The Rule 10b5-1 box and Form 5's "Form 3 holdings / Form 4
    /// transactions reported" boxes: the older layout prints none of them (a
    /// 10b5-1 plan shows there only in a footnote's words).
    plan_and_form5_boxes: bool,
}

fn shows(rendering: &str) -> Shows {
    Shows {
        links: matches!(rendering, "html" | "mdhtml" | "html2md" | "page"),
        all_relationships: rendering.ends_with("legacy"),
        plan_and_form5_boxes: !rendering.ends_with("legacy"),
    }
}

fn compare(c: &mut Compare<'_>, xml: &Filing, got: &Filing, shows: &Shows) {
    let e = Shown { value: xml.document_type.value.map(|f| f.to_string()), footnotes: vec![] };
    let g = Shown { value: got.document_type.value.map(|f| f.to_string()), footnotes: vec![] };
    c.cell("document_type", e, g, got.document_type.origin);
    let date = |d: &filing_core::model::Field<filing_core::model::Date>| Shown {
        value: d.value.map(|d| d.to_string()),
        footnotes: vec![],
    };
    c.cell(
        "period_of_report",
        date(&xml.period_of_report),
        date(&got.period_of_report),
        got.period_of_report.origin,
    );
    c.cell(
        "date_of_original_submission",
        date(&xml.date_of_original_submission),
        date(&got.date_of_original_submission),
        got.date_of_original_submission.origin,
    );
    if xml.form_type().is_some_and(|f| f.number() != 3) {
        c.flag("not_subject_to_section16", xml.not_subject_to_section16.value, &got.not_subject_to_section16);
    }
    if shows.plan_and_form5_boxes && xml.aff10b5_one.span.is_some() {
        c.flag("aff10b5_one", xml.aff10b5_one.value, &got.aff10b5_one);
    }
    if shows.plan_and_form5_boxes && xml.form_type().is_some_and(|f| f.number() == 5) {
        c.flag("form3_holdings_reported", xml.form3_holdings_reported.value, &got.form3_holdings_reported);
        c.flag(
            "form4_transactions_reported",
            xml.form4_transactions_reported.value,
            &got.form4_transactions_reported,
        );
    }
    c.string("issuer.name", &xml.issuer.name, &got.issuer.name);
    c.string("issuer.trading_symbol", &xml.issuer.trading_symbol, &got.issuer.trading_symbol);
    if shows.links {
        c.string("issuer.cik", &xml.issuer.cik, &got.issuer.cik);
    }
    let empty_owner = filing_core::model::ReportingOwner::default();
    for (k, xo) in xml.reporting_owners.iter().enumerate() {
        let go = got.reporting_owners.get(k).unwrap_or(&empty_owner);
        c.string("owner.name", &xo.name, &go.name);
        if shows.links {
            c.string("owner.cik", &xo.cik, &go.cik);
        }
        c.string("owner.street1", &xo.address.street1, &go.address.street1);
        c.string("owner.street2", &xo.address.street2, &go.address.street2);
        c.string("owner.city", &xo.address.city, &go.address.city);
        c.string("owner.state", &xo.address.state, &go.address.state);
        c.string("owner.zip", &xo.address.zip_code, &go.address.zip_code);
        if k == 0 || shows.all_relationships {
            c.flag("owner.is_director", xo.is_director.value, &go.is_director);
            c.flag("owner.is_officer", xo.is_officer.value, &go.is_officer);
            c.flag("owner.is_ten_percent_owner", xo.is_ten_percent_owner.value, &go.is_ten_percent_owner);
            c.flag("owner.is_other", xo.is_other.value, &go.is_other);
            c.string("owner.officer_title", &xo.officer_title, &go.officer_title);
            c.string("owner.other_text", &xo.other_text, &go.other_text);
        }
    }
    for table in [Table::NonDerivative, Table::Derivative] {
        let name = if table == Table::NonDerivative { "t1" } else { "t2" };
        let empty = filing_core::model::Row::default();
        for (k, xr) in xml.table(table).iter().enumerate() {
            let gr = got.table(table).get(k).unwrap_or(&empty);
            for column in Column::ALL {
                if !column.applies(table, xr.kind)
                    || matches!(column, Column::EquitySwapInvolved | Column::TransactionTimeliness)
                    || (column == Column::TransactionFormType && xr.kind == RowKind::Holding)
                {
                    continue;
                }
                let (e, _) = shown_cell(xr.cell(column));
                let (mut g, origin) = shown_cell(gr.cell(column));
                if column == Column::TransactionFormType {
                    g.footnotes.clear();
                }
                let e =
                    if column == Column::TransactionFormType { Shown { footnotes: vec![], ..e } } else { e };
                c.row = Some((k, got.table(table).len()));
                c.cell(&format!("{name}.{column:?}"), e, g, origin);
                c.row = None;
            }
        }
        for gr in got.table(table).iter().skip(xml.table(table).len()) {
            c.cell(
                &format!("{name}.extra-row"),
                Shown { value: None, footnotes: vec![] },
                Shown {
                    value: text(gr.security_title.value.as_deref()).or(Some("?".into())),
                    footnotes: vec![],
                },
                // A row without a title, its title flagged missing, is flagged: it
                // counts as uncertain (its "?" is not a value shown as read).
                match gr.security_title.origin {
                    Origin::Missing => Origin::Uncertain,
                    o => o,
                },
            );
        }
    }
    for (k, xf) in xml.footnotes.iter().enumerate() {
        let gf = got.footnotes.get(k);
        let e =
            Shown { value: text(xf.text.value.as_deref()), footnotes: notes(std::slice::from_ref(&xf.id)) };
        let g = Shown {
            value: gf.and_then(|f| text(f.text.value.as_deref())),
            footnotes: gf.map(|f| notes(std::slice::from_ref(&f.id))).unwrap_or_default(),
        };
        c.cell("footnote", e, g, gf.map_or(Origin::Read, |f| f.text.origin));
    }
    c.string("remarks", &xml.remarks, &got.remarks);
    for (k, xs) in xml.signatures.iter().enumerate() {
        let empty = filing_core::model::Signature::default();
        let gs = got.signatures.get(k).unwrap_or(&empty);
        c.string("signature.name", &xs.name, &gs.name);
        c.cell("signature.date", date(&xs.date), date(&gs.date), gs.date.origin);
    }
}

fn xml_of(shared: &Path, name: &str) -> Option<Filing> {
    let text = std::fs::read(shared.join("corpus/xml").join(format!("{name}.xml"))).ok()?;
    let (_, parsed) = filing_core::parse_bytes(&text);
    parsed.filings.into_iter().next()
}

fn run(
    shared: &Path,
    rendering: &str,
    representation: Representation,
    details: Option<&mut Vec<String>>,
) -> Tally {
    let mut tally = Tally::default();
    let dir = if rendering == "page" {
        shared.join("corpus/html")
    } else {
        shared.join("corpus/text").join(rendering)
    };
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(&dir).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default();
    files.sort();
    let mut details = details;
    for path in files {
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_owned();
        let Some(xml) = xml_of(shared, &name) else { continue };
        let bytes = std::fs::read(&path).unwrap_or_default();
        let Ok(input) = Input::from_bytes(&bytes) else {
            tally.unparsed += 1;
            continue;
        };
        tally.files += 1;
        let detection = filing_core::detect::detect(input.text());
        if detection.representation == representation {
            tally.detected += 1;
        } else {
            tally.misdetected.push(format!(
                "{name}: {} ({})",
                detection.representation,
                detection.reasons.join("; ")
            ));
        }
        let parsed = parse_as(&input, representation);
        let empty = Filing::default();
        let got = parsed.filings.first().unwrap_or_else(|| {
            tally.unparsed += 1;
            &empty
        });
        let mut c = Compare { tally: &mut tally, details: details.as_deref_mut(), file: &name, row: None };
        compare(&mut c, &xml, got, &shows(rendering));
    }
    tally
}

const HEADER: &str = "\
# Accuracy of the lossy readers on the corpus

Written by `cargo test -p filing-core --test lossy_accuracy` (do not edit by hand).
Each rendering in `../shared/corpus/text/<rendering>/` (and the real EDGAR pages
in `../shared/corpus/html/`, as `page`) is parsed and compared, cell by cell,
with its XML ground truth in `../shared/corpus/xml/`.

**Cells compared** — only what the rendering can show:
document type, period of report, date of original submission, the check boxes
(no longer subject to Section 16; Rule 10b5-1 when the XML has it; Form 5's
Form 3 holdings / Form 4 transactions reported), issuer name and ticker, each
reporting owner's name and address, the first owner's relationships and titles
(every owner's in the older layout, whose \"Reporting Owners\" table lists them),
every cell of every row of Tables I and II with its footnotes, the footnotes
(number and text), remarks, and each signature's name and date; the issuer's
and owners' CIKs where the rendering keeps EDGAR's company links (`html`,
`mdhtml`, `html2md`, `page`).

**Excluded, and why**: `schemaVersion` and the issuer/owner CIKs elsewhere
(never printed); `equitySwapInvolved` and the `transactionTimeliness` value
(the stylesheets never print them; the readers infer the former as \"no\" and
mark the latter missing); `noSecuritiesOwned` (not printed); `notSubjectToSection16` on Form 3 (the
form has no such box); in the older layout (`*-legacy`), the Rule 10b5-1 box and
Form 5's Form 3 holdings / Form 4 transactions boxes (that print has none of
them; its readers mark them missing); the relationships
of the second and later owners in the EDGAR page's layout (not printed);
the transaction form type of holdings. A cell counts only when the XML or the
reading has something in it (blank against blank is not counted). Numbers are
compared as the stylesheet prints them (rounded to 4 decimals); text with
whitespace collapsed; a cell is right only if its footnotes are right too.

**Outcomes**: *correct* (read and right), *inferred ✓* / *inferred ✗* (not
shown, worked out by a named rule), *uncertain* (read, flagged as possibly in the
wrong column), *missing* (flagged as not shown), *wrong* (read, not flagged, and
not right — the figure that must stay at or below 0.1%). *Right* = correct +
inferred ✓.

";

fn summary(results: &[(&str, f64, Tally)]) -> String {
    let mut out = String::from(HEADER);
    out.push_str("| rendering | files | detected | cells | right | correct | inferred ✓ | inferred ✗ | uncertain | missing | wrong | target |\n");
    out.push_str("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (name, target, t) in results {
        let _ = writeln!(
            out,
            "| {name} | {} | {} | {} | {:.2}% | {} | {} | {} | {} | {} | {} ({:.2}%) | {target}% |",
            t.files,
            t.detected,
            t.total(),
            t.right(),
            t.n(Outcome::Correct),
            t.n(Outcome::InferredCorrect),
            t.n(Outcome::InferredWrong),
            t.n(Outcome::Uncertain),
            t.n(Outcome::Missing),
            t.n(Outcome::Wrong),
            t.pct(t.n(Outcome::Wrong)),
        );
    }
    out.push_str("\n## Cells not right, by field\n\n");
    for (name, _, t) in results {
        let mut rows: Vec<String> = Vec::new();
        for (field, counts) in &t.by_field {
            let bad: Vec<String> = counts
                .iter()
                .filter(|(o, _)| !matches!(o, Outcome::Correct | Outcome::InferredCorrect))
                .map(|(o, n)| format!("{o:?} {n}"))
                .collect();
            if !bad.is_empty() {
                rows.push(format!("{field}: {}", bad.join(", ").to_lowercase()));
            }
        }
        if !rows.is_empty() {
            let _ = writeln!(out, "- **{name}**: {}", rows.join("; "));
        }
    }
    out
}

#[test]
fn corpus_accuracy() {
    let Some(shared) = shared() else {
        println!(
            "corpus absent: ../shared/corpus was not found beside the repository; the accuracy run was NOT done"
        );
        return;
    };
    let detail_of = std::env::var("ACCURACY_DETAILS").ok();
    // ACCURACY_ONLY=<rendering> runs one rendering (the summary file is then left alone).
    let only = std::env::var("ACCURACY_ONLY").ok();
    let mut results = Vec::new();
    let mut all = RENDERINGS.to_vec();
    all.push(("page", Representation::Html, 99.5));
    for &(rendering, representation, target) in &all {
        if only.as_deref().is_some_and(|o| o != rendering) {
            continue;
        }
        let mut details = Vec::new();
        let want = detail_of.as_deref() == Some(rendering);
        let tally = run(&shared, rendering, representation, want.then_some(&mut details));
        for d in &details {
            println!("{d}");
        }
        if want {
            for m in &tally.misdetected {
                println!("misdetected {m}");
            }
        }
        results.push((rendering, target, tally));
    }
    let text = summary(&results);
    println!("{text}");
    if only.is_some() {
        return;
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/accuracy/summary.md");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, &text).unwrap();
    // Guards against regressions: the targets where they are met,
    // the level reached so far where they are not (see the report).
    const FLOORS: &[(&str, f64, f64)] = &[
        // (rendering, least % right, most % wrong and not flagged)
        ("html", 99.5, 0.1),
        ("innertext", 99.5, 0.1),
        ("mdhtml", 98.0, 0.1),
        ("html2md", 98.0, 0.1),
        ("innertext-legacy", 98.0, 0.1),
        ("pdftext", 98.7, 0.1),
        // The renderings made from PDFs: lower "right" since their tables
        // whose rows cannot be told apart for certain (and Markdown's header
        // boxes) are flagged uncertain instead of guessed.
        ("markdown", 88.65, 0.1),
        ("pdftext-legacy", 98.0, 0.1),
        ("pdfraw", 72.99, 0.1),
        ("page", 99.5, 0.1),
    ];
    for (rendering, _, t) in &results {
        assert!(t.files > 0 || *rendering == "page", "no files read for {rendering}");
        if let Some(&(_, right, wrong)) = FLOORS.iter().find(|f| f.0 == *rendering) {
            assert!(t.right() >= right, "{rendering}: {:.2}% right, below {right}%", t.right());
            let unflagged = t.pct(t.n(Outcome::Wrong));
            assert!(unflagged <= wrong, "{rendering}: {unflagged:.2}% wrong and not flagged, above {wrong}%");
        }
    }
}
