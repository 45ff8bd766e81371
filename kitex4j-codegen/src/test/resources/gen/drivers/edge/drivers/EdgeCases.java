package drivers;

import static drivers.Wire.assertRoundTrips;
import static drivers.Wire.decode;
import static drivers.Wire.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import drivers.Wire.Protocol;
import io.kitex4j.client.Client;
import io.kitex4j.example.edge.BinaryContainers;
import io.kitex4j.example.edge.Collisions;
import io.kitex4j.example.edge.EdgeCasesConstants;
import io.kitex4j.example.edge.Empty;
import io.kitex4j.example.edge.EmptyHolder;
import io.kitex4j.example.edge.Field;
import io.kitex4j.example.edge.ManyPrimitives;
import io.kitex4j.example.edge.Names;
import io.kitex4j.example.edge.Names2;
import io.kitex4j.example.edge.NoFunctions;
import io.kitex4j.example.edge.Plain;
import io.kitex4j.example.edge.Trouble;
import io.kitex4j.example.edge.bar;
import io.kitex4j.example.edge.bar_ref;
import io.kitex4j.example.edge.out;
import io.kitex4j.example.edge.out_holder;
import io.kitex4j.example.edge.v;
import io.kitex4j.example.edge.value;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.server.Server;
import io.kitex4j.thrift.ThriftProtocolException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Generated code for edge_cases.thrift: names that collide with Java, and unusual shapes. */
public final class EdgeCases {
    private EdgeCases() {}

    public static void typesNamedLikeJavaLangClassesAndLowerCaseTypesWork() {
        io.kitex4j.example.edge.String s = new io.kitex4j.example.edge.String().setValue("v");
        io.kitex4j.example.edge.Object o = new io.kitex4j.example.edge.Object(s, "plain");
        assertRoundTrips(io.kitex4j.example.edge.Object.CODEC, o);
        assertThat(o).hasToString("Object(s=String(value=v), plain=plain)");
        out x = new out(new v().setX(1), new out_holder().setIn("in"));
        assertRoundTrips(out.CODEC, x);
        Map<value, v> byValue = new LinkedHashMap<>();
        byValue.put(value.findByValue, new v().setX(3));
        bar b = new bar(new bar_ref().setN(2), value.getValue, List.of(value.value, value.findByValue), byValue);
        assertRoundTrips(bar.CODEC, b);
        assertThat(value.findByValue(2)).isEqualTo(value.getValue);
        assertThat(value.value.getValue()).isEqualTo(1);
    }

    public static void collidingFieldNamesGetDistinctAccessorsAndKeepTheirIdlNames() {
        Collisions c = new Collisions().setStringThing("snake").setStringThing_("camel").setClass_(3)
                .setStatus(value.getValue).setStatusValue(77).setLeading(1).setTrailing(2).setCodec(9L).setIssetBits0(true);
        assertThat(c.getStatusValue_()).as("the enum's raw accessor yields to the field named status_value").isEqualTo(2);
        assertThat(c.getStatusValue()).isEqualTo(77);
        assertRoundTrips(Collisions.CODEC, c);
        assertThat(c.toString()).contains("string_thing=snake, stringThing=camel, class=3, status=getValue, status_value=77, "
                + "_leading=1, trailing_=2, CODEC=9, issetBits0=true");
    }

    public static void moreThanThirtyTwoPrimitiveFieldsUseSeveralIssetWords() {
        ManyPrimitives m = new ManyPrimitives();
        assertThat(m.isSetF1()).isFalse();
        m.setF1(1).setF32(32).setF33(33).setF34(true).setF36((byte) 36);
        assertThat(m.isSetF32()).isTrue();
        assertThat(m.isSetF33()).isTrue();
        assertThat(m.isSetF35()).isFalse();
        ManyPrimitives back = Wire.roundTrip(ManyPrimitives.CODEC, m, Protocol.COMPACT);
        assertThat(back.isSetF33()).isTrue();
        assertThat(back.isSetF35()).as("an unset optional field is not written").isFalse();
        assertThat(back).isEqualTo(m);
        m.unsetF33();
        assertThat(m.isSetF33()).isFalse();
        assertThat(m.isSetF34()).isTrue();
        assertThat(Wire.roundTrip(ManyPrimitives.CODEC, m, Protocol.BINARY).isSetF33()).isFalse();
        assertRoundTrips(ManyPrimitives.CODEC, m);
    }

