package io.kitex4j.errors;

/**
 * A protocol-level application error with a type id, as Thrift's {@code TApplicationException}
 * and Kitex's {@code TransError}. A server handler may throw it to choose the type id sent to
 * the client; the message then gets {@code " [biz error]"} appended, as Kitex does. Clients
 * receive peer-sent application errors as {@link RemoteApplicationException}.
 */
public class ApplicationException extends RuntimeException {
    public static final int UNKNOWN = 0;
    public static final int UNKNOWN_METHOD = 1;
    public static final int INVALID_MESSAGE_TYPE = 2;
    public static final int WRONG_METHOD_NAME = 3;
    public static final int BAD_SEQUENCE_ID = 4;
    public static final int MISSING_RESULT = 5;
    public static final int INTERNAL_ERROR = 6;
    public static final int PROTOCOL_ERROR = 7;
    public static final int INVALID_TRANSFORM = 8;
    public static final int INVALID_PROTOCOL = 9;
    public static final int UNSUPPORTED_CLIENT_TYPE = 10;
    /** Kitex addition: the request named a service this server does not host (or none). */
    public static final int UNKNOWN_SERVICE = 20;
    /** Kitex addition: the request carried no service name where one was required. */
    public static final int NO_SERVICE_NAME = 21;

    private static final long serialVersionUID = 1L;

    private final int typeId;

    public ApplicationException(int typeId, String message) {
        super(message);
        this.typeId = typeId;
    }

    public int typeId() {
        return typeId;
    }
}
