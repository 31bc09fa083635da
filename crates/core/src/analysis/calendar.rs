//! Business days for filing deadlines: weekdays that are not US federal
//! holidays (5 U.S.C. § 6103, with the Saturday → Friday and Sunday → Monday
//! observance rule) nor days the federal government closed by executive
//! order for a national day of mourning.
//!
//! The holiday rules are those in force since 1986 (Martin Luther King Jr.
//! Day) and 2021 (Juneteenth); EDGAR ownership XML starts in 2003, so earlier
//! calendars are not needed. Not covered: Inauguration Day (a holiday only in
//! the Washington area) and one-off closures other than the days of mourning
//! listed in [`CLOSURES`].

use crate::model::{Date, Weekday};

/// Federal closures by executive order (national days of mourning).
pub const CLOSURES: [(i32, u32, u32, &str); 4] = [
    (2004, 6, 11, "National Day of Mourning for President Reagan"),
    (2007, 1, 2, "National Day of Mourning for President Ford"),
    (2018, 12, 5, "National Day of Mourning for President George H. W. Bush"),
    (2025, 1, 9, "National Day of Mourning for President Carter"),
];

/// The federal holiday (or closure) observed on `date`, if any.
pub fn holiday(date: Date) -> Option<&'static str> {
    let (y, m, d) = (date.year(), date.month(), date.day());
    if let Some(&(.., name)) = CLOSURES.iter().find(|&&(cy, cm, cd, _)| (cy, cm, cd) == (y, m, d)) {
        return Some(name);
    }
    // Holidays on a fixed date, observed on the nearest weekday. New Year's
    // Day of the next year can be observed on December 31.
    let fixed: [(i32, u32, u32, &str); 6] = [
        (y, 1, 1, "New Year's Day"),
        (y + 1, 1, 1, "New Year's Day"),
        (y, 6, 19, "Juneteenth National Independence Day"),
        (y, 7, 4, "Independence Day"),
        (y, 11, 11, "Veterans Day"),
        (y, 12, 25, "Christmas Day"),
    ];
    for (hy, hm, hd, name) in fixed {
        if name.starts_with("Juneteenth") && hy < 2021 {
            continue;
        }
        if Date::from_ymd(hy, hm, hd).and_then(observed) == Some(date) {
            return Some(name);
        }
    }
    let monday_rules: [(u32, Nth, &str); 5] = [
        (1, Nth::Third, "Birthday of Martin Luther King, Jr."),
        (2, Nth::Third, "Washington's Birthday"),
        (5, Nth::Last, "Memorial Day"),
        (9, Nth::First, "Labor Day"),
        (10, Nth::Second, "Columbus Day"),
    ];
    for (hm, nth, name) in monday_rules {
        if m == hm && (hm != 1 || y >= 1986) && nth_weekday(y, hm, Weekday::Mon, nth) == Some(date) {
            return Some(name);
        }
    }
    if m == 11 && nth_weekday(y, 11, Weekday::Thu, Nth::Fourth) == Some(date) {
        return Some("Thanksgiving Day");
    }
    None
}

/// Whether `date` is a business day: Monday to Friday and not a holiday.
pub fn is_business_day(date: Date) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && holiday(date).is_none()
}

/// The `n`th business day after `date` (`n` ≥ 1), or `date` itself when
/// `n` is 0 — `None` only beyond year 9999.
pub fn add_business_days(date: Date, n: u32) -> Option<Date> {
    let mut day = date;
    for _ in 0..n {
        day = next_business_day(day)?;
    }
    Some(day)
}

/// The first business day strictly after `date`.
pub fn next_business_day(date: Date) -> Option<Date> {
    let mut day = date.add_days(1)?;
    while !is_business_day(day) {
        day = day.add_days(1)?;
    }
    Some(day)
}

/// `date` if it is a business day, else the next one (SEC Rule 0-3: a
/// deadline on a weekend or holiday moves to the next business day).
pub fn on_or_after(date: Date) -> Option<Date> {
    if is_business_day(date) { Some(date) } else { next_business_day(date) }
}

