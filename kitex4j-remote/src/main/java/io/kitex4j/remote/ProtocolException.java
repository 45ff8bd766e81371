package io.kitex4j.remote;

/**
 * Bytes on a connection that do not form a valid frame or message of the detected protocol:
 * bad magic, bad lengths, truncated or oversize frames, unknown header blocks. The connection
 * that produced them is closed; no reply is written (as Kitex does for pure protocol errors).
 */
public class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
