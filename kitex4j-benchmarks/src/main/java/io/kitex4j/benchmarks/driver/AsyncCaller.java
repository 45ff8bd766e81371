package io.kitex4j.benchmarks.driver;

/** One closed-loop caller of an asynchronous client: issues one request and reports its end exactly once. */
public interface AsyncCaller {

    /** Issues one echo request; {@code done} is called once, with {@code null} on a correct echo. */
    void call(Callback done);

    /** Completion of one call. */
    interface Callback {
        void done(Throwable error);
    }
}
