package io.kitex4j.examples.echo;

import io.kitex4j.client.CallOptions;
import io.kitex4j.client.Calls;
import io.kitex4j.client.Client;
import io.kitex4j.service.InteractionMode;
import io.kitex4j.service.MethodDescriptor;
import io.kitex4j.service.PayloadKind;
import io.kitex4j.service.ServiceDefinition;
import io.kitex4j.service.ServiceDescriptor;
import io.kitex4j.thrift.TType;
import io.kitex4j.thrift.ThriftReader;
import io.kitex4j.thrift.ThriftStructCodec;
import io.kitex4j.thrift.ThriftWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Thrift service {@code EchoService} (echo.thrift): interfaces, descriptors, args/result wrappers,
 * the server binding and the client stub, as the Kitex4j generator emits them.
 */
public final class EchoService {
    private EchoService() {}

    /** Blocking server-side (and client-side) interface. */
    public interface Iface {
        EchoResponse echo(EchoRequest req) throws EchoError;

        void fire(EchoRequest req);
    }

    /** Non-blocking interface: declared exceptions complete the future exceptionally. */
    public interface AsyncIface {
        CompletableFuture<EchoResponse> echo(EchoRequest req);

        CompletableFuture<Void> fire(EchoRequest req);
    }

    /** {@code echo} arguments: field 1 {@code req}. */
    public static final class EchoArgs {
        public EchoRequest req;

        public EchoArgs() {}

        public EchoArgs(EchoRequest req) {
            this.req = req;
        }

        public static final ThriftStructCodec<EchoArgs> CODEC = new ThriftStructCodec<>() {
            @Override
            public void write(EchoArgs v, ThriftWriter out) {
                out.writeStructBegin();
                if (v.req != null) {
                    out.writeFieldBegin(TType.STRUCT, (short) 1);
                    EchoRequest.CODEC.write(v.req, out);
                    out.writeFieldEnd();
                }
                out.writeFieldStop();
                out.writeStructEnd();
            }

            @Override
            public EchoArgs read(ThriftReader in) {
                EchoArgs v = new EchoArgs();
                in.readStructBegin();
                while (true) {
                    byte type = in.readFieldBegin();
                    if (type == TType.STOP) {
                        break;
                    }
                    if (in.fieldId() == 1 && type == TType.STRUCT) {
                        v.req = EchoRequest.CODEC.read(in);
                    } else {
                        in.skip(type);
                    }
                    in.readFieldEnd();
                }
                in.readStructEnd();
                return v;
            }
        };
    }

    /** {@code echo} result: field 0 {@code success}, field 1 {@code err}. */
    public static final class EchoResult {
        public EchoResponse success;
        public EchoError err;

        public static final ThriftStructCodec<EchoResult> CODEC = new ThriftStructCodec<>() {
            @Override
            public void write(EchoResult v, ThriftWriter out) {
                out.writeStructBegin();
                if (v.success != null) {
                    out.writeFieldBegin(TType.STRUCT, (short) 0);
                    EchoResponse.CODEC.write(v.success, out);
                    out.writeFieldEnd();
                } else if (v.err != null) {
                    out.writeFieldBegin(TType.STRUCT, (short) 1);
                    EchoError.CODEC.write(v.err, out);
                    out.writeFieldEnd();
                }
                out.writeFieldStop();
                out.writeStructEnd();
            }

            @Override
            public EchoResult read(ThriftReader in) {
                EchoResult v = new EchoResult();
                in.readStructBegin();
                while (true) {
                    byte type = in.readFieldBegin();
                    if (type == TType.STOP) {
                        break;
                    }
                    if (in.fieldId() == 0 && type == TType.STRUCT) {
                        v.success = EchoResponse.CODEC.read(in);
                    } else if (in.fieldId() == 1 && type == TType.STRUCT) {
                        v.err = EchoError.CODEC.read(in);
                    } else {
                        in.skip(type);
                    }
                    in.readFieldEnd();
                }
                in.readStructEnd();
                return v;
            }
        };
    }

    /** {@code fire} arguments: field 1 {@code req}. */
    public static final class FireArgs {
        public EchoRequest req;

        public FireArgs() {}

        public FireArgs(EchoRequest req) {
            this.req = req;
        }

        public static final ThriftStructCodec<FireArgs> CODEC = new ThriftStructCodec<>() {
            @Override
            public void write(FireArgs v, ThriftWriter out) {
                out.writeStructBegin();
                if (v.req != null) {
                    out.writeFieldBegin(TType.STRUCT, (short) 1);
                    EchoRequest.CODEC.write(v.req, out);
                    out.writeFieldEnd();
                }
                out.writeFieldStop();
                out.writeStructEnd();
            }

            @Override
            public FireArgs read(ThriftReader in) {
                FireArgs v = new FireArgs();
                in.readStructBegin();
                while (true) {
                    byte type = in.readFieldBegin();
                    if (type == TType.STOP) {
                        break;
                    }
                    if (in.fieldId() == 1 && type == TType.STRUCT) {
                        v.req = EchoRequest.CODEC.read(in);
                    } else {
                        in.skip(type);
                    }
                    in.readFieldEnd();
                }
                in.readStructEnd();
                return v;
            }
        };
    }

