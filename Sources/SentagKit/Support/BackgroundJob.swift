#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Work on a thread of its own whose result the caller picks up when it is ready, without
/// waiting (`poll`), or waits for (`wait`): the suggestion model trained while the first
/// sentences are shown.
///
/// Unlike `ConcurrentResult`, dropping it does not wait for the thread: a session that ends
/// before the work is done leaves it to the end of the process (the work must only write what
/// is safe to lose, such as a cache file replaced atomically).
public final class BackgroundJob<Value: Sendable>: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var result: Value?
    private var thread: DetachedWork?
    private var finished = false

    public init(_ work: @escaping @Sendable () -> Value) {
        pthread_mutex_init(&mutex, nil)
        thread = DetachedWork { [self] in
            let value = work()
            pthread_mutex_lock(&mutex)
            result = value
            finished = true
            pthread_mutex_unlock(&mutex)
        }
        if thread == nil {
            result = work()
            finished = true
        }
    }

    deinit {
        pthread_mutex_destroy(&mutex)
    }

    /// The result if the work is done, else nil; never blocks for longer than a lock.
    ///
    /// Call it (and `wait`) from the thread that made the job.
    public func poll() -> Value? {
        pthread_mutex_lock(&mutex)
        let value = finished ? result : nil
        pthread_mutex_unlock(&mutex)
        if value != nil, let thread {
            // Done: joining returns at once and frees the thread.
            thread.join()
            self.thread = nil
        }
        return value
    }

    /// Waits for the work and returns its result.
    public func wait() -> Value {
        if let value = poll() { return value }
        thread?.join()
        thread = nil
        guard let value = poll() else { preconditionFailure("a joined job has its result") }
        return value
    }
}
