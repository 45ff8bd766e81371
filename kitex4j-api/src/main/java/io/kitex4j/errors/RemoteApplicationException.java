package io.kitex4j.errors;

/**
 * The peer answered with an application exception (Thrift {@code TApplicationException}, Kitex
 * Protobuf {@code ErrorProto}): for example an unknown method ({@link ApplicationException#UNKNOWN_METHOD})
 * or a handler failure ({@link ApplicationException#INTERNAL_ERROR}, message {@code "biz error: ..."}).
 * The message reads as Kitex's: {@code remote or network error[remote]: <peer message>}.
 */
public class RemoteApplicationException extends RemoteOrNetworkException {
    private static final long serialVersionUID = 1L;

    private final int typeId;
    private final String remoteMessage;

    public RemoteApplicationException(int typeId, String remoteMessage) {
        super("remote", remoteMessage, null);
        this.typeId = typeId;
        this.remoteMessage = remoteMessage;
    }

    /** The type id sent by the peer; see the constants of {@link ApplicationException}. */
    public int typeId() {
        return typeId;
    }

    /** The message exactly as the peer sent it. */
    public String remoteMessage() {
        return remoteMessage;
    }

    @Override
    public boolean isRemote() {
        return true;
    }
}
