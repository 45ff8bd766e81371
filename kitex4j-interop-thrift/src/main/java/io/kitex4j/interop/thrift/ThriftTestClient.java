package io.kitex4j.interop.thrift;

import static io.kitex4j.interop.thrift.CrossTestReport.ERR_BASETYPES;
import static io.kitex4j.interop.thrift.CrossTestReport.ERR_CONTAINERS;
import static io.kitex4j.interop.thrift.CrossTestReport.ERR_EXCEPTIONS;
import static io.kitex4j.interop.thrift.CrossTestReport.ERR_STRUCTS;
import static io.kitex4j.interop.thrift.CrossTestReport.ERR_UNKNOWN;

import io.kitex4j.client.Client;
import io.kitex4j.errors.ApplicationException;
import io.kitex4j.errors.RemoteApplicationException;
import io.kitex4j.interop.thrift.WireOptions.Protocol;
import io.kitex4j.interop.thrift.WireOptions.Transport;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import thrift.test.Insanity;
import thrift.test.Numberz;
import thrift.test.ThriftTest;
import thrift.test.Xception;
import thrift.test.Xception2;
import thrift.test.Xtruct;
import thrift.test.Xtruct2;

/**
 * The Kitex4j ThriftTest client of Apache Thrift's cross test ({@code interop/bin/thrift-test-client}):
 * makes every ThriftTest call and checks the results as Apache's Java {@code TestClient} does,
 * prints each call and a summary, and exits with Apache's error bits (0 when every check passed).
 * Flags as Apache's: {@code --host} (localhost), {@code --port} (9090), {@code --protocol}
 * ({@code binary}, {@code compact}), {@code --transport} ({@code buffered}, {@code framed}, and our
 * {@code header}: TTHeader|Framed), {@code --testloops} / {@code --n} (1). Each loop builds a
 * client (new connections), runs every call and closes it.
 */
@Command(name = "thrift-test-client", mixinStandardHelpOptions = true, sortOptions = false,
        version = "Kitex4j ThriftTest client (Apache Thrift cross test)",
        description = {
            "Calls every ThriftTest method (testdata/ThriftTest.thrift) on a server and checks the results as "
                    + "Apache Thrift's TestClient does.",
            "Exit code 0 when all pass, else the OR of Apache's error bits: 1 base types, 2 structs, "
                    + "4 containers, 8 exceptions, 64 unknown (e.g. cannot connect)."
        })
