package io.kitex4j.thrift;

/**
 * Encodes and decodes one Thrift struct type. Generated code provides one per struct, union,
 * exception and per method's args and result wrappers; the runtime calls it for every message.
 *
 * <p>Implementations are stateless and thread-safe.
 *
 * @param <T> the Java type of the struct
 */
public interface ThriftStructCodec<T> extends io.kitex4j.service.MessageCodec<T> {

    /** Writes {@code value} as a struct (fields then STOP). */
    void write(T value, ThriftWriter out);

    /** Reads one struct, skipping fields it does not know. */
    T read(ThriftReader in);
}