    /** A oneway method has no result; this codec writes and reads an empty struct. */
    public static final class FireResult {
        public static final ThriftStructCodec<FireResult> CODEC = new ThriftStructCodec<>() {
            @Override
            public void write(FireResult v, ThriftWriter out) {
                out.writeStructBegin();
                out.writeFieldStop();
                out.writeStructEnd();
            }

            @Override
            public FireResult read(ThriftReader in) {
                in.readStructBegin();
                while (true) {
                    byte type = in.readFieldBegin();
                    if (type == TType.STOP) {
                        break;
                    }
                    in.skip(type);
                    in.readFieldEnd();
                }
                in.readStructEnd();
                return new FireResult();
            }
        };
    }

    public static final MethodDescriptor<EchoArgs, EchoResult> ECHO =
            MethodDescriptor.of("echo", InteractionMode.PING_PONG, EchoArgs.CODEC, EchoResult.CODEC);
    public static final MethodDescriptor<FireArgs, FireResult> FIRE =
            MethodDescriptor.of("fire", InteractionMode.ONEWAY, FireArgs.CODEC, FireResult.CODEC);

    /** The service as clients and servers see it. */
    public static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.builder("EchoService", PayloadKind.THRIFT)
            .packageName("echo")
            .method(ECHO)
            .method(FIRE)
            .build();

    /** Binds a blocking implementation for a server. */
    public static ServiceDefinition definition(Iface impl) {
        return ServiceDefinition.builder(DESCRIPTOR)
                .unary(ECHO, args -> {
                    EchoResult r = new EchoResult();
                    try {
                        r.success = impl.echo(args.req);
                    } catch (EchoError e) {
                        r.err = e;
                    }
                    return r;
                })
                .unary(FIRE, args -> {
                    impl.fire(args.req);
                    return null;
                })
                .build();
    }

    /** Binds a non-blocking implementation for a server. */
    public static ServiceDefinition definition(AsyncIface impl) {
        return ServiceDefinition.builder(DESCRIPTOR)
                .asyncUnary(ECHO, args -> impl.echo(args.req).handle((resp, err) -> {
                    EchoResult r = new EchoResult();
                    Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
                    if (cause instanceof EchoError) {
                        r.err = (EchoError) cause;
                    } else if (cause != null) {
                        throw Calls.rethrow(cause);
                    } else {
                        r.success = resp;
                    }
                    return r;
                }))
                .asyncUnary(FIRE, args -> impl.fire(args.req).thenApply(v -> (FireResult) null))
                .build();
    }

    /** The client stub over a {@link Client} built for {@link #DESCRIPTOR}. Thread-safe. */
    public static final class Stub implements Iface {
        private final Client client;
        private final CallOptions options;

        public Stub(Client client) {
            this(client, CallOptions.DEFAULT);
        }

        public Stub(Client client, CallOptions options) {
            if (client.service() != DESCRIPTOR) {
                throw new IllegalArgumentException("client was built for " + client.service().serviceName()
                        + ", not EchoService");
            }
            this.client = client;
            this.options = options;
        }

        /** A stub whose calls use {@code options}. */
        public Stub withOptions(CallOptions options) {
            return new Stub(client, options);
        }

        @Override
        public EchoResponse echo(EchoRequest req) throws EchoError {
            EchoResult r = Calls.await(client.invoke(ECHO, new EchoArgs(req), options));
            if (r.success != null) {
                return r.success;
            }
            if (r.err != null) {
                throw r.err;
            }
            throw Calls.missingResult("echo");
        }

        /** {@code echo} without blocking; a declared {@link EchoError} completes the future exceptionally. */
        public CompletableFuture<EchoResponse> echoAsync(EchoRequest req) {
            return client.invoke(ECHO, new EchoArgs(req), options).thenApply(r -> {
                if (r.success != null) {
                    return r.success;
                }
                if (r.err != null) {
                    throw new CompletionException(r.err);
                }
                throw Calls.missingResult("echo");
            });
        }

        @Override
        public void fire(EchoRequest req) {
            Calls.await(client.invoke(FIRE, new FireArgs(req), options));
        }

        public CompletableFuture<Void> fireAsync(EchoRequest req) {
            return client.invoke(FIRE, new FireArgs(req), options).thenApply(r -> null);
        }
    }
}
