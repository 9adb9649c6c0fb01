#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One value handed from a background thread to the thread that polls for it: the first model
/// a `BackgroundJob` publishes before it goes on to its real result.
public final class LockedSlot<Value: Sendable>: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var value: Value?

    public init() {
        pthread_mutex_init(&mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(&mutex)
    }

    /// Puts a value in (replacing one not taken yet).
    public func put(_ newValue: Value) {
        pthread_mutex_lock(&mutex)
        value = newValue
        pthread_mutex_unlock(&mutex)
    }

    /// Takes the value out, if there is one.
    public func take() -> Value? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        let taken = value
        value = nil
        return taken
    }
}
