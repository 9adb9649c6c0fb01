import Dispatch

/// A value computed on another thread while the caller does something else; `value()` waits.
///
/// For the few independent start-up steps (reading a label file while the corpus is segmented)
/// where structured concurrency would force `async` through a synchronous command.
public final class ConcurrentResult<Value: Sendable, Failure: Error>: @unchecked Sendable {
    /// Written once by the worker before it signals `done`; read by the caller after waiting.
    private var result: Result<Value, Failure>?
    private let done = DispatchSemaphore(value: 0)
    /// Touched by the caller's thread only.
    private var waited = false

    public init(_ work: @escaping @Sendable () throws(Failure) -> Value) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = Result(catching: work)
            self.done.signal()
        }
    }

    /// Waits for the value; call it from the thread that created the instance.
    public func value() throws(Failure) -> Value {
        if !waited {
            done.wait()
            waited = true
        }
        return try result!.get()
    }
}
