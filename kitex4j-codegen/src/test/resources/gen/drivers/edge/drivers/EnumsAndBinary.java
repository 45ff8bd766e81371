package drivers;

import static drivers.Wire.assertRoundTrips;
import static drivers.Wire.decode;
import static drivers.Wire.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import drivers.Wire.Protocol;
import io.kitex4j.client.Client;
import io.kitex4j.errors.ApplicationException;
import io.kitex4j.errors.RemoteApplicationException;
import io.kitex4j.example.edge.BinaryContainers;
import io.kitex4j.example.edge.BlobChoice;
import io.kitex4j.example.edge.EdgeCasesConstants;
import io.kitex4j.example.edge.EnumContainers;
import io.kitex4j.example.edge.Enums;
import io.kitex4j.example.edge.HashedBinary;
import io.kitex4j.example.edge.MoreEnums;
import io.kitex4j.example.edge.Plain;
import io.kitex4j.example.edge.value;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.server.Server;
import io.kitex4j.service.ServiceDefinition;
import io.kitex4j.thrift.TType;
import io.kitex4j.thrift.ThriftProtocolException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Binary in set elements and map keys (a ByteBuffer, compared by content), and enum numbers the
 * enum does not define: dropped in containers, kept by args/result wrappers and passed through by
 * the raw methods of the binding and the stub.
 */
public final class EnumsAndBinary {
    private EnumsAndBinary() {}

