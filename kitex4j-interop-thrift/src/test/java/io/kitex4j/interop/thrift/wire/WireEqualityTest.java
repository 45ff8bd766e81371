package io.kitex4j.interop.thrift.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.interop.thrift.wire.Encodings.Proto;
import io.kitex4j.testing.LeakRecorder;
import io.kitex4j.thrift.ThriftStructCodec;
import io.netty.buffer.ByteBufUtil;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContextBase;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.providers.ArbitraryProvider;
import net.jqwik.api.providers.TypeUsage;
import org.apache.thrift.TBase;
import org.assertj.core.api.SoftAssertions;
import thrift.test.Bonk;
import thrift.test.BoolTest;
import thrift.test.Bools;
import thrift.test.CrazyNesting;
import thrift.test.EmptyStruct;
import thrift.test.GuessProtocolStruct;
import thrift.test.Insanity;
import thrift.test.LargeDeltas;
import thrift.test.ListBonks;
import thrift.test.ListTypeVersioningV1;
import thrift.test.ListTypeVersioningV2;
import thrift.test.NestedListsBonk;
import thrift.test.NestedListsI32x2;
import thrift.test.NestedListsI32x3;
import thrift.test.NestedMixedx2;
import thrift.test.OneField;
import thrift.test.OptionalBinary;
import thrift.test.OptionalSetDefaultTest;
import thrift.test.SomeUnion;
import thrift.test.StructA;
import thrift.test.StructB;
import thrift.test.VersioningTestV1;
import thrift.test.VersioningTestV2;
import thrift.test.Xception;
import thrift.test.Xception2;
import thrift.test.Xtruct;
import thrift.test.Xtruct2;
import thrift.test.Xtruct3;

/**
 * For every struct, union and exception of ThriftTest.thrift, over random values, in binary and
 * compact: Kitex4j's encoding (its protocols on a Netty buffer, with the generated {@code CODEC})
 * equals libthrift 0.17.0's bytes (Apache-generated code on a {@code TMemoryBuffer}) for the same
 * values, and each side decodes the other's bytes to the values it decodes from its own.
 *
 * <p>The values are drawn in Apache's object model ({@link ApacheArbitraries}) and mapped to ours
 * field by field ({@link Converters}). For each value {@code a} and protocol:
 * <ol>
 *   <li>{@code ourBytes(toOurs(a)) == apacheBytes(a)};</li>
 *   <li>libthrift decodes our bytes to the value it decodes from its own bytes;</li>
 *   <li>we decode libthrift's bytes to the value we decode from our own bytes;</li>
 *   <li>what we decode from libthrift's bytes is, field by field, what libthrift decodes from them
 *       ({@code ourDecode(apacheBytes) == toOurs(apacheDecode(apacheBytes))}, and back).</li>
 * </ol>
 * (Comparing decoded values rather than the drawn one keeps default values in play: both sides
 * fill an absent optional field that has a default, e.g. {@code BoolTest.s = "true"}.)
 */
@Domain(WireEqualityTest.ApacheStructs.class)
class WireEqualityTest {
    private static final int TRIES = 300;

    /** Random Apache ThriftTest structs for every {@code @ForAll apache.thrift.test.X} parameter. */
    static final class ApacheStructs extends DomainContextBase {
        static final class Provider implements ArbitraryProvider {
            @Override
            public boolean canProvideFor(TypeUsage targetType) {
                return TBase.class.isAssignableFrom(targetType.getRawType())
                        && targetType.getRawType().getPackageName().equals("apache.thrift.test");
            }

            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public Set<Arbitrary<?>> provideFor(TypeUsage targetType, SubtypeProvider subtypeProvider) {
                return Set.of(ApacheArbitraries.of((Class) targetType.getRawType()));
            }
        }
    }

    @BeforeContainer
    static void installLeakRecorder() {
        LeakRecorder.install();
        LeakRecorder.currentTest(WireEqualityTest.class.getName());
    }

    @AfterContainer
    static void noLeaks() {
        LeakRecorder.forceDetection();
        List<LeakRecorder.Leak> leaks = LeakRecorder.drain();
        assertThat(leaks).as("Netty buffer leaks").isEmpty();
    }

