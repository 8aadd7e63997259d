import Foundation
import Testing

@testable import Skein

/// Pages, feeds, the sitemap and the search index write ISO 8601 dates worked out without Foundation's formatters;
/// they must be the bytes those formatters write, in every time zone, daylight saving changes included.
@Suite struct DateFormattingTests {
    static let zones =
        [
            "UTC", "Europe/Berlin", "America/New_York", "America/St_Johns", "Asia/Kolkata", "Asia/Kathmandu",
            "Australia/Lord_Howe", "Pacific/Chatham", "Pacific/Kiritimati", "America/Sao_Paulo", "Europe/Dublin",
            "Africa/Casablanca", "GMT-0930", "GMT+1400",
        ]
        .map { TimeZone(identifier: $0)! }

    /// Random moments from 1500 to 10500, and some on the hour, where offsets change.
    static func moments() -> [Date] {
        var random = IncrementalBuildTests.SeededGenerator(state: 11)
        var moments = (0..<3_000).map { _ in
            Date(timeIntervalSince1970: Double(Int.random(in: -14_832_000_000...268_000_000_000, using: &random)))
        }
        moments += (0..<1_000).map { _ in
            Date(timeIntervalSince1970: Double(Int.random(in: 0...2_000_000_000, using: &random) / 3_600 * 3_600))
        }
        moments += (0..<500).map { _ in
            Date(timeIntervalSince1970: Double.random(in: -1e9...4e9, using: &random))
        }
        return moments
    }

    @Test(arguments: zones) func isoTextIsWhatISO8601DateFormatterWrites(zone: TimeZone) {
        var site = SiteConfiguration.defaults
        site.timeZone = zone
        let dates = DateFormatting(site: site)
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = zone
        formatter.formatOptions = [.withInternetDateTime]
        var fast = 0
        for moment in Self.moments() {
            #expect(dates.isoText(moment) == formatter.string(from: moment), "\(moment.timeIntervalSince1970)")
            if DateFormatting.iso(moment, in: zone, withTime: true) != nil { fast += 1 }
        }
        #expect(fast > 3_000, "most moments should not need the formatter")
    }

    @Test(arguments: zones) func isoDayTextIsWhatADateFormatterWrites(zone: TimeZone) {
        var site = SiteConfiguration.defaults
        site.timeZone = zone
        let dates = DateFormatting(site: site)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd"
        for moment in Self.moments() {
            #expect(dates.isoDayText(moment) == formatter.string(from: moment), "\(moment.timeIntervalSince1970)")
        }
    }
}
