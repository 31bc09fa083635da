//! `--tsv-dir` (the SEC data-set tables) and `--table` (a filing's tables as
//! TSV, CSV, Markdown or JSON).

use std::io::{self, Write};
use std::path::Path;

use filing_core::export::sec::{DataSet, SecTable, accession_in_name};
use filing_core::export::table::{self, Format};
use filing_core::model::{Filing, Table};

/// The format named on the command line.
pub fn format(name: &str) -> Result<Format, String> {
    match name {
        "tsv" => Ok(Format::Tsv),
        "csv" => Ok(Format::Csv),
        "markdown" | "md" => Ok(Format::Markdown),
        "json" => Ok(Format::Json),
        _ => Err(format!("unknown table format {name:?} (tsv, csv, markdown or json)")),
    }
}

/// Write the eight SEC tables for `filings` (each with the name of the file
/// it came from) into `dir`, creating it; say what was written on `out`.
pub fn write_tsv_dir<'a>(
    dir: &Path,
    filings: impl IntoIterator<Item = (&'a str, &'a Filing)>,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut set = DataSet::new();
    for (file, filing) in filings {
        let accession = match filing.accession_number() {
            Some(accession) => accession.to_owned(),
            None => match accession_in_name(file) {
                Some(accession) => accession.to_owned(),
                None => {
                    eprintln!(
                        "filing: {file}: no accession number (no submission header, and the file name is not one): ACCESSION_NUMBER is left empty"
                    );
                    String::new()
                }
            },
        };
        set.add(filing, &accession);
    }
    std::fs::create_dir_all(dir)?;
    for table in SecTable::ALL {
        let path = dir.join(table.file_name());
        std::fs::write(&path, set.to_tsv(table))?;
        writeln!(out, "{}: {} rows", path.display(), set.rows(table).len())?;
    }
    Ok(())
}

/// The tables of `filings` in `format`: each under a heading line, or, in
/// JSON, one array of `{"file", "table", "rows"}` objects.
pub fn write_tables<'a>(
    out: &mut impl Write,
    filings: impl IntoIterator<Item = (&'a str, &'a Filing)>,
    format: Format,
) -> io::Result<()> {
    let mut documents = Vec::new();
    for (file, filing) in filings {
        for (which, title) in [(Table::NonDerivative, "Table I"), (Table::Derivative, "Table II")] {
            if filing.table(which).is_empty() {
                continue;
            }
            let text = table::export(filing, which, format);
            match format {
                Format::Json => {
                    let rows: serde_json::Value = serde_json::from_str(&text).map_err(io::Error::other)?;
                    documents.push(serde_json::json!({ "file": file, "table": which, "rows": rows }));
                }
                Format::Markdown => write!(out, "## {file}: {title}\n\n{text}\n")?,
                _ => write!(out, "# {file}: {title}\n{text}")?,
            }
        }
    }
    if format == Format::Json {
        serde_json::to_writer_pretty(&mut *out, &documents).map_err(io::Error::other)?;
        writeln!(out)?;
    }
    Ok(())
}
