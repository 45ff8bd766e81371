package io.kitex4j.benchmarks.jmh;

import io.kitex4j.benchmarks.driver.Payloads;
import io.kitex4j.benchmarks.thrift.LibThriftEcho;
import echo.EchoRequest;
import echo.EchoService;
import io.kitex4j.thrift.TMessageType;
import io.kitex4j.thrift.ThriftReader;
import io.kitex4j.thrift.ThriftWriter;
import io.kitex4j.thrift.internal.BinaryProtocol;
import io.kitex4j.thrift.internal.CompactProtocol;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TByteBuffer;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Thrift encode and decode, Kitex4j against libthrift 0.22, binary and compact, on two messages:
 * <ul>
 *   <li>{@code echo}: the whole {@code echo} call as on the wire (message header + {@code echo_args}
 *       holding a 1 KB {@code EchoRequest});</li>
 *   <li>{@code complex}: the nested {@link Complex} struct (lists, maps, a set, nested structs, binary).</li>
 * </ul>
 * Kitex4j writes to and reads from a pooled direct {@link ByteBuf} (what its transport hands the
 * codec); libthrift writes to a {@link TByteBuffer} and reads from a {@link TMemoryInputTransport}
 * (its fastest in-memory transports, the latter being what {@code TDeserializer} uses). Protocol
 * objects and buffers are reused by both, so this measures the codecs alone; what the framework
 * adds per message is in {@link PayloadCodecBenchmark}. Setup checks that both sides produce the
 * same bytes. Run with {@code -prof gc} for allocation per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-Dio.netty.leakDetection.level=disabled"})
@State(Scope.Thread)
public class ThriftCodecBenchmark {

    @Param({"binary", "compact"})
    public String protocol;

    @Param({"echo", "complex"})
    public String message;

    // Kitex4j
    private ByteBuf out;
    private ByteBuf in;
    private BinaryProtocol binary;
    private CompactProtocol compact;
    private EchoService.EchoArgs kitexArgs;

    // libthrift
    private TByteBuffer tOut;
    private TProtocol tOutProt;
    private TMemoryInputTransport tIn;
    private TProtocol tInProt;
    private byte[] encoded;
    private LibThriftEcho.EchoArgs thriftArgs;

    private Complex complex;
    private boolean compactProtocol;
    private boolean complexMessage;

    @Setup(Level.Trial)
    public void setup() throws TException {
        compactProtocol = protocol.equals("compact");
        complexMessage = message.equals("complex");
        String msg = Payloads.message(1024);
        kitexArgs = new EchoService.EchoArgs(new EchoRequest(msg));
        thriftArgs = new LibThriftEcho.EchoArgs();
        thriftArgs.req = new LibThriftEcho.EchoRequest(msg);
        complex = Complex.sample();

        out = PooledByteBufAllocator.DEFAULT.directBuffer(64 << 10);
        binary = new BinaryProtocol(out);
        compact = new CompactProtocol(out);
        tOut = new TByteBuffer(ByteBuffer.allocate(64 << 10));
        tOutProt = isCompact() ? new TCompactProtocol(tOut) : new TBinaryProtocol(tOut);

        kitex4jEncode();
        byte[] ours = ByteBufUtil.getBytes(out);
        libthriftEncode();
        ByteBuffer bb = tOut.getByteBuffer();
        byte[] theirs = Arrays.copyOf(bb.array(), bb.position());
        if (!Arrays.equals(ours, theirs)) {
            throw new IllegalStateException(protocol + "/" + message + ": Kitex4j and libthrift encodings differ ("
                    + ours.length + " vs " + theirs.length + " bytes)");
        }
        encoded = theirs;
        in = PooledByteBufAllocator.DEFAULT.directBuffer(encoded.length);
        in.writeBytes(encoded);
        tIn = new TMemoryInputTransport();
        tInProt = isCompact() ? new TCompactProtocol(tIn) : new TBinaryProtocol(tIn);
        Object a = kitex4jDecode();
        Object b = libthriftDecode();
        if (isComplex() && (!complex.equals(a) || !complex.equals(b))) {
            throw new IllegalStateException("complex struct did not survive the round trip");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        out.release();
        in.release();
    }

    private boolean isCompact() {
        return compactProtocol;
    }

    private boolean isComplex() {
        return complexMessage;
    }

    @Benchmark
    public int kitex4jEncode() {
        out.clear();
        ThriftWriter w = isCompact() ? compact.reset(out) : binary.reset(out);
        if (isComplex()) {
            ComplexKitex4jCodec.COMPLEX.write(complex, w);
        } else {
            w.writeMessageBegin("echo", TMessageType.CALL, 1);
            EchoService.EchoArgs.CODEC.write(kitexArgs, w);
            w.writeMessageEnd();
        }
        return out.writerIndex();
    }

    @Benchmark
    public int libthriftEncode() throws TException {
        tOut.clear();
        if (isComplex()) {
            ComplexLibThriftCodec.write(complex, tOutProt);
        } else {
            tOutProt.writeMessageBegin(new TMessage("echo", org.apache.thrift.protocol.TMessageType.CALL, 1));
            thriftArgs.write(tOutProt);
            tOutProt.writeMessageEnd();
        }
        return tOut.getByteBuffer().position();
    }

    @Benchmark
    public Object kitex4jDecode() {
        in.readerIndex(0);
        ThriftReader r = isCompact() ? compact.reset(in) : binary.reset(in);
        if (isComplex()) {
            return ComplexKitex4jCodec.COMPLEX.read(r);
        }
        r.readMessageBegin();
        EchoService.EchoArgs a = EchoService.EchoArgs.CODEC.read(r);
        r.readMessageEnd();
        return a;
    }

    @Benchmark
    public Object libthriftDecode() throws TException {
        tIn.reset(encoded);
        if (isComplex()) {
            return ComplexLibThriftCodec.read(tInProt);
        }
        tInProt.readMessageBegin();
        LibThriftEcho.EchoArgs a = new LibThriftEcho.EchoArgs();
        a.read(tInProt);
        tInProt.readMessageEnd();
        return a;
    }
}