    private static ByteBuffer buf(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ binary

    public static void equalBuffersAreOneSetElementAndOneMapKey() {
        Set<ByteBuffer> set = new LinkedHashSet<>();
        set.add(ByteBuffer.wrap(new byte[] {1}));
        set.add(ByteBuffer.wrap(new byte[] {1}));
        assertThat(set).hasSize(1).contains(ByteBuffer.wrap(new byte[] {1}));
        Map<ByteBuffer, List<byte[]>> map = new LinkedHashMap<>();
        map.put(ByteBuffer.wrap(new byte[] {2}), List.of());
        map.put(ByteBuffer.wrap(new byte[] {0, 2}, 1, 1), List.of(new byte[] {3}));
        assertThat(map).hasSize(1);
        for (Protocol p : Protocol.values()) {
            BinaryContainers back = Wire.roundTrip(BinaryContainers.CODEC,
                    new BinaryContainers().setSetOfBytes(set).setMapOfBytes(map), p);
            assertThat(back.getSetOfBytes()).containsExactly(ByteBuffer.wrap(new byte[] {1}));
            assertThat(back.getMapOfBytes()).containsOnlyKeys(ByteBuffer.wrap(new byte[] {2}));
            assertThat(back.getMapOfBytes().get(ByteBuffer.wrap(new byte[] {2}))).singleElement()
                    .satisfies(b -> assertThat(b).containsExactly(3));
        }
    }

    public static void aBufferIsWrittenAsItsRemainingBytesWithoutMovingIt() {
        byte[] backing = {9, 1, 2, 9};
        ByteBuffer window = ByteBuffer.wrap(backing, 1, 2);
        ByteBuffer slice = window.slice();
        ByteBuffer direct = ByteBuffer.allocateDirect(2).put(new byte[] {1, 2}).flip();
        ByteBuffer readOnly = ByteBuffer.wrap(new byte[] {1, 2}).asReadOnlyBuffer();
        for (Protocol p : Protocol.values()) {
            byte[] expected = encode(BinaryContainers.CODEC,
                    new BinaryContainers().setSetOfBytes(Set.of(ByteBuffer.wrap(new byte[] {1, 2})))
                            .setMapOfBytes(Map.of(ByteBuffer.wrap(new byte[] {1, 2}), List.of())), p);
            for (ByteBuffer b : List.of(window, slice, direct, readOnly)) {
                int position = b.position();
                int limit = b.limit();
                byte[] actual = encode(BinaryContainers.CODEC,
                        new BinaryContainers().setSetOfBytes(Set.of(b)).setMapOfBytes(Map.of(b, List.of())), p);
                assertThat(actual).as("%s bytes of %s", p, b).isEqualTo(expected);
                assertThat(b.position()).as("position of %s", b).isEqualTo(position);
                assertThat(b.limit()).isEqualTo(limit);
            }
        }
    }

    public static void binaryAtAnyDepthOfASetElementOrMapKeyIsAByteBuffer() {
        HashedBinary h = new HashedBinary();
        assertThat(h.getDefaults()).containsExactly(buf("x"), buf("y"));
        Set<List<ByteBuffer>> lists = new LinkedHashSet<>();
        lists.add(List.of(buf("a"), buf("b")));
        lists.add(new ArrayList<>(List.of(buf("a"), buf("b"))));
        assertThat(lists).hasSize(1);
        Map<Set<ByteBuffer>, byte[]> bySet = new LinkedHashMap<>();
        bySet.put(new LinkedHashSet<>(List.of(buf("k"))), bytes("v"));
        assertThat(bySet).containsKey(Set.of(buf("k")));
        List<Set<ByteBuffer>> sets = List.of(new LinkedHashSet<>(List.of(buf("s"), buf("s"))), Set.of());
        Map<String, Map<ByteBuffer, byte[]>> nested = Map.of("n", Map.of(buf("nk"), bytes("nv")));
        Map<ByteBuffer, Map<ByteBuffer, List<byte[]>>> deep = Map.of(buf("d"), Map.of(buf("e"), List.of(bytes("f"))));
        Set<Map<String, ByteBuffer>> hashedValues = new LinkedHashSet<>(List.of(Map.of("h", buf("v")), Map.of("h", buf("v"))));
        assertThat(hashedValues).hasSize(1);
        h.setLists(lists).setBySet(bySet).setSets(sets).setNested(nested).setDeepValues(deep).setHashedValues(hashedValues);
        assertRoundTrips(HashedBinary.CODEC, h);
        HashedBinary same = new HashedBinary()
                .setLists(Set.of(List.of(buf("a"), buf("b"))))
                .setBySet(Map.of(Set.of(buf("k")), bytes("v")))
                .setSets(List.of(Set.of(buf("s")), Set.of()))
                .setNested(Map.of("n", Map.of(buf("nk"), bytes("nv"))))
                .setDeepValues(Map.of(buf("d"), Map.of(buf("e"), List.of(bytes("f")))))
                .setHashedValues(Set.of(Map.of("h", buf("v"))));
        assertThat(same).isEqualTo(h).hasSameHashCodeAs(h);
        assertThat(same.setDeepValues(Map.of(buf("d"), Map.of(buf("e"), List.of(bytes("g")))))).isNotEqualTo(h);
        assertThat(h.toString()).contains("lists=[[61, 62]]", "by_set={[6b]=76}", "sets=[[73], []]", "nested={n={6e6b=6e76}}",
                "defaults=[78, 79]", "deep_values={64={65=[66]}}", "hashed_values=[{h=76}]");
    }

    public static void unionsAndConstantsUseByteBufferToo() {
        BlobChoice blobs = BlobChoice.ofBlobs(new LinkedHashSet<>(List.of(buf("a"), buf("a"))));
        assertThat(blobs.getBlobs()).hasSize(1);
        assertRoundTrips(BlobChoice.CODEC, blobs);
        assertThat(BlobChoice.ofBlobs(Set.of(buf("a")))).isEqualTo(blobs).hasSameHashCodeAs(blobs);
        assertThat(blobs).hasToString("BlobChoice(blobs=[61])");
        BlobChoice counts = BlobChoice.ofCounts(Map.of(buf("k"), 1));
        assertRoundTrips(BlobChoice.CODEC, counts);
        assertThat(counts.getCounts()).containsEntry(buf("k"), 1);
        assertThat(BlobChoice.ofChunks(List.of(bytes("c")))).isEqualTo(BlobChoice.ofChunks(List.of(bytes("c"))))
                .hasSameHashCodeAs(BlobChoice.ofChunks(List.of(bytes("c"))));
        assertThat(EdgeCasesConstants.BLOB_SET).containsExactly(buf("a"), buf("b"));
        assertThat(EdgeCasesConstants.BLOB_MAP).containsOnlyKeys(buf("k"));
        assertThat(EdgeCasesConstants.BLOB_MAP.get(buf("k"))).singleElement().satisfies(b -> assertThat(b).isEqualTo(bytes("v")));
    }

    // ------------------------------------------------------------------ enums in containers

    private static void i32s(Consumer<Integer> w, int... values) {
        for (int v : values) {
            w.accept(v);
        }
    }

    public static void unknownEnumNumbersInContainersAreDroppedOnRead() {
        for (Protocol p : Protocol.values()) {
            byte[] bytes = Wire.write(p, w -> {
                w.writeStructBegin();
                w.writeFieldBegin(TType.LIST, (short) 1);
                w.writeListBegin(TType.I32, 3);
                i32s(w::writeI32, 1, 99, 3);
                w.writeListEnd();
                w.writeFieldEnd();
                w.writeFieldBegin(TType.SET, (short) 2);
                w.writeSetBegin(TType.I32, 2);
                i32s(w::writeI32, 99, 2);
                w.writeSetEnd();
                w.writeFieldEnd();
                w.writeFieldBegin(TType.MAP, (short) 3);
                w.writeMapBegin(TType.I32, TType.STRING, 2);
                w.writeI32(1);
                w.writeString("a");
                w.writeI32(99);
                w.writeString("b");
                w.writeMapEnd();
                w.writeFieldEnd();
                w.writeFieldBegin(TType.MAP, (short) 4);
                w.writeMapBegin(TType.STRING, TType.I32, 2);
                w.writeString("a");
                w.writeI32(1);
                w.writeString("b");
                w.writeI32(99);
                w.writeMapEnd();
                w.writeFieldEnd();
                w.writeFieldBegin(TType.MAP, (short) 5);
                w.writeMapBegin(TType.I32, TType.I32, 3);
                i32s(w::writeI32, 1, 99, 99, 1, 2, 3);
                w.writeMapEnd();
                w.writeFieldEnd();
                w.writeFieldBegin(TType.MAP, (short) 6);
                w.writeMapBegin(TType.STRING, TType.LIST, 1);
                w.writeString("x");
                w.writeListBegin(TType.I32, 2);
                i32s(w::writeI32, 1, 99);
                w.writeListEnd();
                w.writeMapEnd();
                w.writeFieldEnd();
                w.writeFieldBegin(TType.MAP, (short) 7);
                w.writeMapBegin(TType.I32, TType.LIST, 2);
                w.writeI32(99);
                w.writeListBegin(TType.I32, 1);
                w.writeI32(1);
                w.writeListEnd();
                w.writeI32(1);
                w.writeListBegin(TType.I32, 2);
                i32s(w::writeI32, 99, 2);
                w.writeListEnd();
                w.writeMapEnd();
                w.writeFieldEnd();
                w.writeFieldStop();
                w.writeStructEnd();
            });
            EnumContainers e = decode(EnumContainers.CODEC, bytes, p);
            assertThat(e.getListOf()).containsExactly(value.value, value.findByValue);
            assertThat(e.getSetOf()).containsExactly(value.getValue);
            assertThat(e.getByKey()).containsExactly(entry(value.value, "a"));
            assertThat(e.getByValue()).containsExactly(entry("a", value.value));
            assertThat(e.getBoth()).containsExactly(entry(value.getValue, value.findByValue));
            assertThat(e.getNested()).containsExactly(entry("x", List.of(value.value)));
            assertThat(e.getKeyAndList()).containsExactly(entry(value.value, List.of(value.getValue)));
            // what is left is written back as is
            assertRoundTrips(EnumContainers.CODEC, e);
        }
    }

    public static void aNullEnumInAContainerCannotBeWritten() {
        List<value> withNull = new ArrayList<>(List.of(value.value));
        withNull.add(null);
        Map<value, String> nullKey = new HashMap<>();
        nullKey.put(null, "x");
        Map<String, value> nullValue = new HashMap<>();
        nullValue.put("x", null);
        for (Protocol p : Protocol.values()) {
            assertThatThrownBy(() -> encode(EnumContainers.CODEC, new EnumContainers().setListOf(withNull), p))
                    .isInstanceOf(ThriftProtocolException.class)
                    .hasMessage("EnumContainers.list_of: cannot write a null enum value in a container")
                    .satisfies(x -> assertThat(((ThriftProtocolException) x).type()).isEqualTo(ThriftProtocolException.INVALID_DATA));
            assertThatThrownBy(() -> encode(EnumContainers.CODEC, new EnumContainers().setByKey(nullKey), p))
                    .hasMessage("EnumContainers.by_key: cannot write a null enum value in a container");
            assertThatThrownBy(() -> encode(EnumContainers.CODEC, new EnumContainers().setByValue(nullValue), p))
                    .hasMessage("EnumContainers.by_value: cannot write a null enum value in a container");
            assertThatThrownBy(() -> encode(Enums.ManyArgs.CODEC, new Enums.ManyArgs(withNull), p))
                    .isInstanceOf(ThriftProtocolException.class)
                    .hasMessage("Enums.many args.vs: cannot write a null enum value in a container");
        }
    }

    // ------------------------------------------------------------------ enum args and results

    public static void argsAndResultsKeepTheNumberReadFromTheWire() {
        for (Protocol p : Protocol.values()) {
            Enums.EchoArgs args = new Enums.EchoArgs().setVValue(99);
            assertThat(args.isSetV()).isTrue();
            assertThat(args.getV()).isNull();
            Enums.EchoArgs back = Wire.roundTrip(Enums.EchoArgs.CODEC, args, p);
            assertThat(back.getVValue()).isEqualTo(99);
            assertThat(back.getV()).isNull();
            assertThat(encode(Enums.EchoArgs.CODEC, back, p)).isEqualTo(encode(Enums.EchoArgs.CODEC, args, p));
            assertThat(Wire.roundTrip(Enums.EchoArgs.CODEC, new Enums.EchoArgs(), p).isSetV()).as("an unset argument").isFalse();
            assertThat(new Enums.EchoArgs(value.getValue).getVValue()).isEqualTo(2);
            assertThat(new Enums.EchoArgs((value) null).isSetV()).isFalse();
            assertThat(new Enums.EchoArgs().setV(value.findByValue).getV()).isEqualTo(value.findByValue);
            Enums.EchoArgs unset = new Enums.EchoArgs().setV(value.value);
            unset.unsetV();
            assertThat(unset.isSetV()).isFalse();
            assertThat(unset.getVValue()).isZero();

            Enums.EchoResult result = Wire.roundTrip(Enums.EchoResult.CODEC, new Enums.EchoResult().setSuccessValue(77), p);
            assertThat(result.isSetSuccess()).isTrue();
            assertThat(result.getSuccess()).isNull();
            assertThat(result.getSuccessValue()).isEqualTo(77);
            assertThat(Wire.roundTrip(Enums.EchoResult.CODEC, new Enums.EchoResult().setSuccess(value.value), p).getSuccess())
                    .isEqualTo(value.value);
            assertThat(Wire.roundTrip(Enums.EchoResult.CODEC, new Enums.EchoResult(), p).isSetSuccess()).isFalse();

            Enums.PickArgs pick = Wire.roundTrip(Enums.PickArgs.CODEC, new Enums.PickArgs(5, null).setFallbackValue(-1), p);
            assertThat(pick.n).isEqualTo(5);
            assertThat(pick.getFallbackValue()).isEqualTo(-1);
            Enums.PickResult failed = Wire.roundTrip(Enums.PickResult.CODEC, pickFailure(), p);
            assertThat(failed.isSetSuccess()).isFalse();
            assertThat(failed.p.getMessage()).isEqualTo("no");
        }
    }

    private static Enums.PickResult pickFailure() {
        Enums.PickResult r = new Enums.PickResult();
        r.p = new Plain("no");
        return r;
    }

    /** An implementation of the enum methods only: numbers unknown to the enum reach it as null. */
    static class Handler implements MoreEnums.Iface {
        final List<String> seen = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch fired = new CountDownLatch(1);

        @Override
        public value echo(value v) {
            seen.add("echo:" + v);
            return v;
        }

        @Override
        public value pick(int n, value fallback) throws Plain {
            if (n < 0) {
                throw new Plain("negative");
            }
            return n == 0 ? fallback : value.findByValue(n);
        }

        @Override
        public void take(value v) {
            seen.add("take:" + v);
        }

        @Override
        public void fire(value v) {
            seen.add("fire:" + v);
            fired.countDown();
        }

        @Override
        public List<value> many(List<value> vs) {
            seen.add("many:" + vs);
            return vs;
        }

        @Override
        public Set<ByteBuffer> distinct(List<byte[]> all) {
            Set<ByteBuffer> s = new LinkedHashSet<>();
            for (byte[] b : all) {
                s.add(ByteBuffer.wrap(b));
            }
            return s;
        }

        @Override
        public int echoRaw(int n) {
            return -n;
        }

        @Override
        public value again(value v) {
            seen.add("again:" + v);
            return v;
        }
    }

    /** Overrides the raw methods: numbers unknown to the enum are echoed back. */
    static final class RawHandler extends Handler {
        @Override
        public Integer echoRaw_(Integer v) {
            seen.add("echoRaw_:" + v);
            return v;
        }

        @Override
        public Integer pickRaw(int n, Integer fallback) throws Plain {
            if (n < 0) {
                throw new Plain("negative");
            }
            return n == 0 ? fallback : Integer.valueOf(n);
        }

        @Override
        public Integer againRaw(Integer v) {
            return v;
        }
    }

    /** The same, non-blocking. */
    static final class AsyncRawHandler implements MoreEnums.AsyncIface {
        private final RawHandler sync = new RawHandler();

        @Override
        public CompletableFuture<value> echo(value v) {
            return CompletableFuture.completedFuture(sync.echo(v));
        }

        @Override
        public CompletableFuture<Integer> echoRaw_(Integer v) {
            return CompletableFuture.supplyAsync(() -> sync.echoRaw_(v));
        }

        @Override
        public CompletableFuture<value> pick(int n, value fallback) {
            try {
                return CompletableFuture.completedFuture(sync.pick(n, fallback));
            } catch (Plain e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public CompletableFuture<Integer> pickRaw(int n, Integer fallback) {
            try {
                return CompletableFuture.completedFuture(sync.pickRaw(n, fallback));
            } catch (Plain e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public CompletableFuture<Integer> againRaw(Integer v) {
            return CompletableFuture.completedFuture(sync.againRaw(v));
        }

        @Override
        public CompletableFuture<Void> take(value v) {
            sync.take(v);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> fire(value v) {
            sync.fire(v);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<List<value>> many(List<value> vs) {
            return CompletableFuture.completedFuture(sync.many(vs));
        }

        @Override
        public CompletableFuture<Set<ByteBuffer>> distinct(List<byte[]> all) {
            return CompletableFuture.completedFuture(sync.distinct(all));
        }

        @Override
        public CompletableFuture<Integer> echoRaw(int n) {
            return CompletableFuture.completedFuture(sync.echoRaw(n));
        }

        @Override
        public CompletableFuture<value> again(value v) {
            return CompletableFuture.completedFuture(sync.again(v));
        }
    }

    private interface StubTest {
        void run(MoreEnums.Stub stub) throws Exception;
    }

    private static void withServer(ServiceDefinition definition, StubTest test) throws Exception {
        Server server = Server.builder().address(new InetSocketAddress("127.0.0.1", 0)).service(definition).build();
        InetSocketAddress addr = server.start();
        try {
            for (PayloadProtocol p : new PayloadProtocol[] {PayloadProtocol.THRIFT_BINARY, PayloadProtocol.THRIFT_COMPACT}) {
                try (Client c = Client.builder(MoreEnums.DESCRIPTOR).hostPorts(addr.getHostString() + ":" + addr.getPort())
                        .payloadProtocol(p).transportProtocol(TransportProtocol.FRAMED)
                        .rpcTimeout(Duration.ofSeconds(10)).build()) {
                    test.run(new MoreEnums.Stub(c));
                }
            }
        } finally {
            server.stop();
        }
    }

    private static void assertMissingResult(Throwable t) {
        Throwable cause = t instanceof ExecutionException || t instanceof CompletionException ? t.getCause() : t;
        assertThat(cause).isInstanceOf(RemoteApplicationException.class);
        assertThat(((RemoteApplicationException) cause).typeId()).isEqualTo(ApplicationException.MISSING_RESULT);
    }

    public static void aHandlerOfEnumsGetsNullForAnUnknownNumberAsApacheServersDo() throws Exception {
        Handler handler = new Handler();
        withServer(MoreEnums.definition(handler), stub -> {
            assertThat(stub.echo(value.getValue)).isEqualTo(value.getValue);
            assertThat(stub.echoRaw_(3)).isEqualTo(3);
            assertThat(stub.echoAsync(value.value).get(10, TimeUnit.SECONDS)).isEqualTo(value.value);
            assertThat(stub.echoRaw(4)).as("the function named echoRaw").isEqualTo(-4);
            assertThat(stub.echoRawAsync(5).get(10, TimeUnit.SECONDS)).isEqualTo(-5);
            // The handler gets null and echoes null: the result has no success field.
            handler.seen.clear();
            assertThatThrownBy(() -> stub.echoRaw_(99)).satisfies(EnumsAndBinary::assertMissingResult);
            assertThatThrownBy(() -> stub.echoRaw_Async(99).get(10, TimeUnit.SECONDS)).satisfies(EnumsAndBinary::assertMissingResult);
            stub.takeRaw(99);
            stub.takeRawAsync(98).get(10, TimeUnit.SECONDS);
            stub.take(value.value);
            stub.take(null);
            assertThat(handler.seen).containsExactly("echo:null", "echo:null", "take:null", "take:null", "take:value", "take:null");
            assertThat(stub.pick(0, value.findByValue)).isEqualTo(value.findByValue);
            assertThat(stub.pick(2, null)).isEqualTo(value.getValue);
            assertThat(stub.pickRaw(3, null)).isEqualTo(3);
            assertThatThrownBy(() -> stub.pick(-1, value.value)).isInstanceOf(Plain.class).hasMessage("negative");
            assertThatThrownBy(() -> stub.pickRaw(-1, 42)).isInstanceOf(Plain.class);
            assertThatThrownBy(() -> stub.pickRawAsync(-1, 42).join()).isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(Plain.class);
            assertThatThrownBy(() -> stub.pickRaw(0, 42)).satisfies(EnumsAndBinary::assertMissingResult);
            assertThat(stub.many(List.of(value.value, value.getValue))).containsExactly(value.value, value.getValue);
            assertThat(stub.distinct(List.of(bytes("a"), bytes("b"), bytes("a")))).containsExactly(buf("a"), buf("b"));
            assertThat(stub.again(value.findByValue)).isEqualTo(value.findByValue);
            assertThatThrownBy(() -> stub.againRaw(99)).satisfies(EnumsAndBinary::assertMissingResult);
        });
        withServer(MoreEnums.definition(handler), stub -> stub.fireRaw(99));
        assertThat(handler.fired.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(handler.seen).contains("fire:null");
    }

    public static void aHandlerOfRawNumbersEchoesAnUnknownNumber() throws Exception {
        RawHandler handler = new RawHandler();
        withServer(MoreEnums.definition(handler), stub -> echoesUnknownNumbers(stub));
        assertThat(handler.seen).contains("echoRaw_:99", "echoRaw_:2");
    }

    public static void anAsyncHandlerOfRawNumbersEchoesAnUnknownNumber() throws Exception {
        withServer(MoreEnums.definition(new AsyncRawHandler()), stub -> echoesUnknownNumbers(stub));
    }

    private static void echoesUnknownNumbers(MoreEnums.Stub stub) throws Exception {
        assertThat(stub.echoRaw_(99)).isEqualTo(99);
        assertThat(stub.echoRaw_Async(-7).get(10, TimeUnit.SECONDS)).isEqualTo(-7);
        assertThat(stub.echo(value.getValue)).as("the binding calls the raw method").isEqualTo(value.getValue);
        // the enum methods of the stub: null for a number the enum does not define
        assertThat(stub.pick(1234, null)).isNull();
        assertThat(stub.pickAsync(1234, null).get(10, TimeUnit.SECONDS)).isNull();
        assertThat(stub.pickRaw(1234, null)).isEqualTo(1234);
        assertThat(stub.pickRaw(0, 4321)).isEqualTo(4321);
        assertThat(stub.pickRaw(0, 1)).isEqualTo(1);
        assertThatThrownBy(() -> stub.pickRaw(0, null)).satisfies(EnumsAndBinary::assertMissingResult);
        assertThatThrownBy(() -> stub.pickAsync(-1, null).join()).cause().isInstanceOf(Plain.class);
        // inherited and own functions of the extending service
        assertThat(stub.againRaw(-99)).isEqualTo(-99);
        assertThat(stub.againRawAsync(3).get(10, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(stub.again(value.value)).isEqualTo(value.value);
    }
}
