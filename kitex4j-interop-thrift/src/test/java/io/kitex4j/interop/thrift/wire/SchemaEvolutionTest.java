package io.kitex4j.interop.thrift.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitex4j.interop.thrift.wire.Encodings.Proto;
import io.kitex4j.thrift.ThriftProtocolException;
import io.netty.buffer.ByteBufUtil;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import thrift.test.BoolTest;
import thrift.test.OptionalBinary;
import thrift.test.OptionalSetDefaultTest;
import thrift.test.StructA;
import thrift.test.StructB;
import thrift.test.VersioningTestV1;

/**
 * Where the two sides must agree beyond equal values: fields one side does not know are skipped
 * by both, default values are the same before and after decoding, and required fields are
 * enforced by both, in binary and compact.
 */
class SchemaEvolutionTest {

    /** A newer writer (VersioningTestV2), an older reader (VersioningTestV1): both skip fields 2..11 alike. */
    @Property(tries = 300)
    void olderReaderSkipsNewFieldsAlike(@ForAll("v2") apache.thrift.test.VersioningTestV2 newer) {
        for (Proto p : Proto.values()) {
            byte[] bytes = Encodings.apache(p, newer);
            apache.thrift.test.VersioningTestV1 theirs = Encodings.apache(p, apache.thrift.test.VersioningTestV1::new, bytes);
            VersioningTestV1 ours = Encodings.ours(p, VersioningTestV1.CODEC, bytes);
            assertThat(ours).as("%s: %s read as V1", p, newer).isEqualTo(Converters.toOurs(theirs));
            assertThat(ours.getBeginInBoth()).isEqualTo(newer.begin_in_both);
            assertThat(ours.getEndInBoth()).isEqualTo(newer.end_in_both);
        }
    }

    @Provide
    Arbitrary<apache.thrift.test.VersioningTestV2> v2() {
        return ApacheArbitraries.of(apache.thrift.test.VersioningTestV2.class);
    }

    @ParameterizedTest
    @EnumSource(Proto.class)
    void newInstancesWithDefaultsEncodeAlike(Proto p) {
        assertThat(hex(Encodings.ours(p, BoolTest.CODEC, new BoolTest())))
                .isEqualTo(hex(Encodings.apache(p, new apache.thrift.test.BoolTest())));
        assertThat(hex(Encodings.ours(p, OptionalSetDefaultTest.CODEC, new OptionalSetDefaultTest())))
                .isEqualTo(hex(Encodings.apache(p, new apache.thrift.test.OptionalSetDefaultTest())));
        assertThat(hex(Encodings.ours(p, OptionalBinary.CODEC, new OptionalBinary())))
                .isEqualTo(hex(Encodings.apache(p, new apache.thrift.test.OptionalBinary())));
    }

    @ParameterizedTest
    @EnumSource(Proto.class)
    void absentFieldsWithDefaultsDecodeAlike(Proto p) {
        byte[] empty = Encodings.apache(p, new apache.thrift.test.EmptyStruct());
        apache.thrift.test.BoolTest theirs = Encodings.apache(p, apache.thrift.test.BoolTest::new, empty);
        BoolTest ours = Encodings.ours(p, BoolTest.CODEC, empty);
        assertThat(ours).isEqualTo(Converters.toOurs(theirs));
        assertThat(ours.isSetB()).isEqualTo(theirs.isSetB()).isFalse();
        assertThat(ours.getS()).isEqualTo(theirs.s).isEqualTo("true");
        assertThat(Encodings.ours(p, OptionalSetDefaultTest.CODEC, empty).getWithDefault())
                .isEqualTo(Encodings.apache(p, apache.thrift.test.OptionalSetDefaultTest::new, empty).with_default)
                .containsExactly("test");
    }

    @ParameterizedTest
    @EnumSource(Proto.class)
    void missingRequiredFieldsAreRejectedByBoth(Proto p) {
        byte[] empty = Encodings.apache(p, new apache.thrift.test.EmptyStruct());
        assertThatThrownBy(() -> Encodings.apache(p, apache.thrift.test.StructA::new, empty))
                .hasRootCauseInstanceOf(org.apache.thrift.protocol.TProtocolException.class);
        assertThatThrownBy(() -> Encodings.ours(p, StructA.CODEC, empty)).isInstanceOf(ThriftProtocolException.class);
        // and neither writes a struct whose required field is unset
        assertThatThrownBy(() -> Encodings.apache(p, new apache.thrift.test.StructB().setAb(new apache.thrift.test.StructA())))
                .hasRootCauseInstanceOf(org.apache.thrift.protocol.TProtocolException.class);
        assertThatThrownBy(() -> Encodings.ours(p, StructB.CODEC, new StructB().setAb(new StructA())))
                .isInstanceOf(ThriftProtocolException.class);
    }

    @Test
    void requiredFieldsPresentRoundTrip() {
        StructB ours = new StructB().setAb(new StructA().setS("x"));
        for (Proto p : Proto.values()) {
            byte[] b = Encodings.ours(p, StructB.CODEC, ours);
            apache.thrift.test.StructB theirs = Encodings.apache(p, apache.thrift.test.StructB::new, b);
            assertThat(Converters.toOurs(theirs)).isEqualTo(ours);
        }
    }

    private static String hex(byte[] b) {
        return ByteBufUtil.hexDump(b);
    }
}
