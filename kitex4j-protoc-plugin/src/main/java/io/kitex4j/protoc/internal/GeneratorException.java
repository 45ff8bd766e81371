package io.kitex4j.protoc.internal;

/**
 * A problem the user must fix (a bad option, a name clash, a request that does not describe its
 * files): reported in the response's {@code error} field, which protoc prints before failing.
 */
public final class GeneratorException extends Exception {
    private static final long serialVersionUID = 1L;

    public GeneratorException(String message) {
        super(message);
    }
}
