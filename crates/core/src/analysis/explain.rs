//! Plain words for what a filing's codes and boxes mean: the transaction
//! codes (the SEC's own descriptions, from [`TransactionCode::description`],
//! plus a classification a reader understands), the reporting persons'
//! relationship to the issuer, direct or indirect ownership, amendment
//! status, the Rule 10b5-1 checkbox and the timeliness marks.

use serde::Serialize;

use crate::model::{
    CodeGroup, DirectIndirect, Filing, FormType, ReportingOwner, Row, Timeliness, TransactionCode,
};

/// What kind of transaction a code is, in a reader's terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ReaderClass {
    /// Open-market or private purchase (P).
    Purchase,
    /// Open-market or private sale (S).
    Sale,
    /// Grant or award from the issuer (A).
    Award,
    /// Exercise or conversion of a derivative security (M, X, O, C).
    ExerciseOrConversion,
    /// Shares delivered or withheld to pay an exercise price or tax (F).
    TaxWithholding,
    /// Bona fide gift (G).
    Gift,
    /// Anything else: dispositions to the issuer, expirations, wills,
    /// voting trusts, swaps, tenders, voluntary reports, other.
    Other,
}

impl ReaderClass {
    /// The class of `code`.
    pub fn of(code: TransactionCode) -> ReaderClass {
        use TransactionCode::*;
        match code {
            P => ReaderClass::Purchase,
            S => ReaderClass::Sale,
            A => ReaderClass::Award,
            M | X | O | C => ReaderClass::ExerciseOrConversion,
            F => ReaderClass::TaxWithholding,
            G => ReaderClass::Gift,
            V | D | I | E | H | L | W | Z | J | K | U => ReaderClass::Other,
        }
    }

    /// A short label.
    pub fn label(self) -> &'static str {
        match self {
            ReaderClass::Purchase => "Open-market or private purchase",
            ReaderClass::Sale => "Open-market or private sale",
            ReaderClass::Award => "Award or grant",
            ReaderClass::ExerciseOrConversion => "Option exercise or conversion",
            ReaderClass::TaxWithholding => "Tax or exercise-price withholding",
            ReaderClass::Gift => "Gift",
            ReaderClass::Other => "Other",
        }
    }
}

/// A transaction code explained.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct CodeExplanation {
    /// The code.
    pub code: TransactionCode,
    /// The SEC's official description.
    pub description: &'static str,
    /// The SEC's grouping.
    pub group: CodeGroup,
    /// The reader's classification.
    pub class: ReaderClass,
    /// The classification as a label.
    pub class_label: &'static str,
}

impl CodeExplanation {
    /// The explanation of `code`.
    pub fn of(code: TransactionCode) -> CodeExplanation {
        let class = ReaderClass::of(code);
        CodeExplanation {
            code,
            description: code.description(),
            group: code.group(),
            class,
            class_label: class.label(),
        }
    }

    /// All 20 codes, in the SEC's order (a glossary).
    pub fn all() -> Vec<CodeExplanation> {
        TransactionCode::ALL.into_iter().map(CodeExplanation::of).collect()
    }
}

/// One relationship of a reporting person to the issuer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "role", content = "title", rename_all = "kebab-case")]
pub enum Relationship {
    /// A director.
    Director,
    /// An officer, with the title the form gives.
    Officer(Option<String>),
    /// An owner of more than 10% of a class of the issuer's equity.
    TenPercentOwner,
    /// Another relationship, as the form describes it.
    Other(Option<String>),
}

impl Relationship {
    /// In words: "director", "officer (Chief Executive Officer)", …
    pub fn words(&self) -> String {
        let with = |what: &str, title: &Option<String>| match title {
            Some(t) => format!("{what} ({t})"),
            None => what.to_owned(),
        };
        match self {
            Relationship::Director => "director".to_owned(),
            Relationship::Officer(title) => with("officer", title),
            Relationship::TenPercentOwner => {
                "owner of more than 10% of a class of the issuer's equity".to_owned()
            }
            Relationship::Other(text) => with("other relationship", text),
        }
    }
}