/// Business days after `from` up to and including `to` (0 when `to` is not
/// later). Counts day by day, so it is meant for spans of years, not ages.
pub fn business_days_between(from: Date, to: Date) -> i64 {
    let mut count = 0;
    let mut day = from;
    while day < to {
        match day.add_days(1) {
            Some(next) => day = next,
            None => break,
        }
        if is_business_day(day) {
            count += 1;
        }
    }
    count
}

#[derive(Clone, Copy)]
enum Nth {
    First,
    Second,
    Third,
    Fourth,
    Last,
}

fn nth_weekday(year: i32, month: u32, weekday: Weekday, nth: Nth) -> Option<Date> {
    let first = Date::from_ymd(year, month, 1)?;
    let offset = (0..7).find(|&i| first.add_days(i).map(Date::weekday) == Some(weekday))?;
    let first_match = first.add_days(offset)?;
    let weeks = match nth {
        Nth::First => 0,
        Nth::Second => 1,
        Nth::Third => 2,
        Nth::Fourth => 3,
        Nth::Last => {
            let mut day = first_match;
            while let Some(next) = day.add_days(7).filter(|d| d.month() == month) {
                day = next;
            }
            return Some(day);
        }
    };
    first_match.add_days(7 * weeks)
}

fn observed(date: Date) -> Option<Date> {
    match date.weekday() {
        Weekday::Sat => date.add_days(-1),
        Weekday::Sun => date.add_days(1),
        _ => Some(date),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day).unwrap()
    }

    #[test]
    fn holidays_of_2025_match_the_opm_list() {
        // OPM's published 2025 federal holidays.
        let expected = [
            (1, 1),
            (1, 20),
            (2, 17),
            (5, 26),
            (6, 19),
            (7, 4),
            (9, 1),
            (10, 13),
            (11, 11),
            (11, 27),
            (12, 25),
        ];
        let mut found = Vec::new();
        let mut day = d(2025, 1, 1);
        while day.year() == 2025 {
            if holiday(day).is_some() && day != d(2025, 1, 9) {
                found.push((day.month(), day.day()));
            }
            day = day.add_days(1).unwrap();
        }
        assert_eq!(found, expected);
        assert_eq!(holiday(d(2025, 1, 9)), Some("National Day of Mourning for President Carter"));
    }

    #[test]
    fn weekend_holidays_are_observed_on_the_nearest_weekday() {
        // 2021-12-31 (Friday) observed New Year's Day 2022 (a Saturday).
        assert_eq!(holiday(d(2021, 12, 31)), Some("New Year's Day"));
        assert_eq!(holiday(d(2022, 1, 1)), None);
        // Independence Day 2021 was a Sunday, observed Monday July 5.
        assert_eq!(holiday(d(2021, 7, 5)), Some("Independence Day"));
        // Juneteenth 2021 (Saturday) observed Friday June 18; no Juneteenth in 2020.
        assert_eq!(holiday(d(2021, 6, 18)), Some("Juneteenth National Independence Day"));
        assert_eq!(holiday(d(2020, 6, 19)), None);
    }

    #[test]
    fn business_days_skip_weekends_and_holidays() {
        // Wednesday before Thanksgiving 2013: Thu holiday, Fri, then Mon.
        assert_eq!(add_business_days(d(2013, 11, 27), 2), Some(d(2013, 12, 2)));
        // A Saturday transaction: Monday and Tuesday.
        assert_eq!(add_business_days(d(2025, 3, 15), 2), Some(d(2025, 3, 18)));
        assert_eq!(business_days_between(d(2013, 11, 22), d(2013, 11, 26)), 2);
        assert_eq!(business_days_between(d(2013, 11, 26), d(2013, 11, 22)), 0);
        assert_eq!(on_or_after(d(2025, 3, 15)), Some(d(2025, 3, 17)));
        assert!(is_business_day(d(2013, 11, 22)));
        assert!(!is_business_day(d(2013, 11, 28)));
    }
}
