package io.kitex4j.client;

/**
 * A named bundle of client options (Kitex's {@code Suite}): how an integration (a registry, a
 * governance platform) ships its settings. Applied in order by {@link ClientBuilder#suite}; its
 * options are recorded in the client's debug info under the suite's name.
 */
public interface ClientSuite {

    /** A short name for diagnosis. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** Applies the suite's options. */
    void apply(ClientBuilder builder);
}