/// A reporting person and their relationship to the issuer, in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OwnerExplanation {
    /// The name as the form writes it (EDGAR puts the last name first).
    pub name: String,
    /// The CIK, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cik: Option<String>,
    /// The boxes checked.
    pub relationships: Vec<Relationship>,
    /// One sentence.
    pub summary: String,
}

impl OwnerExplanation {
    /// Explain `owner` of the issuer named `issuer`.
    pub fn of(owner: &ReportingOwner, issuer: &str) -> OwnerExplanation {
        let checked = |f: &crate::model::Field<bool>| f.value == Some(true);
        let text = |f: &crate::model::Field<String>| {
            f.value.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned)
        };
        let mut relationships = Vec::new();
        if checked(&owner.is_director) {
            relationships.push(Relationship::Director);
        }
        if checked(&owner.is_officer) {
            relationships.push(Relationship::Officer(text(&owner.officer_title)));
        }
        if checked(&owner.is_ten_percent_owner) {
            relationships.push(Relationship::TenPercentOwner);
        }
        if checked(&owner.is_other) {
            relationships.push(Relationship::Other(text(&owner.other_text)));
        }
        let name = text(&owner.name).unwrap_or_else(|| "The reporting person".to_owned());
        let issuer = if issuer.trim().is_empty() { "the issuer" } else { issuer.trim() };
        let mut summary = if relationships.is_empty() {
            format!("{name}: no relationship to {issuer} is checked on the form")
        } else {
            let roles: Vec<String> = relationships.iter().map(Relationship::words).collect();
            format!("{name} is {} of {issuer}", join_words(&roles))
        };
        if !summary.ends_with('.') {
            summary.push('.');
        }
        OwnerExplanation { name, cik: text(&owner.cik), relationships, summary }
    }
}

