package io.kitex4j.errors;

/** A circuit breaker (service or instance level) rejected the call. */
public class CircuitBreakException extends RpcException {
    private static final long serialVersionUID = 1L;

    public CircuitBreakException(String detail) {
        super(ErrorKind.CIRCUIT_BREAK, detail);
    }

    public CircuitBreakException(String detail, Throwable cause) {
        super(ErrorKind.CIRCUIT_BREAK, detail, cause);
    }
}
