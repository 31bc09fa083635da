//! The header cards of a filing: the issuer, each reporting owner, and the
//! filing itself (its dates, amendment status, the Rule 10b5-1 box and
//! whether it was filed late).

use filing_core::analysis::{Analysis, FilingDateSource};
use filing_core::model::{Field, Filing, FormType, Issuer, ReportingOwner};
use leptos::prelude::*;

use crate::origin::FieldText;

/// The company whose securities are reported.
#[component]
pub fn IssuerCard(issuer: Issuer) -> impl IntoView {
    let foreign = issuer.foreign_trading_symbol.value.clone().map(|symbol| {
        view! {
            <dt>"Foreign symbol"</dt>
            <dd>{symbol}</dd>
        }
    });
    view! {
        <section class="card issuer" data-test="issuer">
            <h3>"Issuer"</h3>
            <p class="name"><FieldText text=issuer.name.value.clone() origin=issuer.name.origin test="issuer-name" /></p>
            <dl>
                <dt>"Ticker"</dt>
                <dd><FieldText text=issuer.trading_symbol.value.clone() origin=issuer.trading_symbol.origin test="issuer-ticker" /></dd>
                <dt>"CIK"</dt>
                <dd><FieldText text=issuer.cik.value.clone() origin=issuer.cik.origin test="issuer-cik" /></dd>
                {foreign}
            </dl>
        </section>
    }
}

/// One reporting person: name, CIK, address and relationship to the issuer.
#[component]
pub fn OwnerCard(owner: ReportingOwner) -> impl IntoView {
    let address = &owner.address;
    let city_line = [&address.city, &address.state, &address.zip_code]
        .into_iter()
        .map(Field::text)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let address_lines =
        [address.street1.text(), address.street2.text(), &city_line, address.state_description.text()]
            .into_iter()
            .filter(|line| !line.is_empty())
            .map(|line| view! { <span class="line">{line.to_owned()}</span> })
            .collect_view();
    let roles = roles(&owner);
    let badges = roles.iter().map(|role| view! { <li class="badge role">{role.clone()}</li> }).collect_view();
    view! {
        <section class="card owner" data-test="owner">
            <h3>"Reporting owner"</h3>
            <p class="name"><FieldText text=owner.name.value.clone() origin=owner.name.origin test="owner-name" /></p>
            <ul class="roles" aria-label="Relationship to the issuer">{badges}</ul>
            <dl>
                <dt>"CIK"</dt>
                <dd><FieldText text=owner.cik.value.clone() origin=owner.cik.origin test="owner-cik" /></dd>
                <dt>"Relationship"</dt>
                <dd data-test="owner-relationship">
                    {if roles.is_empty() { "none ticked".to_owned() } else { roles.join(", ") }}
                </dd>
                <dt>"Address"</dt>
                <dd class="address">{address_lines}</dd>
            </dl>
        </section>
    }
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
#[component]
pub fn FilingCard(filing: std::sync::Arc<Filing>, analysis: std::sync::Arc<Analysis>) -> impl IntoView {
    let document = &analysis.document;
    let period = filing.period_of_report.value.map(|d| d.to_us_string());
    let original = filing.date_of_original_submission.value.map(|d| d.to_us_string());
    let filed = filing.submission.as_ref().and_then(|s| s.filed_as_of_date.value).map(|d| d.to_us_string());
    let signed = filing.signatures.iter().filter_map(|s| s.date.value).max().map(|d| d.to_us_string());
    let amended = filing.form_type().is_some_and(FormType::is_amendment);
    let plan = match filing.aff10b5_one.value {
        Some(true) => ("yes", "Checked"),
        Some(false) => ("no", "Not checked"),
        None => ("unknown", "Not on this form"),
    };
    let late = lateness(&analysis);
    let boxes = document
        .section16
        .iter()
        .chain(&document.boxes)
        .map(|line| view! { <li>{line.clone()}</li> })
        .collect_view();
    view! {
        <section class="card filing-card" data-test="filing-card">
            <h3>"Filing"</h3>
            <p class="name">{document.form.clone().unwrap_or_else(|| "Form type not known".to_owned())}</p>
            <ul class="roles">
                <li class="badge" class:amendment=amended data-test="amendment-status">
                    {if amended { "Amendment" } else { "Original" }}
                </li>
                <li class=format!("badge late-{}", late.0) data-test="late-flag" title=late.2.clone()>{late.1.clone()}</li>
            </ul>
            <dl>
                <dt>{period_label(filing.form_type())}</dt>
                <dd data-test="period">{period.unwrap_or_else(|| "not given".to_owned())}</dd>
                {original.map(|d| view! { <dt>"Original filed"</dt> <dd data-test="original-date">{d}</dd> })}
                {filed.map(|d| view! { <dt>"Filed"</dt> <dd data-test="filed-date">{d}</dd> })}
                {signed.map(|d| view! { <dt>"Signed"</dt> <dd data-test="signed-date">{d}</dd> })}
                <dt>"Rule 10b5-1"</dt>
                <dd data-test="rule-10b5-1" data-state=plan.0 title=document.rule_10b5_1.clone()>{plan.1}</dd>
            </dl>
            <p class="card-note" data-test="timeliness">{late.2}</p>
            {amended.then(|| view! { <p class="card-note">{document.amendment.clone()}</p> })}
            {(document.section16.is_some() || !document.boxes.is_empty()).then(|| view! { <ul class="boxes">{boxes}</ul> })}
        </section>
    }
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
