package io.kitex4j.interop.grpc.testing;

import com.google.protobuf.ByteString;
import io.grpc.testing.integration.EmptyProtos.Empty;
import io.grpc.testing.integration.Messages.EchoStatus;
import io.grpc.testing.integration.Messages.Payload;
import io.grpc.testing.integration.Messages.PayloadType;
import io.grpc.testing.integration.Messages.ResponseParameters;
import io.grpc.testing.integration.Messages.SimpleRequest;
import io.grpc.testing.integration.Messages.SimpleResponse;
import io.grpc.testing.integration.Messages.StreamingInputCallRequest;
import io.grpc.testing.integration.Messages.StreamingInputCallResponse;
import io.grpc.testing.integration.Messages.StreamingOutputCallRequest;
import io.grpc.testing.integration.Messages.StreamingOutputCallResponse;
import io.grpc.testing.integration.TestService;
import io.kitex4j.context.CallHeaders;
import io.kitex4j.endpoint.Middleware;
import io.kitex4j.errors.StatusCode;
import io.kitex4j.errors.StatusException;
import io.kitex4j.streaming.ServerStream;
import io.kitex4j.streaming.StreamReader;
import io.kitex4j.streaming.StreamWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code grpc.testing.TestService} as the gRPC interop test descriptions specify the server
 * ({@code doc/interop-test-descriptions.md}, "Server"), behaving as grpc-java's
 * {@code TestServiceImpl} does where the descriptions leave room:
 * <ul>
 *   <li>payload bodies are zeros of the requested size, type {@code COMPRESSABLE}; another
 *       {@code response_type} fails with INVALID_ARGUMENT;</li>
 *   <li><b>Echo Status</b>: a {@code response_status} ends the call with that code and message
 *       (streams: at the request carrying it, nothing further is read);</li>
 *   <li><b>CompressedResponse</b>: {@code response_compressed} (unary) and
 *       {@code ResponseParameters.compressed} (streams) gzip that response, per message
 *       ({@link CallHeaders#compressResponses(boolean)} before each send);</li>
 *   <li><b>CompressedRequest</b>: {@code expect_compressed} fails the call with INVALID_ARGUMENT
 *       when the request message was ({@code false}) or was not ({@code true}) compressed
 *       ({@link CallHeaders#requestCompressed()});</li>
 *   <li>{@code interval_us} sleeps before each streamed response, accumulating;</li>
 *   <li><b>Echo Metadata</b> is {@link #echoMetadata()}, a middleware (grpc-java: interceptors);</li>
 *   <li>{@code UnimplementedCall} is not implemented: UNIMPLEMENTED (the generated default).</li>
 * </ul>
 * Handlers are blocking ({@link TestService.Iface}); Kitex4j runs them off the I/O threads.
 */
public final class TestServiceImpl implements TestService.Iface {
    /** Echoed into the response headers (interop spec, Echo Metadata). */
    public static final String ECHO_INITIAL_KEY = "x-grpc-test-echo-initial";
    /** Echoed into the trailers (interop spec, Echo Metadata). */
    public static final String ECHO_TRAILING_KEY = "x-grpc-test-echo-trailing-bin";
    /** grpc-java's {@code Util.METADATA_KEY}, echoed into headers and trailers as its TestServiceImpl does. */
    public static final String ECHO_BOTH_KEY = "google.protobuf.stringvalue-bin";

    @Override
    public Empty emptyCall(Empty request) {
        return Empty.getDefaultInstance();
    }

    @Override
    public SimpleResponse unaryCall(SimpleRequest request) {
        CallHeaders headers = CallHeaders.current();
        if (request.hasExpectCompressed()) {
            checkCompressed(headers, request.getExpectCompressed().getValue());
        }
        if (headers != null) {
            headers.compressResponses(request.hasResponseCompressed() && request.getResponseCompressed().getValue());
        }
        checkPayloadType(request.getResponseTypeValue());
        SimpleResponse.Builder response = SimpleResponse.newBuilder();
        if (request.getResponseSize() > 0) {
            response.setPayload(payload(request.getResponseSize()));
        } else if (request.getResponseSize() < 0) {
            throw new StatusException(StatusCode.INVALID_ARGUMENT, "negative response_size " + request.getResponseSize());
        }
        if (request.hasResponseStatus()) {
            throwStatus(request.getResponseStatus());
        }
        return response.build();
    }

    /** The interop spec's CacheableUnaryCall: the current time in nanoseconds, cacheable for 60 s. */
    @Override
    public SimpleResponse cacheableUnaryCall(SimpleRequest request) {
        CallHeaders headers = CallHeaders.current();
        if (headers != null) {
            headers.setHeader("cache-control", "max-age=60, public");
        }
        return SimpleResponse.newBuilder()
                .setPayload(Payload.newBuilder().setBody(ByteString.copyFromUtf8(Long.toString(System.nanoTime()))))
                .build();
    }

    @Override
    public void streamingOutputCall(StreamingOutputCallRequest request, StreamWriter<StreamingOutputCallResponse> responses) {
        if (request.hasResponseStatus()) {
            throwStatus(request.getResponseStatus());
        }
        checkPayloadType(request.getResponseTypeValue());
        respond(request.getResponseParametersList(), responses, CallHeaders.current());
    }

    @Override
    public StreamingInputCallResponse streamingInputCall(StreamReader<StreamingInputCallRequest> requests) {
        CallHeaders headers = CallHeaders.current();
        int total = 0;
        StreamingInputCallRequest r;
        while ((r = requests.recv()) != null) {
            if (r.hasExpectCompressed()) {
                checkCompressed(headers, r.getExpectCompressed().getValue());
            }
            total += r.getPayload().getBody().size();
        }
        return StreamingInputCallResponse.newBuilder().setAggregatedPayloadSize(total).build();
    }

    /** Answers each request as it comes (full duplex); OK once the client half-closed and all is sent. */
    @Override
    public void fullDuplexCall(ServerStream<StreamingOutputCallRequest, StreamingOutputCallResponse> stream) {
        CallHeaders headers = CallHeaders.current();
        StreamingOutputCallRequest r;
        while ((r = stream.recv()) != null) {
            if (r.hasResponseStatus()) {
                throwStatus(r.getResponseStatus());
            }
            checkPayloadType(r.getResponseTypeValue());
            respond(r.getResponseParametersList(), stream, headers);
        }
    }

    /** Reads every request first, then answers them in order. */
    @Override
    public void halfDuplexCall(ServerStream<StreamingOutputCallRequest, StreamingOutputCallResponse> stream) {
        CallHeaders headers = CallHeaders.current();
        List<ResponseParameters> all = new ArrayList<>();
        StreamingOutputCallRequest r;
        while ((r = stream.recv()) != null) {
            if (r.hasResponseStatus()) {
                throwStatus(r.getResponseStatus());
            }
            checkPayloadType(r.getResponseTypeValue());
            all.addAll(r.getResponseParametersList());
        }
        respond(all, stream, headers);
    }

    // UnimplementedCall: the generated default answers UNIMPLEMENTED, as the spec asks.

    /**
     * Echo Metadata: {@value #ECHO_INITIAL_KEY} goes back in the response headers,
     * {@value #ECHO_TRAILING_KEY} in the trailers, and {@value #ECHO_BOTH_KEY} in both, exactly
     * as received, for every call (grpc-java's {@code TestServiceImpl.interceptors()}).
     */
    public static Middleware echoMetadata() {
        return next -> (ctx, request) -> {
            CallHeaders headers = ctx.attribute(CallHeaders.KEY);
            if (headers != null) {
                String initial = headers.get(ECHO_INITIAL_KEY);
                if (initial != null) {
                    headers.setHeader(ECHO_INITIAL_KEY, initial);
                }
                String trailing = headers.get(ECHO_TRAILING_KEY);
                if (trailing != null) {
                    headers.setBinaryTrailer(ECHO_TRAILING_KEY, headers.getBinary(ECHO_TRAILING_KEY));
                }
                String both = headers.get(ECHO_BOTH_KEY);
                if (both != null) {
                    byte[] value = headers.getBinary(ECHO_BOTH_KEY);
                    headers.setBinaryHeader(ECHO_BOTH_KEY, value);
                    headers.setBinaryTrailer(ECHO_BOTH_KEY, value);
                }
            }
            return next.invoke(ctx, request);
        };
    }

    // ------------------------------------------------------------------ helpers

    private static void respond(List<ResponseParameters> parameters, StreamWriter<StreamingOutputCallResponse> out,
                                CallHeaders headers) {
        for (ResponseParameters p : parameters) {
            if (p.getIntervalUs() > 0) {
                sleepMicros(p.getIntervalUs());
            }
            if (p.getSize() < 0) {
                throw new StatusException(StatusCode.INVALID_ARGUMENT, "negative response size " + p.getSize());
            }
            if (headers != null) {
                headers.compressResponses(p.hasCompressed() && p.getCompressed().getValue());
            }
            StreamingOutputCallResponse.Builder r = StreamingOutputCallResponse.newBuilder();
            if (p.getSize() > 0) {
                r.setPayload(payload(p.getSize()));
            }
            out.send(r.build());
        }
    }

    private static Payload payload(int size) {
        return Payload.newBuilder().setType(PayloadType.COMPRESSABLE).setBody(ByteString.copyFrom(new byte[size])).build();
    }

    private static void checkPayloadType(int type) {
        if (type != PayloadType.COMPRESSABLE_VALUE) {
            throw new StatusException(StatusCode.INVALID_ARGUMENT, "unsupported response_type " + type);
        }
    }

    private static void checkCompressed(CallHeaders headers, boolean expected) {
        boolean compressed = headers != null && headers.requestCompressed();
        if (compressed != expected) {
            throw new StatusException(StatusCode.INVALID_ARGUMENT, expected
                    ? "Expected compressed request, but got uncompressed request"
                    : "Expected uncompressed request, but got compressed request");
        }
    }

    private static void throwStatus(EchoStatus status) {
        if (status.getCode() == StatusCode.OK.value()) {
            return; // gRPC cannot fail with OK: the call goes on
        }
        throw new StatusException(StatusCode.fromValue(status.getCode()), status.getMessage());
    }

    private static void sleepMicros(int micros) {
        try {
            TimeUnit.MICROSECONDS.sleep(micros);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StatusException(StatusCode.CANCELLED, "interrupted while waiting interval_us", e);
        }
    }
}
