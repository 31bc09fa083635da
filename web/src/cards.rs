//! The header cards of a filing: the issuer, each reporting owner, and the
//! filing itself (its dates, amendment status, the Rule 10b5-1 box and
//! whether it was filed late).

use filing_core::analysis::{Analysis, FilingDateSource};
use filing_core::model::{Field, Filing, FormType, Issuer, ReportingOwner};

use crate::html::Html;
use crate::origin::field_text;

/// A `<dt>` and its `<dd>`.
fn term(html: &mut Html, term: &str, attrs: &[(&'static str, &str)], value: &str) {
    html.leaf("dt", &[], term).leaf("dd", attrs, value);
}

/// A header value with its origin ([`field_text`]) in a `<dd>`.
fn field_term(html: &mut Html, label: &str, field: &Field<String>, test: &str) {
    html.leaf("dt", &[], label).raw("<dd>");
    field_text(html, field.value.as_deref(), field.origin, test);
    html.raw("</dd>");
}

/// The company whose securities are reported.
pub fn issuer_card(html: &mut Html, issuer: &Issuer) {
    html.raw(r#"<section class="card issuer" data-test="issuer"><h3>Issuer</h3><p class="name">"#);
    field_text(html, issuer.name.value.as_deref(), issuer.name.origin, "issuer-name");
    html.raw("</p><dl>");
    field_term(html, "Ticker", &issuer.trading_symbol, "issuer-ticker");
    field_term(html, "CIK", &issuer.cik, "issuer-cik");
    if let Some(symbol) = &issuer.foreign_trading_symbol.value {
        term(html, "Foreign symbol", &[], symbol);
    }
    html.raw("</dl></section>");
}

/// One reporting person: name, CIK, address and relationship to the issuer.
pub fn owner_card(html: &mut Html, owner: &ReportingOwner) {
    let address = &owner.address;
    let city_line = [&address.city, &address.state, &address.zip_code]
        .into_iter()
        .map(Field::text)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let roles = roles(owner);
    html.raw(r#"<section class="card owner" data-test="owner"><h3>Reporting owner</h3><p class="name">"#);
    field_text(html, owner.name.value.as_deref(), owner.name.origin, "owner-name");
    html.raw(r#"</p><ul class="roles" aria-label="Relationship to the issuer">"#);
    for role in &roles {
        html.leaf("li", &[("class", "badge role")], role);
    }
    html.raw("</ul><dl>");
    field_term(html, "CIK", &owner.cik, "owner-cik");
    let relationship = if roles.is_empty() { "none ticked".to_owned() } else { roles.join(", ") };
    term(html, "Relationship", &[("data-test", "owner-relationship")], &relationship);
    html.raw(r#"<dt>Address</dt><dd class="address">"#);
    for line in [address.street1.text(), address.street2.text(), &city_line, address.state_description.text()]
    {
        if !line.is_empty() {
            html.leaf("span", &[("class", "line")], line);
        }
    }
    html.raw("</dd></dl></section>");
}

/// The boxes ticked in "Relationship of Reporting Person(s) to Issuer", with
/// the officer's title and the other relationship's text.
fn roles(owner: &ReportingOwner) -> Vec<String> {
    let ticked = |flag: &Field<bool>| flag.value == Some(true);
    let mut roles = Vec::new();
    if ticked(&owner.is_director) {
        roles.push("Director".to_owned());
    }
    if ticked(&owner.is_officer) {
        roles.push(with_detail("Officer", owner.officer_title.text()));
    }
    if ticked(&owner.is_ten_percent_owner) {
        roles.push("10% Owner".to_owned());
    }
    if ticked(&owner.is_other) {
        roles.push(with_detail("Other", owner.other_text.text()));
    }
    roles
}

fn with_detail(role: &str, detail: &str) -> String {
    let detail = detail.trim();
    if detail.is_empty() { role.to_owned() } else { format!("{role} ({detail})") }
}

/// What box 3 (the period of report) is on this form, shortly: the date of
/// the event requiring the statement, of the earliest transaction, or the
/// issuer's fiscal year end.
fn period_label(form: Option<FormType>) -> &'static str {
    match form.map(FormType::number) {
        Some(3) => "Event date",
        Some(5) => "Fiscal year end",
        _ => "Earliest transaction",
    }
}

/// The filing's dates, amendment status, Rule 10b5-1 box and timeliness.
pub fn filing_card(html: &mut Html, filing: &Filing, analysis: &Analysis) {
    let document = &analysis.document;
    let us = |date: Option<filing_core::model::Date>| date.map(|d| d.to_us_string());
    let period = us(filing.period_of_report.value);
    let original = us(filing.date_of_original_submission.value);
    let filed = us(filing.submission.as_ref().and_then(|s| s.filed_as_of_date.value));
    let signed = us(filing.signatures.iter().filter_map(|s| s.date.value).max());
    let amended = filing.form_type().is_some_and(FormType::is_amendment);
    let plan = match filing.aff10b5_one.value {
        Some(true) => ("yes", "Checked"),
        Some(false) => ("no", "Not checked"),
        None => ("unknown", "Not on this form"),
    };
    let late = lateness(analysis);
    html.raw(r#"<section class="card filing-card" data-test="filing-card"><h3>Filing</h3>"#)
        .leaf("p", &[("class", "name")], document.form.as_deref().unwrap_or("Form type not known"))
        .raw(r#"<ul class="roles">"#);
    if amended {
        html.raw(r#"<li class="badge amendment" data-test="amendment-status">Amendment</li>"#);
    } else {
        html.raw(r#"<li class="badge" data-test="amendment-status">Original</li>"#);
    }
    html.leaf(
        "li",
        &[("class", &format!("badge late-{}", late.0)), ("data-test", "late-flag"), ("title", &late.2)],
        &late.1,
    )
    .raw("</ul><dl>");
    term(
        html,
        period_label(filing.form_type()),
        &[("data-test", "period")],
        period.as_deref().unwrap_or("not given"),
    );
    for (label, test, date) in [
        ("Original filed", "original-date", original),
        ("Filed", "filed-date", filed),
        ("Signed", "signed-date", signed),
    ] {
        if let Some(date) = date {
            term(html, label, &[("data-test", test)], &date);
        }
    }
    term(
        html,
        "Rule 10b5-1",
        &[("data-test", "rule-10b5-1"), ("data-state", plan.0), ("title", &document.rule_10b5_1)],
        plan.1,
    );
    html.raw("</dl>").leaf("p", &[("class", "card-note"), ("data-test", "timeliness")], &late.2);
    if amended {
        html.leaf("p", &[("class", "card-note")], &document.amendment);
    }
    if document.section16.is_some() || !document.boxes.is_empty() {
        html.raw(r#"<ul class="boxes">"#);
        for line in document.section16.iter().chain(&document.boxes) {
            html.leaf("li", &[], line);
        }
        html.raw("</ul>");
    }
    html.raw("</section>");
}

/// The late-filing flag: a class, a short label and a sentence.
fn lateness(analysis: &Analysis) -> (&'static str, String, String) {
    let Some(deadline) = &analysis.deadline else {
        return (
            "unknown",
            "Deadline not checked".to_owned(),
            "The form type or dates needed for the deadline are missing, or this is an amendment.".to_owned(),
        );
    };
    let source = match deadline.filing_date.source {
        FilingDateSource::Header => "Filed",
        FilingDateSource::User => "Filed (as given)",
        FilingDateSource::Signature => "Signed (the filing date is not in this input)",
    };
    let date = deadline.filing_date.date.to_us_string();
    if deadline.business_days_late > 0 {
        let days = deadline.business_days_late;
        let plural = if days == 1 { "" } else { "s" };
        (
            "late",
            format!("Late: {days} business day{plural}"),
            format!("{source} {date}, {days} business day{plural} after the deadline. {}", deadline.rule),
        )
    } else {
        ("on-time", "On time".to_owned(), format!("{source} {date}, within the deadline. {}", deadline.rule))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_name_every_ticked_box_with_its_text() {
        let mut owner = ReportingOwner::default();
        assert!(roles(&owner).is_empty());
        owner.is_director.value = Some(true);
        owner.is_officer.value = Some(true);
        owner.officer_title.value = Some("Chief Executive Officer".to_owned());
        owner.is_other.value = Some(true);
        assert_eq!(roles(&owner), ["Director", "Officer (Chief Executive Officer)", "Other"]);
    }

    #[test]
    fn the_period_is_labelled_as_each_form_labels_box_3() {
        assert_eq!(period_label(Some(FormType::Form3A)), "Event date");
        assert_eq!(period_label(Some(FormType::Form4)), "Earliest transaction");
        assert_eq!(period_label(Some(FormType::Form5)), "Fiscal year end");
    }
}