    public static void exceptionFieldsDoNotOverrideThrowableMethods() {
        Trouble t = new Trouble(5, "because", List.of("frame"), "localized");
        assertThat(t.getMessage_()).isEqualTo(5);
        assertThat(t.getCause_()).isEqualTo("because");
        assertThat(t.getCause()).isNull();
        assertThat(t.getStackTrace()).isNotEmpty();
        assertThat(t.getStackTrace_()).containsExactly("frame");
        assertThat(t.getMessage()).isEqualTo("Trouble(message=5, cause=because, stack_trace=[frame], localized_message=localized)");
        assertRoundTrips(Trouble.CODEC, t);
        assertThat(new Plain("text").getMessage()).isEqualTo("text");
    }

    public static void unionsWithBinaryAndEnumMembersCompareByContent() {
        assertThat(Field.ofData(new byte[] {1, 2})).isEqualTo(Field.ofData(new byte[] {1, 2}))
                .hasSameHashCodeAs(Field.ofData(new byte[] {1, 2})).isNotEqualTo(Field.ofData(new byte[] {1}));
        assertThat(Field.ofData(new byte[] {(byte) 0xab})).hasToString("Field(data=ab)");
        assertRoundTrips(Field.CODEC, Field.ofData(new byte[] {1, 2}));
        assertRoundTrips(Field.CODEC, Field.ofChunks(List.of(new byte[] {1}, new byte[0])));
        assertThat(Field.ofChunks(List.of(new byte[] {1}))).isEqualTo(Field.ofChunks(List.of(new byte[] {1})));
        assertRoundTrips(Field.CODEC, Field.ofKind(value.findByValue));
        Field unknown = new Field().setKindValue(99);
        assertThat(unknown.getKind()).isNull();
        assertThat(unknown).hasToString("Field(kind=99)");
        assertThat(Wire.roundTrip(Field.CODEC, unknown, Protocol.COMPACT).getKindValue()).isEqualTo(99);
        assertThat(unknown.setField()).isEqualTo(Field.Field_.KIND);
        assertRoundTrips(Field.CODEC, Field.ofNumber(-3));
    }

    public static void anEmptyUnionCannotBeWrittenButMayBeAbsent() {
        assertThatThrownBy(() -> encode(Empty.CODEC, new Empty(), Protocol.BINARY))
                .isInstanceOf(ThriftProtocolException.class).hasMessage("union Empty has no field set");
        assertRoundTrips(EmptyHolder.CODEC, new EmptyHolder());
        assertThat(decode(Empty.CODEC, new byte[] {0}, Protocol.BINARY)).isEqualTo(new Empty());
    }

    public static void binaryInsideContainersRoundTripsAndComparesByContent() {
        // set elements and map keys: ByteBuffer; list elements and map values: byte[]
        Set<ByteBuffer> set = new LinkedHashSet<>(List.of(ByteBuffer.wrap(new byte[] {1}), ByteBuffer.wrap(new byte[] {2})));
        Map<ByteBuffer, List<byte[]>> map = new LinkedHashMap<>();
        map.put(ByteBuffer.wrap(new byte[] {9}), List.of(new byte[] {8}, new byte[0]));
        Map<String, Set<ByteBuffer>> nested = new LinkedHashMap<>();
        nested.put("k", new LinkedHashSet<>(List.of(ByteBuffer.wrap(new byte[] {7}))));
        BinaryContainers c = new BinaryContainers(set, map, nested, new byte[] {6});
        assertRoundTrips(BinaryContainers.CODEC, c);
        Set<ByteBuffer> reordered = new LinkedHashSet<>(List.of(ByteBuffer.wrap(new byte[] {2}), ByteBuffer.wrap(new byte[] {1})));
        assertThat(new BinaryContainers().setSetOfBytes(reordered)).isEqualTo(new BinaryContainers().setSetOfBytes(set))
                .hasSameHashCodeAs(new BinaryContainers().setSetOfBytes(set));
        Map<ByteBuffer, List<byte[]>> sameMap = new LinkedHashMap<>();
        sameMap.put(ByteBuffer.wrap(new byte[] {9}), List.of(new byte[] {8}, new byte[0]));
        assertThat(new BinaryContainers().setMapOfBytes(sameMap)).isEqualTo(new BinaryContainers().setMapOfBytes(map))
                .hasSameHashCodeAs(new BinaryContainers().setMapOfBytes(map));
        sameMap.put(ByteBuffer.wrap(new byte[] {9}), List.of(new byte[] {8}));
        assertThat(new BinaryContainers().setMapOfBytes(sameMap)).isNotEqualTo(new BinaryContainers().setMapOfBytes(map));
        assertThat(c.toString()).contains("set_of_bytes=[01, 02], map_of_bytes={09=[08, ]}, nested={k=[07]}, plain=06");
    }

