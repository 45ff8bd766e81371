package io.kitex4j.benchmarks.jmh;

import io.kitex4j.benchmarks.driver.Payloads;
import echo.EchoRequest;
import echo.EchoService;
import io.kitex4j.remote.MessageType;
import io.kitex4j.remote.RemoteMessage;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.thrift.codec.ThriftPayloadCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.concurrent.TimeUnit;
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
 * The echo call through Kitex4j's own payload layer, as the transport runs it per message:
 * {@link ThriftPayloadCodec#encode} of a {@link RemoteMessage} (the client's request), and
 * {@code decodeHeader} + {@code decodeBody} into a fresh {@link RemoteMessage} (the server's side).
 * Compared with {@link ThriftCodecBenchmark}'s bare codec numbers, the difference is what the
 * framework adds per message (protocol objects, the message wrapper, the method-name string).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-Dio.netty.leakDetection.level=disabled"})
@State(Scope.Thread)
public class PayloadCodecBenchmark {

    @Param({"binary", "compact"})
    public String protocol;

    private ThriftPayloadCodec codec;
    private EchoService.EchoArgs args;
    private ByteBuf out;
    private ByteBuf in;

    @Setup(Level.Trial)
    public void setup() {
        PayloadProtocol p = protocol.equals("compact") ? PayloadProtocol.THRIFT_COMPACT : PayloadProtocol.THRIFT_BINARY;
        codec = new ThriftPayloadCodec(p);
        args = new EchoService.EchoArgs(new EchoRequest(Payloads.message(1024)));
        out = PooledByteBufAllocator.DEFAULT.directBuffer(64 << 10);
        encodeRequest();
        in = PooledByteBufAllocator.DEFAULT.directBuffer(out.readableBytes());
        in.writeBytes(out, out.readerIndex(), out.readableBytes());
        if (decodeRequest().body() == null) {
            throw new IllegalStateException("decode failed");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        out.release();
        in.release();
    }

    @Benchmark
    public int encodeRequest() {
        out.clear();
        RemoteMessage msg = new RemoteMessage(MessageType.CALL, "echo", 1).body(args).method(EchoService.ECHO);
        codec.encode(msg, out);
        return out.writerIndex();
    }

    @Benchmark
    public RemoteMessage decodeRequest() {
        in.readerIndex(0);
        RemoteMessage msg = new RemoteMessage(0, "", 0);
        codec.decodeHeader(in, msg);
        msg.method(EchoService.ECHO);
        codec.decodeBody(in, msg);
        return msg;
    }
}
