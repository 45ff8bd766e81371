package io.kitex4j.protobuf.codec;

import com.google.protobuf.MessageLite;
import io.kitex4j.protobuf.ProtobufCodec;
import io.kitex4j.remote.MessageType;
import io.kitex4j.remote.ProtocolException;
import io.kitex4j.remote.RemoteMessage;
import io.kitex4j.service.MessageCodec;
import io.kitex4j.service.MethodDescriptor;

/** Picks and checks the {@link ProtobufCodec} of a message; shared by the two payload codecs. */
final class Codecs {
    private Codecs() {}

    static boolean isRequest(int messageType) {
        return messageType == MessageType.CALL || messageType == MessageType.ONEWAY;
    }

    /** The request codec for CALL/ONEWAY, else the response codec, of {@code msg.method()}. */
    static MessageCodec<?> bodyCodec(RemoteMessage msg) {
        MethodDescriptor<?, ?> m = msg.method();
        if (m == null) {
            throw new IllegalStateException("no method descriptor for " + msg.methodName() + " in " + msg);
        }
        return isRequest(msg.messageType()) ? m.requestCodec() : m.responseCodec();
    }

    /**
     * {@code codec} as a {@link ProtobufCodec}; {@code what} names its owner in the error
     * ("method Echo"). A method of another IDL family (a Thrift method
     * reached by a protobuf request) is the peer's mistake on decode: {@link ProtocolException}
     * (Kitex answers it with {@code InvalidProtocol} "codec msg type not match"); on encode it is
     * a programming error: {@link IllegalArgumentException}.
     */
    @SuppressWarnings("unchecked")
    static ProtobufCodec<MessageLite> protobuf(MessageCodec<?> codec, String what, boolean decoding) {
        if (codec instanceof ProtobufCodec) {
            return (ProtobufCodec<MessageLite>) codec;
        }
        String text = what + " is not protobuf: its codec is " + (codec == null ? "null" : codec.getClass().getName());
        if (decoding) {
            throw new ProtocolException(text);
        }
        throw new IllegalArgumentException(text);
    }

    /** {@code body} as a message; {@code what} names its owner in the error ("method Echo"). */
    static MessageLite message(Object body, ProtobufCodec<?> codec, String what) {
        if (body instanceof MessageLite) {
            return (MessageLite) body;
        }
        throw new IllegalArgumentException(what + " expects a " + codec.defaultInstance().getClass().getName()
                + " message, got a " + body.getClass().getName());
    }
}
