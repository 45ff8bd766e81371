package io.kitex4j.interop.thrift.libthrift;

import static io.kitex4j.interop.thrift.CrossTestReport.ERR_BASETYPES;
import static io.kitex4j.interop.thrift.CrossTestReport.ERR_CONTAINERS;
import static io.kitex4j.interop.thrift.CrossTestReport.ERR_EXCEPTIONS;
import static io.kitex4j.interop.thrift.CrossTestReport.ERR_STRUCTS;
import static io.kitex4j.interop.thrift.CrossTestReport.ERR_UNKNOWN;

import apache.thrift.test.Insanity;
import apache.thrift.test.Numberz;
import apache.thrift.test.ThriftTest;
import apache.thrift.test.Xception;
import apache.thrift.test.Xception2;
import apache.thrift.test.Xtruct;
import apache.thrift.test.Xtruct2;
import io.kitex4j.interop.thrift.CrossTestReport;
import io.kitex4j.interop.thrift.WireOptions.Protocol;
import io.kitex4j.interop.thrift.WireOptions.Transport;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.layered.TFramedTransport;

/**
 * Apache Thrift's Java cross-test client ({@code org.apache.thrift.test.TestClient}) on libthrift
 * 0.17.0 and Apache-generated code: the same calls and checks as our
 * {@link io.kitex4j.interop.thrift.ThriftTestClient}, in the same order. Each loop connects, runs
 * every call and closes the connection.
 */
public final class LibthriftTestClient {
    private LibthriftTestClient() {}

    public static CrossTestReport run(String host, int port, Protocol protocol, Transport transport, int loops,
            PrintStream out) {
        if (transport == Transport.HEADER) {
            throw new IllegalArgumentException("libthrift's Java client has no TTHeader transport");
        }
        CrossTestReport r = new CrossTestReport(out);
        for (int loop = 0; loop < loops; loop++) {
            out.println("Test #" + (loop + 1) + ", connect " + host + ":" + port + " [" + protocol.flag() + "/"
                    + transport.flag() + "] (libthrift 0.17.0)");
            TSocket socket;
            TTransport t;
            try {
                socket = new TSocket(host, port);
                socket.setTimeout(5000);
                t = transport == Transport.FRAMED ? new TFramedTransport(socket) : socket;
                t.open();
            } catch (Exception e) {
                r.fail("connect", ERR_UNKNOWN, e.toString());
                return r;
            }
            try {
                TProtocol p = protocol == Protocol.COMPACT ? new TCompactProtocol(t) : new TBinaryProtocol(t);
                calls(new ThriftTest.Client(p), r);
            } finally {
                t.close();
            }
        }
        return r;
    }

