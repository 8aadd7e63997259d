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
    /// `2024-03-01T10:31:00+01:00`.
    func isoText(_ date: Date) -> String { formatters.iso.string(from: date) }
    /// `2024-03-01`.
    func isoDayText(_ date: Date) -> String { formatters.isoDay.string(from: date) }

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
