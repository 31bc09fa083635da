//! `filing`: inspect SEC insider-ownership filings from the command line.
//!
//! A thin shell over `filing-core`: read each file (or stdin for `-`), parse
//! it, and print a summary, the model as JSON, or the SEC data-set tables.

use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use filing_core::analysis::{self, Analysis, Context};
use filing_core::detect::Representation;
use filing_core::diagnostic::Severity;
use filing_core::model::{Date, Filing};
use filing_core::{Input, Parsed};

mod analysis_view;
mod export;
mod summary;

const USAGE: &str = "\
usage: filing [OPTIONS] FILE...

Read SEC Forms 3, 4 and 5 (ownership XML, full EDGAR submissions) and print
what they report. FILE may be - for standard input.

options:
  --json           print the parsed model and its analysis as JSON (one
                   document for all files: the files, then the batch)
  --filed DATE     the filing date (YYYY-MM-DD) for the late-filing check, when
                   the input has no submission header
  --tsv-dir DIR    write the SEC Insider Transactions Data Sets tables
                   (SUBMISSION.tsv, REPORTINGOWNER.tsv, NONDERIV_TRANS.tsv, …)
                   for all files into DIR
  --table FORMAT   print each filing's Table I and Table II as FORMAT:
                   tsv, csv, markdown or json
  --as KIND        read every file as KIND instead of detecting it:
                   xml, submission, html, text, pdf-text, markdown
  -q, --quiet      do not print info-level diagnostics
  -h, --help       print this help
";

/// What the user asked for.
struct Options {
    json: bool,
    quiet: bool,
    representation: Option<Representation>,
    filed: Option<Date>,
    tsv_dir: Option<PathBuf>,
    table: Option<filing_core::export::table::Format>,
    files: Vec<String>,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        json: false,
        quiet: false,
        representation: None,
        filed: None,
        tsv_dir: None,
        table: None,
        files: Vec::new(),
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => options.json = true,
            "-q" | "--quiet" => options.quiet = true,
            "--as" => {
                let kind = args.next().ok_or("--as needs a representation")?;
                options.representation = Some(representation(&kind)?);
            }
            "--filed" => {
                let date = args.next().ok_or("--filed needs a date")?;
                options.filed = Some(
                    Date::parse_iso(&date).ok_or_else(|| format!("--filed {date:?} is not YYYY-MM-DD"))?,
                );
            }
            "--tsv-dir" => options.tsv_dir = Some(args.next().ok_or("--tsv-dir needs a directory")?.into()),
            "--table" => {
                let format = args.next().ok_or("--table needs a format")?;
                options.table = Some(export::format(&format)?);
            }
            "-h" | "--help" => return Err(String::new()),
            "--" => options.files.extend(args.by_ref()),
            s if s.starts_with('-') && s != "-" => return Err(format!("unknown option {s}")),
            _ => options.files.push(arg),
        }
    }
    if options.files.is_empty() {
        return Err("no input files (use - for standard input)".to_owned());
    }
    Ok(options)
}

fn representation(name: &str) -> Result<Representation, String> {
    Representation::CHOOSABLE
        .into_iter()
        .find(|r| serde_json::to_value(r).ok().and_then(|v| v.as_str().map(|s| s == name)).unwrap_or(false))
        .ok_or_else(|| format!("unknown representation {name:?}"))
}

/// One input file, read and parsed.
struct Report {
    name: String,
    input: Option<Input>,
    parsed: Parsed,
    /// One analysis per filing, in the same order.
    analyses: Vec<Analysis>,
}

