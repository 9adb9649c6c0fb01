import LineEditing
import Testing

@Suite struct LibEditLinkTests {
    @Test func historyWrapperCallsIntoLibedit() {
        #expect(LibEditInfo.historyWorks())
    }
}
