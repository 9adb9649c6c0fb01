import LineEditing
import SentagKit

/// Standard input that is not a terminal as a session's `LineSource`, ending on SIGHUP or
/// SIGTERM (LineEditing knows nothing of sessions).
final class PipedLineSource: LineSource {
    let reader: PipedLineReader

    init(reader: PipedLineReader = PipedLineReader()) {
        self.reader = reader
    }

    var isInteractive: Bool { false }

    func readLine(prompt: String) -> LineInput {
        switch reader.readLine() {
        case .line(let text): .line(text)
        case .end: .end
        case .terminated(let signal): .terminated(signal: signal)
        }
    }
}