fn read(name: &str) -> io::Result<Vec<u8>> {
    if name == "-" {
        let mut bytes = Vec::new();
        io::stdin().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        std::fs::read(PathBuf::from(name))
    }
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(o) => o,
        Err(message) if message.is_empty() => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("filing: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut failed = false;
    let mut reports = Vec::new();
    for name in &options.files {
        let bytes = match read(name) {
            Ok(b) => b,
            Err(error) => {
                eprintln!("filing: {name}: {error}");
                failed = true;
                continue;
            }
        };
        let (input, parsed) = match (filing_core::parse_bytes(&bytes), options.representation) {
            ((Some(input), _), Some(r)) => {
                let parsed = filing_core::parse_as(&input, r);
                (Some(input), parsed)
            }
            (result, _) => result,
        };
        failed |= parsed.filings.is_empty() || parsed.has_errors();
        let context = Context { filing_date: options.filed, today: today() };
        let analyses = parsed.filings.iter().map(|f| analysis::analyze(f, &context)).collect();
        reports.push(Report { name: name.clone(), input, parsed, analyses });
    }
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let filings = || reports.iter().flat_map(|r| r.parsed.filings.iter().map(|f| (r.name.as_str(), f)));
    let written = if let Some(dir) = &options.tsv_dir {
        export::write_tsv_dir(dir, filings(), &mut out)
    } else if let Some(format) = options.table {
        export::write_tables(&mut out, filings(), format)
    } else if options.json {
        write_json(&mut out, &reports)
    } else {
        write_summaries(&mut out, &reports)
    };
    if let Err(error) = written
        && error.kind() != io::ErrorKind::BrokenPipe
    {
        eprintln!("filing: {error}");
        return ExitCode::FAILURE;
    }
    for report in &reports {
        print_diagnostics(report, options.quiet);
    }
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

fn write_json(out: &mut impl Write, reports: &[Report]) -> io::Result<()> {
    #[derive(serde::Serialize)]
    struct File<'a> {
        file: &'a str,
        #[serde(flatten)]
        parsed: &'a Parsed,
        analyses: &'a [Analysis],
    }
    #[derive(serde::Serialize)]
    struct Document<'a> {
        files: Vec<File<'a>>,
        batch: analysis::Batch,
    }
    let files: Vec<File<'_>> =
        reports.iter().map(|r| File { file: &r.name, parsed: &r.parsed, analyses: &r.analyses }).collect();
    let batch = analysis::batch(&all_filings(reports));
    serde_json::to_writer_pretty(&mut *out, &Document { files, batch }).map_err(io::Error::other)?;
    writeln!(out)
}

fn write_summaries(out: &mut impl Write, reports: &[Report]) -> io::Result<()> {
    let mut names = Vec::new();
    for report in reports {
        if report.parsed.filings.is_empty() {
            let errors = report.parsed.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
            writeln!(
                out,
                "== {}: no filing read ({}; {errors} error(s), on standard error)\n",
                report.name, report.parsed.detection.representation
            )?;
        }
        for (filing, analysis) in report.parsed.filings.iter().zip(&report.analyses) {
            summary::write(out, &report.name, filing)?;
            analysis_view::write(out, analysis)?;
            writeln!(out)?;
            names.push(report.name.clone());
        }
    }
    if names.len() > 1 {
        analysis_view::write_batch(out, &analysis::batch(&all_filings(reports)), &names)?;
    }
    Ok(())
}

/// Every filing of every report, in order (the batch's indices).
fn all_filings(reports: &[Report]) -> Vec<Filing> {
    reports.iter().flat_map(|r| r.parsed.filings.iter().cloned()).collect()
}

/// Today's date (UTC) for the future-date check; the core has no clock.
fn today() -> Option<Date> {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
    Date::from_days_since_epoch(i64::try_from(secs / 86_400).ok()?)
}

/// Diagnostics go to stderr as `file:line:column: severity[code]: message`.
fn print_diagnostics(report: &Report, quiet: bool) {
    let all = report
        .parsed
        .diagnostics
        .iter()
        .chain(report.parsed.filings.iter().flat_map(|f| &f.diagnostics))
        .chain(report.analyses.iter().flat_map(|a| &a.diagnostics));
    for d in all {
        if quiet && d.severity == Severity::Info {
            continue;
        }
        let at = match (&report.input, d.span) {
            (Some(input), Some(span)) => format!(":{}", input.line_col(span.start)),
            _ => String::new(),
        };
        eprintln!("{}{at}: {}[{}]: {}", report.name, d.severity, d.code, d.message);
        if let Some(help) = &d.help {
            eprintln!("  help: {help}");
        }
    }
}
