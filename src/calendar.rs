//! The one calendar of the app: days in the learner's local time, dates, and ISO text.
//!
//! Pure: the time (`ms` since the Unix epoch) and the UTC offset come in as values; nothing
//! here reads a clock or knows about the browser.

/// Milliseconds in a day.
pub const DAY_MS: u64 = 86_400_000;

/// A moment as the app sees it: the time and the learner's UTC offset at that time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    /// ms since the Unix epoch.
    pub now: u64,
    /// Minutes east of UTC (+60 for Paris in winter).
    pub utc_offset_minutes: i32,
}

impl LocalTime {
    pub fn new(now: u64, utc_offset_minutes: i32) -> Self {
        LocalTime {
            now,
            utc_offset_minutes: utc_offset_minutes.clamp(-18 * 60, 18 * 60),
        }
    }

    /// The local day number of `now` (see [`local_day`]).
    pub fn today(&self) -> i64 {
        local_day(self.now, self.utc_offset_minutes)
    }

    /// The last millisecond of the local day containing `now`.
    pub fn end_of_day(&self) -> u64 {
        let offset_ms = i64::from(self.utc_offset_minutes) * 60_000;
        let next_day_start = (self.today() + 1) * DAY_MS as i64 - offset_ms;
        u64::try_from(next_day_start - 1).unwrap_or(0)
    }

    /// Today's date in local time.
    pub fn date(&self) -> Date {
        Date::from_day(self.today())
    }
}

/// The learner's day containing `at`: whole days since 1970-01-01 in local time, where local
/// time is UTC plus `utc_offset_minutes` (east positive).
///
/// One offset is used for every date, so around a daylight-saving change an answer given
/// within an hour of midnight may count on the neighbouring day.
pub fn local_day(at: u64, utc_offset_minutes: i32) -> i64 {
    let at = i64::try_from(at).unwrap_or(i64::MAX / 2);
    let local = at.saturating_add(i64::from(utc_offset_minutes) * 60_000);
    local.div_euclid(DAY_MS as i64)
}

/// A calendar date in the proleptic Gregorian calendar; in JSON, an ISO 8601 string.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    pub year: i32,
    /// 1..=12.
    pub month: u32,
    /// 1..=31.
    pub day: u32,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl Date {
    /// A date, if it exists (30 February does not).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// The date of day number `day` (days since 1970-01-01), by Howard Hinnant's
    /// `civil_from_days`.
    pub fn from_day(day: i64) -> Date {
        let z = day.clamp(-1_000_000_000, 1_000_000_000) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date {
            year: y as i32,
            month: m as u32,
            day: d as u32,
        }
    }

    /// The day number of this date (the inverse of [`Date::from_day`]: `days_from_civil`).
    pub fn to_day(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let m = i64::from(self.month);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Read an ISO 8601 calendar date, `2025-03-12`.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = &text[range];
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        Date::new(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?)
    }

    /// "12 Mar": short enough for a chart axis.
    pub fn short(&self) -> String {
        format!("{} {}", self.day, MONTHS[(self.month as usize + 11) % 12])
    }
}

impl TryFrom<String> for Date {
    type Error = String;
    fn try_from(text: String) -> Result<Date, String> {
        Date::parse_iso(&text).ok_or_else(|| "not a date (YYYY-MM-DD)".to_string())
    }
}

impl From<Date> for String {
    fn from(date: Date) -> String {
        date.to_string()
    }
}

impl std::fmt::Display for Date {
    /// ISO 8601: `2025-03-12`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `at` as local date and time, `2025-03-12 14:05`.
pub fn local_date_time(at: u64, utc_offset_minutes: i32) -> String {
    let day = local_day(at, utc_offset_minutes);
    let at = i64::try_from(at).unwrap_or(i64::MAX / 2);
    let local = at.saturating_add(i64::from(utc_offset_minutes) * 60_000);
    let minutes = local.rem_euclid(DAY_MS as i64) / 60_000;
    format!(
        "{} {:02}:{:02}",
        Date::from_day(day),
        minutes / 60,
        minutes % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_and_dates_are_inverses() {
        // 1970-01-01 is day 0; 2000-03-01 is day 11017 (30 years of days plus 7 leap days + Jan, Feb).
        assert_eq!(Date::from_day(0), Date::new(1970, 1, 1).unwrap());
        assert_eq!(Date::new(2000, 3, 1).unwrap().to_day(), 11_017);
        for day in [-800_000, -1, 0, 59, 60, 11_016, 20_000, 2_000_000] {
            assert_eq!(Date::from_day(day).to_day(), day);
        }
    }

    #[test]
    fn iso_dates_must_exist() {
        assert_eq!(Date::parse_iso("2024-02-29"), Date::new(2024, 2, 29));
        assert_eq!(Date::parse_iso("2023-02-29"), None);
        assert_eq!(Date::parse_iso("2023-13-01"), None);
        assert_eq!(Date::parse_iso("2023-1-01"), None);
        assert_eq!(Date::parse_iso("+023-01-01"), None);
        assert_eq!(Date::new(2026, 12, 1).unwrap().to_string(), "2026-12-01");
    }

    #[test]
    fn the_end_of_a_local_day_is_its_last_millisecond() {
        // 2025-03-12 10:00 UTC, in UTC+1: the local day ends at 22:59:59.999 UTC.
        let at = Date::new(2025, 3, 12).unwrap().to_day() as u64 * DAY_MS + 10 * 3_600_000;
        let local = LocalTime::new(at, 60);
        assert_eq!(local.end_of_day(), at + 13 * 3_600_000 - 1);
        assert_eq!(
            LocalTime::new(local.end_of_day(), 60).today(),
            local.today()
        );
        assert_eq!(
            LocalTime::new(local.end_of_day() + 1, 60).today(),
            local.today() + 1
        );
    }

    #[test]
    fn huge_times_do_not_overflow() {
        let _ = local_day(u64::MAX, 18 * 60);
        let _ = local_date_time(u64::MAX, -18 * 60);
        let _ = LocalTime::new(u64::MAX, i32::MAX).end_of_day();
    }
}
