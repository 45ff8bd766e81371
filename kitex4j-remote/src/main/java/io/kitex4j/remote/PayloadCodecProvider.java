package io.kitex4j.remote;

/**
 * {@link java.util.ServiceLoader} provider of {@link PayloadCodec}s. Among providers of the same
 * protocol the highest {@link #priority()} wins.
 */
public interface PayloadCodecProvider {

    PayloadCodec codec();

    /** Built-in codecs use 0. */
    default int priority() {
        return 0;
    }
}
