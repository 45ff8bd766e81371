package io.kitex4j.benchmarks;

import io.kitex4j.benchmarks.driver.ClosedLoop;
import io.kitex4j.benchmarks.driver.EchoClient;
import io.kitex4j.benchmarks.driver.Result;
import io.kitex4j.benchmarks.grpc.GrpcEchoClient;
import io.kitex4j.benchmarks.grpc.GrpcStreamEchoClient;
import io.kitex4j.benchmarks.kitex4j.Kitex4jEchoClient;
import io.kitex4j.benchmarks.kitex4j.Kitex4jGrpcStreamEchoClient;
import io.kitex4j.benchmarks.kitex4j.Kitex4jPbEchoClient;
import io.kitex4j.benchmarks.netty.RawNettyEchoClient;
import io.kitex4j.benchmarks.thrift.LibThriftEchoClient;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code benchmarks/bin/echo-client}: the closed-loop load generator; prints QPS, p50, p99, p999 and errors. */
@Command(name = "echo-client", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Closed-loop echo client: C callers, each with one request in flight; warm-up, then a measured window.")
public final class EchoClientMain implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Server host (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", required = true, description = "Server port.")
    int port;

    @Option(names = "--idl", defaultValue = "thrift",
            description = "thrift | proto (kitex4j with proto: --transport ttheader (Kitex Protobuf in TTHeader|Framed), framed, grpc "
                    + "or grpc-stream; grpc-java: grpc or grpc-stream).")
    String idl;

    @Option(names = "--target", defaultValue = "kitex4j",
            description = "Whose client: kitex4j | grpc-java | thrift-java | netty-raw (default ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--transport", defaultValue = "ttheader",
            description = "kitex4j: framed | buffered | ttheader | ttheader-framed | grpc | grpc-stream (grpc*: --idl proto); "
                    + "thrift-java: framed | buffered; netty-raw: framed; grpc-java: grpc | grpc-stream. grpc-stream: "
                    + "echo_stream.proto, each caller owns one bidirectional stream with one message in flight; "
                    + "a call is one message's round trip (default ${DEFAULT-VALUE}).")
    String transport;

    @Option(names = "--payload", defaultValue = "binary", description = "kitex4j: binary | compact (default ${DEFAULT-VALUE}).")
    String payload;

    @Option(names = "--concurrency", defaultValue = "100", description = "Callers, each with one request in flight (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--size", defaultValue = "1024", description = "Echo message size in bytes (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--warmup", defaultValue = "10", description = "Warm-up seconds, not recorded (default ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--duration", defaultValue = "20", description = "Measured seconds (default ${DEFAULT-VALUE}).")
    double duration;

    @Option(names = "--client-mode", defaultValue = "auto",
            description = "async (callers are continuations) | blocking (a thread per caller) | auto: async when "
                    + "the target's client has an asynchronous API (all but thrift-java buffered).")
    String clientMode;

    @Option(names = "--connections", defaultValue = "1", description = "grpc-java: channels (HTTP/2 connections) to spread callers over.")
    int connections;

    @Option(names = "--io-threads", defaultValue = "0", description = "Client I/O threads (kitex4j, netty-raw); 0 = default.")
    int ioThreads;

    @Option(names = "--server-pid", description = "Server process id: its CPU time over the window is read from /proc/<pid>/task/*/schedstat.")
    String serverPid;

    @Option(names = "--clk-tck", defaultValue = "100", description = "Clock ticks per second, for the /proc/<pid>/stat fallback (getconf CLK_TCK).")
    int clkTck;

    @Option(names = "--csv", description = "Append the result as a CSV row to this file (header written if new).")
    Path csv;

    @Option(names = "--label", description = "Name of this target line in the CSV and charts (default: target-transport).")
    String label;

    @Option(names = "--server-mode", defaultValue = "", description = "Recorded in the CSV: the server's --mode.")
    String serverMode;

    public static void main(String[] args) {
        System.exit(new CommandLine(new EchoClientMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        String t = target.toLowerCase(Locale.ROOT);
        String tr = transport.toLowerCase(Locale.ROOT);
        if (idl.equals("proto") && !t.startsWith("grpc") && !t.equals("kitex4j")) {
            throw bad("--idl proto is available with --target kitex4j or grpc-java");
        }
        EchoClient client = switch (t) {
            case "kitex4j" -> {
                if (tr.equals("grpc-stream")) {
                    if (!idl.equals("proto")) {
                        throw bad("--transport grpc-stream needs --idl proto");
                    }
                    yield new Kitex4jGrpcStreamEchoClient(host, port, size, ioThreads);
                }
                yield idl.equals("proto")
                        ? new Kitex4jPbEchoClient(host, port, kitexPbTransport(tr), concurrency, size, ioThreads)
                        : new Kitex4jEchoClient(host, port, kitexTransport(tr), kitexPayload(payload), concurrency, size, ioThreads);
            }
            case "grpc-java", "grpc" -> {
                if (tr.equals("grpc-stream")) {
                    yield new GrpcStreamEchoClient(host, port, connections, size);
                }
                if (!tr.equals("grpc") && !tr.equals("ttheader")) {
                    throw bad("grpc-java speaks --transport grpc or grpc-stream only");
                }
                tr = "grpc";
                yield new GrpcEchoClient(host, port, connections, size);
            }
            case "thrift-java", "thrift" -> {
                if (!tr.equals("framed") && !tr.equals("buffered")) {
                    throw bad("thrift-java: --transport framed (TThreadedSelectorServer) or buffered (TThreadPoolServer)");
                }
                yield new LibThriftEchoClient(host, port, tr.equals("framed"), size);
            }
            case "netty-raw", "netty" -> {
                if (!tr.equals("framed") && !tr.equals("ttheader")) {
                    throw bad("netty-raw speaks --transport framed only");
                }
                tr = "framed";
                yield new RawNettyEchoClient(host, port, size, ioThreads);
            }
            default -> throw bad("unknown --target " + target);
        };
        String name = label != null ? label : t + "-" + tr;
        System.out.printf("%s: %s -> %s:%d, transport %s, payload %s, concurrency %d, size %d B, warm-up %.1f s, window %.1f s%n",
                name, t, host, port, tr, payload, concurrency, size, warmup, duration);
        Result r;
        try {
            ClosedLoop loop = new ClosedLoop(concurrency, warmup, duration, serverPid, clkTck);
            boolean async = switch (clientMode) {
                case "async" -> true;
                case "blocking" -> false;
                case "auto" -> client.supportsAsync();
                default -> throw bad("--client-mode must be async, blocking or auto");
            };
            if (async && !client.supportsAsync()) {
                throw bad("this target has no asynchronous client; use --client-mode blocking");
            }
            if (!async && !client.supportsBlocking()) {
                throw bad("this target has no blocking client; use --client-mode async");
            }
            r = async ? loop.runAsync(client) : loop.runBlocking(client);
        } finally {
            client.close();
        }
        System.out.print(r.report());
        if (csv != null) {
            r.appendCsv(csv, name, t, serverMode, tr, payload, size, warmup);
        }
        return r.requests > 0 ? 0 : 1;
    }

    private static TransportProtocol kitexTransport(String t) {
        return switch (t) {
            case "framed" -> TransportProtocol.FRAMED;
            case "buffered" -> TransportProtocol.BUFFERED;
            case "ttheader" -> TransportProtocol.TTHEADER;
            case "ttheader-framed", "ttheader_framed" -> TransportProtocol.TTHEADER_FRAMED;
            default -> throw new IllegalArgumentException("kitex4j --transport must be framed, buffered, ttheader or ttheader-framed");
        };
    }

    /** Kitex Protobuf is always framed: "ttheader" means TTHeader|Framed, Kitex's default for protobuf services. */
    private static TransportProtocol kitexPbTransport(String t) {
        return switch (t) {
            case "framed" -> TransportProtocol.FRAMED;
            case "ttheader", "ttheader-framed", "ttheader_framed" -> TransportProtocol.TTHEADER_FRAMED;
            case "grpc" -> TransportProtocol.GRPC;
            default -> throw new IllegalArgumentException("kitex4j --idl proto --transport must be ttheader, framed or grpc");
        };
    }

    private static PayloadProtocol kitexPayload(String p) {
        return switch (p) {
            case "binary" -> PayloadProtocol.THRIFT_BINARY;
            case "compact" -> PayloadProtocol.THRIFT_COMPACT;
            default -> throw new IllegalArgumentException("--payload must be binary or compact");
        };
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(new CommandLine(this), message);
    }
}