    static <A extends TBase<?, ?>, K> void check(A value, Function<A, K> toOurs, Function<K, A> toApache,
            ThriftStructCodec<K> codec, Supplier<A> fresh) {
        K ours = toOurs.apply(value);
        String shown = escape(String.valueOf(value));
        SoftAssertions soft = new SoftAssertions();
        for (Proto proto : Proto.values()) {
            byte[] apacheBytes = Encodings.apache(proto, value);
            byte[] ourBytes = Encodings.ours(proto, codec, ours);
            soft.assertThat(ByteBufUtil.hexDump(ourBytes))
                    .as("%s bytes of %s (ours, then libthrift's)", proto, shown)
                    .isEqualTo(ByteBufUtil.hexDump(apacheBytes));

            A apacheFromApache = Encodings.apache(proto, fresh, apacheBytes);
            A apacheFromOurs = Encodings.apache(proto, fresh, ourBytes);
            soft.assertThat((Object) apacheFromOurs).as("%s: libthrift decodes our bytes of %s", proto, shown)
                    .isEqualTo(apacheFromApache);

            K oursFromOurs = Encodings.ours(proto, codec, ourBytes);
            K oursFromApache = Encodings.ours(proto, codec, apacheBytes);
            soft.assertThat((Object) oursFromApache).as("%s: we decode libthrift's bytes of %s", proto, shown)
                    .isEqualTo(oursFromOurs);

            soft.assertThat((Object) oursFromApache)
                    .as("%s: we decode libthrift's bytes of %s to what libthrift decodes", proto, shown)
                    .isEqualTo(toOurs.apply(apacheFromApache));
            soft.assertThat((Object) toApache.apply(oursFromApache))
                    .as("%s: what we decode from libthrift's bytes of %s, in Apache's model", proto, shown)
                    .isEqualTo(apacheFromApache);
        }
        soft.assertAll();
    }

