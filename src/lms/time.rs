//! Durations and moments as each SCORM version writes them. Time comes in as milliseconds
//! (and the learner's UTC offset for moments); fractions of a second are cut, never rounded
//! up, to the hundredths both versions allow, so a duration is never overstated.

use crate::calendar::{DAY_MS, Date, local_day};

/// A duration as SCORM 1.2's CMITimespan, `HHHH:MM:SS.SS`: "Hours have a minimum of 2 digits
/// and a maximum of 4 digits. Minutes shall consist of exactly 2 digits. Seconds shall contain
/// 2 digits, with an optional decimal point and 1 or 2 additional digits" (SCORM 1.2 RTE
/// §3.4.2, data types). Always written with two decimals: 1 h 2 min 3.4 s is `01:02:03.40`.
/// A duration past 9999 hours, which the type cannot hold, is written as the most it can:
/// `9999:59:59.99`.
pub fn cmi_timespan(ms: u64) -> String {
    const MAX_MS: u64 = (9999 * 3600 + 59 * 60 + 59) * 1000 + 990;
    let ms = ms.min(MAX_MS);
    let centis = ms / 10;
    let hours = centis / 360_000;
    let minutes = centis / 6000 % 60;
    let seconds = centis / 100 % 60;
    let hundredths = centis % 100;
    format!("{hours:02}:{minutes:02}:{seconds:02}.{hundredths:02}")
}

/// A duration as SCORM 2004's timeinterval (second, 10, 2), the ISO 8601 form
/// `P[yY][mM][dD][T[hH][nM][s[.s]S]]` "with at most 2 digits" of fractional seconds, where
/// "at least one designator and value shall be present in addition to the designator P"
/// (SCORM 2004 4th edition RTE §4.1.1.7, timeinterval). Written with hours, minutes and
/// seconds only (days and months have no fixed length, so they are never used), zero parts
/// left out, and zero itself as `PT0S`: 1 min 30.5 s is `PT1M30.5S`.
pub fn iso_duration(ms: u64) -> String {
    let centis = ms / 10;
    let hours = centis / 360_000;
    let minutes = centis / 6000 % 60;
    let seconds = centis / 100 % 60;
    let hundredths = centis % 100;
    let mut out = String::from("PT");
    if hours > 0 {
        out.push_str(&format!("{hours}H"));
    }
    if minutes > 0 {
        out.push_str(&format!("{minutes}M"));
    }
    if seconds > 0 || hundredths > 0 || (hours == 0 && minutes == 0) {
        out.push_str(&seconds.to_string());
        if hundredths > 0 {
            let digits = format!("{hundredths:02}");
            out.push('.');
            out.push_str(digits.trim_end_matches('0'));
        }
        out.push('S');
    }
    out
}

/// The learner's local time of day at `at`, as SCORM 1.2's CMITime `HH:MM:SS` (hours 00–23;
/// the optional hundredths are left out, since run-times such as scorm-again refuse them).
pub fn cmi_time(at: u64, utc_offset_minutes: i32) -> String {
    let (_, ms_of_day) = local_parts(at, utc_offset_minutes);
    let seconds = ms_of_day / 1000;
    format!(
        "{:02}:{:02}:{:02}",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

/// The moment `at` as SCORM 2004's time (second, 10, 0): `YYYY-MM-DDThh:mm:ss.ss` in the
/// learner's local time, with its zone (`Z`, or `+hh:mm` / `-hh:mm`). The spec limits the year
/// to 1970–2038 and requires the seconds' fraction whenever a zone is given (SCORM 2004 4th
/// edition RTE §4.1.1.6, time), so two decimals are always written. `None` outside those years.
pub fn iso_timestamp(at: u64, utc_offset_minutes: i32) -> Option<String> {
    let offset = utc_offset_minutes.clamp(-18 * 60, 18 * 60);
    let (day, ms_of_day) = local_parts(at, offset);
    let date: Date = Date::from_day(day);
    if !(1970..=2038).contains(&date.year) {
        return None;
    }
    let centis = ms_of_day / 10;
    let zone = if offset == 0 {
        "Z".to_string()
    } else {
        let sign = if offset < 0 { '-' } else { '+' };
        let minutes = offset.unsigned_abs();
        format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
    };
    Some(format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:02}{zone}",
        date.year,
        date.month,
        date.day,
        centis / 360_000,
        centis / 6000 % 60,
        centis / 100 % 60,
        centis % 100
    ))
}

/// The local day number and the milliseconds into that day.
fn local_parts(at: u64, utc_offset_minutes: i32) -> (i64, u64) {
    let day = local_day(at, utc_offset_minutes);
    let local = i64::try_from(at)
        .unwrap_or(i64::MAX / 2)
        .saturating_add(i64::from(utc_offset_minutes) * 60_000);
    let ms_of_day = local.rem_euclid(DAY_MS as i64) as u64;
    (day, ms_of_day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hundredths_are_cut_not_rounded() {
        // 59.999 s stays below a minute in both forms.
        assert_eq!(cmi_timespan(59_999), "00:00:59.99");
        assert_eq!(iso_duration(59_999), "PT59.99S");
        assert_eq!(iso_duration(3_600_000), "PT1H");
        assert_eq!(iso_duration(5), "PT0S");
    }

    #[test]
    fn moments_carry_the_learners_zone() {
        // 2026-12-01T13:05:09.250Z is 1 796 130 309 250 ms after the epoch
        // (20 788 days × 86 400 000 + 13 h 5 min 9.25 s).
        let at = 20_788 * 86_400_000 + (13 * 3600 + 5 * 60 + 9) * 1000 + 250;
        assert_eq!(
            iso_timestamp(at, 0).as_deref(),
            Some("2026-12-01T13:05:09.25Z")
        );
        assert_eq!(
            iso_timestamp(at, 60).as_deref(),
            Some("2026-12-01T14:05:09.25+01:00")
        );
        assert_eq!(
            iso_timestamp(at, -210).as_deref(),
            Some("2026-12-01T09:35:09.25-03:30")
        );
        assert_eq!(cmi_time(at, 60), "14:05:09");
        // 2039 is past what SCORM 2004's time type holds.
        assert_eq!(
            iso_timestamp(69 * 365 * 86_400_000 + 17 * 86_400_000, 0),
            None
        );
    }
}
