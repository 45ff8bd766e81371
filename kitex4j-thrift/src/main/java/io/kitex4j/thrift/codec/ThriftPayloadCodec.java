package io.kitex4j.thrift.codec;

import io.kitex4j.errors.ApplicationException;
import io.kitex4j.errors.RemoteApplicationException;
import io.kitex4j.remote.MessageType;
import io.kitex4j.remote.PayloadCodec;
import io.kitex4j.remote.ProtocolException;
import io.kitex4j.remote.RemoteMessage;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.service.MessageCodec;
import io.kitex4j.thrift.ThriftProtocolException;
import io.kitex4j.thrift.ThriftReader;
import io.kitex4j.thrift.ThriftStructCodec;
import io.kitex4j.thrift.ThriftWriter;
import io.kitex4j.thrift.internal.ApplicationExceptionCodec;
import io.kitex4j.thrift.internal.BinaryProtocol;
import io.kitex4j.thrift.internal.CompactProtocol;
import io.kitex4j.thrift.internal.ThriftMessageScanner;
import io.kitex4j.thrift.ThriftProtocolId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.FastThreadLocalThread;

/**
 * The Thrift {@link PayloadCodec} for binary and compact: a message header, then the args or
 * result struct through the method's {@link ThriftStructCodec}, or a
 * {@code TApplicationException} for {@link MessageType#EXCEPTION}. Stateless and thread-safe.
 */
public final class ThriftPayloadCodec implements PayloadCodec {
    private static final int MAX_DEPTH = 64;

    private final PayloadProtocol protocol;
    private final boolean compact;

    public ThriftPayloadCodec(PayloadProtocol protocol) {
        if (protocol != PayloadProtocol.THRIFT_BINARY && protocol != PayloadProtocol.THRIFT_COMPACT) {
            throw new IllegalArgumentException("not a thrift protocol: " + protocol);
        }
        this.protocol = protocol;
        this.compact = protocol == PayloadProtocol.THRIFT_COMPACT;
    }

    @Override
    public PayloadProtocol protocol() {
        return protocol;
    }

    /** Protocol objects reused on Netty I/O threads, where all decoding and most encoding happens. */
    private static final FastThreadLocal<BinaryProtocol> BINARY = new FastThreadLocal<>() {
        @Override
        protected BinaryProtocol initialValue() {
            return new BinaryProtocol(Unpooled.EMPTY_BUFFER, MAX_DEPTH);
        }
    };
    private static final FastThreadLocal<CompactProtocol> COMPACT = new FastThreadLocal<>() {
        @Override
        protected CompactProtocol initialValue() {
            return new CompactProtocol(Unpooled.EMPTY_BUFFER, MAX_DEPTH);
        }
    };

    private ThriftWriter writer(ByteBuf out) {
        return (ThriftWriter) protocol(out);
    }

    private ThriftReader reader(ByteBuf in) {
        return (ThriftReader) protocol(in);
    }

