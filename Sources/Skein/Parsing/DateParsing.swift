import Foundation
import Yams

/// Dates as thread files write them: `2024-03-01`, or a date and time with `Z` or an offset.
enum DateParsing {
    /// Why a date was refused.
    struct Problem: Error {
        var message: String
    }

    /// Parses `text` with Yams' timestamp rules, refusing impossible days and times without an offset.
    static func parse(_ text: String) -> Result<Date, Problem> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let example = "write it as 2024-03-01 or 2024-03-01T10:30:00+01:00"
        if matches(Patterns.longYear, trimmed) {
            return .failure(Problem(message: "'\(trimmed)' is outside the years 1970 to 9999"))
        }
        guard let date = Date.construct(from: Node.Scalar(trimmed)) else {
            return .failure(Problem(message: "'\(trimmed)' is not a date; \(example)"))
        }
        let parts = trimmed.prefix(10).split(separator: "-").compactMap { Int($0) }
        let hasTime = trimmed.count > 10
        if hasTime && !hasOffset(trimmed) {
            return .failure(
                Problem(message: "'\(trimmed)' has a time but no time zone; add Z or an offset such as +01:00"))
        }
        guard parts.count == 3, isRealDay(year: parts[0], month: parts[1], day: parts[2]) else {
            return .failure(Problem(message: "'\(trimmed)' is not a day of the calendar"))
        }
        if hasTime, !isRealTime(trimmed) {
            return .failure(Problem(message: "'\(trimmed)' is not a time of the day"))
        }
        guard (1970...9999).contains(parts[0]) else {
            return .failure(Problem(message: "'\(trimmed)' is outside the years 1970 to 9999"))
        }
        return .success(date)
    }

    /// Whether `text` gives a day without a time.
    static func isDateOnly(_ text: String) -> Bool {
        text.trimmingCharacters(in: .whitespaces).count <= 10
    }

    /// The same calendar day at midnight in `timeZone`, for a date that was read as midnight UTC.
    static func moving(_ date: Date, toMidnightIn timeZone: TimeZone) -> Date {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        var local = utc
        local.timeZone = timeZone
        return local.date(from: utc.dateComponents([.year, .month, .day], from: date)) ?? date
    }

    private static func hasOffset(_ text: String) -> Bool {
        if text.hasSuffix("Z") || text.hasSuffix("z") { return true }
        let tail = text.suffix(6)
        return matches(Patterns.offset, String(tail))
    }

    /// Hours up to 23, minutes up to 59, seconds up to 60 (a leap second).
    private static func isRealTime(_ text: String) -> Bool {
        guard let found = Patterns.time.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let match = Range(found.range, in: text)
        else {
            return false
        }
        let numbers = text[match].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count >= 2 else { return false }
        return numbers[0] <= 23 && numbers[1] <= 59 && (numbers.count < 3 || numbers[2] <= 60)
    }

    /// The patterns, compiled once: `range(of:options: .regularExpression)` compiles its pattern at each call.
    private enum Patterns {
        static let longYear = compile(#"^[0-9]{5,}-"#)
        static let offset = compile(#"[+-]\d{1,2}(:?\d{2})?$"#)
        static let time = compile(#"[Tt ]+([0-9]{1,2}):([0-9]{2})(:([0-9]{2}))?"#)

        static func compile(_ pattern: String) -> NSRegularExpression {
            // The patterns are fixed; a failure here is a bug caught by every test run.
            try! NSRegularExpression(pattern: pattern)
        }
    }

    private static func matches(_ pattern: NSRegularExpression, _ text: String) -> Bool {
        pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    private static func isRealDay(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }
}