    private static void calls(ThriftTest.Client c, CrossTestReport r) {
        r.expectEquals("testVoid()", ERR_BASETYPES, () -> {
            c.testVoid();
            return "void";
        }, "void");
        r.expectEquals("testString(\"Test\")", ERR_BASETYPES, () -> c.testString("Test"), "Test");
        r.expectEquals("testString(unicode)", ERR_BASETYPES, () -> c.testString(UNICODE), UNICODE);
        r.expectEquals("testBool(true)", ERR_BASETYPES, () -> c.testBool(true), true);
        r.expectEquals("testBool(false)", ERR_BASETYPES, () -> c.testBool(false), false);
        r.expectEquals("testByte(1)", ERR_BASETYPES, () -> c.testByte((byte) 1), (byte) 1);
        r.expectEquals("testByte(-1)", ERR_BASETYPES, () -> c.testByte((byte) -1), (byte) -1);
        r.expectEquals("testI32(-1)", ERR_BASETYPES, () -> c.testI32(-1), -1);
        r.expectEquals("testI32(MIN_VALUE)", ERR_BASETYPES, () -> c.testI32(Integer.MIN_VALUE), Integer.MIN_VALUE);
        r.expectEquals("testI64(-34359738368)", ERR_BASETYPES, () -> c.testI64(-34359738368L), -34359738368L);
        r.expectEquals("testI64(MAX_VALUE)", ERR_BASETYPES, () -> c.testI64(Long.MAX_VALUE), Long.MAX_VALUE);
        r.expectEquals("testDouble(-5.325098235)", ERR_BASETYPES, () -> c.testDouble(-5.325098235), -5.325098235);
        r.expectEquals("testDouble(-0.0)", ERR_BASETYPES, () -> 1 / c.testDouble(-0.0), Double.NEGATIVE_INFINITY);
        byte[] data = binaryTestData();
        r.expect("testBinary(-128...127)", ERR_BASETYPES, () -> toBytes(c.testBinary(ByteBuffer.wrap(data))),
                b -> java.util.Arrays.equals(b, data), "the 256 bytes -128..127");
        r.expect("testBinary(empty)", ERR_BASETYPES, () -> toBytes(c.testBinary(ByteBuffer.allocate(0))),
                b -> b.length == 0, "no bytes");

        Xtruct out = xtruct("Zero", (byte) 1, -3, -5);
        r.expectEquals("testStruct({\"Zero\", 1, -3, -5})", ERR_STRUCTS, () -> c.testStruct(out), out);
        Xtruct2 out2 = new Xtruct2((byte) 1, out, 5);
        r.expectEquals("testNest({1, {\"Zero\", 1, -3, -5}, 5})", ERR_STRUCTS, () -> c.testNest(out2), out2);

        Map<Integer, Integer> mapout = new HashMap<>();
        for (int i = 0; i < 5; ++i) {
            mapout.put(i, i - 10);
        }
        r.expectEquals("testMap({0 => -10, ..., 4 => -6})", ERR_CONTAINERS, () -> c.testMap(mapout), mapout);
        Map<String, String> smapout = new HashMap<>();
        smapout.put("a", "2");
        smapout.put("b", "blah");
        smapout.put("some", "thing");
        r.expectEquals("testStringMap({a => 2, b => blah, some => thing})", ERR_CONTAINERS,
                () -> c.testStringMap(smapout), smapout);
        Set<Integer> setout = new HashSet<>();
        for (int i = -2; i < 3; ++i) {
            setout.add(i);
        }
        r.expectEquals("testSet({-2, -1, 0, 1, 2})", ERR_CONTAINERS, () -> c.testSet(setout), setout);
        List<Integer> listout = new ArrayList<>();
        for (int i = -2; i < 3; ++i) {
            listout.add(i);
        }
        r.expectEquals("testList({-2, -1, 0, 1, 2})", ERR_CONTAINERS, () -> c.testList(listout), listout);
        r.expectEquals("testList({})", ERR_CONTAINERS, () -> c.testList(List.of()), List.of());

        for (Numberz n : new Numberz[] {Numberz.ONE, Numberz.TWO, Numberz.THREE, Numberz.FIVE, Numberz.EIGHT}) {
            r.expectEquals("testEnum(" + n + ")", ERR_STRUCTS, () -> c.testEnum(n), n);
        }
        r.expectEquals("testTypedef(309858235082523)", ERR_BASETYPES, () -> c.testTypedef(309858235082523L),
                309858235082523L);

        Map<Integer, Map<Integer, Integer>> mapmap = new HashMap<>();
        Map<Integer, Integer> pos = new HashMap<>();
        Map<Integer, Integer> neg = new HashMap<>();
        for (int i = 1; i < 5; i++) {
            pos.put(i, i);
            neg.put(-i, -i);
        }
        mapmap.put(4, pos);
        mapmap.put(-4, neg);
        r.expectEquals("testMapMap(1)", ERR_CONTAINERS, () -> c.testMapMap(1), mapmap);

        Insanity insane = new Insanity();
        insane.userMap = new HashMap<>();
        insane.userMap.put(Numberz.EIGHT, 8L);
        insane.userMap.put(Numberz.FIVE, 5L);
        insane.xtructs = new ArrayList<>();
        insane.xtructs.add(xtruct("Goodbye4", (byte) 4, 4, 4));
        insane.xtructs.add(xtruct("Hello2", (byte) 2, 2, 2));
        r.expect("testInsanity()", ERR_STRUCTS, () -> c.testInsanity(insane), whoa -> {
            if (whoa.size() != 2 || !whoa.containsKey(1L) || !whoa.containsKey(2L)) {
                return false;
            }
            Map<Numberz, Insanity> first = whoa.get(1L);
            Map<Numberz, Insanity> second = whoa.get(2L);
            if (first.size() != 2 || !insane.equals(first.get(Numberz.TWO))
                    || !insane.equals(first.get(Numberz.THREE)) || second.size() != 1
                    || !second.containsKey(Numberz.SIX)) {
                return false;
            }
            Insanity six = second.get(Numberz.SIX);
            return six.getUserMapSize() == 0 && six.getXtructsSize() == 0;
        }, "{1 => {TWO => argument, THREE => argument}, 2 => {SIX => {}}}");

        Map<Short, String> arg3 = new HashMap<>();
        arg3.put((short) 1, "one");
        arg3.put((short) -2, "minus two");
        r.expectEquals("testMulti(9, 10, 11, {1 => one, -2 => minus two}, FIVE, 12)", ERR_STRUCTS,
                () -> c.testMulti((byte) 9, 10, 11L, arg3, Numberz.FIVE, 12L), xtruct("Hello2", (byte) 9, 10, 11));

        r.expectThrows("testException(\"Xception\")", ERR_EXCEPTIONS, () -> {
            c.testException("Xception");
            return "void";
        }, Xception.class, x -> x.errorCode == 1001 && "Xception".equals(x.message), "Xception{1001, \"Xception\"}");
        r.expectThrows("testException(\"TException\")", ERR_EXCEPTIONS, () -> {
            c.testException("TException");
            return "void";
        }, TApplicationException.class, x -> true, "a TApplicationException");
        r.expectEquals("testException(\"success\")", ERR_EXCEPTIONS, () -> {
            c.testException("success");
            return "void";
        }, "void");
        r.expectThrows("testMultiException(\"Xception\", \"test 1\")", ERR_EXCEPTIONS,
                () -> c.testMultiException("Xception", "test 1"), Xception.class,
                x -> x.errorCode == 1001 && "This is an Xception".equals(x.message),
                "Xception{1001, \"This is an Xception\"}");
        r.expectThrows("testMultiException(\"Xception2\", \"test 2\")", ERR_EXCEPTIONS,
                () -> c.testMultiException("Xception2", "test 2"), Xception2.class,
                x -> x.errorCode == 2002 && x.struct_thing != null
                        && "This is an Xception2".equals(x.struct_thing.string_thing),
                "Xception2{2002, {\"This is an Xception2\"}}");
        r.expect("testMultiException(\"success\", \"test 3\")", ERR_EXCEPTIONS,
                () -> c.testMultiException("success", "test 3"), x -> "test 3".equals(x.string_thing),
                "an Xtruct with string_thing \"test 3\"");

        long start = System.nanoTime();
        r.expectEquals("testOneway(" + ONEWAY_SECONDS + ")", ERR_BASETYPES, () -> {
            c.testOneway(ONEWAY_SECONDS);
            return "sent";
        }, "sent");
        long millis = (System.nanoTime() - start) / 1_000_000;
        r.check("testOneway returns at once", ERR_BASETYPES, millis <= ONEWAY_MAX_MILLIS,
                "oneway calls are fire and forget, but it took " + millis + " ms");
        // The server answers nothing for the oneway: the next reply on this connection is this call's.
        r.expectEquals("testI32(-1) after oneway", ERR_BASETYPES, () -> c.testI32(-1), -1);
    }

    /** Seconds the oneway call asks the server to sleep (Apache's TestClient: 3; its ServerTestBase: 1). */
    public static final int ONEWAY_SECONDS = 1;
    /** Apache's TestClient fails a oneway call that takes longer than this. */
    public static final long ONEWAY_MAX_MILLIS = 200;
    static final String UNICODE = "Ünïcödé ✓ 漢字 \uD83D\uDE00 ελληνικά";

    static byte[] binaryTestData() {
        byte[] data = new byte[256];
        for (int i = 0; i < 256; i++) {
            data[i] = (byte) (i - 128);
        }
        return data;
    }

    private static byte[] toBytes(ByteBuffer b) {
        ByteBuffer d = b.duplicate();
        byte[] bytes = new byte[d.remaining()];
        d.get(bytes);
        return bytes;
    }

    private static Xtruct xtruct(String s, byte b, int i, long l) {
        return new Xtruct(s, b, i, l);
    }
}