public final class ThriftTestClient implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "localhost", paramLabel = "HOST",
            description = "Host to connect (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "9090", paramLabel = "PORT",
            description = "Port number to connect (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--protocol", defaultValue = "binary", paramLabel = "PROTOCOL",
            converter = Flags.ProtocolConverter.class, completionCandidates = Flags.Protocols.class,
            description = "Protocol: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Protocol protocol;

    @Option(names = "--transport", defaultValue = "buffered", paramLabel = "TRANSPORT",
            converter = Flags.TransportConverter.class, completionCandidates = Flags.Transports.class,
            description = "Transport: ${COMPLETION-CANDIDATES} (header = TTHeader|Framed) (default: ${DEFAULT-VALUE}).")
    Transport transport;

    @Option(names = {"--testloops", "--n", "-n"}, defaultValue = "1", paramLabel = "N",
            description = "Number of times to run the tests (default: ${DEFAULT-VALUE}).")
    int loops;

    @Option(names = "--timeout", defaultValue = "5000", paramLabel = "MILLIS",
            description = "RPC timeout of each call in milliseconds (default: ${DEFAULT-VALUE}).")
    int timeoutMillis;

    /** Seconds the oneway call asks the server to sleep (Apache's TestClient: 3; its ServerTestBase: 1). */
    public static final int ONEWAY_SECONDS = 1;
    /** Apache's TestClient fails a oneway call that takes longer than this. */
    public static final long ONEWAY_MAX_MILLIS = 200;
    static final String UNICODE = "Ünïcödé ✓ 漢字 \uD83D\uDE00 ελληνικά";

    @Override
    public Integer call() {
        if (loops < 1) {
            System.err.println("Error: --testloops must be at least 1");
            return ERR_UNKNOWN;
        }
        CrossTestReport report = run(host, port, protocol, transport, loops, Duration.ofMillis(timeoutMillis),
                System.out);
        report.printSummary("thrift-test-client [" + protocol.flag() + "/" + transport.flag() + "] " + host + ":" + port);
        return report.returnCode();
    }

    /** Runs the calls {@code loops} times against {@code host:port}, printing to {@code out}. */
    public static CrossTestReport run(String host, int port, Protocol protocol, Transport transport, int loops,
            Duration timeout, PrintStream out) {
        CrossTestReport r = new CrossTestReport(out);
        String hostPort = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        for (int loop = 0; loop < loops; loop++) {
            out.println("Test #" + (loop + 1) + ", connect " + hostPort + " [" + protocol.flag() + "/" + transport.flag()
                    + "] (Kitex4j)");
            // Apache's client opens its socket first and gives up with ERR_UNKNOWN if it cannot.
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(host, port), 1000);
            } catch (IOException e) {
                r.fail("connect " + hostPort, ERR_UNKNOWN, "Connect failed: " + e);
                return r;
            }
            long start = System.nanoTime();
            try (Client client = Client.builder(ThriftTest.DESCRIPTOR)
                    .hostPorts(hostPort)
                    .transportProtocol(transport.kitex())
                    .payloadProtocol(protocol.payload())
                    .connectTimeout(Duration.ofSeconds(1))
                    .rpcTimeout(timeout)
                    .build()) {
                calls(new ThriftTest.Stub(client), r);
            }
            out.println("Total time: " + (System.nanoTime() - start) / 1000 + "us");
        }
        return r;
    }

    /** Every call and check, in the order of Apache's TestClient. */
    static void calls(ThriftTest.Iface c, CrossTestReport r) {
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
        r.expect("testBinary(-128...127)", ERR_BASETYPES, () -> c.testBinary(data), b -> Arrays.equals(b, data),
                "the 256 bytes -128..127");
        r.expect("testBinary(empty)", ERR_BASETYPES, () -> c.testBinary(new byte[0]), b -> b.length == 0, "no bytes");

        Xtruct out = new Xtruct("Zero", (byte) 1, -3, -5);
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

        Map<Numberz, Long> userMap = new HashMap<>();
        userMap.put(Numberz.EIGHT, 8L);
        userMap.put(Numberz.FIVE, 5L);
        Insanity insane = new Insanity(userMap,
                new ArrayList<>(List.of(new Xtruct("Goodbye4", (byte) 4, 4, 4), new Xtruct("Hello2", (byte) 2, 2, 2))));
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
            return (six.getUserMap() == null || six.getUserMap().isEmpty())
                    && (six.getXtructs() == null || six.getXtructs().isEmpty());
        }, "{1 => {TWO => argument, THREE => argument}, 2 => {SIX => {}}}");

        Map<Short, String> arg3 = new HashMap<>();
        arg3.put((short) 1, "one");
        arg3.put((short) -2, "minus two");
        r.expectEquals("testMulti(9, 10, 11, {1 => one, -2 => minus two}, FIVE, 12)", ERR_STRUCTS,
                () -> c.testMulti((byte) 9, 10, 11L, arg3, Numberz.FIVE, 12L), new Xtruct("Hello2", (byte) 9, 10, 11));

        r.expectThrows("testException(\"Xception\")", ERR_EXCEPTIONS, () -> {
            c.testException("Xception");
            return "void";
        }, Xception.class, x -> x.getErrorCode() == 1001 && "Xception".equals(x.getMessage()),
                "Xception{1001, \"Xception\"}");
        r.expectThrows("testException(\"TException\")", ERR_EXCEPTIONS, () -> {
            c.testException("TException");
            return "void";
        }, RemoteApplicationException.class, x -> x.typeId() == ApplicationException.INTERNAL_ERROR,
                "an application exception of type INTERNAL_ERROR (6)");
        r.expectEquals("testException(\"success\")", ERR_EXCEPTIONS, () -> {
            c.testException("success");
            return "void";
        }, "void");
        r.expectThrows("testMultiException(\"Xception\", \"test 1\")", ERR_EXCEPTIONS,
                () -> c.testMultiException("Xception", "test 1"), Xception.class,
                x -> x.getErrorCode() == 1001 && "This is an Xception".equals(x.getMessage()),
                "Xception{1001, \"This is an Xception\"}");
        r.expectThrows("testMultiException(\"Xception2\", \"test 2\")", ERR_EXCEPTIONS,
                () -> c.testMultiException("Xception2", "test 2"), Xception2.class,
                x -> x.getErrorCode() == 2002 && x.getStructThing() != null
                        && "This is an Xception2".equals(x.getStructThing().getStringThing()),
                "Xception2{2002, {\"This is an Xception2\"}}");
        r.expect("testMultiException(\"success\", \"test 3\")", ERR_EXCEPTIONS,
                () -> c.testMultiException("success", "test 3"), x -> "test 3".equals(x.getStringThing()),
                "an Xtruct with string_thing \"test 3\"");

        long start = System.nanoTime();
        r.expectEquals("testOneway(" + ONEWAY_SECONDS + ")", ERR_BASETYPES, () -> {
            c.testOneway(ONEWAY_SECONDS);
            return "sent";
        }, "sent");
        long millis = (System.nanoTime() - start) / 1_000_000;
        r.check("testOneway returns at once", ERR_BASETYPES, millis <= ONEWAY_MAX_MILLIS,
                "oneway calls are fire and forget, but it took " + millis + " ms");
        // No reply comes for the oneway: the next reply on the connection is this call's.
        r.expectEquals("testI32(-1) after oneway", ERR_BASETYPES, () -> c.testI32(-1), -1);
    }

    static byte[] binaryTestData() {
        byte[] data = new byte[256];
        for (int i = 0; i < 256; i++) {
            data[i] = (byte) (i - 128);
        }
        return data;
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new ThriftTestClient());
        cli.setParameterExceptionHandler((e, a) -> {
            cli.getErr().println("Error: " + e.getMessage());
            e.getCommandLine().usage(cli.getErr());
            return ERR_UNKNOWN;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cli.getErr().println("*** FAILURE *** " + e);
            e.printStackTrace(cli.getErr());
            return ERR_UNKNOWN;
        });
        System.exit(cli.execute(args));
    }
}