    // Codecs never nest (a struct codec reads through the protocol it is given), so one cached
    // instance per thread is enough.
    private Object protocol(ByteBuf buf) {
        if (Thread.currentThread() instanceof FastThreadLocalThread) {
            return compact ? COMPACT.get().reset(buf) : BINARY.get().reset(buf);
        }
        return compact ? new CompactProtocol(buf, MAX_DEPTH) : new BinaryProtocol(buf, MAX_DEPTH);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void encode(RemoteMessage msg, ByteBuf out) {
        ThriftWriter w = writer(out);
        w.writeMessageBegin(msg.methodName(), (byte) msg.messageType(), msg.seqId());
        Object body = msg.body();
        if (msg.messageType() == MessageType.EXCEPTION) {
            if (body instanceof ApplicationException) {
                ApplicationException e = (ApplicationException) body;
                ApplicationExceptionCodec.write(w, e.getMessage(), e.typeId());
            } else {
                String text = body instanceof Throwable ? String.valueOf(((Throwable) body).getMessage()) : String.valueOf(body);
                ApplicationExceptionCodec.write(w, text, ApplicationException.INTERNAL_ERROR);
            }
        } else if (body == null) {
            // An empty struct: the reply of a business status error, or a void result.
            w.writeStructBegin();
            w.writeFieldStop();
            w.writeStructEnd();
        } else {
            MessageCodec<?> codec = isRequest(msg.messageType()) ? msg.method().requestCodec() : msg.method().responseCodec();
            ((ThriftStructCodec) codec).write(body, w);
        }
        w.writeMessageEnd();
    }

    private static boolean isRequest(int type) {
        return type == MessageType.CALL || type == MessageType.ONEWAY;
    }

    @Override
    public int messageLength(ByteBuf in, int offset) {
        try {
            return ThriftMessageScanner.messageLength(in, offset,
                    compact ? ThriftProtocolId.COMPACT : ThriftProtocolId.BINARY, MAX_DEPTH);
        } catch (ThriftProtocolException e) {
            throw new ProtocolException("malformed buffered thrift message: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the bare struct, with no message header (Thrift over gRPC, §4: the args struct of a
     * unary request, the result struct of its reply; a streaming message's own struct), binary or
     * compact as this codec is.
     */
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void encodeMessage(Object message, MessageCodec<?> codec, ByteBuf out) {
        if (!(codec instanceof ThriftStructCodec)) {
            throw new IllegalArgumentException("not a Thrift struct codec: " + codec);
        }
        ThriftWriter w = writer(out);
        if (message == null) {
            w.writeStructBegin();
            w.writeFieldStop();
            w.writeStructEnd();
            return;
        }
        ((ThriftStructCodec) codec).write(message, w);
    }

    /** Reads one bare struct from all readable bytes of {@code in}; trailing bytes are malformed. */
    @Override
    public Object decodeMessage(ByteBuf in, MessageCodec<?> codec) {
        if (!(codec instanceof ThriftStructCodec)) {
            throw new IllegalArgumentException("not a Thrift struct codec: " + codec);
        }
        try {
            Object v = ((ThriftStructCodec<?>) codec).read(reader(in));
            if (in.isReadable()) {
                throw new ProtocolException("malformed thrift struct: " + in.readableBytes() + " bytes after its end");
            }
            return v;
        } catch (ThriftProtocolException e) {
            throw new ProtocolException("malformed thrift struct: " + e.getMessage(), e);
        } catch (IndexOutOfBoundsException e) {
            throw new ProtocolException("truncated thrift struct", e);
        }
    }

    @Override
    public void decodeHeader(ByteBuf in, RemoteMessage msg) {
        try {
            ThriftReader r = reader(in);
            byte type = r.readMessageBegin();
            if (type < MessageType.CALL || type > MessageType.ONEWAY) {
                throw new ProtocolException("invalid thrift message type " + type);
            }
            msg.messageType(type).methodName(r.messageName()).seqId(r.messageSeqId());
        } catch (ThriftProtocolException e) {
            throw new ProtocolException("malformed thrift message header: " + e.getMessage(), e);
        }
    }

    @Override
    public void decodeBody(ByteBuf in, RemoteMessage msg) {
        try {
            ThriftReader r = reader(in);
            if (msg.messageType() == MessageType.EXCEPTION) {
                ApplicationExceptionCodec.AppError e = ApplicationExceptionCodec.read(r);
                msg.body(new RemoteApplicationException(e.type(), e.message()));
                return;
            }
            MessageCodec<?> codec = isRequest(msg.messageType()) ? msg.method().requestCodec() : msg.method().responseCodec();
            msg.body(((ThriftStructCodec<?>) codec).read(r));
        } catch (ThriftProtocolException e) {
            throw new ProtocolException("malformed thrift " + msg.methodName() + " body: " + e.getMessage(), e);
        }
    }
}
