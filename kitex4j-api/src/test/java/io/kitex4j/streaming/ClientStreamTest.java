package io.kitex4j.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kitex4j.errors.ErrorKind;
import io.kitex4j.errors.InternalException;
import io.kitex4j.errors.RpcException;
import io.kitex4j.errors.StatusCode;
import io.kitex4j.errors.StatusException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ClientStreamTest {
    private static final long WAIT_SECONDS = 10;

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** The failure of {@code f} (waiting at most 10 s), unwrapped from ExecutionException. */
    private static Throwable failureOf(CompletableFuture<?> f) throws Exception {
        try {
            f.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("future did not complete", e);
        }
        throw new AssertionError("future completed normally");
    }

    // ---- call order before the stream opens

    @Test
    void sendsAndCloseSendIssuedBeforeOpenReachTheStreamInCallOrder() throws Exception {
        CompletableFuture<Stream> opened = new CompletableFuture<>();
        ClientStream<String, String> cs = new ClientStream<>(opened);
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            acks.add(cs.sendAsync("m" + i));
        }
        CompletableFuture<Void> closed = cs.closeSendAsync();
        assertThat(acks).noneMatch(CompletableFuture::isDone);
        assertThat(closed).isNotDone();

        FakeStream fake = new FakeStream();
        opened.complete(fake);

        assertThat(fake.ops).containsExactly("send:m0", "send:m1", "send:m2", "send:m3", "send:m4", "closeSend");
        for (CompletableFuture<Void> a : acks) {
            await(a);
        }
        await(closed);
    }

    @Test
    void operationsIssuedWhileQueuedOperationsDrainStillKeepCallOrder() throws Exception {
        CompletableFuture<Stream> opened = new CompletableFuture<>();
        ClientStream<String, String> cs = new ClientStream<>(opened);
        cs.sendAsync("a");
        cs.sendAsync("b");
        FakeStream fake = new FakeStream();
        opened.complete(fake);
        cs.sendAsync("c");
        cs.closeSendAsync();
        assertThat(fake.ops).containsExactly("send:a", "send:b", "send:c", "closeSend");
    }

    @Test
    void sendsRacingWithTheOpenKeepCallOrder() throws Exception {
        for (int round = 0; round < 200; round++) {
            CompletableFuture<Stream> opened = new CompletableFuture<>();
            ClientStream<Integer, String> cs = new ClientStream<>(opened);
            FakeStream fake = new FakeStream();
            CountDownLatch go = new CountDownLatch(1);
            Thread opener = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                opened.complete(fake);
            });
            opener.start();
            List<CompletableFuture<Void>> acks = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                if (i == 10) {
                    go.countDown();
                }
                acks.add(cs.sendAsync(i));
            }
            acks.add(cs.closeSendAsync());
            opener.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            for (CompletableFuture<Void> a : acks) {
                await(a);
            }
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                expected.add("send:" + i);
            }
            expected.add("closeSend");
            assertThat(fake.ops).as("round %d", round).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void manySendsQueuedBeforeOpenAreAllDeliveredInOrder() throws Exception {
        // A producer that fires sendAsync in a loop before the stream opens queues every message.
        // The stream usually opens on an I/O thread (default 1 MiB stack): draining the queue there
        // must not need stack in proportion to its length, or messages are silently lost.
        int n = 100_000;
        CompletableFuture<Stream> opened = new CompletableFuture<>();
        ClientStream<Integer, String> cs = new ClientStream<>(opened);
        List<CompletableFuture<Void>> acks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            acks.add(cs.sendAsync(i));
        }
        FakeStream fake = new FakeStream();
        Thread ioThread = new Thread(null, () -> opened.complete(fake), "fake-io", 1024 * 1024);
        ioThread.start();
        ioThread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (fake.ops.size() < n && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // poll interval
        }
        long completedAcks = acks.stream().filter(CompletableFuture::isDone).count();
        assertThat(fake.ops.size()).as("messages handed to the stream (%d of %d send futures completed)", completedAcks, n)
                .isEqualTo(n);
        for (int i = 0; i < n; i++) {
            assertThat(fake.ops.get(i)).isEqualTo("send:" + i);
        }
        for (CompletableFuture<Void> a : acks) {
            await(a);
        }
    }

    @Test
    void sendCompletesWhenTheStreamAcceptedTheMessage() throws Exception {
        FakeStream fake = new FakeStream().holdSends();
        ClientStream<String, String> cs = new ClientStream<>(CompletableFuture.completedFuture(fake));
        CompletableFuture<Void> ack = cs.sendAsync("x");
        assertThat(ack).isNotDone();
        fake.sendAcks.get(0).complete(null);
        await(ack);

        CompletableFuture<Void> failing = cs.sendAsync("y");
        StatusException boom = new StatusException(StatusCode.UNAVAILABLE, "gone");
        fake.sendAcks.get(1).completeExceptionally(boom);
        assertThat(failureOf(failing)).isSameAs(boom);
    }

    @Test
    void blockingSendRethrowsTheStreamsFailureItself() {
        FakeStream fake = new FakeStream().holdSends();
        ClientStream<String, String> cs = new ClientStream<>(CompletableFuture.completedFuture(fake));
        StatusException boom = new StatusException(StatusCode.UNAVAILABLE, "gone");
        Thread t = new Thread(() -> {
            // acknowledges with a failure once the send is handed over
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (fake.sendAcks.isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            fake.sendAcks.get(0).completeExceptionally(boom);
        });
        t.start();
        assertThatThrownBy(() -> cs.send("x")).isSameAs(boom);
    }

    @Test
    void sendRefusesNull() {
        ClientStream<String, String> cs = new ClientStream<>(CompletableFuture.completedFuture(new FakeStream()));
        assertThatThrownBy(() -> cs.sendAsync(null)).isInstanceOf(NullPointerException.class);
    }

    // ---- open failures

    @Test
    void anOpenFailureFailsQueuedAndPendingOperationsWithThatFailure() throws Exception {
        CompletableFuture<Stream> opened = new CompletableFuture<>();
        ClientStream<String, String> cs = new ClientStream<>(opened);
        CompletableFuture<Void> send = cs.sendAsync("a");
        CompletableFuture<Void> close = cs.closeSendAsync();
        CompletableFuture<String> recv = cs.recvAsync();
        CompletableFuture<Void> done = cs.done();
        StatusException refused = new StatusException(StatusCode.UNIMPLEMENTED, "no such method");
        opened.completeExceptionally(refused);
        assertThat(failureOf(send)).isSameAs(refused);
        assertThat(failureOf(close)).isSameAs(refused);
        assertThat(failureOf(recv)).isSameAs(refused);
        assertThat(failureOf(done)).isSameAs(refused);
    }

    @Test
    void blockingCallsWaitingForTheOpenThrowItsFailure() throws Exception {
        CompletableFuture<Stream> opened = new CompletableFuture<>();
        ClientStream<String, String> cs = new ClientStream<>(opened);
        CompletableFuture<Throwable> recvError = new CompletableFuture<>();
        Thread reader = new Thread(() -> recvError.complete(catchThrowable(cs::recv)));
        reader.start();
        // the reader is parked inside recv() before the open fails
        waitUntil(() -> reader.getState() == Thread.State.WAITING);
        StatusException refused = new StatusException(StatusCode.UNAVAILABLE, "connection refused");
        opened.completeExceptionally(refused);
        assertThat(await(recvError)).isSameAs(refused);
    }

    @Test
    void anOpenFailureBeforeTheCallFailsBlockingSendRecvAndCloseAndRecvWithThatFailure() {
        StatusException refused = new StatusException(StatusCode.UNAVAILABLE, "connection refused");
        ClientStream<String, String> cs = new ClientStream<>(CompletableFuture.failedFuture(refused));
        assertThat(catchThrowable(() -> cs.send("a"))).as("send").isSameAs(refused);
        assertThat(catchThrowable(cs::recv)).as("recv").isSameAs(refused);
        assertThat(catchThrowable(cs::closeSend)).as("closeSend").isSameAs(refused);
        assertThat(catchThrowable(cs::closeAndRecv)).as("closeAndRecv").isSameAs(refused);
    }

    @Test
    void anOpenFailureBeforeTheCallFailsTheAsyncMethodsFuturesRatherThanThrowing() throws Exception {
        StatusException refused = new StatusException(StatusCode.UNAVAILABLE, "connection refused");
        ClientStream<String, String> cs = new ClientStream<>(CompletableFuture.failedFuture(refused));
        CompletableFuture<Void> send = cs.sendAsync("a");
        assertThat(failureOf(send)).isSameAs(refused);
        assertThat(failureOf(cs.closeSendAsync())).isSameAs(refused);
        assertThat(failureOf(cs.closeAndRecvAsync())).isSameAs(refused);
        assertThat(failureOf(cs.recvAsync())).isSameAs(refused);
    }

    // ---- cancel

    @Test
    void cancelBeforeOpenFailsTheCallWithTheCancellation() throws Exception {
        CompletableFuture<Stream> opened = new CompletableFuture<>();
        ClientStream<String, String> cs = new ClientStream<>(opened);
        CompletableFuture<String> recv = cs.recvAsync();
        cs.cancel();
        Throwable t = failureOf(cs.stream());
        assertThat(t).isInstanceOf(RpcException.class);
        assertThat(((RpcException) t).kind()).isEqualTo(ErrorKind.STREAMING_CANCELED);
        assertThat(StatusCode.of(t)).isEqualTo(StatusCode.CANCELLED);
        assertThat(failureOf(recv)).isSameAs(t);
        assertThat(failureOf(cs.done())).isSameAs(t);
        // a stream that opens late cannot resurrect the call
        assertThat(opened.complete(new FakeStream())).isFalse();
    }

    @Test
    void isReadyIsFalseOnceTheOpenFailedOrWasCancelled() {
        ClientStream<String, String> failed = new ClientStream<>(
                CompletableFuture.failedFuture(new StatusException(StatusCode.UNAVAILABLE, "refused")));
        assertThat(catchThrowable(failed::isReady)).as("isReady must not throw").isNull();
        ClientStream<String, String> cancelled = new ClientStream<>(new CompletableFuture<>());
        cancelled.cancel();
        assertThat(catchThrowable(cancelled::isReady)).as("isReady must not throw").isNull();
    }

    @Test
    void cancelAfterOpenCancelsTheStreamWithTheCause() {
        FakeStream fake = new FakeStream();
        ClientStream<String, String> cs = new ClientStream<>(CompletableFuture.completedFuture(fake));
        IllegalStateException why = new IllegalStateException("user gave up");
        cs.cancel(why);
        assertThat(fake.cancelCause).isSameAs(why);

        FakeStream fake2 = new FakeStream();
        new ClientStream<String, String>(CompletableFuture.completedFuture(fake2)).cancel();
        assertThat(fake2.cancelCause).isInstanceOf(RpcException.class);
        assertThat(((RpcException) fake2.cancelCause).kind()).isEqualTo(ErrorKind.STREAMING_CANCELED);
    }

    // ---- receive

    @Test
    void recvReturnsMessagesThenNullAtTheEnd() {
        FakeStream fake = new FakeStream().inbox("r1", "r2", null);
        ClientStream<String, String> cs = new ClientStream<>(CompletableFuture.completedFuture(fake));
        assertThat(cs.recv()).isEqualTo("r1");
        assertThat(cs.recv()).isEqualTo("r2");
        assertThat(cs.recv()).isNull();
    }

    @Test
    void recvRethrowsTheCallsFailureUnwrappedAndWrapsCheckedOnes() throws Exception {
        FakeStream fake = new FakeStream();
        ClientStream<String, String> cs = new ClientStream<>(CompletableFuture.completedFuture(fake));
        StatusException notFound = new StatusException(StatusCode.NOT_FOUND, "nope");
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        Thread reader = new Thread(() -> thrown.complete(catchThrowable(cs::recv)));
        reader.start();
        waitUntil(() -> fake.pendingReceives() == 1);
        fake.fail(notFound);
        assertThat(await(thrown)).isSameAs(notFound);

        FakeStream fake2 = new FakeStream();
        ClientStream<String, String> cs2 = new ClientStream<>(CompletableFuture.completedFuture(fake2));
        CompletableFuture<String> f = cs2.recvAsync();
        IOException io = new IOException("disk");
        fake2.fail(io);
        assertThat(failureOf(f)).isSameAs(io);
        // a checked failure surfaces as an InternalException with it as cause
        FakeStream fake3 = new FakeStream();
        ClientStream<String, String> cs3 = new ClientStream<>(CompletableFuture.completedFuture(fake3));
        CompletableFuture<Throwable> thrown3 = new CompletableFuture<>();
        new Thread(() -> thrown3.complete(catchThrowable(cs3::recv))).start();
        waitUntil(() -> fake3.pendingReceives() == 1);
        fake3.fail(io);
        assertThat(await(thrown3)).isInstanceOf(InternalException.class).hasCause(io);
    }

    @Test
    void closeAndRecvHalfClosesThenReturnsTheOneResponse() throws Exception {
        FakeStream fake = new FakeStream().inbox("answer");
        ClientStream<String, String> cs = new ClientStream<>(CompletableFuture.completedFuture(fake));
        cs.send("q1");
        cs.send("q2");
        assertThat(cs.closeAndRecv()).isEqualTo("answer");
        assertThat(fake.ops).containsExactly("send:q1", "send:q2", "closeSend", "receive");

        // queued before the open as well
        CompletableFuture<Stream> opened = new CompletableFuture<>();
        ClientStream<String, String> late = new ClientStream<>(opened);
        late.sendAsync("q");
        CompletableFuture<String> resp = late.closeAndRecvAsync();
        FakeStream fake2 = new FakeStream().inbox("late answer");
        opened.complete(fake2);
        assertThat(await(resp)).isEqualTo("late answer");
        assertThat(fake2.ops).containsExactly("send:q", "closeSend", "receive");
    }

    @Test
    void closeAndRecvWithoutAResponseIsAStreamingProtocolError() throws Exception {
        FakeStream fake = new FakeStream().inbox((Object) null);
        ClientStream<String, String> cs = new ClientStream<>(CompletableFuture.completedFuture(fake));
        Throwable t = catchThrowable(cs::closeAndRecv);
        assertThat(t).isInstanceOf(RpcException.class);
        assertThat(((RpcException) t).kind()).isEqualTo(ErrorKind.STREAMING_PROTOCOL);
        assertThat(t).hasMessageContaining("without a response");

        FakeStream fake2 = new FakeStream().inbox((Object) null);
        ClientStream<String, String> cs2 = new ClientStream<>(CompletableFuture.completedFuture(fake2));
        Throwable async = failureOf(cs2.closeAndRecvAsync());
        // the async form may wrap it in a CompletionException; the cause is the protocol error
        Throwable cause = async instanceof java.util.concurrent.CompletionException ? async.getCause() : async;
        assertThat(cause).isInstanceOf(RpcException.class);
        assertThat(((RpcException) cause).kind()).isEqualTo(ErrorKind.STREAMING_PROTOCOL);
    }

    // ---- interruption

    @Test
    void recvInterruptedCancelsTheStreamAndKeepsTheInterruptFlag() {
        FakeStream fake = new FakeStream();
        ClientStream<String, String> cs = new ClientStream<>(CompletableFuture.completedFuture(fake));
        Thread.currentThread().interrupt();
        Throwable t;
        try {
            t = catchThrowable(cs::recv);
        } finally {
            assertThat(Thread.interrupted()).as("interrupt flag kept").isTrue();
        }
        assertThat(t).isInstanceOf(RpcException.class);
        assertThat(((RpcException) t).kind()).isEqualTo(ErrorKind.STREAMING_CANCELED);
        assertThat(t.getCause()).isInstanceOf(InterruptedException.class);
        assertThat(fake.cancels.get()).isEqualTo(1);
        assertThat(fake.cancelCause).isSameAs(t);
    }

    @Test
    void sendInterruptedCancelsTheStreamAndKeepsTheInterruptFlag() {
        FakeStream fake = new FakeStream().holdSends();
        ClientStream<String, String> cs = new ClientStream<>(CompletableFuture.completedFuture(fake));
        Thread.currentThread().interrupt();
        Throwable t;
        try {
            t = catchThrowable(() -> cs.send("x"));
        } finally {
            assertThat(Thread.interrupted()).as("interrupt flag kept").isTrue();
        }
        assertThat(t).isInstanceOf(RpcException.class);
        assertThat(fake.cancelCause).isSameAs(t);
    }

    @Test
    void recvInterruptedBeforeTheStreamOpenedCancelsTheCall() throws Exception {
        // StreamReader#recv: "interruption cancels the call" - also while the stream is still opening.
        CompletableFuture<Stream> opened = new CompletableFuture<>();
        ClientStream<String, String> cs = new ClientStream<>(opened);
        Thread.currentThread().interrupt();
        Throwable t;
        try {
            t = catchThrowable(cs::recv);
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }
        assertThat(t).isInstanceOf(RpcException.class);
        assertThat(((RpcException) t).kind()).isEqualTo(ErrorKind.STREAMING_CANCELED);
        FakeStream fake = new FakeStream();
        opened.complete(fake);
        assertThat(cs.done()).as("the call ended").isCompletedExceptionally();
        assertThat(fake.cancels.get() > 0 || opened.isCompletedExceptionally())
                .as("the stream that opened after the interrupt was cancelled (or never handed over)").isTrue();
    }

    // ---- misc delegation

    @Test
    void isReadyAndDoneDelegateOnceOpen() throws Exception {
        CompletableFuture<Stream> opened = new CompletableFuture<>();
        ClientStream<String, String> cs = new ClientStream<>(opened);
        assertThat(cs.isReady()).isFalse();
        CompletableFuture<Void> done = cs.done();
        FakeStream fake = new FakeStream();
        opened.complete(fake);
        assertThat(cs.isReady()).isTrue();
        fake.ready = false;
        assertThat(cs.isReady()).isFalse();
        assertThat(done).isNotDone();
        fake.done.complete(null);
        await(done);
        assertThat(await(cs.stream())).isSameAs(fake);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in " + WAIT_SECONDS + " s");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // poll interval
        }
    }
}
