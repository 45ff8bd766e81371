package io.kitex4j.protobuf.codec;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import io.kitex4j.protobuf.internal.ByteBufCoding;
import io.kitex4j.remote.ProtocolException;
import io.netty.buffer.ByteBuf;
import java.io.IOException;

/**
 * The body of a Kitex Protobuf EXCEPTION message, Kitex's {@code error.proto}:
 * {@code message ErrorProto { int32 TypeID = 1; string Message = 2; }} (proto3, package
 * {@code protobuf}). The type ids are Thrift's {@code TApplicationException} ids.
 *
 * <p>Encoded by hand with protobuf's coded streams instead of a protoc-generated class: it is two
 * scalar fields, and a generated class would need protoc in this module's main build (and a
 * descriptor pool entry for a message no user sees). The encoding is proto3's, as Go's
 * {@code proto.Marshal} writes it: a field with its zero value (type 0, empty message) is left out.
 * The reader skips unknown fields, and like Go's decoder treats a known field number with the
 * wrong wire type as unknown.
 */
final class ErrorProto {
    static final int TYPE_ID = 1;
    static final int MESSAGE = 2;

    private ErrorProto() {}

    /** A decoded {@code ErrorProto}: type 0 and message "" when absent. */
    record Value(int typeId, String message) {}

    /** Writes {@code ErrorProto{TypeID, Message}}; a null message is written as "" (left out). */
    static void write(int typeId, String message, ByteBuf out) {
        String m = message == null ? "" : message;
        int size = 0;
        if (typeId != 0) {
            size += CodedOutputStream.computeInt32Size(TYPE_ID, typeId);
        }
        if (!m.isEmpty()) {
            size += CodedOutputStream.computeStringSize(MESSAGE, m);
        }
        ByteBufCoding.write(out, size, cos -> {
            if (typeId != 0) {
                cos.writeInt32(TYPE_ID, typeId);
            }
            if (!m.isEmpty()) {
                cos.writeString(MESSAGE, m);
            }
        });
    }

    /**
     * Reads all readable bytes of {@code in} as an {@code ErrorProto} and consumes them.
     * Invalid UTF-8 in the message is replaced rather than refused (it is only shown to people).
     *
     * @throws ProtocolException on malformed protobuf
     */
    static Value read(ByteBuf in) {
        int len = in.readableBytes();
        int typeId = 0;
        String message = "";
        try {
            CodedInputStream cis = ByteBufCoding.input(in);
            int tag;
            while ((tag = cis.readTag()) != 0) {
                int field = WireFormat.getTagFieldNumber(tag);
                int wireType = WireFormat.getTagWireType(tag);
                if (field == TYPE_ID && wireType == WireFormat.WIRETYPE_VARINT) {
                    typeId = cis.readInt32();
                } else if (field == MESSAGE && wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                    message = cis.readString();
                } else if (!cis.skipField(tag)) {
                    throw new ProtocolException("malformed Kitex Protobuf ErrorProto: unexpected end-group tag of field " + field);
                }
            }
        } catch (InvalidProtocolBufferException e) {
            throw new ProtocolException("malformed Kitex Protobuf ErrorProto (" + len + " bytes): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ProtocolException("malformed Kitex Protobuf ErrorProto (" + len + " bytes): " + e, e);
        }
        in.skipBytes(len);
        return new Value(typeId, message);
    }
}
