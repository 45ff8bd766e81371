package io.kitex4j.thrift.internal;

import io.kitex4j.thrift.ThriftProtocolId;
import io.kitex4j.thrift.ThriftWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.function.Function;

/** Buffer plumbing for tests; every buffer allocated here is released here. */
final class Bufs {

    private Bufs() {}

    /** What our writer of {@code id} produces for {@code body} (written into an unpooled heap buffer). */
    static byte[] encode(ThriftProtocolId id, Consumer<ThriftWriter> body) {
        ByteBuf buf = Unpooled.buffer();
        try {
            body.accept(ThriftProtocols.writer(id, buf));
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    static byte[] encode(ThriftProtocolId id, Script script) {
        return encode(id, script::writeTo);
    }

    /**
     * Runs {@code body} over a buffer holding {@code bytes}, then releases it. {@code direct} picks
     * a pooled direct buffer, which the leak detector tracks (at PARANOID it records every access,
     * which is slow); otherwise the bytes are wrapped in an unpooled heap buffer.
     */
    static <T> T with(byte[] bytes, boolean direct, Function<ByteBuf, T> body) {
        ByteBuf buf;
        if (direct) {
            buf = PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length);
            buf.writeBytes(bytes);
        } else {
            buf = Unpooled.wrappedBuffer(bytes);
        }
        try {
            return body.apply(buf);
        } finally {
            buf.release();
        }
    }

    static <T> T with(byte[] bytes, Function<ByteBuf, T> body) {
        return with(bytes, false, body);
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    /** A Kitex wire vector from the repository's testdata folder. */
    static byte[] kitexVector(String name) {
        Path path = Path.of("..", "testdata", "kitex-vectors", name);
        try {
            return hex(Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
