import LineEditing
import SentagKit

/// The libedit line editor as a session's `LineSource` (LineEditing knows nothing of sessions).
final class TerminalLineSource: LineSource {
    let editor: LineEditor

    init(editor: LineEditor) {
        self.editor = editor
    }

    var isInteractive: Bool { true }
    var columns: Int? { editor.columns }

    func readLine(prompt: String) -> LineInput {
        switch editor.readLine(prompt: prompt) {
        case .line(let text): .line(text)
        case .interrupt(let hadText): .interrupt(hadText: hadText)
        case .end: .end
        case .terminated(let signal): .terminated(signal: signal)
        }
    }

    func onRedraw(_ redraw: @escaping () -> Void) {
        editor.onRedraw(redraw)
    }
}