    public static void everyScalarTypeRoundTripsAloneAndInContainers() {
        io.kitex4j.example.edge.Scalars d = new io.kitex4j.example.edge.Scalars();
        assertThat(d.getTiny()).isEqualTo((byte) -1);
        assertThat(d.getSmall()).isEqualTo((short) 300);
        assertThat(d.getRatio()).isEqualTo(0.25);
        assertThat(d.getBlob()).isEqualTo("blob".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(d.getFixed()).isEqualTo(EdgeCasesConstants.FIXED_ID);
        assertRoundTrips(io.kitex4j.example.edge.Scalars.CODEC, d);
        java.util.UUID a = java.util.UUID.randomUUID();
        java.util.UUID b = new java.util.UUID(-1L, 1L);
        Map<java.util.UUID, Double> weights = new LinkedHashMap<>();
        weights.put(a, Double.NaN);
        weights.put(b, -0.0);
        Map<Short, Long> shorts = new LinkedHashMap<>();
        shorts.put(Short.MIN_VALUE, Long.MIN_VALUE);
        io.kitex4j.example.edge.Scalars s = new io.kitex4j.example.edge.Scalars().setId(a).setMaybe(b).setIds(List.of(a, b, a))
                .setTiny(Byte.MIN_VALUE).setSmall(Short.MAX_VALUE).setRatio(Double.MAX_VALUE).setWeights(weights)
                .setFlags(new LinkedHashSet<>(List.of(true, false))).setBlob(new byte[0])
                .setBytes(List.of((byte) 1, (byte) -128)).setShorts(shorts);
        assertRoundTrips(io.kitex4j.example.edge.Scalars.CODEC, s);
        assertThat(Wire.roundTrip(io.kitex4j.example.edge.Scalars.CODEC, s.setFixed(null), Protocol.BINARY).getFixed())
                .as("an unset optional field with a default reads back as the default").isEqualTo(EdgeCasesConstants.FIXED_ID);
        assertThat(s.toString()).contains("id=" + a, "maybe=" + b, "blob=,");
    }

    public static void constantsResolveEnumValuesAndEscapeStrings() {
        assertThat(EdgeCasesConstants.DEFAULT_VALUE).isEqualTo(value.getValue);
        assertThat(EdgeCasesConstants.VALUES).containsExactly(value.value, value.findByValue);
        assertThat(EdgeCasesConstants.NESTED_MAP.get(value.value)).containsExactly(Map.of("a", value.findByValue));
        assertThat(EdgeCasesConstants.NESTED_MAP.get(value.getValue)).isEmpty();
        assertThat(EdgeCasesConstants.STRING_CONST.getValue()).isEqualTo("s");
        assertThat(EdgeCasesConstants.java_unicode).isEqualTo("caf\u00e9 \\u0041 \u20ac \ud83c\udf0d \\");
        assertThat(EdgeCasesConstants.Object_).as("a constant does not shadow the type Object").isEqualTo(7);
    }

    public static void functionNamesThatCollideAreRenamedButKeepTheirWireNames() {
        assertThat(Names.TO_STRING.name()).isEqualTo("toString");
        assertThat(Names.GET_USER.name()).isEqualTo("get_user");
        assertThat(Names.GET_USER_.name()).isEqualTo("getUser");
        assertThat(Names.DESCRIPTOR_.name()).isEqualTo("descriptor");
        assertThat(Names2.STUB.name()).isEqualTo("Stub");
        assertThat(Names2.DESCRIPTOR.methods()).hasSize(13);
        assertThat(NoFunctions.DESCRIPTOR.methods()).isEmpty();
    }

    static final class Impl implements Names2.Iface {
        final List<String> calls = new ArrayList<>();
        final CountDownLatch notified = new CountDownLatch(1);

        @Override
        public String only(String in) {
            return "only:" + in;
        }

        @Override
        public void toString_() {
            calls.add("toString");
        }

        @Override
        public int hashCode_(int equals) {
            return equals + 1;
        }

        @Override
        public void withOptions_(String options) {
            calls.add("withOptions:" + options);
        }

        @Override
        public String foo(String client, String r) {
            return client + r;
        }

        @Override
        public String fooAsync(String options) {
            return "fooAsync:" + options;
        }

        @Override
        public void get_user() {
            calls.add("get_user");
        }

        @Override
        public void getUser() {
            calls.add("getUser");
        }

        @Override
        public void descriptor() {
            calls.add("descriptor");
        }

        @Override
        public value kind(value value_, List<value> values) throws Trouble, Plain {
            if (value_ == value.value) {
                throw new Trouble().setCause_("first");
            }
            if (value_ == null) {
                throw new Plain("plain");
            }
            return values.get(0);
        }

        @Override
        public void notify_(int args) {
            notified.countDown();
        }

        @Override
        public void Stub() {
            calls.add("Stub");
        }

        @Override
        public void Iface() {
            calls.add("Iface");
        }
    }

    public static void renamedFunctionsWorkAgainstALiveServer() throws Exception {
        Impl impl = new Impl();
        Server server = Server.builder().address(new InetSocketAddress("127.0.0.1", 0)).service(Names2.definition(impl)).build();
        InetSocketAddress addr = server.start();
        try (Client c = Client.builder(Names2.DESCRIPTOR).hostPorts(addr.getHostString() + ":" + addr.getPort())
                .payloadProtocol(PayloadProtocol.THRIFT_COMPACT).transportProtocol(TransportProtocol.FRAMED)
                .rpcTimeout(Duration.ofSeconds(10)).build()) {
            Names2.Stub stub = new Names2.Stub(c);
            assertThat(stub.only("x")).isEqualTo("only:x");
            stub.toString_();
            assertThat(stub.hashCode_(1)).isEqualTo(2);
            stub.withOptions_("o");
            assertThat(stub.foo("a", "b")).isEqualTo("ab");
            assertThat(stub.fooAsync("s")).isEqualTo("fooAsync:s");
            assertThat(stub.fooAsync_("c", "d").get(10, TimeUnit.SECONDS)).isEqualTo("cd");
            assertThat(stub.fooAsyncAsync("t").get(10, TimeUnit.SECONDS)).isEqualTo("fooAsync:t");
            stub.get_user();
            stub.getUser();
            stub.descriptor();
            stub.Stub();
            stub.IfaceAsync().get(10, TimeUnit.SECONDS);
            assertThat(stub.toStringAsync().get(10, TimeUnit.SECONDS)).isNull();
            assertThat(stub.kind(value.getValue, List.of(value.findByValue))).isEqualTo(value.findByValue);
            assertThatThrownBy(() -> stub.kind(value.value, List.of())).isInstanceOf(Trouble.class);
            assertThatThrownBy(() -> stub.kind(null, List.of())).isInstanceOf(Plain.class);
            stub.notify_(1);
            assertThat(impl.notified.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(impl.calls).containsExactly("toString", "withOptions:o", "get_user", "getUser", "descriptor", "Stub", "Iface", "toString");
        } finally {
            server.stop();
        }
    }
}
