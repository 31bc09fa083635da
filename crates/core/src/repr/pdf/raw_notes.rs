//! The footnotes of PDF text without layout.
//!
//! The footnotes are page-wide lines, read by the shared form reader. One
//! thing the extractor does to them cannot be undone: where a word was
//! broken at a hyphen over two lines, it joins the two lines into one and
//! drops the hyphen (`FF-` `VII` is written `FFVII`). Such a line is longer
//! than any line of the page: a footnote with a line longer than the
//! page's lines run ([`JOINED`] times the middle length of the page-wide
//! lines that go on to a next one, full lines) may have lost a hyphen, and
//! is marked uncertain, with a diagnostic.

use crate::diagnostic::{Code, Diagnostic, quote};
use crate::model::{Filing, Origin};
use crate::repr::cells::Cell;
use crate::repr::pdf::raw_table::Block;
use crate::repr::pdf::raw_tail::PAGE_LINE;

/// How much longer than the page's full lines a line joined by the
/// extractor is at least: its first line was full (wrapped), and a part of
/// the next one follows (full lines vary by a tenth).
const JOINED: f64 = 1.15;

/// The fewest full lines that tell how long the page's lines run.
const FEW: usize = 3;

/// Mark the footnotes of one filing read from `blocks` (the blocks of the
/// filing's text) that may have lost a hyphen uncertain.
pub(crate) fn settle(filing: &mut Filing, blocks: &[Block]) {
    let lines: Vec<&Cell> = blocks.iter().flat_map(|b| &b.lines).collect();
    // Each footnote's lines: those its text's span covers.
    let own: Vec<&[&Cell]> = filing
        .footnotes
        .iter()
        .map(|f| {
            let Some(span) = f.text.span else { return &lines[..0] };
            let from = lines.partition_point(|c| c.span.end <= span.start);
            let to = lines.partition_point(|c| c.span.end <= span.end);
            &lines[from..to.max(from)]
        })
        .collect();
    let mut full: Vec<usize> = own
        .iter()
        .flat_map(|ls| ls.split_last().map_or(&[][..], |(_, rest)| rest))
        .map(|c| c.text.len())
        .filter(|&n| n > PAGE_LINE)
        .collect();
    if full.len() < FEW {
        return;
    }
    crate::sort::by(&mut full, Ord::cmp);
    let width = full[full.len() / 2] as f64;
    for (note, lines) in filing.footnotes.iter_mut().zip(own) {
        let Some(long) = lines.iter().find(|c| c.text.len() as f64 > JOINED * width) else { continue };
        if !note.text.origin.is_read() {
            continue;
        }
        note.text.origin = Origin::Uncertain;
        filing.diagnostics.push(Diagnostic::new(
            Code::ColumnUncertain,
            Some(long.span),
            format!(
                "footnote {} has a line longer than the page's ({}): two lines joined by the extractor, which drops the hyphen of a word broken over them",
                note.id.as_str(),
                quote(&long.text)
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Field, Footnote, FootnoteId};
    use crate::repr::pdf::raw_table::blocks;
    use crate::source::Span;

    /// A filing whose footnotes are the text's numbered paragraphs.
    fn read(text: &str) -> Filing {
        let mut filing = Filing::default();
        let starts: Vec<usize> = text.match_indices(". Fictional").map(|(i, _)| i - 1).collect();
        for (k, &start) in starts.iter().enumerate() {
            let end = starts.get(k + 1).map_or(text.trim_end().len(), |&n| n - 1);
            let id = FootnoteId::new(&format!("F{}", k + 1));
            let span = Span::new(start + 3, end);
            filing
                .footnotes
                .push(Footnote { id, text: Field::read(text[span.range()].replace('\n', " "), span) });
        }
        settle(&mut filing, &blocks(text, 0));
        filing
    }

    #[test]
    fn a_footnote_with_a_line_longer_than_the_pages_may_have_lost_a_hyphen() {
        let line = "words of a fictional footnote that run the width of the page";
        let full = format!("{line} {line}");
        let joined =
            format!("{full} and on over the next line as the extractor joined them at a dropped hyphen");
        let text = format!(
            "1. Fictional {full}\n{full}\n{full}\nend.\n2. Fictional {full}\n{joined}\nend.\n3. Fictional {full}\nend.\n"
        );
        let f = read(&text);
        let origins: Vec<Origin> = f.footnotes.iter().map(|n| n.text.origin).collect();
        assert_eq!(origins, [Origin::Read, Origin::Uncertain, Origin::Read]);
        assert_eq!(f.diagnostics.len(), 1);
        // Too few full lines to tell how long the page's run: left as read.
        let short = format!("1. Fictional {full}\nend.\n2. Fictional {joined}\nend.\n");
        assert!(read(&short).footnotes.iter().all(|n| n.text.origin == Origin::Read));
    }
}
