import LineEditing
import SentagKit

/// The libedit line editor as a session's `LineSource` (LineEditing knows nothing of sessions).
///
/// In single-keystroke mode (`--instant`, `:instant`) it reads keys and turns them into the
/// session's lines with `InstantKeys`: a label key is a line at once, digits before it a run,
/// `:` opens the line editor for a command.
final class TerminalLineSource: LineSource {
    let editor: LineEditor
    private var instant = false

    init(editor: LineEditor) {
        self.editor = editor
    }

    var isInteractive: Bool { true }
    var columns: Int? { editor.columns }

    func setInstant(_ on: Bool) -> Bool {
        instant = on
        return true
    }

    func readLine(prompt: String) -> LineInput {
        guard instant else { return line(editor.readLine(prompt: prompt)) }
        var keys = InstantKeys()
        var drawn = false
        while true {
            defer { drawn = true }
            switch editor.readKey(prompt: prompt, drawsPrompt: !drawn) {
            case .end:
                editor.writeText("\n")
                return .end
            case .interrupt:
                return .interrupt(hadText: keys.hasText)
            case .character(let key):
                switch keys.feed(key) {
                case .pending(let echo):
                    editor.writeText(echo)
                case .line(let text):
                    editor.writeText(text.isEmpty ? "\n" : String(key) + "\n")
                    return .line(text)
                case .openLine(let typed):
                    return line(editor.readLine(prompt: prompt, typed: typed))
                case .end:
                    editor.writeText("\n")
                    return .end
                }
            }
        }
    }

    private func line(_ input: LineEditor.Input) -> LineInput {
        switch input {
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
