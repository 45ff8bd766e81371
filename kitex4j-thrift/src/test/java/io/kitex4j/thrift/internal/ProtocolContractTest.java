package io.kitex4j.thrift.internal;

import static io.kitex4j.thrift.internal.Bufs.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.kitex4j.thrift.TMessageType;
import io.kitex4j.thrift.TType;
import io.kitex4j.thrift.ThriftProtocolException;
import io.kitex4j.thrift.ThriftProtocolId;
import io.kitex4j.thrift.ThriftReader;
import io.kitex4j.thrift.ThriftWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.thrift.TException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Behaviour both protocols share: byte-for-byte agreement with libthrift in both directions,
 * skipping, and rejection of malformed input. {@link BinaryProtocolTest} and
 * {@link CompactProtocolTest} run these tests and add their protocol's own wire details.
 */
abstract class ProtocolContractTest {

    static final int RANDOM_MESSAGES = 500;

    abstract ThriftProtocolId id();

    abstract ThriftReader reader(ByteBuf buf, int maxDepth);

    abstract ThriftWriter writer(ByteBuf buf, int maxDepth);

    /** A string length prefix of -1. */
    abstract byte[] negativeStringLength();

    /** A list header of {@code elementType} with size -1. */
    abstract byte[] negativeListHeader(byte elementType);

    /** A map header of {@code string -> string} with size -1. */
    abstract byte[] negativeMapHeader();

    /** Message headers this protocol must reject with BAD_VERSION. */
    abstract List<byte[]> badVersionHeaders();

    ThriftReader reader(ByteBuf buf) {
        return reader(buf, BinaryProtocol.DEFAULT_MAX_DEPTH);
    }

    byte[] encode(Script script) {
        return Bufs.encode(id(), script);
    }

    byte[] encode(Consumer<ThriftWriter> body) {
        return Bufs.encode(id(), body);
    }

    // ------------------------------------------------------------ agreement with libthrift

    @Test
    void writerMatchesLibthriftForEveryType() throws TException {
        Script script = Fixtures.richMessage();
        assertThat(hex(encode(script))).isEqualTo(hex(Libthrift.write(id(), script)));
    }

    @Test
    void writerMatchesLibthriftForRandomMessages() throws TException {
        RandomScripts random = new RandomScripts(1);
        for (int i = 0; i < RANDOM_MESSAGES; i++) {
            Script script = random.message();
            assertThat(hex(encode(script))).as("message %d", i).isEqualTo(hex(Libthrift.write(id(), script)));
        }
    }

    @Test
    void readerDecodesWhatLibthriftWrites() throws TException {
        List<Script> scripts = new ArrayList<>(List.of(Fixtures.richMessage()));
        RandomScripts random = new RandomScripts(2);
        for (int i = 0; i < RANDOM_MESSAGES; i++) {
            scripts.add(random.message());
        }
        for (int i = 0; i < scripts.size(); i++) {
            Script script = scripts.get(i);
            byte[] bytes = Libthrift.write(id(), script);
            Bufs.with(bytes, i % 4 == 0, buf -> {
                script.checkWith(reader(buf), id());
                assertThat(buf.readableBytes()).isZero();
                return null;
            });
        }
    }

    @Test
    void libthriftDecodesWhatWeWrite() throws TException {
        List<Script> scripts = new ArrayList<>(List.of(Fixtures.richMessage(false)));
        RandomScripts random = new RandomScripts(3).withoutUuidElements();
        for (int i = 0; i < RANDOM_MESSAGES; i++) {
            scripts.add(random.message());
        }
        for (Script script : scripts) {
            script.checkWith(Libthrift.reader(id(), encode(script)), id());
        }
    }

    @Test
    void loneSurrogatesAreEncodedAsQuestionMarksLikeLibthrift() throws TException {
        for (String s : List.of("a\uD800b", "\uDC00", "x\uD83D", "\uDE00\uD83D")) {
            Script script = new Script().str(s);
            assertThat(hex(encode(script))).isEqualTo(hex(Libthrift.write(id(), script)));
        }
    }

