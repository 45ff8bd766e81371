package io.kitex4j.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusCodeTest {

    @Test
    void wireValuesAreGrpcs() {
        String[] names = {"OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
            "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED",
            "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED"};
        assertThat(StatusCode.values()).hasSize(17);
        for (int v = 0; v < names.length; v++) {
            StatusCode c = StatusCode.valueOf(names[v]);
            assertThat(c.value()).isEqualTo(v);
            assertThat(StatusCode.fromValue(v)).isSameAs(c);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 17, 99, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void valuesOutsideTheRangeAreUnknown(int v) {
        assertThat(StatusCode.fromValue(v)).isEqualTo(StatusCode.UNKNOWN);
    }

    @ParameterizedTest
    @EnumSource(ErrorKind.class)
    void everyRpcExceptionKindHasItsStatus(ErrorKind kind) {
        StatusCode expected;
        switch (kind) {
            case RPC_TIMEOUT:
            case TIMEOUT_BY_BUSINESS:
            case STREAMING_TIMEOUT:
                expected = StatusCode.DEADLINE_EXCEEDED;
                break;
            case CANCELED_BY_BUSINESS:
            case STREAMING_CANCELED:
                expected = StatusCode.CANCELLED;
                break;
            case OVERLIMIT:
                expected = StatusCode.RESOURCE_EXHAUSTED;
                break;
            case ACL:
                expected = StatusCode.PERMISSION_DENIED;
                break;
            case REMOTE_OR_NETWORK:
            case GET_CONNECTION:
            case SERVICE_DISCOVERY:
            case NO_MORE_INSTANCE:
            case LOADBALANCE:
            case CIRCUIT_BREAK:
                expected = StatusCode.UNAVAILABLE;
                break;
            case INTERNAL:
            case PANIC:
            case BIZ:
            case RETRY:
            case ROUTE:
            case PAYLOAD_VALIDATION:
            case STREAMING_PROTOCOL:
                expected = StatusCode.INTERNAL;
                break;
            default:
                throw new AssertionError("no expectation for new kind " + kind + ": add one");
        }
        assertThat(StatusCode.of(new RpcException(kind, "x"))).as(kind.name()).isEqualTo(expected);
        assertThat(StatusCode.of(new CompletionException(new RpcException(kind, "x")))).isEqualTo(expected);
    }

    @Test
    void subclassesMapByTheirKind() {
        assertThat(StatusCode.of(new RpcTimeoutException("t"))).isEqualTo(StatusCode.DEADLINE_EXCEEDED);
        assertThat(StatusCode.of(new ConnectionException("c"))).isEqualTo(StatusCode.UNAVAILABLE);
        assertThat(StatusCode.of(new ServiceDiscoveryException("d"))).isEqualTo(StatusCode.UNAVAILABLE);
        assertThat(StatusCode.of(new LoadBalanceException("l"))).isEqualTo(StatusCode.UNAVAILABLE);
        assertThat(StatusCode.of(new CircuitBreakException("cb"))).isEqualTo(StatusCode.UNAVAILABLE);
        assertThat(StatusCode.of(new RemoteOrNetworkException("reset"))).isEqualTo(StatusCode.UNAVAILABLE);
        assertThat(StatusCode.of(new OverLimitException("o"))).isEqualTo(StatusCode.RESOURCE_EXHAUSTED);
        assertThat(StatusCode.of(new AclException("a"))).isEqualTo(StatusCode.PERMISSION_DENIED);
        assertThat(StatusCode.of(new InternalException("i"))).isEqualTo(StatusCode.INTERNAL);
    }

    @Test
    void aRemoteHandlerFailureIsInternalNotUnavailable() {
        // StatusCode#of: "connection and network errors UNAVAILABLE; other framework errors and
        // handler failures INTERNAL". A Thrift/Kitex Protobuf peer's handler failure reaches the
        // caller as a RemoteApplicationException (type 6, "biz error: ...").
        RemoteApplicationException handlerFailed =
                new RemoteApplicationException(ApplicationException.INTERNAL_ERROR, "biz error: boom");
        assertThat(StatusCode.of(handlerFailed)).isEqualTo(StatusCode.INTERNAL);
    }

    @Test
    void statusExceptionKeepsItsOwnCodeEvenWrapped() {
        StatusException e = new StatusException(StatusCode.NOT_FOUND, "nope");
        assertThat(StatusCode.of(e)).isEqualTo(StatusCode.NOT_FOUND);
        assertThat(StatusCode.of(new CompletionException(new CompletionException(e)))).isEqualTo(StatusCode.NOT_FOUND);
        // its kind would say INTERNAL: the code wins
        assertThat(e.kind()).isEqualTo(ErrorKind.INTERNAL);
    }

    @Test
    void cancellationNullAndOtherThrowables() {
        assertThat(StatusCode.of(null)).isEqualTo(StatusCode.OK);
        assertThat(StatusCode.of(new CancellationException())).isEqualTo(StatusCode.CANCELLED);
        assertThat(StatusCode.of(new CompletionException(new CancellationException()))).isEqualTo(StatusCode.CANCELLED);
        assertThat(StatusCode.of(new IllegalStateException())).isEqualTo(StatusCode.INTERNAL);
        assertThat(StatusCode.of(new BizStatusException(1, "biz"))).isEqualTo(StatusCode.INTERNAL);
        assertThat(StatusCode.of(new ApplicationException(1, "app"))).isEqualTo(StatusCode.INTERNAL);
        assertThat(StatusCode.of(new OutOfMemoryError())).isEqualTo(StatusCode.INTERNAL);
        // a CompletionException without a cause is not unwrapped into null (which would read as OK)
        assertThat(StatusCode.of(new CompletionException("x", null))).isEqualTo(StatusCode.INTERNAL);
    }

    @Test
    void statusExceptionRejectsOkAndNull() {
        assertThatThrownBy(() -> new StatusException(StatusCode.OK, "fine"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OK");
        assertThatThrownBy(() -> new StatusException(null, "x")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void statusExceptionCopiesItsDetails() {
        byte[] details = {1, 2, 3};
        StatusException e = new StatusException(StatusCode.INVALID_ARGUMENT, "bad", details, null);
        details[0] = 9;
        assertThat(e.details()).containsExactly(1, 2, 3);
        e.details()[1] = 9;
        assertThat(e.details()).containsExactly(1, 2, 3);
        assertThat(new StatusException(StatusCode.INTERNAL, "x").details()).isEmpty();
        assertThat(new StatusException(StatusCode.INTERNAL, "x", null, null).details()).isEmpty();
    }

    @Test
    void statusExceptionMessageCauseAndKind() {
        IllegalStateException cause = new IllegalStateException("root");
        StatusException e = new StatusException(StatusCode.UNAVAILABLE, "down", cause);
        assertThat(e.code()).isEqualTo(StatusCode.UNAVAILABLE);
        assertThat(e.statusMessage()).isEqualTo("down");
        assertThat(e).hasCause(cause).isInstanceOf(RpcException.class);
        assertThat(e.getMessage()).contains("UNAVAILABLE").contains("down").contains("[grpc UNAVAILABLE]");
        assertThat(new StatusException(StatusCode.INTERNAL, null).statusMessage()).isEmpty();

        assertThat(new StatusException(StatusCode.DEADLINE_EXCEEDED, "").kind()).isEqualTo(ErrorKind.RPC_TIMEOUT);
        assertThat(new StatusException(StatusCode.CANCELLED, "").kind()).isEqualTo(ErrorKind.CANCELED_BY_BUSINESS);
        assertThat(new StatusException(StatusCode.RESOURCE_EXHAUSTED, "").kind()).isEqualTo(ErrorKind.OVERLIMIT);
        assertThat(new StatusException(StatusCode.PERMISSION_DENIED, "").kind()).isEqualTo(ErrorKind.ACL);
        assertThat(new StatusException(StatusCode.UNAVAILABLE, "").kind()).isEqualTo(ErrorKind.REMOTE_OR_NETWORK);
        assertThat(new StatusException(StatusCode.NOT_FOUND, "").kind()).isEqualTo(ErrorKind.INTERNAL);
        // the kind and the code agree both ways for the codes that have a kind
        for (StatusCode c : StatusCode.values()) {
            if (c == StatusCode.OK) {
                continue;
            }
            StatusException se = new StatusException(c, "m");
            if (se.kind() != ErrorKind.INTERNAL) {
                assertThat(StatusCode.of(new RpcException(se.kind(), "m"))).as(c.name()).isEqualTo(c);
            }
        }
    }
}