    /** {@code s} with control characters, surrogates and non-ASCII as {@code \\uXXXX}, so reports stay readable. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Property(tries = TRIES)
    void bonk(@ForAll apache.thrift.test.Bonk v) {
        check(v, Converters::toOurs, Converters::toApache, Bonk.CODEC, apache.thrift.test.Bonk::new);
    }

    @Property(tries = TRIES)
    void bools(@ForAll apache.thrift.test.Bools v) {
        check(v, Converters::toOurs, Converters::toApache, Bools.CODEC, apache.thrift.test.Bools::new);
    }

    @Property(tries = TRIES)
    void xtruct(@ForAll apache.thrift.test.Xtruct v) {
        check(v, Converters::toOurs, Converters::toApache, Xtruct.CODEC, apache.thrift.test.Xtruct::new);
    }

    @Property(tries = TRIES)
    void xtruct2(@ForAll apache.thrift.test.Xtruct2 v) {
        check(v, Converters::toOurs, Converters::toApache, Xtruct2.CODEC, apache.thrift.test.Xtruct2::new);
    }

    @Property(tries = TRIES)
    void xtruct3(@ForAll apache.thrift.test.Xtruct3 v) {
        check(v, Converters::toOurs, Converters::toApache, Xtruct3.CODEC, apache.thrift.test.Xtruct3::new);
    }

    @Property(tries = TRIES)
    void insanity(@ForAll apache.thrift.test.Insanity v) {
        check(v, Converters::toOurs, Converters::toApache, Insanity.CODEC, apache.thrift.test.Insanity::new);
    }

    @Property(tries = TRIES)
    void crazyNesting(@ForAll apache.thrift.test.CrazyNesting v) {
        check(v, Converters::toOurs, Converters::toApache, CrazyNesting.CODEC, apache.thrift.test.CrazyNesting::new);
    }

    @Property(tries = TRIES)
    void someUnion(@ForAll apache.thrift.test.SomeUnion v) {
        check(v, Converters::toOurs, Converters::toApache, SomeUnion.CODEC, apache.thrift.test.SomeUnion::new);
    }

    @Property(tries = TRIES)
    void xception(@ForAll apache.thrift.test.Xception v) {
        check(v, Converters::toOurs, Converters::toApache, Xception.CODEC, apache.thrift.test.Xception::new);
    }

    @Property(tries = TRIES)
    void xception2(@ForAll apache.thrift.test.Xception2 v) {
        check(v, Converters::toOurs, Converters::toApache, Xception2.CODEC, apache.thrift.test.Xception2::new);
    }

    @Property(tries = 10)
    void emptyStruct(@ForAll apache.thrift.test.EmptyStruct v) {
        check(v, Converters::toOurs, Converters::toApache, EmptyStruct.CODEC, apache.thrift.test.EmptyStruct::new);
    }

    @Property(tries = 20)
    void oneField(@ForAll apache.thrift.test.OneField v) {
        check(v, Converters::toOurs, Converters::toApache, OneField.CODEC, apache.thrift.test.OneField::new);
    }

    @Property(tries = TRIES)
    void versioningTestV1(@ForAll apache.thrift.test.VersioningTestV1 v) {
        check(v, Converters::toOurs, Converters::toApache, VersioningTestV1.CODEC,
                apache.thrift.test.VersioningTestV1::new);
    }

    @Property(tries = TRIES)
    void versioningTestV2(@ForAll apache.thrift.test.VersioningTestV2 v) {
        check(v, Converters::toOurs, Converters::toApache, VersioningTestV2.CODEC,
                apache.thrift.test.VersioningTestV2::new);
    }

    @Property(tries = TRIES)
    void listTypeVersioningV1(@ForAll apache.thrift.test.ListTypeVersioningV1 v) {
        check(v, Converters::toOurs, Converters::toApache, ListTypeVersioningV1.CODEC,
                apache.thrift.test.ListTypeVersioningV1::new);
    }

    @Property(tries = TRIES)
    void listTypeVersioningV2(@ForAll apache.thrift.test.ListTypeVersioningV2 v) {
        check(v, Converters::toOurs, Converters::toApache, ListTypeVersioningV2.CODEC,
                apache.thrift.test.ListTypeVersioningV2::new);
    }

    @Property(tries = TRIES)
    void guessProtocolStruct(@ForAll apache.thrift.test.GuessProtocolStruct v) {
        check(v, Converters::toOurs, Converters::toApache, GuessProtocolStruct.CODEC,
                apache.thrift.test.GuessProtocolStruct::new);
    }

    @Property(tries = TRIES)
    void largeDeltas(@ForAll apache.thrift.test.LargeDeltas v) {
        check(v, Converters::toOurs, Converters::toApache, LargeDeltas.CODEC, apache.thrift.test.LargeDeltas::new);
    }

    @Property(tries = TRIES)
    void nestedListsI32x2(@ForAll apache.thrift.test.NestedListsI32x2 v) {
        check(v, Converters::toOurs, Converters::toApache, NestedListsI32x2.CODEC,
                apache.thrift.test.NestedListsI32x2::new);
    }

    @Property(tries = TRIES)
    void nestedListsI32x3(@ForAll apache.thrift.test.NestedListsI32x3 v) {
        check(v, Converters::toOurs, Converters::toApache, NestedListsI32x3.CODEC,
                apache.thrift.test.NestedListsI32x3::new);
    }

    @Property(tries = TRIES)
    void nestedMixedx2(@ForAll apache.thrift.test.NestedMixedx2 v) {
        check(v, Converters::toOurs, Converters::toApache, NestedMixedx2.CODEC, apache.thrift.test.NestedMixedx2::new);
    }

    @Property(tries = TRIES)
    void listBonks(@ForAll apache.thrift.test.ListBonks v) {
        check(v, Converters::toOurs, Converters::toApache, ListBonks.CODEC, apache.thrift.test.ListBonks::new);
    }

    @Property(tries = TRIES)
    void nestedListsBonk(@ForAll apache.thrift.test.NestedListsBonk v) {
        check(v, Converters::toOurs, Converters::toApache, NestedListsBonk.CODEC,
                apache.thrift.test.NestedListsBonk::new);
    }

    @Property(tries = TRIES)
    void boolTest(@ForAll apache.thrift.test.BoolTest v) {
        check(v, Converters::toOurs, Converters::toApache, BoolTest.CODEC, apache.thrift.test.BoolTest::new);
    }

    @Property(tries = TRIES)
    void structA(@ForAll apache.thrift.test.StructA v) {
        check(v, Converters::toOurs, Converters::toApache, StructA.CODEC, apache.thrift.test.StructA::new);
    }

    @Property(tries = TRIES)
    void structB(@ForAll apache.thrift.test.StructB v) {
        check(v, Converters::toOurs, Converters::toApache, StructB.CODEC, apache.thrift.test.StructB::new);
    }

    @Property(tries = TRIES)
    void optionalSetDefaultTest(@ForAll apache.thrift.test.OptionalSetDefaultTest v) {
        check(v, Converters::toOurs, Converters::toApache, OptionalSetDefaultTest.CODEC,
                apache.thrift.test.OptionalSetDefaultTest::new);
    }

    @Property(tries = TRIES)
    void optionalBinary(@ForAll apache.thrift.test.OptionalBinary v) {
        check(v, Converters::toOurs, Converters::toApache, OptionalBinary.CODEC, apache.thrift.test.OptionalBinary::new);
    }
}
