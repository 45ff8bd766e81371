package drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitex4j.client.Client;
import io.kitex4j.errors.RemoteApplicationException;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.server.Server;
import io.kitex4j.service.ServiceDescriptor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import thrift.test.Insanity;
import thrift.test.Numberz;
import thrift.test.SecondService;
import thrift.test.ThriftTest;
import thrift.test.Xception;
import thrift.test.Xception2;
import thrift.test.Xtruct;
import thrift.test.Xtruct2;

/** The generated ThriftTest service against a live Kitex4j server and client over loopback. */
public final class ThriftTestService {
    private ThriftTestService() {}

    private static Client client(InetSocketAddress addr, ServiceDescriptor descriptor, PayloadProtocol p, TransportProtocol t) {
        return Client.builder(descriptor)
                .hostPorts(addr.getHostString() + ":" + addr.getPort())
                .payloadProtocol(p)
                .transportProtocol(t)
                .rpcTimeout(Duration.ofSeconds(10))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public static void everyThriftTestCallPassesWithABlockingHandler() throws Exception {
        ThriftTestHandler handler = new ThriftTestHandler();
        Server server = Server.builder()
                .address(new InetSocketAddress("127.0.0.1", 0))
                .service(ThriftTest.definition(handler))
                .service(SecondService.definition((SecondService.Iface) thing -> "second:" + thing))
                .build();
        InetSocketAddress addr = server.start();
        try {
            for (PayloadProtocol p : new PayloadProtocol[] {PayloadProtocol.THRIFT_BINARY, PayloadProtocol.THRIFT_COMPACT}) {
                for (TransportProtocol t : new TransportProtocol[] {TransportProtocol.BUFFERED, TransportProtocol.FRAMED, TransportProtocol.TTHEADER}) {
                    try (Client c = client(addr, ThriftTest.DESCRIPTOR, p, t)) {
                        blockingCalls(new ThriftTest.Stub(c));
                    }
                }
                try (Client c = client(addr, SecondService.DESCRIPTOR, p, TransportProtocol.TTHEADER)) {
                    assertThat(new SecondService.Stub(c).secondtestString("x")).isEqualTo("second:x");
                }
            }
            assertThat(handler.oneways.await(10, TimeUnit.SECONDS)).as("testOneway reached the handler").isTrue();
        } finally {
            server.stop();
        }
    }

    public static void asyncStubAgainstAnAsyncHandler() throws Exception {
        ThriftTestHandler handler = new ThriftTestHandler();
        Server server = Server.builder()
                .address(new InetSocketAddress("127.0.0.1", 0))
                .service(ThriftTest.definition(new AsyncThriftTestHandler(handler)))
                .build();
        InetSocketAddress addr = server.start();
        try (Client c = client(addr, ThriftTest.DESCRIPTOR, PayloadProtocol.THRIFT_COMPACT, TransportProtocol.FRAMED)) {
            ThriftTest.Stub stub = new ThriftTest.Stub(c);
            assertThat(stub.testStringAsync("async").get(10, TimeUnit.SECONDS)).isEqualTo("async");
            assertThat(stub.testI32Async(-5).get(10, TimeUnit.SECONDS)).isEqualTo(-5);
            assertThat(stub.testEnumAsync(Numberz.EIGHT).get(10, TimeUnit.SECONDS)).isEqualTo(Numberz.EIGHT);
            assertThat(stub.testVoidAsync().get(10, TimeUnit.SECONDS)).isNull();
            assertThat(stub.testExceptionAsync("ok").get(10, TimeUnit.SECONDS)).isNull();
            assertThatThrownBy(() -> stub.testExceptionAsync("Xception").join())
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(Xception.class).hasMessage("Xception");
            assertThatThrownBy(() -> stub.testMultiExceptionAsync("Xception2", "x").join())
                    .cause().isInstanceOf(Xception2.class);
            assertThat(stub.testMultiExceptionAsync("no", "fine").get(10, TimeUnit.SECONDS).getStringThing()).isEqualTo("fine");
            // The blocking stub against the asynchronous server: declared exceptions are checked exceptions again.
            assertThatThrownBy(() -> stub.testException("Xception")).isInstanceOf(Xception.class);
            assertThatThrownBy(() -> stub.testException("TException")).isInstanceOf(RemoteApplicationException.class);
            stub.testOnewayAsync(0).get(10, TimeUnit.SECONDS);
            assertThat(handler.oneways.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(stub.withOptions(io.kitex4j.client.CallOptions.DEFAULT.withRpcTimeout(Duration.ofSeconds(3)))
                    .testString("with options")).isEqualTo("with options");
        } finally {
            server.stop();
        }
    }

    /**
     * testEnum with a number Numberz does not define: an Iface handler sees null (and its echo of
     * null is no result, as with Apache's server); a handler overriding testEnumRaw echoes the number.
     */
    public static void anUnknownEnumNumberEchoesThroughTestEnumRaw() throws Exception {
        ThriftTest.Iface enumsOnly = new ThriftTestHandler();
        ThriftTest.Iface raw = new ThriftTestHandler() {
            @Override
            public Integer testEnumRaw(Integer thing) {
                return thing;
            }
        };
        for (ThriftTest.Iface handler : List.of(enumsOnly, raw)) {
            Server server = Server.builder().address(new InetSocketAddress("127.0.0.1", 0))
                    .service(ThriftTest.definition(handler)).build();
            InetSocketAddress addr = server.start();
            try (Client c = client(addr, ThriftTest.DESCRIPTOR, PayloadProtocol.THRIFT_BINARY, TransportProtocol.BUFFERED)) {
                ThriftTest.Stub stub = new ThriftTest.Stub(c);
                assertThat(stub.testEnum(Numberz.EIGHT)).isEqualTo(Numberz.EIGHT);
                assertThat(stub.testEnumRaw(5)).isEqualTo(5);
                if (handler == raw) {
                    assertThat(stub.testEnumRaw(4)).isEqualTo(4);
                    assertThat(stub.testEnumRawAsync(-1).get(10, TimeUnit.SECONDS)).isEqualTo(-1);
                } else {
                    assertThatThrownBy(() -> stub.testEnumRaw(4))
                            .isInstanceOf(RemoteApplicationException.class).hasMessageContaining("testEnum failed: unknown result");
                }
                assertThat(stub.testMultiRaw((byte) 1, 2, 3L, Map.of(), 4, 5L)).isEqualTo(new Xtruct("Hello2", (byte) 1, 2, 3L));
            } finally {
                server.stop();
            }
        }
    }

    public static void aStubRefusesAClientBuiltForAnotherService() throws Exception {
        try (Client c = Client.builder(SecondService.DESCRIPTOR).hostPorts("127.0.0.1:1").build()) {
            assertThatThrownBy(() -> new ThriftTest.Stub(c))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("client was built for SecondService, not ThriftTest");
        }
    }

    public static void descriptorsListEveryFunction() {
        assertThat(ThriftTest.DESCRIPTOR.serviceName()).isEqualTo("ThriftTest");
        assertThat(ThriftTest.DESCRIPTOR.packageName()).isEqualTo("thrifttest");
        assertThat(ThriftTest.DESCRIPTOR.methods()).hasSize(22);
        assertThat(ThriftTest.DESCRIPTOR.method("testOneway")).isSameAs(ThriftTest.TEST_ONEWAY);
        assertThat(ThriftTest.TEST_ONEWAY.isOneway()).isTrue();
        assertThat(ThriftTest.TEST_MULTI_EXCEPTION.isOneway()).isFalse();
        assertThat(ThriftTest.TEST_I32.name()).isEqualTo("testI32");
    }

    static void blockingCalls(ThriftTest.Stub s) throws Exception {
        s.testVoid();
        assertThat(s.testString("Test")).isEqualTo("Test");
        assertThat(s.testString("")).isEmpty();
        assertThat(s.testBool(true)).isTrue();
        assertThat(s.testBool(false)).isFalse();
        assertThat(s.testByte((byte) 1)).isEqualTo((byte) 1);
        assertThat(s.testByte((byte) -1)).isEqualTo((byte) -1);
        assertThat(s.testI32(-1)).isEqualTo(-1);
        assertThat(s.testI32(Integer.MIN_VALUE)).isEqualTo(Integer.MIN_VALUE);
        assertThat(s.testI64(-34359738368L)).isEqualTo(-34359738368L);
        assertThat(s.testDouble(-5.2098523)).isEqualTo(-5.2098523);
        assertThat(s.testDouble(-0.000341012439638598279)).isEqualTo(-0.000341012439638598279);
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        assertThat(s.testBinary(bytes)).isEqualTo(bytes);
        Xtruct x = new Xtruct("Zero", (byte) 1, -3, -5L);
        assertThat(s.testStruct(x)).isEqualTo(x);
        Xtruct2 nest = new Xtruct2((byte) 1, x, 5);
        assertThat(s.testNest(nest)).isEqualTo(nest);
        Map<Integer, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            map.put(i, i - 10);
        }
        assertThat(s.testMap(map)).isEqualTo(map);
        Map<String, String> smap = new LinkedHashMap<>(Map.of("a", "2", "b", "blah", "some", "thing"));
        assertThat(s.testStringMap(smap)).isEqualTo(smap);
        assertThat(s.testSet(new LinkedHashSet<>(List.of(-2, -1, 0, 1, 2)))).containsExactly(-2, -1, 0, 1, 2);
        assertThat(s.testList(List.of(-2, -1, 0, 1, 2))).containsExactly(-2, -1, 0, 1, 2);
        assertThat(s.testEnum(Numberz.ONE)).isEqualTo(Numberz.ONE);
        assertThat(s.testEnum(Numberz.FIVE)).isEqualTo(Numberz.FIVE);
        assertThat(s.testTypedef(309858235082523L)).isEqualTo(309858235082523L);
        Map<Integer, Map<Integer, Integer>> mm = s.testMapMap(1);
        assertThat(mm).containsOnlyKeys(4, -4);
        assertThat(mm.get(4)).containsEntry(1, 1).containsEntry(4, 4);
        assertThat(mm.get(-4)).containsEntry(-1, -1).containsEntry(-4, -4);
        Map<Numberz, Long> users = new LinkedHashMap<>();
        users.put(Numberz.FIVE, 5000L);
        users.put(Numberz.EIGHT, 8L);
        Insanity insanity = new Insanity(users, List.of(new Xtruct("Goodbye4", (byte) 4, 4, 4L), new Xtruct("Hello2", (byte) 2, 2, 2L)));
        Map<Long, Map<Numberz, Insanity>> insane = s.testInsanity(insanity);
        assertThat(insane.get(1L)).containsEntry(Numberz.TWO, insanity).containsEntry(Numberz.THREE, insanity);
        assertThat(insane.get(2L)).containsEntry(Numberz.SIX, new Insanity());
        Map<Short, String> arg3 = new LinkedHashMap<>();
        arg3.put((short) 1, "test");
        assertThat(s.testMulti((byte) 9, 11, 12L, arg3, Numberz.FIVE, 13L)).isEqualTo(new Xtruct("Hello2", (byte) 9, 11, 12L));
        s.testException("no exception");
        assertThatThrownBy(() -> s.testException("Xception"))
                .isInstanceOf(Xception.class)
                .satisfies(e -> assertThat(((Xception) e).getErrorCode()).isEqualTo(1001))
                .hasMessage("Xception");
        assertThatThrownBy(() -> s.testException("TException"))
                .isInstanceOf(RemoteApplicationException.class)
                .hasMessageContaining("This is a TException");
        assertThatThrownBy(() -> s.testMultiException("Xception", "test 1"))
                .isInstanceOf(Xception.class).hasMessage("This is an Xception");
        assertThatThrownBy(() -> s.testMultiException("Xception2", "test 2"))
                .isInstanceOf(Xception2.class)
                .satisfies(e -> assertThat(((Xception2) e).getStructThing().getStringThing()).isEqualTo("This is an Xception2"));
        assertThat(s.testMultiException("success", "test 3").getStringThing()).isEqualTo("test 3");
        s.testOneway(1);
    }
}
