package io.kitex4j.interop.grpc.testing;

import com.google.protobuf.ByteString;
import io.grpc.testing.integration.EmptyProtos.Empty;
import io.grpc.testing.integration.Messages.BoolValue;
import io.grpc.testing.integration.Messages.EchoStatus;
import io.grpc.testing.integration.Messages.Payload;
import io.grpc.testing.integration.Messages.ResponseParameters;
import io.grpc.testing.integration.Messages.SimpleRequest;
import io.grpc.testing.integration.Messages.SimpleResponse;
import io.grpc.testing.integration.Messages.StreamingInputCallRequest;
import io.grpc.testing.integration.Messages.StreamingInputCallResponse;
import io.grpc.testing.integration.Messages.StreamingOutputCallRequest;
import io.grpc.testing.integration.Messages.StreamingOutputCallResponse;
import io.grpc.testing.integration.TestService;
import io.grpc.testing.integration.UnimplementedService;
import io.kitex4j.client.CallOptions;
import io.kitex4j.client.Client;
import io.kitex4j.context.CallHeaders;
import io.kitex4j.errors.StatusCode;
import io.kitex4j.errors.StatusException;
import io.kitex4j.streaming.ClientStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The interop test cases, on Kitex4j clients of {@code grpc.testing.TestService} and
 * {@code grpc.testing.UnimplementedService}: each sends what gRPC's interop test descriptions
 * prescribe and asserts what they require (and what grpc-java's {@code AbstractInteropTest}
 * asserts: whole golden responses of zeros). A failed check throws {@link AssertionError} with
 * what was expected and what came; every wait is bounded ({@link #OPERATION_TIMEOUT}).
 *
 * <p>Compression flags are read from {@link CallHeaders#requestCompressed()} on the client (the
 * last response message received came compressed).
 */
public final class InteropTester {
    /** The longest a single step waits for the server. */
    public static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(20);

    static final int LARGE_REQUEST = 271828;
    static final int LARGE_RESPONSE = 314159;
    static final int VERY_LARGE_REQUEST = 10 * 1024 * 1024;
    static final String STATUS_MESSAGE = "test status message";
    static final String SPECIAL_STATUS_MESSAGE = "\t\ntest with whitespace\r\nand Unicode BMP \u263A and non-BMP \uD83D\uDE08\t\n";
    static final String INITIAL_METADATA_VALUE = "test_initial_metadata_value";
    static final byte[] TRAILING_METADATA_VALUE = {(byte) 0xab, (byte) 0xab, (byte) 0xab};

    private final TestService.Stub stub;
    private final UnimplementedService.Stub unimplementedStub;

    /** {@code testService} must be built for {@link TestService#DESCRIPTOR}, {@code unimplementedService} for {@link UnimplementedService#DESCRIPTOR}. */
    public InteropTester(Client testService, Client unimplementedService) {
        this.stub = new TestService.Stub(testService);
        this.unimplementedStub = new UnimplementedService.Stub(unimplementedService);
    }

    /** Runs one case; returns normally when it passed. */
    public void run(InteropTestCase testCase) throws Exception {
        switch (testCase) {
            case EMPTY_UNARY: emptyUnary(); break;
            case LARGE_UNARY: largeUnary(); break;
            case CLIENT_COMPRESSED_UNARY: clientCompressedUnary(true); break;
            case CLIENT_COMPRESSED_UNARY_NOPROBE: clientCompressedUnary(false); break;
            case SERVER_COMPRESSED_UNARY: serverCompressedUnary(); break;
            case CLIENT_STREAMING: clientStreaming(); break;
            case CLIENT_COMPRESSED_STREAMING: clientCompressedStreaming(true); break;
            case CLIENT_COMPRESSED_STREAMING_NOPROBE: clientCompressedStreaming(false); break;
            case SERVER_STREAMING: serverStreaming(); break;
            case SERVER_COMPRESSED_STREAMING: serverCompressedStreaming(); break;
            case PING_PONG: pingPong(); break;
            case EMPTY_STREAM: emptyStream(); break;
            case CUSTOM_METADATA: customMetadata(); break;
            case STATUS_CODE_AND_MESSAGE: statusCodeAndMessage(); break;
            case SPECIAL_STATUS_MESSAGE: specialStatusMessage(); break;
            case UNIMPLEMENTED_METHOD: unimplementedMethod(); break;
            case UNIMPLEMENTED_SERVICE: unimplementedService(); break;
            case CANCEL_AFTER_BEGIN: cancelAfterBegin(); break;
            case CANCEL_AFTER_FIRST_RESPONSE: cancelAfterFirstResponse(); break;
            case TIMEOUT_ON_SLEEPING_SERVER: timeoutOnSleepingServer(); break;
            case VERY_LARGE_REQUEST: veryLargeRequest(); break;
            default: throw new IllegalArgumentException("unknown case " + testCase);
        }
    }

    // ------------------------------------------------------------------ the cases

    void emptyUnary() throws Exception {
        Empty response = await(stub.emptyCallAsync(Empty.getDefaultInstance()), "EmptyCall");
        check(response != null, "EmptyCall returned null");
        checkEquals("EmptyCall response", Empty.getDefaultInstance(), response);
    }

    void largeUnary() throws Exception {
        SimpleRequest request = SimpleRequest.newBuilder()
                .setResponseSize(LARGE_RESPONSE)
                .setPayload(zeros(LARGE_REQUEST))
                .build();
        SimpleResponse response = await(stub.unaryCallAsync(request), "UnaryCall");
        checkEquals("UnaryCall response", goldenSimple(LARGE_RESPONSE), response);
    }

    void clientCompressedUnary(boolean probe) throws Exception {
        SimpleRequest expectCompressed = SimpleRequest.newBuilder()
                .setExpectCompressed(BoolValue.newBuilder().setValue(true))
                .setResponseSize(LARGE_RESPONSE)
                .setPayload(zeros(LARGE_REQUEST))
                .build();
        SimpleRequest expectUncompressed = expectCompressed.toBuilder()
                .setExpectCompressed(BoolValue.newBuilder().setValue(false))
                .build();
        if (probe) {
            // The feature probe: uncompressed although expect_compressed=true. A server that
            // checks (CompressedRequest) fails it with INVALID_ARGUMENT.
            StatusException e = expectStatus(stub.unaryCallAsync(expectCompressed), "probing UnaryCall");
            checkEquals("status of the uncompressed probe with expect_compressed=true", StatusCode.INVALID_ARGUMENT, e.code());
        }
        SimpleResponse compressed = await(stub.withOptions(CallOptions.DEFAULT.withCompressor("gzip"))
                .unaryCallAsync(expectCompressed), "compressed UnaryCall (expect_compressed=true)");
        checkEquals("response to the compressed request", goldenSimple(LARGE_RESPONSE), compressed);
        SimpleResponse uncompressed = await(stub.unaryCallAsync(expectUncompressed), "uncompressed UnaryCall (expect_compressed=false)");
        checkEquals("response to the uncompressed request", goldenSimple(LARGE_RESPONSE), uncompressed);
    }

    void serverCompressedUnary() throws Exception {
        for (boolean compress : new boolean[] {true, false}) {
            SimpleRequest request = SimpleRequest.newBuilder()
                    .setResponseCompressed(BoolValue.newBuilder().setValue(compress))
                    .setResponseSize(LARGE_RESPONSE)
                    .setPayload(zeros(LARGE_REQUEST))
                    .build();
            CallHeaders headers = new CallHeaders();
            SimpleResponse response = await(stub.withOptions(CallOptions.DEFAULT.withHeaders(headers)).unaryCallAsync(request),
                    "UnaryCall (response_compressed=" + compress + ")");
            checkEquals("response (response_compressed=" + compress + ")", goldenSimple(LARGE_RESPONSE), response);
            checkEquals("compressed flag of the response (response_compressed=" + compress + ")", compress,
                    headers.requestCompressed());
        }
    }

    void clientStreaming() throws Exception {
        ClientStream<StreamingInputCallRequest, StreamingInputCallResponse> s = stub.streamingInputCall();
        try {
            for (int size : new int[] {27182, 8, 1828, 45904}) {
                await(s.sendAsync(StreamingInputCallRequest.newBuilder().setPayload(zeros(size)).build()), "send");
            }
            StreamingInputCallResponse response = await(s.closeAndRecvAsync(), "StreamingInputCall response");
            checkEquals("StreamingInputCall response",
                    StreamingInputCallResponse.newBuilder().setAggregatedPayloadSize(74922).build(), response);
            await(s.done(), "end of StreamingInputCall");
        } finally {
            s.cancel();
        }
    }

    void clientCompressedStreaming(boolean probe) throws Exception {
        StreamingInputCallRequest expectCompressed = StreamingInputCallRequest.newBuilder()
                .setExpectCompressed(BoolValue.newBuilder().setValue(true))
                .setPayload(zeros(27182))
                .build();
        StreamingInputCallRequest expectUncompressed = StreamingInputCallRequest.newBuilder()
                .setExpectCompressed(BoolValue.newBuilder().setValue(false))
                .setPayload(zeros(45904))
                .build();
        if (probe) {
            ClientStream<StreamingInputCallRequest, StreamingInputCallResponse> p = stub.streamingInputCall();
            try {
                p.sendAsync(expectCompressed);
                StatusException e = expectStatus(p.recvAsync(), "probing StreamingInputCall");
                checkEquals("status of the uncompressed probe with expect_compressed=true", StatusCode.INVALID_ARGUMENT, e.code());
            } finally {
                p.cancel();
            }
        }
        // The call is gzip-encoded; the spec sends the first message compressed and the second
        // not: CallHeaders.compressRequests switches compression per message.
        CallHeaders headers = new CallHeaders();
        ClientStream<StreamingInputCallRequest, StreamingInputCallResponse> s =
                stub.withOptions(CallOptions.DEFAULT.withCompressor("gzip").withHeaders(headers)).streamingInputCall();
        try {
            await(s.sendAsync(expectCompressed), "send (compressed, expect_compressed=true)");
            headers.compressRequests(false);
            await(s.sendAsync(expectUncompressed), "send (uncompressed, expect_compressed=false)");
            StreamingInputCallResponse response = await(s.closeAndRecvAsync(), "StreamingInputCall response");
            checkEquals("StreamingInputCall response",
                    StreamingInputCallResponse.newBuilder().setAggregatedPayloadSize(73086).build(), response);
        } finally {
            s.cancel();
        }
    }

    void serverStreaming() throws Exception {
        int[] sizes = {31415, 9, 2653, 58979};
        StreamingOutputCallRequest.Builder request = StreamingOutputCallRequest.newBuilder();
        for (int size : sizes) {
            request.addResponseParameters(ResponseParameters.newBuilder().setSize(size));
        }
        ClientStream<StreamingOutputCallRequest, StreamingOutputCallResponse> s = stub.streamingOutputCall(request.build());
        try {
            for (int i = 0; i < sizes.length; i++) {
                StreamingOutputCallResponse r = await(s.recvAsync(), "response " + (i + 1));
                checkEquals("response " + (i + 1), goldenStreaming(sizes[i]), r);
            }
            checkEquals("after " + sizes.length + " responses, the end of the stream", null,
                    await(s.recvAsync(), "end of the stream"));
        } finally {
            s.cancel();
        }
    }

    void serverCompressedStreaming() throws Exception {
        StreamingOutputCallRequest request = StreamingOutputCallRequest.newBuilder()
                .addResponseParameters(ResponseParameters.newBuilder()
                        .setCompressed(BoolValue.newBuilder().setValue(true)).setSize(31415))
                .addResponseParameters(ResponseParameters.newBuilder()
                        .setCompressed(BoolValue.newBuilder().setValue(false)).setSize(92653))
                .build();
        CallHeaders headers = new CallHeaders();
        ClientStream<StreamingOutputCallRequest, StreamingOutputCallResponse> s =
                stub.withOptions(CallOptions.DEFAULT.withHeaders(headers)).streamingOutputCall(request);
        try {
            StreamingOutputCallResponse first = await(s.recvAsync(), "response 1");
            checkEquals("compressed flag of response 1 (compressed=true)", true, headers.requestCompressed());
            checkEquals("response 1", goldenStreaming(31415), first);
            StreamingOutputCallResponse second = await(s.recvAsync(), "response 2");
            checkEquals("compressed flag of response 2 (compressed=false)", false, headers.requestCompressed());
            checkEquals("response 2", goldenStreaming(92653), second);
            checkEquals("after 2 responses, the end of the stream", null, await(s.recvAsync(), "end of the stream"));
        } finally {
            s.cancel();
        }
    }

    void pingPong() throws Exception {
        int[] requestSizes = {27182, 8, 1828, 45904};
        int[] responseSizes = {31415, 9, 2653, 58979};
        ClientStream<StreamingOutputCallRequest, StreamingOutputCallResponse> s = stub.fullDuplexCall();
        try {
            for (int i = 0; i < requestSizes.length; i++) {
                await(s.sendAsync(StreamingOutputCallRequest.newBuilder()
                        .addResponseParameters(ResponseParameters.newBuilder().setSize(responseSizes[i]))
                        .setPayload(zeros(requestSizes[i]))
                        .build()), "send " + (i + 1));
                StreamingOutputCallResponse r = await(s.recvAsync(), "response " + (i + 1));
                checkEquals("response " + (i + 1), goldenStreaming(responseSizes[i]), r);
            }
            await(s.closeSendAsync(), "half-close");
            checkEquals("after the half-close, the end of the stream", null, await(s.recvAsync(), "end of the stream"));
        } finally {
            s.cancel();
        }
    }

    void emptyStream() throws Exception {
        ClientStream<StreamingOutputCallRequest, StreamingOutputCallResponse> s = stub.fullDuplexCall();
        try {
            await(s.closeSendAsync(), "half-close");
            checkEquals("the first (and only) receive: the end of the stream", null, await(s.recvAsync(), "end of the stream"));
            await(s.done(), "end of FullDuplexCall");
        } finally {
            s.cancel();
        }
    }

    void customMetadata() throws Exception {
        SimpleRequest request = SimpleRequest.newBuilder()
                .setResponseSize(LARGE_RESPONSE)
                .setPayload(zeros(LARGE_REQUEST))
                .build();
        CallHeaders unary = metadata();
        SimpleResponse response = await(stub.withOptions(CallOptions.DEFAULT.withHeaders(unary)).unaryCallAsync(request),
                "UnaryCall with metadata");
        checkEquals("UnaryCall response", goldenSimple(LARGE_RESPONSE), response);
        checkEchoed("UnaryCall", unary);

        CallHeaders streaming = metadata();
        ClientStream<StreamingOutputCallRequest, StreamingOutputCallResponse> s =
                stub.withOptions(CallOptions.DEFAULT.withHeaders(streaming)).fullDuplexCall();
        try {
            await(s.sendAsync(StreamingOutputCallRequest.newBuilder()
                    .addResponseParameters(ResponseParameters.newBuilder().setSize(LARGE_RESPONSE))
                    .setPayload(zeros(LARGE_REQUEST))
                    .build()), "send");
            await(s.closeSendAsync(), "half-close");
            checkEquals("FullDuplexCall response", goldenStreaming(LARGE_RESPONSE), await(s.recvAsync(), "response"));
            checkEquals("after 1 response, the end of the stream", null, await(s.recvAsync(), "end of the stream"));
            await(s.done(), "end of FullDuplexCall");
        } finally {
            s.cancel();
        }
        checkEchoed("FullDuplexCall", streaming);
    }

    void statusCodeAndMessage() throws Exception {
        EchoStatus status = EchoStatus.newBuilder().setCode(StatusCode.UNKNOWN.value()).setMessage(STATUS_MESSAGE).build();
        StatusException unary = expectStatus(stub.unaryCallAsync(SimpleRequest.newBuilder().setResponseStatus(status).build()),
                "UnaryCall with response_status");
        checkStatus("UnaryCall", unary, StatusCode.UNKNOWN, STATUS_MESSAGE);

        ClientStream<StreamingOutputCallRequest, StreamingOutputCallResponse> s = stub.fullDuplexCall();
        try {
            s.sendAsync(StreamingOutputCallRequest.newBuilder().setResponseStatus(status).build());
            s.closeSendAsync();
            StatusException streaming = expectStatus(s.recvAsync(), "FullDuplexCall with response_status");
            checkStatus("FullDuplexCall", streaming, StatusCode.UNKNOWN, STATUS_MESSAGE);
        } finally {
            s.cancel();
        }
    }

    void specialStatusMessage() throws Exception {
        EchoStatus status = EchoStatus.newBuilder().setCode(StatusCode.UNKNOWN.value()).setMessage(SPECIAL_STATUS_MESSAGE).build();
        StatusException e = expectStatus(stub.unaryCallAsync(SimpleRequest.newBuilder().setResponseStatus(status).build()),
                "UnaryCall with a special response_status message");
        checkStatus("UnaryCall", e, StatusCode.UNKNOWN, SPECIAL_STATUS_MESSAGE);
    }

    void unimplementedMethod() throws Exception {
        StatusException e = expectStatus(stub.unimplementedCallAsync(Empty.getDefaultInstance()),
                "grpc.testing.TestService/UnimplementedCall");
        checkEquals("status of grpc.testing.TestService/UnimplementedCall", StatusCode.UNIMPLEMENTED, e.code());
    }

    void unimplementedService() throws Exception {
        StatusException e = expectStatus(unimplementedStub.unimplementedCallAsync(Empty.getDefaultInstance()),
                "grpc.testing.UnimplementedService/UnimplementedCall");
        checkEquals("status of grpc.testing.UnimplementedService/UnimplementedCall", StatusCode.UNIMPLEMENTED, e.code());
    }

    void cancelAfterBegin() throws Exception {
        ClientStream<StreamingInputCallRequest, StreamingInputCallResponse> s = stub.streamingInputCall();
        // Cancel once the call started (its headers went out), before any message.
        await(s.stream(), "start of StreamingInputCall");
        s.cancel();
        Throwable failure = failureOf(s.recvAsync(), "StreamingInputCall after the cancel");
        checkEquals("status after the cancel (" + failure + ")", StatusCode.CANCELLED, StatusCode.of(failure));
        checkEquals("status of the call's end", StatusCode.CANCELLED, StatusCode.of(failureOf(s.done(), "end of the call")));
    }

    void cancelAfterFirstResponse() throws Exception {
        ClientStream<StreamingOutputCallRequest, StreamingOutputCallResponse> s = stub.fullDuplexCall();
        try {
            await(s.sendAsync(StreamingOutputCallRequest.newBuilder()
                    .addResponseParameters(ResponseParameters.newBuilder().setSize(31415))
                    .setPayload(zeros(27182))
                    .build()), "send");
            checkEquals("response 1", goldenStreaming(31415), await(s.recvAsync(), "response 1"));
        } catch (Exception | AssertionError e) {
            s.cancel();
            throw e;
        }
        s.cancel();
        Throwable failure = failureOf(s.recvAsync(), "FullDuplexCall after the cancel");
        checkEquals("status after the cancel (" + failure + ")", StatusCode.CANCELLED, StatusCode.of(failure));
    }

    void timeoutOnSleepingServer() throws Exception {
        ClientStream<StreamingOutputCallRequest, StreamingOutputCallResponse> s =
                stub.withOptions(CallOptions.DEFAULT.withRpcTimeout(Duration.ofMillis(1))).fullDuplexCall();
        try {
            // The send may fail already: the deadline can pass before it is written.
            s.sendAsync(StreamingOutputCallRequest.newBuilder().setPayload(zeros(27182)).build());
            Throwable failure = failureOf(s.recvAsync(), "FullDuplexCall with a 1 ms deadline");
            checkEquals("status of the call (" + failure + ")", StatusCode.DEADLINE_EXCEEDED, StatusCode.of(failure));
        } finally {
            s.cancel();
        }
    }

    void veryLargeRequest() throws Exception {
        SimpleRequest request = SimpleRequest.newBuilder()
                .setPayload(zeros(VERY_LARGE_REQUEST))
                .setResponseSize(10)
                .build();
        SimpleResponse response = await(stub.unaryCallAsync(request), "UnaryCall with a 10 MiB request");
        checkEquals("UnaryCall response", goldenSimple(10), response);
    }

    // ------------------------------------------------------------------ helpers

    private static CallHeaders metadata() {
        return new CallHeaders()
                .add(TestServiceImpl.ECHO_INITIAL_KEY, INITIAL_METADATA_VALUE)
                .addBinary(TestServiceImpl.ECHO_TRAILING_KEY, TRAILING_METADATA_VALUE);
    }

    private static void checkEchoed(String call, CallHeaders h) {
        checkEquals(call + ": response header " + TestServiceImpl.ECHO_INITIAL_KEY + " (headers " + h.responseHeaders() + ")",
                INITIAL_METADATA_VALUE, h.responseHeader(TestServiceImpl.ECHO_INITIAL_KEY));
        byte[] trailing = h.binaryResponseTrailer(TestServiceImpl.ECHO_TRAILING_KEY);
        check(trailing != null && Arrays.equals(TRAILING_METADATA_VALUE, trailing),
                call + ": trailer " + TestServiceImpl.ECHO_TRAILING_KEY + " expected 0xababab, got "
                        + (trailing == null ? "none" : hex(trailing)) + " (trailers " + h.responseTrailers() + ")");
    }

    private static Payload zeros(int size) {
        return Payload.newBuilder().setBody(ByteString.copyFrom(new byte[size])).build();
    }

    private static SimpleResponse goldenSimple(int size) {
        return SimpleResponse.newBuilder().setPayload(zeros(size)).build();
    }

    private static StreamingOutputCallResponse goldenStreaming(int size) {
        return StreamingOutputCallResponse.newBuilder().setPayload(zeros(size)).build();
    }

    /** Waits for {@code f}; its failure is rethrown as is (a {@link StatusException}, ...). */
    static <T> T await(CompletableFuture<T> f, String what) throws Exception {
        try {
            return f.get(OPERATION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new AssertionError(what + ": no answer within " + OPERATION_TIMEOUT.toSeconds() + " s");
        }
    }

    /** The failure {@code f} completes with; an {@link AssertionError} if it succeeds or takes too long. */
    static Throwable failureOf(CompletableFuture<?> f, String what) throws InterruptedException {
        Object result;
        try {
            result = f.get(OPERATION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            return unwrap(e);
        } catch (java.util.concurrent.CancellationException e) {
            return e;
        } catch (TimeoutException e) {
            throw new AssertionError(what + ": expected the call to fail, but nothing came within "
                    + OPERATION_TIMEOUT.toSeconds() + " s");
        }
        throw new AssertionError(what + ": expected the call to fail, but it succeeded with " + brief(result));
    }

    /** The {@link StatusException} {@code f} fails with. */
    static StatusException expectStatus(CompletableFuture<?> f, String what) throws InterruptedException {
        Throwable t = failureOf(f, what);
        if (!(t instanceof StatusException)) {
            AssertionError e = new AssertionError(what + ": expected a gRPC status error, got " + t);
            e.initCause(t);
            throw e;
        }
        return (StatusException) t;
    }

    private static void checkStatus(String call, StatusException e, StatusCode code, String message) {
        checkEquals(call + ": status code", code, e.code());
        checkEquals(call + ": status message", message, e.statusMessage());
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    static void checkEquals(String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            throw new AssertionError(what + ": expected " + brief(expected) + ", got " + brief(actual));
        }
    }

    /** A message without its (large) payload bytes: the body is shown by size and whether it is all zeros. */
    private static String brief(Object o) {
        if (o instanceof SimpleResponse) {
            SimpleResponse r = (SimpleResponse) o;
            return "SimpleResponse{" + describe(r.hasPayload() ? r.getPayload() : null)
                    + (r.getUsername().isEmpty() ? "" : ", username=" + r.getUsername())
                    + (r.getServerId().isEmpty() ? "" : ", server_id=" + r.getServerId()) + "}";
        }
        if (o instanceof StreamingOutputCallResponse) {
            StreamingOutputCallResponse r = (StreamingOutputCallResponse) o;
            return "StreamingOutputCallResponse{" + describe(r.hasPayload() ? r.getPayload() : null) + "}";
        }
        if (o instanceof String) {
            return "\"" + ((String) o).replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n") + "\"";
        }
        return o == null ? "null (end of stream)" : String.valueOf(o).trim();
    }

    private static String describe(Payload p) {
        if (p == null) {
            return "no payload";
        }
        ByteString body = p.getBody();
        boolean zeros = true;
        for (int i = 0; i < body.size() && zeros; i++) {
            zeros = body.byteAt(i) == 0;
        }
        return "payload type=" + p.getType() + " body=" + body.size() + " bytes" + (body.isEmpty() ? "" : zeros ? " of zeros" : " (not all zeros)");
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder("0x");
        for (byte x : b) {
            sb.append(String.format("%02x", x & 0xff));
        }
        return sb.toString();
    }
}
