import SentagKit

/// Runs a `SessionLoop` over scripted input into captured output, with records kept in memory:
/// what a piped session prints and saves.
enum LoopHarness {
    typealias F = SessionFixture

    /// Keeps appended records in memory; can be told to fail like a full disk.
    final class MemoryStore: JournalAppender {
        var records: [AnnotationRecord] = []
        var failuresLeft = 0
        let annotator = "alice"

        func append(_ records: [AnnotationRecord]) throws(StoreError) -> [RecordPosition] {
            if failuresLeft > 0 {
                failuresLeft -= 1
                throw .writeFailed(path: "mem/alice.jsonl", reason: "no space left on device")
            }
            self.records += records
            return records.indices.map {
                RecordPosition(line: Int64(self.records.count - records.count + $0 + 1), offset: 0)
            }
        }

        func appendVerbatim(_ records: JournalBatch) throws(StoreError) {
            throw .writeFailed(path: "mem/alice.jsonl", reason: "not used by sessions")
        }

        func close() {}
    }

    /// A source whose lines are scripted but that says it is a terminal (it draws its own prompt,
    /// so the loop neither writes prompts nor echoes): for what only happens on a terminal.
    final class TerminalScript: LineSource {
        private var lines: [String]
        private(set) var prompts: [String] = []

        init(_ lines: [String]) { self.lines = lines }

        var isInteractive: Bool { true }

        func readLine(prompt: String) -> LineInput {
            prompts.append(prompt)
            return lines.isEmpty ? .end : .line(lines.removeFirst())
        }

        func setInstant(_ on: Bool) -> Bool { true }
    }

    struct Run {
        var outcome: SessionLoop.Outcome
        var output: String
        var store: MemoryStore
        var session: LabelingSession
        /// The closing lines `sentag label` prints.
        var closing: [String]
    }

    static let guidelines = "# Guidelines\nclaims are…"

    static func run(
        _ inputs: [LineInput], session: LabelingSession = F.session(), store: MemoryStore = MemoryStore(),
        source: (any LineSource)? = nil, columns: Int = 80, guidelines: Guidelines? = nil,
        pager: ((String) -> Bool)? = nil, instant: Bool = false
    ) -> Run {
        let output = CapturedOutput()
        let input = source ?? ScriptedLineSource(inputs: inputs)
        var clockTick = 0.0
        let screen = SessionScreen(labelSet: session.labelSet, style: TerminalStyle(enabled: false))
        let loop = SessionLoop(
            session: session, input: input, output: output, journal: store, screen: screen,
            clock: {
                clockTick += 1
                return F.at(clockTick)
            }, guidelines: { guidelines ?? Guidelines(markdown: Self.guidelines, labelSet: session.labelSet) },
            pager: pager, instant: instant, defaultColumns: columns)
        let outcome = loop.run()
        let closing = screen.closing(loop.session.stats(at: F.at(clockTick)), path: "mem/alice.jsonl")
        return Run(outcome: outcome, output: output.text, store: store, session: loop.session, closing: closing)
    }

    /// Text lines as they were typed.
    static func run(_ lines: [String], session: LabelingSession = F.session(), columns: Int = 80) -> Run {
        run(lines.map { .line($0) }, session: session, columns: columns)
    }
}