    @Test
    void illFormedUtf16IsEncodedExactlyAsTheJdkAndLibthriftDo() {
        // A lone high surrogate becomes '?', and a valid pair after it survives (as String.getBytes
        // and libthrift do), for short and long strings alike.
        for (String s : new String[] {"\uD83D\uD83D\uDE00", "\uD800\u00E9", "x\uDBFF\uFFFF", "\uD800".repeat(40) + "\u00E9"}) {
            byte[] bytes = encode(out -> out.writeString(s));
            byte[] jdk = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(Arrays.copyOfRange(bytes, bytes.length - jdk.length, bytes.length)).isEqualTo(jdk);
            String decoded = Bufs.with(bytes, buf -> reader(buf).readString());
            assertThat(decoded).isEqualTo(new String(jdk, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void stringsAreWrittenAsUtf8WithTheirByteLength() {
        String s = "a😀é";
        byte[] bytes = encode(out -> out.writeString(s));
        byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Arrays.copyOfRange(bytes, bytes.length - utf8.length, bytes.length)).isEqualTo(utf8);
        String decoded = Bufs.with(bytes, buf -> reader(buf).readString());
        assertThat(decoded).isEqualTo(s);
    }

    @Test
    void uuidIsWrittenMostSignificantByteFirst() {
        byte[] bytes = encode(out -> out.writeUuid(Fixtures.RFC_UUID));
        assertThat(hex(bytes)).isEqualTo("00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff");
        UUID decoded = Bufs.with(bytes, buf -> reader(buf).readUuid());
        assertThat(decoded).isEqualTo(Fixtures.RFC_UUID);
    }

    @Test
    void libthriftUuidByteOrderIsTranslatedExplicitly() throws TException {
        // libthrift 0.22 does not write RFC order; Libthrift.toLibthrift compensates, and this pins why.
        byte[] lib = Libthrift.write(id(), out -> out.writeUuid(Libthrift.toLibthrift(id(), Fixtures.RFC_UUID)));
        assertThat(hex(lib)).isEqualTo("00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff");
        byte[] untranslated = Libthrift.write(id(), out -> out.writeUuid(Fixtures.RFC_UUID));
        assertThat(hex(untranslated)).isNotEqualTo(hex(lib));
    }

    @Test
    void oneInstanceDecodesManyMessagesAfterReset() {
        RandomScripts random = new RandomScripts(4);
        ByteBuf first = PooledByteBufAllocator.DEFAULT.buffer();
        try {
            ThriftReader in = reader(first);
            for (int i = 0; i < 50; i++) {
                Script script = random.message();
                byte[] bytes = encode(script);
                Bufs.with(bytes, buf -> {
                    if (in instanceof BinaryProtocol b) {
                        assertThat(b.reset(buf).buffer()).isSameAs(buf);
                    } else {
                        assertThat(((CompactProtocol) in).reset(buf).buffer()).isSameAs(buf);
                    }
                    script.checkWith(in, id());
                    return null;
                });
            }
        } finally {
            first.release();
        }
    }

    @Test
    void oneInstanceEncodesManyMessagesAfterReset() {
        RandomScripts random = new RandomScripts(5);
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.buffer();
        try {
            ThriftWriter out = writer(buf, 64);
            for (int i = 0; i < 50; i++) {
                Script script = random.message();
                buf.clear();
                if (out instanceof BinaryProtocol b) {
                    b.reset(buf);
                } else {
                    ((CompactProtocol) out).reset(buf);
                }
                script.writeTo(out);
                assertThat(hex(io.netty.buffer.ByteBufUtil.getBytes(buf))).isEqualTo(hex(encode(script)));
            }
        } finally {
            buf.release();
        }
    }

    @Test
    void writerAcceptsNestingDeeperThanTheReadLimit() {
        Script script = new Script();
        for (int i = 0; i < 200; i++) {
            script.struct().field(TType.STRUCT, 1);
        }
        script.struct().structEnd();
        for (int i = 0; i < 200; i++) {
            script.fieldEnd().structEnd();
        }
        byte[] bytes = encode(script);
        Bufs.with(bytes, buf -> {
            script.checkWith(reader(buf, 201), id());
            return null;
        });
    }

    // ------------------------------------------------------------ skip

    @Test
    void skipOverEveryTypeLandsWhereTheValueEnds() {
        RandomScripts random = new RandomScripts(6);
        byte[] types = {
            TType.BOOL, TType.BYTE, TType.I16, TType.I32, TType.I64, TType.DOUBLE, TType.STRING, TType.UUID,
            TType.STRUCT, TType.MAP, TType.SET, TType.LIST
        };
        for (byte type : types) {
            for (int i = 0; i < 40; i++) {
                Script value = random.value(type);
                int id = random.random().nextInt(40) - 10;
                // Encode "struct { id: value, id + 1: i32 marker }", noting where the value ends.
                ByteBuf buf = PooledByteBufAllocator.DEFAULT.buffer();
                try {
                    ThriftWriter out = writer(buf, 64);
                    out.writeStructBegin();
                    out.writeFieldBegin(type, (short) id);
                    value.writeTo(out);
                    out.writeFieldEnd();
                    int valueEnd = buf.writerIndex();
                    out.writeFieldBegin(TType.I32, (short) (id + 1));
                    out.writeI32(0x5EED);
                    out.writeFieldEnd();
                    out.writeFieldStop();
                    out.writeStructEnd();

                    ThriftReader in = reader(buf);
                    in.readStructBegin();
                    assertThat(in.readFieldBegin()).isEqualTo(type);
                    in.skip(type);
                    assertThat(buf.readerIndex()).as("type %d, value %d", type, i).isEqualTo(valueEnd);
                    assertThat(in.readFieldBegin()).isEqualTo(TType.I32);
                    assertThat(in.fieldId()).isEqualTo((short) (id + 1));
                    assertThat(in.readI32()).isEqualTo(0x5EED);
                    assertThat(in.readFieldBegin()).isEqualTo(TType.STOP);
                    in.readStructEnd();
                } finally {
                    buf.release();
                }
            }
        }
    }

    @Test
    void skippingTheBodyConsumesExactlyOneMessage() {
        RandomScripts random = new RandomScripts(7);
        for (int i = 0; i < RANDOM_MESSAGES; i++) {
            byte[] one = encode(random.message());
            byte[] two = Arrays.copyOf(one, one.length + 3);
            Bufs.with(two, buf -> {
                ThriftReader in = reader(buf);
                in.readMessageBegin();
                in.skip(TType.STRUCT);
                in.readMessageEnd();
                assertThat(buf.readerIndex()).isEqualTo(one.length);
                return null;
            });
        }
    }

    @Test
    void skipRejectsUnknownTypes() {
        for (byte type : new byte[] {TType.STOP, TType.VOID, 5, 7, 9, 17, 127, -1}) {
            Bufs.with(new byte[32], buf -> {
                assertProtocolError(() -> reader(buf).skip(type), ThriftProtocolException.INVALID_DATA);
                return null;
            });
        }
    }

    // ------------------------------------------------------------ malformed input

    @Test
    void negativeStringLengthIsRejected() {
        byte[] bytes = concat(negativeStringLength(), new byte[8]);
        for (Consumer<ThriftReader> read : List.<Consumer<ThriftReader>>of(
                ThriftReader::readString, ThriftReader::readBinary, in -> in.skip(TType.STRING))) {
            Bufs.with(bytes, buf -> {
                assertProtocolError(() -> read.accept(reader(buf)), ThriftProtocolException.NEGATIVE_SIZE);
                return null;
            });
        }
    }

    @Test
    void stringLongerThanTheInputIsRejectedNamingBothLengths() {
        byte[] bytes = encode(out -> out.writeString("x".repeat(100)));
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 97);
        for (Consumer<ThriftReader> read : List.<Consumer<ThriftReader>>of(
                ThriftReader::readString, ThriftReader::readBinary, in -> in.skip(TType.STRING))) {
            Bufs.with(truncated, buf -> {
                assertThatThrownBy(() -> read.accept(reader(buf)))
                        .isInstanceOfSatisfying(ThriftProtocolException.class,
                                e -> assertThat(e.type()).isEqualTo(ThriftProtocolException.SIZE_LIMIT))
                        .hasMessageContaining("100")
                        .hasMessageContaining("3 readable");
                return null;
            });
        }
    }

    @Test
    void negativeContainerSizesAreRejected() {
        List<ThrowingRead> reads = List.of(
                in -> in.readListBegin(), in -> in.readSetBegin(), in -> in.skip(TType.LIST));
        for (ThrowingRead read : reads) {
            Bufs.with(concat(negativeListHeader(TType.I32), new byte[8]), buf -> {
                assertProtocolError(() -> read.read(reader(buf)), ThriftProtocolException.NEGATIVE_SIZE);
                return null;
            });
        }
        for (ThrowingRead read : List.<ThrowingRead>of(in -> in.readMapBegin(), in -> in.skip(TType.MAP))) {
            Bufs.with(concat(negativeMapHeader(), new byte[8]), buf -> {
                assertProtocolError(() -> read.read(reader(buf)), ThriftProtocolException.NEGATIVE_SIZE);
                return null;
            });
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void containerHeaderClaimingTwoBillionElementsIsRejectedBeforeAllocating() {
        List<byte[]> lists = List.of(
                encode(out -> out.writeListBegin(TType.I64, Integer.MAX_VALUE)),
                encode(out -> out.writeListBegin(TType.BOOL, 2_000_000_000)),
                encode(out -> out.writeListBegin(TType.STRUCT, 2_000_000_000)),
                encode(out -> out.writeListBegin(TType.STRING, 100)));
        for (byte[] header : lists) {
            for (ThrowingRead read : List.<ThrowingRead>of(
                    in -> in.readListBegin(), in -> in.readSetBegin(), in -> in.skip(TType.LIST))) {
                Bufs.with(concat(header, new byte[16]), buf -> {
                    assertProtocolError(() -> read.read(reader(buf)), ThriftProtocolException.SIZE_LIMIT);
                    return null;
                });
            }
        }
        byte[] map = encode(out -> out.writeMapBegin(TType.STRING, TType.STRING, 2_000_000_000));
        for (ThrowingRead read : List.<ThrowingRead>of(in -> in.readMapBegin(), in -> in.skip(TType.MAP))) {
            Bufs.with(concat(map, new byte[16]), buf -> {
                assertProtocolError(() -> read.read(reader(buf)), ThriftProtocolException.SIZE_LIMIT);
                return null;
            });
        }
        byte[][] headers = {lists.get(0)};
        Bufs.with(concat(headers[0], new byte[16]), buf -> {
            assertThatThrownBy(() -> reader(buf).readListBegin())
                    .isInstanceOfSatisfying(ThriftProtocolException.class,
                            e -> assertThat(e.type()).isEqualTo(ThriftProtocolException.SIZE_LIMIT))
                    .hasMessageContaining(String.valueOf(Integer.MAX_VALUE));
            return null;
        });
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void depthBombOfNestedListsHitsTheDepthLimit() {
        byte[] bytes = encode(out -> {
            for (int i = 0; i < 10_000; i++) {
                out.writeListBegin(TType.LIST, 1);
            }
            out.writeListBegin(TType.I32, 0);
        });
        List<ThrowingRead> reads = List.of(
                in -> in.skip(TType.LIST), in -> Walker.value(in, TType.LIST), in -> {
                    for (int i = 0; i < 10_001; i++) {
                        in.readListBegin();
                    }
                });
        for (ThrowingRead read : reads) {
            Bufs.with(bytes, buf -> {
                assertProtocolError(() -> read.read(reader(buf)), ThriftProtocolException.DEPTH_LIMIT);
                return null;
            });
        }
    }

    @Test
    void nestingUpToMaxDepthIsAcceptedAndOneLevelMoreIsNot() {
        for (int depth = 1; depth <= 70; depth++) {
            Script script = nested(depth);
            byte[] bytes = encode(script);
            int d = depth;
            Bufs.with(bytes, buf -> {
                script.checkWith(reader(buf, d), id());
                buf.readerIndex(0);
                reader(buf, d).skip(TType.STRUCT);
                assertThat(buf.readableBytes()).isZero();
                buf.readerIndex(0);
                if (d > 1) {
                    assertProtocolError(() -> reader(buf, d - 1).skip(TType.STRUCT),
                            ThriftProtocolException.DEPTH_LIMIT);
                }
                return null;
            });
        }
    }

    /** A struct whose nesting (structs, maps, lists, sets alternating) is exactly {@code depth}. */
    static Script nested(int depth) {
        Script s = new Script().struct();
        nestedBody(s, depth - 1);
        return s.structEnd();
    }

    private static void nestedBody(Script s, int remaining) {
        if (remaining == 0) {
            s.field(TType.I32, 1).i32(remaining).fieldEnd();
            return;
        }
        switch (remaining % 4) {
            case 0 -> {
                s.field(TType.STRUCT, 2).struct();
                nestedBody(s, remaining - 1);
                s.structEnd().fieldEnd();
            }
            case 1 -> {
                if (remaining == 1) {
                    s.field(TType.LIST, 3).list(TType.I32, 1).i32(1).listEnd().fieldEnd();
                } else {
                    s.field(TType.LIST, 3).list(TType.STRUCT, 1).struct();
                    nestedBody(s, remaining - 2);
                    s.structEnd().listEnd().fieldEnd();
                }
            }
            case 2 -> {
                s.field(TType.MAP, 4).map(TType.I32, TType.SET, 1).i32(1).set(TType.I32, 1).i32(2).setEnd().mapEnd()
                        .fieldEnd();
                if (remaining > 2) {
                    s.field(TType.STRUCT, 5).struct();
                    nestedBody(s, remaining - 1);
                    s.structEnd().fieldEnd();
                }
            }
            default -> {
                s.field(TType.STRUCT, 6).struct();
                nestedBody(s, remaining - 1);
                s.structEnd().fieldEnd();
            }
        }
    }

    @Test
    void truncatedInputAlwaysThrowsProtocolException() {
        List<byte[]> messages = new ArrayList<>(List.of(encode(Fixtures.richMessage())));
        RandomScripts random = new RandomScripts(8, 3);
        for (int i = 0; i < 40; i++) {
            messages.add(encode(random.message()));
        }
        for (byte[] message : messages) {
            for (int n = 0; n < message.length; n++) {
                byte[] prefix = Arrays.copyOf(message, n);
                for (ThrowingRead read : List.<ThrowingRead>of(Walker::message, in -> {
                    in.readMessageBegin();
                    in.skip(TType.STRUCT);
                })) {
                    Bufs.with(prefix, buf -> {
                        assertThatThrownBy(() -> read.read(reader(buf)))
                                .isInstanceOfSatisfying(ThriftProtocolException.class, e -> assertThat(e.type())
                                        .isIn(ThriftProtocolException.INVALID_DATA, ThriftProtocolException.SIZE_LIMIT));
                        return null;
                    });
                }
            }
        }
    }

    @Test
    void truncatedScalarsSayTruncated() {
        Bufs.with(new byte[0], buf -> {
            ThriftReader in = reader(buf);
            List<ThrowingRead> reads = List.of(ThriftReader::readBool, ThriftReader::readByte, ThriftReader::readI16,
                    ThriftReader::readI32, ThriftReader::readI64, ThriftReader::readDouble, ThriftReader::readUuid,
                    ThriftReader::readFieldBegin, ThriftReader::readMessageBegin);
            for (ThrowingRead read : reads) {
                assertThatThrownBy(() -> read.read(in))
                        .isInstanceOfSatisfying(ThriftProtocolException.class,
                                e -> assertThat(e.type()).isEqualTo(ThriftProtocolException.INVALID_DATA))
                        .hasMessageContaining("truncated");
            }
            return null;
        });
    }

    @Test
    void badVersionIsRejected() {
        for (byte[] header : badVersionHeaders()) {
            Bufs.with(concat(header, new byte[16]), buf -> {
                assertProtocolError(() -> reader(buf).readMessageBegin(), ThriftProtocolException.BAD_VERSION);
                return null;
            });
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void randomBytesEitherDecodeOrThrowProtocolException() {
        Random random = new Random(9);
        for (int i = 0; i < 5000; i++) {
            byte[] bytes = new byte[random.nextInt(80)];
            random.nextBytes(bytes);
            if (i % 2 == 0 && bytes.length > 2) {
                byte[] header = encode(out -> out.writeMessageBegin("m", TMessageType.CALL, 1));
                System.arraycopy(header, 0, bytes, 0, Math.min(header.length, bytes.length));
            }
            decodeEveryWay(bytes, i);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void mutatedMessagesEitherDecodeOrThrowProtocolException() {
        RandomScripts scripts = new RandomScripts(10, 3);
        Random random = scripts.random();
        for (int i = 0; i < 3000; i++) {
            byte[] bytes = encode(scripts.message());
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                int at = random.nextInt(bytes.length);
                switch (random.nextInt(4)) {
                    case 0 -> bytes[at] = (byte) random.nextInt();
                    case 1 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                    case 2 -> bytes[at] = (byte) (random.nextBoolean() ? 0xFF : 0x7F);
                    default -> bytes = Arrays.copyOf(bytes, at + 1);
                }
            }
            decodeEveryWay(bytes, i);
        }
    }

    private void decodeEveryWay(byte[] bytes, int iteration) {
        List<ThrowingRead> reads = List.of(Walker::message, in -> {
            in.readMessageBegin();
            in.skip(TType.STRUCT);
        }, in -> in.skip(TType.STRUCT), in -> Walker.value(in, TType.MAP), in -> Walker.value(in, TType.LIST));
        for (ThrowingRead read : reads) {
            Bufs.with(bytes, iteration % 50 == 0, buf -> {
                try {
                    read.read(reader(buf, 16));
                } catch (ThriftProtocolException expected) {
                    // malformed input is allowed to be rejected, and only this way
                } catch (RuntimeException | Error e) {
                    fail("iteration " + iteration + " threw " + e + " for " + hex(bytes), e);
                }
                return null;
            });
        }
    }

    @Test
    void maxDepthOutsideTheSupportedRangeIsRejected() {
        Bufs.with(new byte[0], buf -> {
            assertThatThrownBy(() -> reader(buf, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> reader(buf, 1025)).isInstanceOf(IllegalArgumentException.class);
            return null;
        });
    }

    @Test
    void negativeWriteSizesAreRejected() {
        Bufs.with(new byte[0], buf -> {
            ThriftWriter out = writer(buf, 64);
            assertProtocolError(() -> out.writeListBegin(TType.I32, -1), ThriftProtocolException.NEGATIVE_SIZE);
            assertProtocolError(() -> out.writeMapBegin(TType.I32, TType.I32, -1),
                    ThriftProtocolException.NEGATIVE_SIZE);
            return null;
        });
    }

    // ------------------------------------------------------------ helpers

    @FunctionalInterface
    interface ThrowingRead {
        void read(ThriftReader in);
    }

    static void assertProtocolError(ThrowingCallable call, int type) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ThriftProtocolException.class,
                e -> assertThat(e.type()).as(e.getMessage()).isEqualTo(type));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