fn join_words(parts: &[String]) -> String {
    let article = |s: &String| {
        let an = s.starts_with(['a', 'e', 'i', 'o', 'u']);
        format!("{} {s}", if an { "an" } else { "a" })
    };
    let parts: Vec<String> = parts.iter().map(article).collect();
    match parts.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The document-level boxes and fields, in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DocumentExplanation {
    /// What the form is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form: Option<String>,
    /// Whether this is an amendment, and of what.
    pub amendment: String,
    /// The Rule 10b5-1(c) checkbox.
    pub rule_10b5_1: String,
    /// The "no longer subject to Section 16" box, when checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section16: Option<String>,
    /// Form 3's "no securities owned" and Form 5's holdings/transactions boxes, when checked.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub boxes: Vec<String>,
    /// Whether several persons file jointly.
    pub joint_filing: bool,
    /// The reporting persons.
    pub owners: Vec<OwnerExplanation>,
}

impl DocumentExplanation {
    /// Explain `filing`.
    pub fn of(filing: &Filing) -> DocumentExplanation {
        let form = filing.form_type();
        let amendment = match (form, filing.date_of_original_submission.value) {
            (Some(f), Some(date)) if f.is_amendment() => {
                format!("An amendment ({f}) of a Form {} originally filed on {date}.", f.number())
            }
            (Some(f), None) if f.is_amendment() => format!(
                "An amendment ({f}) of a Form {}; the original's filing date is not given.",
                f.number()
            ),
            (_, Some(date)) => {
                format!("Marked as amending a filing of {date}, but the form type is not an amendment.")
            }
            (Some(_), None) => "An original filing, not an amendment.".to_owned(),
            (None, None) => "The form type is not known.".to_owned(),
        };
        let rule_10b5_1 = match filing.aff10b5_one.value {
            Some(true) => "Checked: a reported transaction was made under a contract, instruction or written plan intended to satisfy the affirmative defense of Rule 10b5-1(c).",
            Some(false) => "Not checked: no reported transaction is marked as made under a Rule 10b5-1(c) plan (footnotes may still say so).",
            None => "Not stated (the checkbox appears on forms filed from April 2023).",
        }
        .to_owned();
        let section16 = (filing.not_subject_to_section16.value == Some(true)).then(|| {
            "Checked: the reporting person is no longer subject to Section 16; Form 4 or Form 5 obligations may continue.".to_owned()
        });
        let mut boxes = Vec::new();
        if filing.no_securities_owned.value == Some(true) {
            boxes.push("No securities are beneficially owned.".to_owned());
        }
        if filing.form3_holdings_reported.value == Some(true) {
            boxes.push("Holdings that should have been reported on Form 3 are reported here.".to_owned());
        }
        if filing.form4_transactions_reported.value == Some(true) {
            boxes.push("Transactions that should have been reported on Form 4 are reported here.".to_owned());
        }
        let issuer = filing.issuer.name.text();
        DocumentExplanation {
            form: form.map(form_words),
            amendment,
            rule_10b5_1,
            section16,
            boxes,
            joint_filing: filing.reporting_owners.len() > 1,
            owners: filing.reporting_owners.iter().map(|o| OwnerExplanation::of(o, issuer)).collect(),
        }
    }
}

fn form_words(form: FormType) -> String {
    let what = match form.number() {
        3 => "initial statement of beneficial ownership of securities",
        4 => "statement of changes in beneficial ownership",
        _ => "annual statement of changes in beneficial ownership",
    };
    let amended = if form.is_amendment() { ", amended" } else { "" };
    format!("Form {form}: {what}{amended}")
}

/// A row's ownership form in words: "Direct", "Indirect (By Trust)".
pub fn ownership_words(row: &Row) -> String {
    let nature = row.nature_of_ownership.value.as_deref().map(str::trim).filter(|n| !n.is_empty());
    match (row.direct_or_indirect_ownership.value, nature) {
        (Some(DirectIndirect::Direct), _) => "Direct".to_owned(),
        (Some(DirectIndirect::Indirect), Some(n)) => format!("Indirect ({n})"),
        (Some(DirectIndirect::Indirect), None) => "Indirect (nature not given)".to_owned(),
        (None, Some(n)) => format!("Not stated ({n})"),
        (None, None) => "Not stated".to_owned(),
    }
}

/// A row's timeliness mark in words.
pub fn timeliness_words(timeliness: Timeliness) -> &'static str {
    match timeliness {
        Timeliness::Early => "Reported earlier than required (E)",
        Timeliness::Late => "Reported late, as the filer acknowledges (L)",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_class_and_the_secs_words() {
        let all = CodeExplanation::all();
        assert_eq!(all.len(), 20);
        let of = |c| CodeExplanation::of(c);
        assert_eq!(of(TransactionCode::P).class, ReaderClass::Purchase);
        assert_eq!(of(TransactionCode::S).class, ReaderClass::Sale);
        assert_eq!(of(TransactionCode::A).class, ReaderClass::Award);
        assert_eq!(of(TransactionCode::X).class, ReaderClass::ExerciseOrConversion);
        assert_eq!(of(TransactionCode::F).class, ReaderClass::TaxWithholding);
        assert_eq!(of(TransactionCode::G).class, ReaderClass::Gift);
        assert_eq!(of(TransactionCode::V).class, ReaderClass::Other);
        // The SEC's text, not a third party's: V is not "10b5-1".
        assert_eq!(
            of(TransactionCode::V).description,
            "Transaction voluntarily reported earlier than required"
        );
    }

    #[test]
    fn relationships_read_as_a_sentence() {
        let mut owner = ReportingOwner::default();
        owner.name.value = Some("Albert Peter".to_owned());
        owner.is_officer.value = Some(true);
        owner.officer_title.value = Some("VP, OPERATIONS".to_owned());
        owner.is_director.value = Some(true);
        let e = OwnerExplanation::of(&owner, "QUALYS, INC.");
        assert_eq!(e.summary, "Albert Peter is a director and an officer (VP, OPERATIONS) of QUALYS, INC.");
    }
}
