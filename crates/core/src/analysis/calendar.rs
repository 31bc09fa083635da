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

/// The federal holidays (and closures) observed in `year`, in date order.
/// New Year's Day of the next year is observed on December 31 when it falls
/// on a Saturday; that of `year` is then not observed in `year`.
pub fn holidays(year: i32) -> Vec<(Date, &'static str)> {
    let mut out: Vec<(Date, &'static str)> = Vec::new();
    let fixed: [(i32, u32, u32, &str); 6] = [
        (year, 1, 1, "New Year's Day"),
        (year + 1, 1, 1, "New Year's Day"),
        (year, 6, 19, "Juneteenth National Independence Day"),
        (year, 7, 4, "Independence Day"),
        (year, 11, 11, "Veterans Day"),
        (year, 12, 25, "Christmas Day"),
    ];
    for (y, m, d, name) in fixed {
        if m == 6 && y < 2021 {
            continue; // Juneteenth became a federal holiday in 2021
        }
        if let Some(day) = Date::from_ymd(y, m, d).and_then(observed).filter(|d| d.year() == year) {
            out.push((day, name));
        }
    }
    let monday_rules: [(u32, Nth, &str); 5] = [
        (1, Nth::Third, "Birthday of Martin Luther King, Jr."),
        (2, Nth::Third, "Washington's Birthday"),
        (5, Nth::Last, "Memorial Day"),
        (9, Nth::First, "Labor Day"),
        (10, Nth::Second, "Columbus Day"),
    ];
    for (m, nth, name) in monday_rules {
        if m == 1 && year < 1986 {
            continue; // Martin Luther King Jr. Day from 1986
        }
        out.extend(nth_weekday(year, m, Weekday::Mon, nth).map(|d| (d, name)));
    }
    out.extend(nth_weekday(year, 11, Weekday::Thu, Nth::Fourth).map(|d| (d, "Thanksgiving Day")));
    for &(y, m, d, name) in CLOSURES.iter().filter(|c| c.0 == year) {
        out.extend(Date::from_ymd(y, m, d).map(|day| (day, name)));
    }
    crate::sort::by_key(&mut out, |&(d, _)| d);
    out
}

/// The federal holiday (or closure) observed on `date`, if any.
pub fn holiday(date: Date) -> Option<&'static str> {
    holidays(date.year()).into_iter().find(|&(d, _)| d == date).map(|(_, name)| name)
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
/// later): weekdays counted by whole weeks, less the holidays among them.
pub fn business_days_between(from: Date, to: Date) -> i64 {
    let days = from.days_until(to);
    if days <= 0 {
        return 0;
    }
    let is_weekday = |d: Date| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
    let mut count = days / 7 * 5;
    for i in (days / 7 * 7 + 1)..=days {
        if from.add_days(i).is_some_and(is_weekday) {
            count += 1;
        }
    }
    for year in from.year()..=to.year() {
        count -= holidays(year).iter().filter(|&&(d, _)| d > from && d <= to && is_weekday(d)).count() as i64;
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

    #[test]
    fn counting_by_weeks_matches_counting_day_by_day() {
        let start = d(2012, 12, 20);
        for span in [0, 1, 2, 5, 6, 7, 8, 13, 14, 30, 365, 800] {
            let end = start.add_days(span).unwrap();
            let mut by_day = 0;
            let mut day = start;
            while day < end {
                day = day.add_days(1).unwrap();
                by_day += i64::from(is_business_day(day));
            }
            assert_eq!(business_days_between(start, end), by_day, "span {span}");
        }
        // Years 1 to 9999 are counted without walking every day.
        assert!(business_days_between(d(1, 1, 1), d(9999, 12, 31)) > 2_500_000);
    }
}
