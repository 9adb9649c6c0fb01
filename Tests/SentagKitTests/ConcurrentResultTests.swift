import SentagKit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct ConcurrentResultTests {
    @Test func deliversTheValueComputedOnItsThread() throws {
        let result = ConcurrentResult { (1...1000).reduce(0, +) }
        #expect(try result.value() == 500_500)
        #expect(try result.value() == 500_500, "asking twice gives the same value")
    }

    @Test func rethrowsTheWorkersError() {
        let result = ConcurrentResult { () throws -> Int in throw StoreError.badAnnotatorName("x/y") }
        #expect(throws: StoreError.badAnnotatorName("x/y")) { try result.value() }
    }

    /// The caller failed before asking for the value: dropping it waits for the work, which
    /// neither outlives the step nor writes into freed memory.
    @Test func droppedBeforeTheValueWaitsForItsWork() {
        final class Done: @unchecked Sendable { var done = false }
        let flag = Done()
        do {
            _ = ConcurrentResult { () -> Int in
                usleep(20_000)
                flag.done = true
                return 1
            }
        }
        #expect(flag.done)
    }
}
