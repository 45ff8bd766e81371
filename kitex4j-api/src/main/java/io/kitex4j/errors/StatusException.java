package io.kitex4j.errors;

import java.util.Objects;

/**
 * A call that ended with a gRPC status other than OK: thrown by a handler to choose the status
 * its caller sees (Kitex's {@code status.Error(codes.X, msg)}), and raised by the client when a
 * gRPC peer ends a call with that status. {@link #details()} is the raw
 * {@code grpc-status-details-bin} (a serialized {@code google.rpc.Status}), or empty.
 *
 * <p>Over Thrift and Kitex Protobuf a handler's {@code StatusException} is sent as an application
 * exception of type 6 with the status message, as Kitex does with a status error there.
 */
public class StatusException extends RpcException {
    private static final long serialVersionUID = 1L;
    private static final byte[] NO_DETAILS = new byte[0];

    private final StatusCode code;
    private final String statusMessage;
    private final byte[] details;

    public StatusException(StatusCode code, String statusMessage) {
        this(code, statusMessage, NO_DETAILS, null);
    }

    public StatusException(StatusCode code, String statusMessage, Throwable cause) {
        this(code, statusMessage, NO_DETAILS, cause);
    }

    public StatusException(StatusCode code, String statusMessage, byte[] details, Throwable cause) {
        super(kindOf(code), "grpc " + Objects.requireNonNull(code, "code"), statusMessage, cause);
        if (code == StatusCode.OK) {
            throw new IllegalArgumentException("a StatusException cannot carry OK");
        }
        this.code = code;
        this.statusMessage = statusMessage == null ? "" : statusMessage;
        this.details = details == null ? NO_DETAILS : details.clone();
    }

    private static ErrorKind kindOf(StatusCode code) {
        switch (code) {
            case DEADLINE_EXCEEDED:
                return ErrorKind.RPC_TIMEOUT;
            case CANCELLED:
                return ErrorKind.CANCELED_BY_BUSINESS;
            case RESOURCE_EXHAUSTED:
                return ErrorKind.OVERLIMIT;
            case PERMISSION_DENIED:
                return ErrorKind.ACL;
            case UNAVAILABLE:
                return ErrorKind.REMOTE_OR_NETWORK;
            default:
                return ErrorKind.INTERNAL;
        }
    }

    public StatusCode code() {
        return code;
    }

    /** The status message ({@code grpc-message}), never null. */
    public String statusMessage() {
        return statusMessage;
    }

    /** A copy of the status details bytes; empty when there are none. */
    public byte[] details() {
        return details.clone();
    }
}
