import SentagKit
import Testing

@Suite struct TimestampTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (951_782_400_000, "2000-02-29T00:00:00.000Z"),
        (1_795_269_785_120, "2026-11-21T14:03:05.120Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
        (4_107_542_400_000, "2100-03-01T00:00:00.000Z"),
    ])
    func formatsUTCWithMilliseconds(_ ms: Int64, _ text: String) {
        #expect(Timestamp(millisecondsSince1970: ms).description == text)
        #expect(Timestamp(text) == Timestamp(millisecondsSince1970: ms), "\(text)")
    }

    @Test func parsesOffsetsAndShortFractions() {
        #expect(Timestamp("2026-11-21T15:03:05.1+01:00") == Timestamp("2026-11-21T14:03:05.100Z"))
        #expect(Timestamp("2026-11-21T14:03:05.123456Z") == Timestamp("2026-11-21T14:03:05.123Z"))
        #expect(Timestamp("2026-11-21T14:03:05Z")?.millisecondsSince1970 == 1_795_269_785_000)
    }

    @Test(arguments: [
        "", "2026-11-21", "2026-13-01T00:00:00Z", "2026-11-21T14:03:05", "2026-11-21T14:03:05.Z",
        "x026-11-21T14:03:05Z",
    ])
    func rejectsOtherText(_ text: String) {
        #expect(Timestamp(text) == nil, "\(text)")
    }

    @Test func nowIsAfterThisCodeWasWritten() {
        #expect(Timestamp.now() > Timestamp("2026-01-01T00:00:00Z")!)
    }
}
