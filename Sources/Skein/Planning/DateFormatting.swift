import Foundation

/// Dates as pages show them, in the site's time zone and language; never the build's clock.
struct DateFormatting {
    private let day: DateFormatter
    private let time: DateFormatter
    private let month: DateFormatter
    private let iso: ISO8601DateFormatter
    private let isoDay: DateFormatter
    let calendar: Calendar

    init(site: SiteConfiguration) {
        let locale = Locale(identifier: site.language)
        func formatter(_ template: String) -> DateFormatter {
            let formatter = DateFormatter()
            formatter.locale = locale
            formatter.timeZone = site.timeZone
            formatter.setLocalizedDateFormatFromTemplate(template)
            return formatter
        }
        day = formatter("yMMMMd")
        time = formatter("jjmm")
        month = formatter("yMMMM")
        iso = ISO8601DateFormatter()
        iso.timeZone = site.timeZone
        iso.formatOptions = [.withInternetDateTime]
        isoDay = DateFormatter()
        isoDay.locale = Locale(identifier: "en_US_POSIX")
        isoDay.timeZone = site.timeZone
        isoDay.dateFormat = "yyyy-MM-dd"
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = site.timeZone
        self.calendar = calendar
    }

    /// "1 March 2024" (in the site's language).
    func dayText(_ date: Date) -> String { day.string(from: date) }
    /// "10:31".
    func timeText(_ date: Date) -> String { time.string(from: date) }
    /// "March 2024".
    func monthText(_ date: Date) -> String { month.string(from: date) }
    /// `2024-03-01T10:31:00+01:00`.
    func isoText(_ date: Date) -> String { iso.string(from: date) }
    /// `2024-03-01`.
    func isoDayText(_ date: Date) -> String { isoDay.string(from: date) }
}

/// "1 tweet", "2 tweets".
func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}
