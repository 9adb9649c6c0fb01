#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A value computed on a thread of its own while the caller does something else; `value()` waits.
///
/// For the few independent start-up steps (reading a label file while the corpus is segmented).
/// A dedicated thread rather than Dispatch's global queue: on Linux that queue has one worker
/// per core and is shared with Swift concurrency, so a caller that blocks on it from a busy pool
/// could wait for a block that never gets a worker.
///
/// Dropped without asking for the value (the caller failed first), it still waits for the
/// thread, so no work outlives the step that started it.
public final class ConcurrentResult<Value: Sendable>: @unchecked Sendable {
    /// Written once by the worker before it exits; read by the caller after joining it.
    private final class Slot: @unchecked Sendable {
        var result: Result<Value, any Error>?
    }

    private let slot = Slot()
    private var thread: DetachedWork?

    public init(_ work: @escaping @Sendable () throws -> Value) {
        let slot = self.slot
        thread = DetachedWork { slot.result = Result { try work() } }
        if thread == nil { slot.result = Result { try work() } }
    }

    deinit {
        thread?.join()
    }

    /// Waits for the value; call it from the thread that created the instance.
    public func value() throws -> Value {
        thread?.join()
        thread = nil
        guard let result = slot.result else {
            preconditionFailure("the worker, or init when no thread started, sets the result before join returns")
        }
        return try result.get()
    }
}

/// A closure run on a new POSIX thread, joined by `join()`.
final class DetachedWork: @unchecked Sendable {
    private let body: () -> Void
    private var thread = pthread_t()

    /// Starts the thread; nil when the system cannot create one.
    init?(_ body: @escaping () -> Void) {
        self.body = body
        let box = Unmanaged.passRetained(self).toOpaque()
        let started = pthread_create(
            &thread, nil,
            { raw in
                guard let raw else { preconditionFailure("pthread_create passes on the box it was given") }
                let work = Unmanaged<DetachedWork>.fromOpaque(raw).takeRetainedValue()
                work.body()
                return nil
            }, box)
        if started != 0 {
            Unmanaged<DetachedWork>.fromOpaque(box).release()
            return nil
        }
    }

    func join() {
        pthread_join(thread, nil)
    }
}

extension ConcurrentResult {
    /// Runs work that touches a value the compiler cannot prove thread-safe (a store handed to
    /// one other thread while the caller does unrelated work), boxed by the caller who knows.
    public convenience init(_ box: SendableBox<() throws -> Value>) {
        self.init { try box.value() }
    }
}

/// Carries a value to another thread when the caller knows it is used there alone.
public struct SendableBox<Value>: @unchecked Sendable {
    public let value: Value

    public init(_ value: Value) {
        self.value = value
    }
}
