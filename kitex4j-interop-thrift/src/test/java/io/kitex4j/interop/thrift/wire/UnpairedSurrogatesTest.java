package io.kitex4j.interop.thrift.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.interop.thrift.wire.Encodings.Proto;
import io.netty.buffer.ByteBufUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import thrift.test.Bonk;

/**
 * Strings that are not well-formed UTF-16 (unpaired surrogates): libthrift writes them as
 * {@link String#getBytes} does, an unpaired surrogate becoming {@code '?'}. Kitex4j writes long
 * strings (over 32 chars) the same way, short ones with Netty's {@code ByteBufUtil.reserveAndWriteUtf8}.
 */
class UnpairedSurrogatesTest {

    /** Cases where both sides agree: the unpaired surrogate ends the string or precedes ASCII or another surrogate. */
    @ParameterizedTest
    @ValueSource(strings = {"\uD800", "a\uDC00b", "\uDC00\u00E9", "\uD800\uD800", "x\uD83D", "\uD800a",
            "long string with an unpaired surrogate followed by non-ASCII: \uD800\u00E9 and \uD800\u6F22"})
    void sameBytesAsLibthrift(String s) {
        assertSameBytes(s);
    }

    /**
     * An unpaired high surrogate followed by a char of U+0080 or above, in a string of at most 32
     * chars: Kitex4j writes {@code '?'} and then only the low byte of the following char
     * (malformed UTF-8, the char is lost), libthrift {@code '?'} and the char's UTF-8; e.g. for
     * {@code "\uD800\u00E9"} Kitex4j writes {@code 3f e9}, libthrift {@code 3f c3 a9}.
     * {@code kitex4j-thrift} {@code internal.Utf8} short-string path (Netty's
     * {@code ByteBufUtil.reserveAndWriteUtf8}: {@code _setByte(writerIndex++, c2)} for the char
     * after an unpaired high surrogate).
     */
    @ParameterizedTest
    @ValueSource(strings = {"\uD800\u0080", "\uD800\u00E9", "\uD800\u6F22", "x\uDBFF\uFFFF"})
    void unpairedHighSurrogateBeforeNonAscii(String s) {
        assertSameBytes(s);
    }

    private static void assertSameBytes(String s) {
        apache.thrift.test.Bonk a = new apache.thrift.test.Bonk().setMessage(s).setType(7);
        Bonk ours = Converters.toOurs(a);
        for (Proto p : Proto.values()) {
            assertThat(ByteBufUtil.hexDump(Encodings.ours(p, Bonk.CODEC, ours)))
                    .as("%s bytes of %s (ours, then libthrift's)", p, WireEqualityTest.escape(s))
                    .isEqualTo(ByteBufUtil.hexDump(Encodings.apache(p, a)));
        }
    }
}
