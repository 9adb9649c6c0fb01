import Foundation
import Testing

/// A `LabelFixture` project whose label files were made by driving `sentag label` through piped
/// input, for `sentag review` runs.
///
/// | sentence | alice | bob | |
/// | --- | --- | --- | --- |
/// | Alpha one. | claim | claim | |
/// | Alpha two mentions Putin. | quote | claim | disagree |
/// | Alpha three. | caption | caption | |
/// | Alpha four. | noise | quote | disagree |
/// | Beta one. | claim | claim | |
/// | Beta two. | quote | quote | |
/// | Beta three. | caption | noise | disagree |
struct ReviewFixture {
    let project: LabelFixture
    static let alice = ["c", "q", "p", "n", "c", "q", "p"]
    static let bob = ["c", "c", "p", "q", "c", "q", "n"]

    init(alice: [String] = Self.alice, bob: [String] = Self.bob) throws {
        project = try LabelFixture()
        for (name, answers) in [("alice", alice), ("bob", bob)] where !answers.isEmpty {
            let result = try project.label(answers, annotator: name)
            #expect(result.status == 0, "\(result.transcript)")
        }
    }

    var root: URL { project.root }

    /// `sentag review <corpus> --annotations <dir> --adjudicator judge …` with `lines` piped in.
    func review(
        _ lines: [String], adjudicator: String? = "judge", sources: [String]? = nil, extra: [String] = []
    ) throws -> SentagBinary.Result {
        var arguments = ["review"] + (sources ?? [project.corpus]) + ["--annotations", project.annotations]
        if let adjudicator { arguments += ["--adjudicator", adjudicator] }
        return try SentagBinary.run(arguments + extra, input: lines.map { $0 + "\n" }.joined(), in: root)
    }

    /// The arguments of a review session started by hand (`InteractiveProcess`, `PseudoTerminal`).
    var reviewArguments: [String] {
        ["review", project.corpus, "--annotations", project.annotations, "--adjudicator", "judge"]
    }

    func records(_ annotator: String = "judge") throws -> [[String: Any]] { try project.records(annotator) }

    func decisions(_ annotator: String = "judge") throws -> [String] { try project.decisions(annotator) }
}
