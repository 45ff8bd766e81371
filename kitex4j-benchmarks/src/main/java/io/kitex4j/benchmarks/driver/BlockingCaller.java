package io.kitex4j.benchmarks.driver;

/** One closed-loop caller of a blocking client: one thread, one request in flight. */
public interface BlockingCaller {

    /** Issues one echo request and waits for it; throws on any failure or a wrong echo. */
    void call() throws Exception;
}
