package io.kitex4j.interop.grpc.echo;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.kitex4j.interop.grpc.echo.proto.EchoRequest;
import io.kitex4j.interop.grpc.echo.proto.EchoResponse;
import io.kitex4j.interop.grpc.echo.proto.EchoServiceGrpc;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * {@code echo.EchoService} on grpc-java, with the same behaviour as {@link PbEcho} (see there),
 * and what it saw for the tests: every request's headers, and how cancelled calls ended.
 */
public final class GrpcJavaEcho extends EchoServiceGrpc.EchoServiceImplBase {
    static final Context.Key<Metadata> HEADERS = Context.key("headers");
    static final Metadata.Key<String> ECHO_INITIAL = Metadata.Key.of("x-echo-initial", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<byte[]> ECHO_TRAILING = Metadata.Key.of("x-echo-trailing-bin", Metadata.BINARY_BYTE_MARSHALLER);

    final List<Metadata> headers = new CopyOnWriteArrayList<>();
    /** Completes with the status a streaming call's requests ended with when the client cancelled. */
    volatile CompletableFuture<Status> cancelled = new CompletableFuture<>();

    /** Keeps the request headers in the context and echoes the {@code x-echo-*} ones back. */
    public final ServerInterceptor interceptor = new ServerInterceptor() {
        @Override
        public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata requestHeaders,
                                                                     ServerCallHandler<ReqT, RespT> next) {
            headers.add(requestHeaders);
            ServerCall<ReqT, RespT> echoing = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
                @Override
                public void sendHeaders(Metadata responseHeaders) {
                    String v = requestHeaders.get(ECHO_INITIAL);
                    if (v != null) {
                        responseHeaders.put(ECHO_INITIAL, v);
                    }
                    super.sendHeaders(responseHeaders);
                }

                @Override
                public void close(Status status, Metadata trailers) {
                    byte[] v = requestHeaders.get(ECHO_TRAILING);
                    if (v != null) {
                        trailers.put(ECHO_TRAILING, v);
                    }
                    super.close(status, trailers);
                }
            };
            return Contexts.interceptCall(Context.current().withValue(HEADERS, requestHeaders), echoing, requestHeaders, next);
        }
    };

    private static String header(String key) {
        Metadata h = HEADERS.get();
        return h == null ? null : h.get(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER));
    }

    @Override
    public void echo(EchoRequest request, StreamObserver<EchoResponse> out) {
        String m = request.getMessage();
        try {
            if (m.startsWith("status:")) {
                String[] p = m.split(":", 3);
                int code = Integer.parseInt(p[1]);
                out.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.parseFrom(PbEcho.details(code, p[2]))));
                return;
            }
            if (m.equals("biz")) {
                // What a Kitex server sends for a business error (§4; grpc-pb-bizerror capture).
                Metadata t = new Metadata();
                t.put(Metadata.Key.of("biz-status", Metadata.ASCII_STRING_MARSHALLER), "404");
                t.put(Metadata.Key.of("biz-extra", Metadata.ASCII_STRING_MARSHALLER), "{\"k\":\"v\"}");
                out.onError(Status.INTERNAL.withDescription("not found").asRuntimeException(t));
                return;
            }
            if (m.startsWith("fail:")) {
                out.onError(Status.INTERNAL.withDescription(m.substring(5)).asRuntimeException());
                return;
            }
            if (m.startsWith("sleep:")) {
                Thread.sleep(Long.parseLong(m.substring(6)));
            }
            if (m.startsWith("wait:")) {
                PbEcho.waitFor(m.substring(5));
            }
            String answer = m;
            if (m.equals("deadline")) {
                io.grpc.Deadline d = Context.current().getDeadline();
                answer = Long.toString(d == null ? -1 : d.timeRemaining(TimeUnit.MILLISECONDS));
            } else if (m.equals("metainfo")) {
                answer = header("rpc-transit-transient-key") + "," + header("rpc-persist-persist-key");
            } else if (m.equals("compressed?")) {
                answer = Boolean.toString("gzip".equals(header("grpc-encoding")));
            } else if (m.equals("gzip")) {
                ((ServerCallStreamObserver<EchoResponse>) out).setCompression("gzip");
                answer = "gzip ".repeat(2000);
            } else if (m.startsWith("big:")) {
                answer = "x".repeat(Integer.parseInt(m.substring(4)));
            }
            out.onNext(PbEcho.resp(answer));
            out.onCompleted();
        } catch (Exception e) {
            out.onError(Status.INTERNAL.withDescription(e.toString()).asRuntimeException());
        }
    }

    @Override
    public void serverStream(EchoRequest request, StreamObserver<EchoResponse> out) {
        for (int i = 0; i < Math.min(100, request.getMessage().length()); i++) {
            out.onNext(PbEcho.resp(request.getMessage() + i));
        }
        out.onCompleted();
    }

    @Override
    public StreamObserver<EchoRequest> clientStream(StreamObserver<EchoResponse> out) {
        StringBuilder sb = new StringBuilder();
        return new StreamObserver<>() {
            @Override
            public void onNext(EchoRequest r) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(r.getMessage());
            }

            @Override
            public void onError(Throwable t) {
                cancelled.complete(Status.fromThrowable(t));
            }

            @Override
            public void onCompleted() {
                out.onNext(PbEcho.resp(sb.toString()));
                out.onCompleted();
            }
        };
    }

    @Override
    public StreamObserver<EchoRequest> bidi(StreamObserver<EchoResponse> out) {
        return new StreamObserver<>() {
            @Override
            public void onNext(EchoRequest r) {
                String m = r.getMessage();
                if (m.startsWith("status:")) {
                    String[] p = m.split(":", 3);
                    out.onError(Status.fromCodeValue(Integer.parseInt(p[1])).withDescription(p[2]).asRuntimeException());
                    return;
                }
                if (m.equals("cancel")) {
                    out.onError(Status.CANCELLED.withDescription("the server cancels").asRuntimeException());
                    return;
                }
                out.onNext(PbEcho.resp(m));
            }

            @Override
            public void onError(Throwable t) {
                cancelled.complete(Status.fromThrowable(t));
            }

            @Override
            public void onCompleted() {
                out.onCompleted();
            }
        };
    }
}
