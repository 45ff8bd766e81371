package io.kitex4j.benchmarks;

import io.kitex4j.benchmarks.driver.ServerStats;
import io.kitex4j.benchmarks.grpc.GrpcEchoServer;
import io.kitex4j.benchmarks.kitex4j.Kitex4jEchoServer;
import io.kitex4j.benchmarks.netty.RawNettyEchoServer;
import io.kitex4j.benchmarks.thrift.LibThriftEchoServer;
import io.kitex4j.server.HandlerExecution;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code benchmarks/bin/echo-server}: starts one echo server and serves until killed (SIGTERM stops it). */
@Command(name = "echo-server", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Echo server of the benchmark harness. Prints 'READY <port> <pid>' once listening.")
public final class EchoServerMain implements Callable<Integer> {

    @Option(names = "--port", required = true, description = "Port to listen on (0 = any free port).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--idl", defaultValue = "thrift",
            description = "thrift | proto (issue 5's echo.proto, kitex4j: over Kitex Protobuf and gRPC; and echo_stream.proto's "
                    + "bidirectional EchoStreamService over gRPC, kitex4j and grpc-java).")
    String idl;

    @Option(names = "--target", defaultValue = "kitex4j",
            description = "kitex4j | grpc-java | thrift-java | netty-raw (default ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--mode", defaultValue = "default",
            description = "kitex4j: default | io (HandlerExecution.IO_THREAD); grpc-java: default | direct; "
                    + "thrift-java: selector (TThreadedSelectorServer, framed) | threadpool (TThreadPoolServer, buffered).")
    String mode;

    @Option(names = "--io-threads", defaultValue = "0",
            description = "I/O threads (kitex4j, netty-raw); 0 = the framework's default (one per available CPU).")
    int ioThreads;

    @Option(names = "--stream-handler", defaultValue = "auto",
            description = "kitex4j --idl proto, the bidi stream of echo_stream.proto: blocking (recv/send loop, a handler thread "
                    + "per stream) | async (continuations on the stream's futures) | auto: blocking with --mode default, "
                    + "async with --mode io (default ${DEFAULT-VALUE}).")
    String streamHandler;

    @Option(names = "--handler-pool", defaultValue = "0",
            description = "kitex4j: handler pool threads, used before Java 21 (a blocking stream handler holds one per stream); "
                    + "0 = the framework's default, max(64, 32 x CPUs).")
    int handlerPool;

    @Option(names = "--stats", defaultValue = "0",
            description = "Every S seconds print calls/s, heap bytes allocated per call and CPU per call of this process (0 = off).")
    double stats;

    public static void main(String[] args) {
        System.exit(new CommandLine(new EchoServerMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        AutoCloseable server;
        int bound;
        String t = target.toLowerCase(Locale.ROOT);
        String m = mode.toLowerCase(Locale.ROOT);
        if (!idl.equals("thrift") && !idl.equals("proto")) {
            throw bad("--idl must be thrift or proto");
        }
        if (idl.equals("proto") && !t.startsWith("grpc") && !t.equals("kitex4j")) {
            throw bad("--idl proto is served by --target kitex4j or grpc-java");
        }
        switch (t) {
            case "kitex4j" -> {
                HandlerExecution ex = switch (m) {
                    case "default" -> HandlerExecution.DEFAULT;
                    case "io", "io_thread", "io-thread" -> HandlerExecution.IO_THREAD;
                    default -> throw bad("--mode for kitex4j must be default or io");
                };
                boolean asyncStreams = switch (streamHandler.toLowerCase(Locale.ROOT)) {
                    case "auto" -> ex == HandlerExecution.IO_THREAD;
                    case "async" -> true;
                    case "blocking" -> false;
                    default -> throw bad("--stream-handler must be auto, blocking or async");
                };
                Kitex4jEchoServer s = new Kitex4jEchoServer(host, port, ex, ioThreads, idl.equals("proto"), asyncStreams, handlerPool);
                bound = s.address().getPort();
                server = s;
            }
            case "grpc-java", "grpc" -> {
                if (!m.equals("default") && !m.equals("direct")) {
                    throw bad("--mode for grpc-java must be default or direct");
                }
                GrpcEchoServer s = new GrpcEchoServer(host, port, m.equals("direct"));
                bound = s.port();
                server = s;
            }
            case "thrift-java", "thrift" -> {
                boolean selector = switch (m) {
                    case "selector", "default" -> true;
                    case "threadpool" -> false;
                    default -> throw bad("--mode for thrift-java must be selector or threadpool");
                };
                server = new LibThriftEchoServer(host, port, selector);
                bound = port;
            }
            case "netty-raw", "netty" -> {
                RawNettyEchoServer s = new RawNettyEchoServer(host, port, ioThreads);
                bound = s.port();
                server = s;
            }
            default -> throw bad("unknown --target " + target);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        AutoCloseable toClose = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                toClose.close();
            } catch (Exception e) {
                System.err.println("stopping the server failed: " + e);
            }
            stopped.countDown();
        }, "stop-server"));
        System.out.printf("READY %d %d %s/%s on %s (%d CPUs visible)%n", bound, ProcessHandle.current().pid(), t, m, host,
                Runtime.getRuntime().availableProcessors());
        System.out.flush();
        ServerStats.start(stats);
        stopped.await();
        return 0;
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(new CommandLine(this), message);
    }
}
