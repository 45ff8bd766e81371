package io.kitex4j.protobuf.internal;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.io.IOException;

/**
 * Protobuf's {@link CodedOutputStream} and {@link CodedInputStream} over Netty buffers, without an
 * intermediate {@code byte[]} whenever the buffer exposes its memory as one array or one NIO
 * buffer (heap, pooled direct, single-component composite). Stateless and thread-safe.
 */
public final class ByteBufCoding {

    /** Writes one message's fields to a coded stream. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(CodedOutputStream out) throws IOException;
    }

    private ByteBufCoding() {}

    /**
     * Runs {@code writer} over exactly {@code size} bytes at the writer index of {@code out}
     * (growing it first) and advances the writer index by {@code size}. Throws
     * {@link IllegalStateException} if the writer does not write exactly {@code size} bytes (the
     * message changed while it was serialised); {@code out}'s writer index is then unchanged.
     */
    public static void write(ByteBuf out, int size, Writer writer) {
        if (size == 0) {
            return;
        }
        out.ensureWritable(size);
        int at = out.writerIndex();
        try {
            if (out.hasArray()) {
                CodedOutputStream cos = CodedOutputStream.newInstance(out.array(), out.arrayOffset() + at, size);
                writer.writeTo(cos);
                checkFull(cos, size);
            } else if (out.nioBufferCount() == 1) {
                // One NIO buffer shares the ByteBuf's memory: protobuf writes straight into it.
                CodedOutputStream cos = CodedOutputStream.newInstance(out.nioBuffer(at, size));
                writer.writeTo(cos);
                cos.flush();
                checkFull(cos, size);
            } else {
                byte[] tmp = new byte[size];
                CodedOutputStream cos = CodedOutputStream.newInstance(tmp);
                writer.writeTo(cos);
                checkFull(cos, size);
                out.setBytes(at, tmp);
            }
        } catch (IOException e) {
            // CodedOutputStream.OutOfSpaceException: the message grew after its size was computed.
            throw new IllegalStateException("protobuf serialisation of " + size + " bytes failed: " + e.getMessage(), e);
        }
        out.writerIndex(at + size);
    }

    private static void checkFull(CodedOutputStream cos, int size) {
        if (cos.spaceLeft() != 0) {
            throw new IllegalStateException("protobuf message wrote " + (size - cos.spaceLeft()) + " bytes, its size said "
                    + size + " (was it modified while being serialised?)");
        }
    }

    /**
     * A coded input over all readable bytes of {@code in}; the caller skips them once done.
     * Strings and bytes are copied out (no aliasing), so the result outlives {@code in}.
     */
    public static CodedInputStream input(ByteBuf in) {
        int len = in.readableBytes();
        if (in.hasArray()) {
            return CodedInputStream.newInstance(in.array(), in.arrayOffset() + in.readerIndex(), len);
        }
        if (in.nioBufferCount() == 1) {
            return CodedInputStream.newInstance(in.nioBuffer(in.readerIndex(), len));
        }
        return CodedInputStream.newInstance(ByteBufUtil.getBytes(in, in.readerIndex(), len, false));
    }
}
