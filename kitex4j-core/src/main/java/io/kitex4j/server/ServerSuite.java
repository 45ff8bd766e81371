package io.kitex4j.server;

/** A named bundle of server options (Kitex's {@code Suite}), applied by {@link ServerBuilder#suite}. */
public interface ServerSuite {

    default String name() {
        return getClass().getSimpleName();
    }

    void apply(ServerBuilder builder);
}
