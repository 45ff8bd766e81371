package io.kitex4j.service;

import java.util.Objects;

/**
 * Describes one method of a service as generated code declares it: its name, its
 * {@link InteractionMode}, and the codecs of its request and response messages. For Thrift the
 * request is the method's {@code args} wrapper struct and the response its {@code result}
 * wrapper (field 0 = success, declared exceptions at their ids), exactly as on the wire.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <Req> the request message type
 * @param <Resp> the response message type
 */
public final class MethodDescriptor<Req, Resp> {
    private final String name;
    private final InteractionMode mode;
    private final MessageCodec<Req> requestCodec;
    private final MessageCodec<Resp> responseCodec;

    private MethodDescriptor(String name, InteractionMode mode, MessageCodec<Req> requestCodec,
                             MessageCodec<Resp> responseCodec) {
        this.name = name;
        this.mode = mode;
        this.requestCodec = requestCodec;
        this.responseCodec = responseCodec;
    }

    /** Creates a descriptor; all arguments are required. */
    public static <Req, Resp> MethodDescriptor<Req, Resp> of(String name, InteractionMode mode,
                                                            MessageCodec<Req> requestCodec,
                                                            MessageCodec<Resp> responseCodec) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("method name must not be empty");
        }
        return new MethodDescriptor<>(name, Objects.requireNonNull(mode, "mode"),
                Objects.requireNonNull(requestCodec, "requestCodec"),
                Objects.requireNonNull(responseCodec, "responseCodec"));
    }

    /** The method name as it appears on the wire. */
    public String name() {
        return name;
    }

    public InteractionMode mode() {
        return mode;
    }

    public boolean isOneway() {
        return mode == InteractionMode.ONEWAY;
    }

    public MessageCodec<Req> requestCodec() {
        return requestCodec;
    }

    public MessageCodec<Resp> responseCodec() {
        return responseCodec;
    }

    @Override
    public String toString() {
        return "MethodDescriptor{" + name + ", " + mode + '}';
    }
}
