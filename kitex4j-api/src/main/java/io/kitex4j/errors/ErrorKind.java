package io.kitex4j.errors;

/**
 * The basic categories of framework errors, with the message texts Kitex uses
 * ({@code pkg/kerrors}), so that logs and error strings read the same across languages.
 */
public enum ErrorKind {
    INTERNAL("internal exception"),
    SERVICE_DISCOVERY("service discovery error"),
    GET_CONNECTION("get connection error"),
    LOADBALANCE("loadbalance error"),
    NO_MORE_INSTANCE("no more instances to retry"),
    RPC_TIMEOUT("rpc timeout"),
    CANCELED_BY_BUSINESS("canceled by business"),
    TIMEOUT_BY_BUSINESS("timeout by business"),
    ACL("request forbidden"),
    CIRCUIT_BREAK("forbidden by circuitbreaker"),
    REMOTE_OR_NETWORK("remote or network error"),
    OVERLIMIT("request over limit"),
    PANIC("panic"),
    BIZ("biz error"),
    RETRY("retry error"),
    ROUTE("rpc route failed"),
    PAYLOAD_VALIDATION("payload validation error"),
    STREAMING_PROTOCOL("streaming protocol error"),
    STREAMING_CANCELED("streaming canceled"),
    STREAMING_TIMEOUT("streaming timeout");

    private final String text;

    ErrorKind(String text) {
        this.text = text;
    }

    /** Kitex's basic message for this category, e.g. {@code "rpc timeout"}. */
    public String text() {
        return text;
    }
}
