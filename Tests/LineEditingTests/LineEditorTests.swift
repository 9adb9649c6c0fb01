import Testing

@testable import LineEditing

#if canImport(Glibc)
    import Glibc
#endif

/// The parts of the line editor that need no terminal; the terminal itself is exercised by
/// `LabelTerminalTests` (a real pseudo-terminal).
@Suite struct LineEditorTests {
    @Test func historyGoesToXDGStateHome() {
        #expect(HistoryLocation.path(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/sentag/history")
    }

    @Test func historyFallsBackToHomeLocalState() {
        #expect(HistoryLocation.path(environment: ["HOME": "/home/ann"]) == "/home/ann/.local/state/sentag/history")
        // A relative XDG_STATE_HOME is invalid per the XDG spec and ignored.
        #expect(
            HistoryLocation.path(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"])
                == "/h/.local/state/sentag/history")
        #expect(HistoryLocation.path(environment: [:]) == nil)
    }

    @Test func commonPrefixOfCompletions() {
        #expect(LineEditor.commonPrefix([":find ", ":flag"]) == ":f")
        #expect(LineEditor.commonPrefix(["claim"]) == "claim")
        #expect(LineEditor.commonPrefix(["claim", "caption"]) == "c")
        #expect(LineEditor.commonPrefix([]) == "")
    }

    @Test func aUTF8LocaleIsChosen() {
        LineEditor.setUTF8Locale()
        let name = String(cString: setlocale(LC_CTYPE, nil))
        #expect(name != "C" && name != "POSIX", "LC_CTYPE is \(name)")
    }
}
