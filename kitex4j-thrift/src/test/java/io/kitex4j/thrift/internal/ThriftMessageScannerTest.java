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
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ThriftMessageScannerTest {

    private static final int DEPTH = 64;

    private static int length(byte[] bytes, int offset, ThriftProtocolId id, int maxDepth) {
        return Bufs.with(bytes, buf -> ThriftMessageScanner.messageLength(buf, offset, id, maxDepth));
    }

    private static int length(byte[] bytes, ThriftProtocolId id) {
        return length(bytes, 0, id, DEPTH);
    }

    private static byte[] encode(ThriftProtocolId id, Script script) {
        return Bufs.encode(id, script);
    }

    private static byte[] encode(ThriftProtocolId id, Consumer<ThriftWriter> body) {
        return Bufs.encode(id, body);
    }

    private static List<byte[]> messages(ThriftProtocolId id, long seed, int count, int maxDepth) {
        List<byte[]> messages = new ArrayList<>(List.of(encode(id, Fixtures.richMessage())));
        RandomScripts random = new RandomScripts(seed, maxDepth);
        for (int i = 0; i < count; i++) {
            messages.add(encode(id, random.message()));
        }
        return messages;
    }

    @ParameterizedTest
    @EnumSource(ThriftProtocolId.class)
    void completeMessageLengthIsItsEncodedLength(ThriftProtocolId id) {
        List<byte[]> messages = messages(id, 11, 300, 4);
        for (int i = 0; i < messages.size(); i++) {
            byte[] message = messages.get(i);
            assertThat(length(message, id)).as("message %d", i).isEqualTo(message.length);
            // Behind other bytes, and followed by the start of the next message.
            byte[] next = messages.get((i + 1) % messages.size());
            byte[] stream = ProtocolContractTest.concat(ProtocolContractTest.concat(new byte[] {9, 9, 9}, message), next);
            assertThat(length(stream, 3, id, DEPTH)).isEqualTo(message.length);
            assertThat(length(stream, 3 + message.length, id, DEPTH)).isEqualTo(next.length);
        }
    }

    @ParameterizedTest
    @EnumSource(ThriftProtocolId.class)
    void everyStrictPrefixNeedsMoreBytes(ThriftProtocolId id) {
        for (byte[] message : messages(id, 12, 60, 3)) {
            for (int n = 0; n < message.length; n++) {
                assertThat(length(Arrays.copyOf(message, n), id)).as("prefix of %d bytes", n).isEqualTo(-1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ThriftProtocolId.class)
    void scanningMovesNoIndexes(ThriftProtocolId id) {
        byte[] message = encode(id, Fixtures.richMessage());
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer();
        try {
            buf.writeBytes(new byte[] {1, 2}).writeBytes(message);
            buf.readerIndex(2);
            assertThat(ThriftMessageScanner.messageLength(buf, 2, id, DEPTH)).isEqualTo(message.length);
            assertThat(buf.readerIndex()).isEqualTo(2);
            assertThat(buf.writerIndex()).isEqualTo(2 + message.length);
        } finally {
            buf.release();
        }
    }

    @Test
    void measuresRealKitexBufferedMessages() {
        byte[] request = Bufs.kitexVector("buffered.req.hex");
        byte[] response = Bufs.kitexVector("buffered.resp.hex");
        assertThat(length(request, ThriftProtocolId.BINARY)).isEqualTo(33);
        assertThat(length(response, ThriftProtocolId.BINARY)).isEqualTo(33);
        byte[] pipelined = ProtocolContractTest.concat(request, request);
        assertThat(length(pipelined, ThriftProtocolId.BINARY)).isEqualTo(33);
        assertThat(length(pipelined, 33, ThriftProtocolId.BINARY, DEPTH)).isEqualTo(33);
        assertThat(length(Arrays.copyOf(request, 32), ThriftProtocolId.BINARY)).isEqualTo(-1);
    }

    static Stream<Arguments> malformed() {
        String b = "80 01 00 01 00 00 00 00 00 00 00 01 "; // binary CALL "" seq 1
        String c = "82 21 01 00 "; // compact CALL seq 1 ""
        return Stream.of(
                Arguments.of(ThriftProtocolId.BINARY, "7f", ThriftProtocolException.BAD_VERSION),
                Arguments.of(ThriftProtocolId.BINARY, "80 02", ThriftProtocolException.BAD_VERSION),
                Arguments.of(ThriftProtocolId.BINARY, "81 01 00 01", ThriftProtocolException.BAD_VERSION),
                Arguments.of(ThriftProtocolId.BINARY, "00 00 00 04 65 63 68 6f", ThriftProtocolException.BAD_VERSION),
                Arguments.of(ThriftProtocolId.BINARY, "80 01 00 01 ff ff ff ff", ThriftProtocolException.NEGATIVE_SIZE),
                Arguments.of(ThriftProtocolId.BINARY, b + "11", ThriftProtocolException.INVALID_DATA),
                Arguments.of(ThriftProtocolId.BINARY, b + "01 00 01", ThriftProtocolException.INVALID_DATA),
                Arguments.of(ThriftProtocolId.BINARY, b + "0b 00 01 ff ff ff ff", ThriftProtocolException.NEGATIVE_SIZE),
                Arguments.of(ThriftProtocolId.BINARY, b + "0f 00 01 08 ff ff ff ff", ThriftProtocolException.NEGATIVE_SIZE),
                Arguments.of(ThriftProtocolId.BINARY, b + "0d 00 01 0b 0b ff ff ff ff", ThriftProtocolException.NEGATIVE_SIZE),
                Arguments.of(ThriftProtocolId.BINARY, b + "0f 00 01 63 00 00 00 01", ThriftProtocolException.INVALID_DATA),
                Arguments.of(ThriftProtocolId.BINARY, b + "0f 00 01 00 00 00 00 01", ThriftProtocolException.INVALID_DATA),
                Arguments.of(ThriftProtocolId.BINARY, b + "0f 00 01 0a 7f ff ff ff", ThriftProtocolException.SIZE_LIMIT),
                Arguments.of(ThriftProtocolId.BINARY, b + "0c 00 01 0c 00 01 05 00 00", ThriftProtocolException.INVALID_DATA),
                Arguments.of(ThriftProtocolId.COMPACT, "83", ThriftProtocolException.BAD_VERSION),
                Arguments.of(ThriftProtocolId.COMPACT, "82 22", ThriftProtocolException.BAD_VERSION),
                Arguments.of(ThriftProtocolId.COMPACT, "80 01 00 01", ThriftProtocolException.BAD_VERSION),
                Arguments.of(ThriftProtocolId.COMPACT, "82 21 01 ff ff ff ff 0f", ThriftProtocolException.NEGATIVE_SIZE),
                Arguments.of(ThriftProtocolId.COMPACT, "82 21 ff ff ff ff ff 01", ThriftProtocolException.INVALID_DATA),
                Arguments.of(ThriftProtocolId.COMPACT, c + "1e", ThriftProtocolException.INVALID_DATA),
                Arguments.of(ThriftProtocolId.COMPACT, c + "19 1f", ThriftProtocolException.INVALID_DATA),
                Arguments.of(ThriftProtocolId.COMPACT, c + "19 10 00", ThriftProtocolException.INVALID_DATA),
                Arguments.of(ThriftProtocolId.COMPACT, c + "19 f5 ff ff ff ff 0f", ThriftProtocolException.NEGATIVE_SIZE),
                Arguments.of(ThriftProtocolId.COMPACT, c + "1b ff ff ff ff 0f", ThriftProtocolException.NEGATIVE_SIZE),
                Arguments.of(ThriftProtocolId.COMPACT, c + "1b 01 05", ThriftProtocolException.INVALID_DATA),
                Arguments.of(ThriftProtocolId.COMPACT, c + "1b 01 f5", ThriftProtocolException.INVALID_DATA),
                Arguments.of(ThriftProtocolId.COMPACT, c + "18 ff ff ff ff 0f", ThriftProtocolException.NEGATIVE_SIZE),
                Arguments.of(ThriftProtocolId.COMPACT, c + "15 ff ff ff ff ff", ThriftProtocolException.INVALID_DATA),
                Arguments.of(ThriftProtocolId.COMPACT, c + "16 ff ff ff ff ff ff ff ff ff ff", ThriftProtocolException.INVALID_DATA),
                Arguments.of(ThriftProtocolId.COMPACT, c + "19 f7 ff ff ff ff 07", ThriftProtocolException.SIZE_LIMIT),
                Arguments.of(ThriftProtocolId.COMPACT, c + "1c 1c 0f", ThriftProtocolException.INVALID_DATA));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedBytesAreRejectedLikeTheReaderRejectsThem(ThriftProtocolId id, String hex, int type) {
        byte[] bytes = Bufs.hex(hex);
        assertThatThrownBy(() -> length(bytes, id))
                .isInstanceOfSatisfying(ThriftProtocolException.class, e -> assertThat(e.type()).isEqualTo(type));
        // The reader rejects the same bytes (given enough trailing bytes to get that far).
        byte[] padded = ProtocolContractTest.concat(bytes, new byte[64]);
        assertThatThrownBy(() -> Bufs.with(padded, buf -> {
            ThriftReader in = ThriftProtocols.reader(id, buf);
            in.readMessageBegin();
            in.skip(TType.STRUCT);
            return null;
        })).isInstanceOf(ThriftProtocolException.class);
    }

    @ParameterizedTest
    @EnumSource(ThriftProtocolId.class)
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void depthBombIsRejectedWithoutOverflowingTheStack(ThriftProtocolId id) {
        byte[] lists = encode(id, out -> {
            out.writeMessageBegin("bomb", TMessageType.CALL, 1);
            out.writeStructBegin();
            out.writeFieldBegin(TType.LIST, (short) 1);
            for (int i = 0; i < 10_000; i++) {
                out.writeListBegin(TType.LIST, 1);
            }
        });
        byte[] structs = encode(id, out -> {
            out.writeMessageBegin("bomb", TMessageType.CALL, 1);
            for (int i = 0; i < 10_000; i++) {
                out.writeStructBegin();
                out.writeFieldBegin(TType.STRUCT, (short) 1);
            }
        });
        for (byte[] bomb : List.of(lists, structs)) {
            ProtocolContractTest.assertProtocolError(() -> length(bomb, id), ThriftProtocolException.DEPTH_LIMIT);
        }
    }

    @ParameterizedTest
    @EnumSource(ThriftProtocolId.class)
    void depthLimitMatchesTheReaders(ThriftProtocolId id) {
        for (int depth = 1; depth <= 70; depth++) {
            Script script = new Script().message("m", TMessageType.REPLY, depth);
            ProtocolContractTest.nested(depth).ops().forEach(script::add);
            byte[] message = encode(id, script.messageEnd());
            assertThat(length(message, 0, id, depth)).isEqualTo(message.length);
            if (depth > 1) {
                int limit = depth - 1;
                ProtocolContractTest.assertProtocolError(() -> length(message, 0, id, limit),
                        ThriftProtocolException.DEPTH_LIMIT);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ThriftProtocolId.class)
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void hugeDeclaredSizesAreMeasuredWithoutIterating(ThriftProtocolId id) {
        for (byte element : new byte[] {TType.I32, TType.BOOL, TType.STRUCT, TType.STRING}) {
            byte[] header = encode(id, out -> {
                out.writeMessageBegin("big", TMessageType.CALL, 1);
                out.writeStructBegin();
                out.writeFieldBegin(TType.LIST, (short) 1);
                out.writeListBegin(element, 500_000_000);
            });
            assertThat(length(header, id)).isEqualTo(-1);
        }
        // Fixed-width entries whose total can never fit in a buffer fail at once.
        byte[] never = encode(id, out -> {
            out.writeMessageBegin("big", TMessageType.CALL, 1);
            out.writeStructBegin();
            out.writeFieldBegin(TType.MAP, (short) 1);
            out.writeMapBegin(TType.DOUBLE, TType.UUID, Integer.MAX_VALUE);
        });
        ProtocolContractTest.assertProtocolError(() -> length(never, id), ThriftProtocolException.SIZE_LIMIT);
    }

    @ParameterizedTest
    @EnumSource(ThriftProtocolId.class)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void agreesWithTheReaderOnRandomAndMutatedBytes(ThriftProtocolId id) {
        RandomScripts scripts = new RandomScripts(13, 3);
        Random random = scripts.random();
        int complete = 0;
        for (int i = 0; i < 6000; i++) {
            byte[] bytes;
            if (i % 3 == 0) {
                bytes = new byte[random.nextInt(60)];
                random.nextBytes(bytes);
                byte[] header = encode(id, out -> out.writeMessageBegin("", TMessageType.CALL, 1));
                System.arraycopy(header, 0, bytes, 0, Math.min(header.length, bytes.length));
            } else {
                bytes = encode(id, scripts.message());
                for (int m = random.nextInt(3); m >= 0 && bytes.length > 0; m--) {
                    int at = random.nextInt(bytes.length);
                    switch (random.nextInt(3)) {
                        case 0 -> bytes[at] = (byte) random.nextInt();
                        case 1 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                        default -> bytes = Arrays.copyOf(bytes, at + random.nextInt(bytes.length - at + 1));
                    }
                }
            }
            if (agree(id, bytes, i)) {
                complete++;
            }
        }
        assertThat(complete).as("some inputs are complete messages").isGreaterThan(100);
    }

    /** Checks that the scanner and the reader agree on {@code bytes}; returns whether they form a message. */
    private static boolean agree(ThriftProtocolId id, byte[] bytes, int iteration) {
        int scanned;
        try {
            scanned = length(bytes, 0, id, 16);
        } catch (ThriftProtocolException e) {
            scanned = -2;
        } catch (RuntimeException | Error e) {
            throw new AssertionError("iteration " + iteration + ": scanner threw " + e + " for " + hex(bytes), e);
        }
        int read;
        try {
            read = Bufs.with(bytes, buf -> {
                ThriftReader in = id == ThriftProtocolId.BINARY ? new BinaryProtocol(buf, 16) : new CompactProtocol(buf, 16);
                in.readMessageBegin();
                in.skip(TType.STRUCT);
                return buf.readerIndex();
            });
        } catch (ThriftProtocolException e) {
            read = -2;
        }
        if (scanned >= 0 || read >= 0) {
            if (scanned != read) {
                fail("iteration " + iteration + ": scanner " + scanned + ", reader " + read + " for " + hex(bytes));
            }
            return true;
        }
        return false;
    }

    @Test
    void detectsBinaryAndCompactHeaders() {
        assertThat(detect("80 01 00 01", 0)).isEqualTo(ThriftProtocolId.BINARY);
        assertThat(detect("82 21", 0)).isEqualTo(ThriftProtocolId.COMPACT);
        assertThat(detect("82 41 00", 0)).isEqualTo(ThriftProtocolId.COMPACT);
        assertThat(detect("82 81", 0)).isEqualTo(ThriftProtocolId.COMPACT);
        assertThat(detect("ff ff 80 01", 2)).isEqualTo(ThriftProtocolId.BINARY);
        assertThat(detect("80 01", 1)).isNull();
        assertThat(detect("80 02", 0)).isNull();
        assertThat(detect("82 22", 0)).isNull();
        assertThat(detect("82 01", 0)).isEqualTo(ThriftProtocolId.COMPACT);
        assertThat(detect("00 00 00 21 80 01", 0)).isNull(); // framed: the caller skips the length
        assertThat(detect("80", 0)).isNull();
        assertThat(detect("", 0)).isNull();
        assertThat(detect("80 01", 5)).isNull();
    }

    private static ThriftProtocolId detect(String hex, int offset) {
        return Bufs.with(Bufs.hex(hex), true, buf -> ThriftMessageScanner.detect(buf, offset));
    }

    @Test
    void offsetOutsideTheBufferIsAnArgumentError() {
        Bufs.with(new byte[4], buf -> {
            assertThatThrownBy(() -> ThriftMessageScanner.messageLength(buf, 5, ThriftProtocolId.BINARY, 64))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ThriftMessageScanner.messageLength(buf, -1, ThriftProtocolId.BINARY, 64))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(ThriftMessageScanner.messageLength(buf, 4, ThriftProtocolId.BINARY, 64)).isEqualTo(-1);
            return null;
        });
    }
}
