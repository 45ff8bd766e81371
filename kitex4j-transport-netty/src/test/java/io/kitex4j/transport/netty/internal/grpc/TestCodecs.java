package io.kitex4j.transport.netty.internal.grpc;

import io.kitex4j.remote.PayloadCodec;
import io.kitex4j.remote.PayloadCodecProvider;
import io.kitex4j.remote.ProtocolException;
import io.kitex4j.remote.RemoteMessage;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.service.InteractionMode;
import io.kitex4j.service.MessageCodec;
import io.kitex4j.service.MethodDescriptor;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for the protobuf payload codec in this module's tests (kitex4j-protobuf is not a
 * dependency here): messages are Java strings as UTF-8; a message that is the text
 * {@code "!malformed"} fails to decode.
 */
public final class TestCodecs {
    private TestCodecs() {}

    /** The message codec of string messages. */
    public static final MessageCodec<String> STRING = new MessageCodec<>() {};

    public static MethodDescriptor<String, String> method(String name, InteractionMode mode) {
        return MethodDescriptor.of(name, mode, STRING, STRING);
    }

    /** PROTOBUF as strings. */
    public static final class StringCodec implements PayloadCodec {
        @Override
        public PayloadProtocol protocol() {
            return PayloadProtocol.PROTOBUF;
        }

        @Override
        public void encode(RemoteMessage msg, ByteBuf out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void decodeHeader(ByteBuf in, RemoteMessage msg) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void decodeBody(ByteBuf in, RemoteMessage msg) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void encodeMessage(Object message, MessageCodec<?> codec, ByteBuf out) {
            if (message != null) {
                out.writeCharSequence((String) message, StandardCharsets.UTF_8);
            }
        }

        @Override
        public Object decodeMessage(ByteBuf in, MessageCodec<?> codec) {
            String s = in.readCharSequence(in.readableBytes(), StandardCharsets.UTF_8).toString();
            if (s.equals("!malformed")) {
                throw new ProtocolException("malformed test message");
            }
            return s;
        }
    }

    public static final class Provider implements PayloadCodecProvider {
        @Override
        public PayloadCodec codec() {
            return new StringCodec();
        }
    }
}
