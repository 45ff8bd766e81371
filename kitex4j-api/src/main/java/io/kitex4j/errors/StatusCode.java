package io.kitex4j.errors;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

/**
 * The gRPC status codes (the numbers are the wire values of {@code grpc-status}). Every error a
 * call can end with has one: {@link #of(Throwable)} gives it, so code that handles errors of
 * Thrift, Kitex Protobuf and gRPC calls alike can switch on one value.
 */
public enum StatusCode {
    OK(0),
    CANCELLED(1),
    UNKNOWN(2),
    INVALID_ARGUMENT(3),
    DEADLINE_EXCEEDED(4),
    NOT_FOUND(5),
    ALREADY_EXISTS(6),
    PERMISSION_DENIED(7),
    RESOURCE_EXHAUSTED(8),
    FAILED_PRECONDITION(9),
    ABORTED(10),
    OUT_OF_RANGE(11),
    UNIMPLEMENTED(12),
    INTERNAL(13),
    UNAVAILABLE(14),
    DATA_LOSS(15),
    UNAUTHENTICATED(16);

    private static final StatusCode[] BY_VALUE = values();

    private final int value;

    StatusCode(int value) {
        this.value = value;
    }

    /** The number sent as {@code grpc-status}. */
    public int value() {
        return value;
    }

    /** The code of a wire value; values outside 0..16 are {@link #UNKNOWN}, as gRPC specifies. */
    public static StatusCode fromValue(int value) {
        return value >= 0 && value < BY_VALUE.length ? BY_VALUE[value] : UNKNOWN;
    }

    /**
     * The status a failure stands for: a {@link StatusException}'s own code; a timeout is
     * {@link #DEADLINE_EXCEEDED}; a cancellation {@link #CANCELLED}; over-limit
     * {@link #RESOURCE_EXHAUSTED}; ACL {@link #PERMISSION_DENIED}; connection and network
     * errors {@link #UNAVAILABLE}; a peer's application exception {@link #UNIMPLEMENTED} for an
     * unknown method or service, else {@link #INTERNAL}; other framework errors and handler
     * failures {@link #INTERNAL}
     * (Kitex's mapping, {@code nphttp2/codes.go}). {@code null} is {@link #OK}.
     */
    public static StatusCode of(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t == null) {
            return OK;
        }
        if (t instanceof StatusException) {
            return ((StatusException) t).code();
        }
        if (t instanceof CancellationException) {
            return CANCELLED;
        }
        if (t instanceof RemoteApplicationException) {
            // The peer answered with an application exception: its handler failed, or it had no such method.
            int type = ((RemoteApplicationException) t).typeId();
            return type == ApplicationException.UNKNOWN_METHOD || type == ApplicationException.UNKNOWN_SERVICE
                    ? UNIMPLEMENTED : INTERNAL;
        }
        if (t instanceof RpcException) {
            switch (((RpcException) t).kind()) {
                case RPC_TIMEOUT:
                case TIMEOUT_BY_BUSINESS:
                case STREAMING_TIMEOUT:
                    return DEADLINE_EXCEEDED;
                case CANCELED_BY_BUSINESS:
                case STREAMING_CANCELED:
                    return CANCELLED;
                case OVERLIMIT:
                    return RESOURCE_EXHAUSTED;
                case ACL:
                    return PERMISSION_DENIED;
                case REMOTE_OR_NETWORK:
                case GET_CONNECTION:
                case SERVICE_DISCOVERY:
                case NO_MORE_INSTANCE:
                case LOADBALANCE:
                case CIRCUIT_BREAK:
                    return UNAVAILABLE;
                default:
                    return INTERNAL;
            }
        }
        return INTERNAL;
    }
}
