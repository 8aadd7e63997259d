import Foundation

/// Dates as pages show them, in the site's time zone and language; never the build's clock.
///
/// Pages are rendered on many threads at once, and a `DateFormatter` may not be shared between threads, while making
/// one costs more than many uses: each thread keeps its own formatters for the site.
struct DateFormatting: Sendable {
    private let language: String
    private let timeZone: TimeZone
    let calendar: Calendar
    /// Names this site's formatters in each thread's dictionary; made once, not on every date formatted.
    private let key: String

    init(site: SiteConfiguration) {
        language = site.language
        timeZone = site.timeZone
        key = "skein.dates \(language) \(timeZone.identifier) \(timeZone.secondsFromGMT())"
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = site.timeZone
        self.calendar = calendar
    }

    /// "1 March 2024" (in the site's language).
    func dayText(_ date: Date) -> String { formatters.day.string(from: date) }
    /// "10:31".
    func timeText(_ date: Date) -> String { formatters.time.string(from: date) }
    /// "March 2024".
    func monthText(_ date: Date) -> String { formatters.month.string(from: date) }
    /// `2024-03-01T10:31:00+01:00` (`Z` for UTC), as `ISO8601DateFormatter`'s internet date-time writes it.
    func isoText(_ date: Date) -> String {
        Self.iso(date, in: timeZone, withTime: true) ?? formatters.iso.string(from: date)
    }
    /// `2024-03-01`.
    func isoDayText(_ date: Date) -> String {
        Self.iso(date, in: timeZone, withTime: false) ?? formatters.isoDay.string(from: date)
    }

    /// The ISO 8601 text of `date` in `zone`, worked out from its seconds and the zone's offset at that moment: the
    /// formatters took 14,000 instructions a date, most of planning's time after one edit. Nil where they must answer:
    /// before 1583 (their calendar is Julian there), after 9999, and at offsets that are not whole minutes.
    static func iso(_ date: Date, in zone: TimeZone, withTime: Bool) -> String? {
        let offset = zone.secondsFromGMT(for: date)
        let interval = date.timeIntervalSince1970.rounded(.down)
        guard offset % 60 == 0, interval.magnitude < 1e12 else { return nil }
        let local = Int(interval) + offset
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let second = local - days * 86_400
        // Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `civil_from_days`).
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        guard (1583...9999).contains(year) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(25)
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }
        digits(year, 4)
        bytes.append(UInt8(ascii: "-"))
        digits(month, 2)
        bytes.append(UInt8(ascii: "-"))
        digits(day, 2)
        if withTime {
            bytes.append(UInt8(ascii: "T"))
            digits(second / 3_600, 2)
            bytes.append(UInt8(ascii: ":"))
            digits(second / 60 % 60, 2)
            bytes.append(UInt8(ascii: ":"))
            digits(second % 60, 2)
            if offset == 0 {
                bytes.append(UInt8(ascii: "Z"))
            } else {
                bytes.append(UInt8(ascii: offset < 0 ? "-" : "+"))
                digits(abs(offset) / 3_600, 2)
                bytes.append(UInt8(ascii: ":"))
                digits(abs(offset) / 60 % 60, 2)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// This thread's formatters for this site.
    private var formatters: Formatters {
        let table = Foundation.Thread.current.threadDictionary
        if let known = table[key] as? Formatters { return known }
        let made = Formatters(language: language, timeZone: timeZone)
        table[key] = made
        return made
    }

    private final class Formatters {
        let day: DateFormatter
        let time: DateFormatter
        let month: DateFormatter
        let iso: ISO8601DateFormatter
        let isoDay: DateFormatter

        init(language: String, timeZone: TimeZone) {
            let locale = Locale(identifier: language)
            func formatter(_ template: String) -> DateFormatter {
                let formatter = DateFormatter()
                formatter.locale = locale
                formatter.timeZone = timeZone
                formatter.setLocalizedDateFormatFromTemplate(template)
                return formatter
            }
            day = formatter("yMMMMd")
            time = formatter("jjmm")
            month = formatter("yMMMM")
            iso = ISO8601DateFormatter()
            iso.timeZone = timeZone
            iso.formatOptions = [.withInternetDateTime]
            isoDay = DateFormatter()
            isoDay.locale = Locale(identifier: "en_US_POSIX")
            isoDay.timeZone = timeZone
            isoDay.dateFormat = "yyyy-MM-dd"
        }
    }
}

/// "1 tweet", "2 tweets".
func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}
