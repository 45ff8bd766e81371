package io.kitex4j.errors;

/**
 * The transport failed (connection reset, closed, malformed reply) or the peer answered with a
 * protocol-level error. Errors decoded from the peer carry the {@code [remote]} tag and are
 * {@link RemoteApplicationException}s.
 */
public class RemoteOrNetworkException extends RpcException {
    private static final long serialVersionUID = 1L;

    public RemoteOrNetworkException(String detail) {
        super(ErrorKind.REMOTE_OR_NETWORK, detail);
    }

    public RemoteOrNetworkException(String detail, Throwable cause) {
        super(ErrorKind.REMOTE_OR_NETWORK, detail, cause);
    }

    protected RemoteOrNetworkException(String extra, String detail, Throwable cause) {
        super(ErrorKind.REMOTE_OR_NETWORK, extra, detail, cause);
    }

    /** Whether the error was sent by the peer (as opposed to a local transport failure). */
    public boolean isRemote() {
        return false;
    }
}
