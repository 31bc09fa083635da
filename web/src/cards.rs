//! The issuer and the reporting owners, as cards.

use filing_core::model::{Field, Issuer, ReportingOwner};
use leptos::prelude::*;

/// The company whose securities are reported.
#[component]
pub fn IssuerCard(issuer: Issuer) -> impl IntoView {
    view! {
        <section class="card issuer" data-test="issuer">
            <h3>"Issuer"</h3>
            <p class="name" data-test="issuer-name">{issuer.name.text().to_owned()}</p>
            <dl>
                <dt>"Ticker"</dt>
                <dd data-test="issuer-ticker">{issuer.trading_symbol.text().to_owned()}</dd>
                <dt>"CIK"</dt>
                <dd data-test="issuer-cik">{issuer.cik.text().to_owned()}</dd>
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
    view! {
        <section class="card owner" data-test="owner">
            <h3>"Reporting owner"</h3>
            <p class="name" data-test="owner-name">{owner.name.text().to_owned()}</p>
            <dl>
                <dt>"CIK"</dt>
                <dd data-test="owner-cik">{owner.cik.text().to_owned()}</dd>
                <dt>"Address"</dt>
                <dd class="address">{address_lines}</dd>
                <dt>"Relationship"</dt>
                <dd data-test="owner-relationship">{relationship(&owner)}</dd>
            </dl>
        </section>
    }
}

/// The boxes ticked in "Relationship of Reporting Person(s) to Issuer".
fn relationship(owner: &ReportingOwner) -> String {
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
    if roles.is_empty() { "none ticked".to_owned() } else { roles.join(", ") }
}

fn with_detail(role: &str, detail: &str) -> String {
    if detail.is_empty() { role.to_owned() } else { format!("{role} ({detail})") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relationship_names_every_ticked_box_with_its_text() {
        let mut owner = ReportingOwner::default();
        assert_eq!(relationship(&owner), "none ticked");
        owner.is_director.value = Some(true);
        owner.is_officer.value = Some(true);
        owner.officer_title.value = Some("Chief Executive Officer".to_owned());
        owner.is_other.value = Some(true);
        assert_eq!(relationship(&owner), "Director, Officer (Chief Executive Officer), Other");
    }
}
