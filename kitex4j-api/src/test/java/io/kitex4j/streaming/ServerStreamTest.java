package io.kitex4j.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kitex4j.errors.ErrorKind;
import io.kitex4j.errors.RpcException;
import io.kitex4j.errors.StatusCode;
import io.kitex4j.errors.StatusException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ServerStreamTest {

    @Test
    void delegatesEveryOperationToItsStream() throws Exception {
        FakeStream fake = new FakeStream().inbox("req1", null);
        ServerStream<String, String> ss = new ServerStream<>(fake);
        assertThat(ss.stream()).isSameAs(fake);
        assertThat(ss.recv()).isEqualTo("req1");
        assertThat(ss.recvAsync().get(10, TimeUnit.SECONDS)).isNull();
        ss.send("resp1");
        ss.sendAsync("resp2").get(10, TimeUnit.SECONDS);
        assertThat(fake.ops).containsExactly("receive", "receive", "send:resp1", "send:resp2");
        assertThat(ss.isReady()).isTrue();
        fake.ready = false;
        assertThat(ss.isReady()).isFalse();
        assertThat(ss.done()).isSameAs(fake.done);
        assertThat(ss.isCancelled()).isFalse();
        fake.done.complete(null);
        assertThat(ss.isCancelled()).isFalse();
    }

    @Test
    void isCancelledWhenTheCallEndedAbnormally() {
        FakeStream fake = new FakeStream();
        ServerStream<String, String> ss = new ServerStream<>(fake);
        fake.done.completeExceptionally(new StatusException(StatusCode.CANCELLED, "client went away"));
        assertThat(ss.isCancelled()).isTrue();
    }

    @Test
    void refusesNullMessagesAndNullStream() {
        ServerStream<String, String> ss = new ServerStream<>(new FakeStream());
        assertThatThrownBy(() -> ss.send(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ss.sendAsync(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ServerStream<>(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void blockingRecvAndSendRethrowTheCallsFailureItself() {
        StatusException cancelled = new StatusException(StatusCode.CANCELLED, "cancelled by the client");
        FakeStream fake = new FakeStream() {
            @Override
            public CompletableFuture<Object> receive() {
                return CompletableFuture.failedFuture(cancelled);
            }

            @Override
            public CompletableFuture<Void> send(Object message) {
                return CompletableFuture.failedFuture(cancelled);
            }
        };
        ServerStream<String, String> ss = new ServerStream<>(fake);
        assertThat(catchThrowable(ss::recv)).isSameAs(cancelled);
        assertThat(catchThrowable(() -> ss.send("x"))).isSameAs(cancelled);
    }

    @Test
    void recvInterruptedCancelsTheStreamAndKeepsTheFlag() {
        FakeStream fake = new FakeStream();
        ServerStream<String, String> ss = new ServerStream<>(fake);
        Thread.currentThread().interrupt();
        Throwable t;
        try {
            t = catchThrowable(ss::recv);
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }
        assertThat(t).isInstanceOf(RpcException.class);
        assertThat(((RpcException) t).kind()).isEqualTo(ErrorKind.STREAMING_CANCELED);
        assertThat(fake.cancelCause).isSameAs(t);
    }

    @Test
    void forwardingStreamForwardsEverythingAndCanObserveMessages() throws Exception {
        FakeStream fake = new FakeStream().inbox("in", null);
        int[] received = new int[1];
        int[] sent = new int[1];
        Stream counting = new ForwardingStream(fake) {
            @Override
            public CompletableFuture<Void> send(Object message) {
                sent[0]++;
                return super.send(message);
            }

            @Override
            public CompletableFuture<Object> receive() {
                return super.receive().thenApply(m -> {
                    if (m != null) {
                        received[0]++;
                    }
                    return m;
                });
            }
        };
        assertThat(counting.receive().get(10, TimeUnit.SECONDS)).isEqualTo("in");
        assertThat(counting.receive().get(10, TimeUnit.SECONDS)).isNull();
        counting.send("out").get(10, TimeUnit.SECONDS);
        counting.closeSend().get(10, TimeUnit.SECONDS);
        assertThat(counting.isReady()).isTrue();
        assertThat(counting.done()).isSameAs(fake.done);
        RuntimeException why = new RuntimeException("x");
        counting.cancel(why);
        assertThat(fake.cancelCause).isSameAs(why);
        assertThat(fake.ops).containsExactly("receive", "receive", "send:out", "closeSend", "cancel");
        assertThat(received[0]).isEqualTo(1);
        assertThat(sent[0]).isEqualTo(1);
        assertThatThrownBy(() -> new ForwardingStream(null)).isInstanceOf(NullPointerException.class);
    }
}
