import CLibPQ

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A libpq connection URI (`postgresql://[user[:password]@]host[:port]/database[?k=v&…]`),
/// checked by libpq's own parser, that prints without its password.
///
/// `description` (and so every message) is the URI with the password left out: the
/// `:password` of the user part and any `password=` parameter are removed. The password itself,
/// when the URI has none, comes from `PGPASSWORD` or `~/.pgpass` (or `passfile=`), as libpq
/// does; sentag never asks for it or prints it.
public struct PostgresURI: Sendable, Equatable, CustomStringConvertible {
    /// The URI as given, password included: handed to libpq only.
    let connectionString: String
    /// The URI without its password, for messages.
    public let redacted: String
    /// The passwords written in the URI, as written and percent-decoded, to scrub from messages.
    private let secrets: [String]

    public var description: String { redacted }

    /// Whether `text` is meant as a connection URI (`postgresql://` or `postgres://`) rather
    /// than a folder: how `--annotations` tells the two stores apart.
    public static func isURI(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// Checks `text` with libpq's parser; throws `.malformedURI` (without the password).
    public init(_ text: String) throws(PostgresError) {
        let parts = Self.split(text)
        connectionString = text
        redacted = parts.redacted
        secrets = parts.secrets
        guard Self.isURI(text) else {
            throw .malformedURI(uri: redacted, reason: "it does not start with postgresql://")
        }
        var message: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(text, &message) else {
            let reason = message.map { PostgresMessage.oneLine(String(cString: $0)) } ?? "libpq is out of memory"
            if let message { PQfreemem(message) }
            throw .malformedURI(uri: redacted, reason: scrubbedReason(reason))
        }
        PQconninfoFree(options)
    }

    /// `message` with any password of this URI replaced by `***`.
    public func scrub(_ message: String) -> String {
        var result = message
        for secret in secrets where !secret.isEmpty {
            result = result.replacing(secret, with: "***")
        }
        return result
    }

    /// A reason from libpq's URI parser, which quotes the piece it could not read: when that
    /// piece holds the password, say where the fault is without showing it.
    private func scrubbedReason(_ reason: String) -> String {
        let scrubbed = scrub(reason)
        return scrubbed == reason ? reason : "the password in it is malformed (not shown)"
    }

    /// The redacted URI and the passwords, found the way libpq reads a URI: the user part ends
    /// at the first `@` before any `/`; parameters follow the first `?`, split on `&`.
    private static func split(_ text: String) -> (redacted: String, secrets: [String]) {
        guard let schemeEnd = text.firstRange(of: "://") else { return (text, []) }
        var secrets: [String] = []
        let scheme = text[..<schemeEnd.upperBound]
        var rest = text[schemeEnd.upperBound...]
        var user = ""
        if let designator = rest.firstIndex(where: { $0 == "@" || $0 == "/" }), rest[designator] == "@" {
            let credentials = rest[..<designator]
            if let colon = credentials.firstIndex(of: ":") {
                let password = String(credentials[credentials.index(after: colon)...])
                secrets += [password, percentDecoded(password)]
                user = String(credentials[..<colon])
            } else {
                user = String(credentials)
            }
            rest = rest[rest.index(after: designator)...]
            if !user.isEmpty { user += "@" }
        }
        var path = rest
        var kept: [Substring] = []
        if let question = rest.firstIndex(of: "?") {
            path = rest[..<question]
            for parameter in rest[rest.index(after: question)...].split(
                separator: "&", omittingEmptySubsequences: false)
            {
                let key = parameter.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
                if percentDecoded(key) == "password" {
                    let value = parameter.dropFirst(key.count + 1)
                    secrets += [String(value), percentDecoded(String(value))]
                } else {
                    kept.append(parameter)
                }
            }
        }
        let query = kept.isEmpty ? "" : "?" + kept.joined(separator: "&")
        return (scheme + user + path + query, secrets.filter { !$0.isEmpty })
    }

    /// `%XX` sequences decoded; anything malformed is kept as written.
    private static func percentDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
                let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
