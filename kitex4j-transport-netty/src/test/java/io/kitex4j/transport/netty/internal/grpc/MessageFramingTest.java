package io.kitex4j.transport.netty.internal.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitex4j.errors.StatusCode;
import io.kitex4j.errors.StatusException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageFramingTest {
    private static final ByteBufAllocator ALLOC = PooledByteBufAllocator.DEFAULT;
    private static final TestCodecs.StringCodec CODEC = new TestCodecs.StringCodec();

    private static ByteBuf frame(String msg, boolean gzip) {
        return GrpcCodec.frame(ALLOC, GrpcCodec.encodeBare(ALLOC, CODEC, TestCodecs.STRING, msg), gzip);
    }

    private static String text(ByteBuf b) {
        try {
            return b.toString(StandardCharsets.UTF_8);
        } finally {
            b.release();
        }
    }

    @Test
    void framesWithTheFiveBytePrefix() {
        ByteBuf f = frame("hello", false);
        try {
            assertThat(f.readableBytes()).isEqualTo(10);
            assertThat(f.getByte(0)).isZero();
            assertThat(f.getInt(1)).isEqualTo(5);
            assertThat(f.toString(5, 5, StandardCharsets.UTF_8)).isEqualTo("hello");
        } finally {
            f.release();
        }
        // Kitex's capture (grpc-pb.req.hex): 00 00000007 0a0568656c6c6f
        ByteBuf empty = frame("", false);
        assertThat(empty.readableBytes()).isEqualTo(5);
        empty.release();
    }

    @Test
    void deframesAcrossAnySplitOfTheBytes() {
        List<String> msgs = List.of("a", "", "hello world", "x".repeat(70_000), "\u263A");
        ByteBuf all = Unpooled.buffer();
        for (String m : msgs) {
            ByteBuf f = frame(m, false);
            all.writeBytes(f);
            f.release();
        }
        byte[] bytes = new byte[all.readableBytes()];
        all.readBytes(bytes);
        all.release();
        for (int chunk : new int[] {1, 2, 3, 5, 7, 64, 1000, bytes.length}) {
            MessageDeframer d = new MessageDeframer(1 << 20);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < bytes.length; i += chunk) {
                ByteBuf part = ALLOC.buffer();
                part.writeBytes(bytes, i, Math.min(chunk, bytes.length - i));
                d.add(part);
                ByteBuf m;
                while ((m = d.poll(ALLOC)) != null) {
                    assertThat(d.lastCompressed()).isFalse();
                    out.add(text(m));
                }
            }
            assertThat(out).as("chunk %d", chunk).isEqualTo(msgs);
            assertThat(d.readableBytes()).isZero();
            d.release();
        }
    }

    @Test
    void refusesAnOversizeMessageAsSoonAsItsPrefixIsIn() {
        MessageDeframer d = new MessageDeframer(1024);
        ByteBuf prefix = ALLOC.buffer().writeByte(0).writeInt(1025);
        d.add(prefix);
        assertThatThrownBy(d::headWireLength).isInstanceOfSatisfying(StatusException.class, e -> {
            assertThat(e.code()).isEqualTo(StatusCode.RESOURCE_EXHAUSTED);
            assertThat(e.statusMessage()).isEqualTo("gRPC message exceeds maximum size 1024: 1025");
        });
        d.release();
        MessageDeframer ok = new MessageDeframer(1024);
        ok.add(ALLOC.buffer().writeByte(0).writeInt(1024));
        assertThat(ok.headWireLength()).isEqualTo(1029);
        assertThat(ok.poll(ALLOC)).isNull();
        ok.release();
    }

    @Test
    void aMaximumNearIntegerMaxValueDoesNotOverflowTheWireLength() {
        MessageDeframer d = new MessageDeframer(Integer.MAX_VALUE);
        d.add(ALLOC.buffer().writeByte(0).writeInt(Integer.MAX_VALUE - 2).writeByte('x'));
        assertThat(d.headWireLength()).isEqualTo(5L + Integer.MAX_VALUE - 2);
        assertThat(d.poll(ALLOC)).as("the message is not complete").isNull();
        assertThat(d.readableBytes()).isEqualTo(6);
        d.release();
    }

    @Test
    void refusesReservedFlagBits() {
        MessageDeframer d = new MessageDeframer(1024);
        d.add(ALLOC.buffer().writeByte(2).writeInt(1).writeByte('x'));
        assertThatThrownBy(d::headWireLength).isInstanceOfSatisfying(StatusException.class,
                e -> assertThat(e.code()).isEqualTo(StatusCode.INTERNAL));
        d.release();
    }

    @Test
    void gzipRoundTripAndDecompressedSizeLimit() {
        String msg = "compress me ".repeat(1000);
        ByteBuf f = frame(msg, true);
        assertThat(f.getByte(0)).isEqualTo((byte) 1);
        assertThat(f.readableBytes()).isLessThan(msg.length() / 4);
        MessageDeframer d = new MessageDeframer(1 << 20);
        d.add(f);
        ByteBuf payload = d.poll(ALLOC);
        assertThat(d.lastCompressed()).isTrue();
        ByteBuf plain = GrpcCodec.gunzip(ALLOC, payload, 1 << 20);
        assertThat(text(plain)).isEqualTo(msg);
        ByteBuf again = payload.resetReaderIndex();
        assertThatThrownBy(() -> GrpcCodec.gunzip(ALLOC, again, 100)).isInstanceOfSatisfying(StatusException.class,
                e -> assertThat(e.code()).isEqualTo(StatusCode.RESOURCE_EXHAUSTED));
        payload.release();
        d.release();
        ByteBuf notGzip = Unpooled.wrappedBuffer(new byte[] {1, 2, 3});
        assertThatThrownBy(() -> GrpcCodec.gunzip(ALLOC, notGzip, 100)).isInstanceOfSatisfying(StatusException.class,
                e -> assertThat(e.code()).isEqualTo(StatusCode.INTERNAL));
    }

    @Test
    void releaseFreesEverythingHeld() {
        MessageDeframer d = new MessageDeframer(1024);
        ByteBuf a = ALLOC.buffer().writeByte(0).writeInt(10).writeBytes(new byte[3]);
        d.add(a);
        d.release();
        assertThat(a.refCnt()).isZero();
        assertThat(d.readableBytes()).isZero();
    }
}
