import Foundation
import Synchronization

/// Runs `count` closures on threads of their own, all at once (not limited to the number of
/// cores as `concurrentPerform` is), and returns what each returned or the error it threw.
enum ConcurrentWorkers {
    static func run<Value: Sendable>(
        _ count: Int, _ work: @escaping @Sendable (Int) throws -> Value
    ) -> [Result<Value, any Error>] {
        let results = Mutex<[Int: Result<Value, any Error>]>([:])
        let start = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            Thread {
                start.wait()
                let result = Result { try work(index) }
                results.withLock { $0[index] = result }
                group.leave()
            }.start()
        }
        for _ in 0..<count { start.signal() }
        group.wait()
        return results.withLock { all in (0..<count).map { all[$0]! } }
    }
}
