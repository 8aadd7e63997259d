import Foundation

/// Reads `Content/site.yml`.
public enum SiteConfigurationParser {
    static let knownKeys = [
        "title", "description", "base_url", "language", "timezone", "page_size", "mention_base_url",
    ]

    /// The configuration in `file`, or the defaults when there is no file; problems go to `diagnostics`.
    public static func parse(file: String?, diagnostics: inout [Diagnostic]) -> SiteConfiguration {
        var configuration = SiteConfiguration.defaults
        guard let file, let source = SourceText.read(file, diagnostics: &diagnostics) else { return configuration }
        guard
            var yaml = YAMLMapping(
                yaml: source.text, file: file, lineOffset: 0, what: "site.yml", diagnostics: &diagnostics)
        else {
            return configuration
        }
        if let title = yaml.string("title", diagnostics: &diagnostics) { configuration.title = title.value }
        if let description = yaml.string("description", diagnostics: &diagnostics) {
            configuration.description = description.value
        }
        if let base = yaml.string("base_url", diagnostics: &diagnostics) {
            if let url = baseURL(base.value) {
                configuration.baseURL = url
            } else {
                diagnostics.append(
                    .error(
                        "`base_url` must be an absolute http or https URL such as https://example.org/archive/",
                        at: base.location))
            }
        }
        if let language = yaml.string("language", diagnostics: &diagnostics) {
            if isLanguageTag(language.value) {
                configuration.language = language.value
            } else {
                diagnostics.append(
                    .error("`language` must be a language tag such as en or pt-BR", at: language.location))
            }
        }
        if let zone = yaml.string("timezone", diagnostics: &diagnostics) {
            if let timeZone = TimeZone(identifier: zone.value) {
                configuration.timeZone = timeZone
            } else {
                diagnostics.append(
                    .error(
                        "`timezone` '\(zone.value)' is not a time zone such as Europe/Berlin or UTC", at: zone.location)
                )
            }
        }
        if let size = yaml.integer("page_size", in: 1...1000, diagnostics: &diagnostics) {
            configuration.pageSize = size
        }
        if let mention = yaml.string("mention_base_url", diagnostics: &diagnostics) {
            if let url = baseURL(mention.value) {
                configuration.mentionBaseURL = url
            } else {
                diagnostics.append(
                    .error("`mention_base_url` must be an absolute http or https URL", at: mention.location))
            }
        }
        yaml.reportUnknownKeys(known: knownKeys, what: "site.yml", diagnostics: &diagnostics)
        return configuration
    }

    /// Whether `text` has the shape of a BCP 47 language tag (`en`, `pt-BR`, `zh-Hant-TW`).
    static func isLanguageTag(_ text: String) -> Bool {
        text.range(of: #"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"#, options: .regularExpression) != nil
    }

    /// `text` as a base URL ending in `/`, or `nil` when it is not an absolute web URL.
    public static func baseURL(_ text: String) -> URL? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard ThreadFileParser.isWebURL(trimmed),
            let url = URL(string: trimmed.hasSuffix("/") ? trimmed : trimmed + "/"),
            url.query == nil, url.fragment == nil
        else { return nil }
        return url
    }
}
