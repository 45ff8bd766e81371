package io.kitex4j.benchmarks.kitex4j;

import echo.EchoRequest;
import echo.EchoService;
import io.kitex4j.benchmarks.driver.Payloads;
import io.kitex4j.client.Client;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import java.io.DataInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The exact bytes of one {@code echo} request as the Kitex4j client sends it (TTHeader int keys,
 * {@code isn}, Thrift binary payload and all): the client calls a throw-away local socket that
 * reads one length-prefixed frame and hangs up. {@code benchmarks/bin/connections} replays these
 * bytes on every idle connection, so the server decodes exactly what a real client would send.
 * Both TTHeader and Framed frames start with a 4-byte length of the rest of the frame.
 */
public final class RequestCapture {
    private RequestCapture() {}

    public static byte[] capture(TransportProtocol transport, int size) throws Exception {
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> frame = CompletableFuture.supplyAsync(() -> {
                try (Socket s = ss.accept()) {
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    int len = in.readInt();
                    byte[] b = new byte[4 + len];
                    b[0] = (byte) (len >>> 24);
                    b[1] = (byte) (len >>> 16);
                    b[2] = (byte) (len >>> 8);
                    b[3] = (byte) len;
                    in.readFully(b, 4, len);
                    return b;
                } catch (Exception e) {
                    throw new IllegalStateException("capturing the request failed", e);
                }
            });
            Client client = Client.builder(EchoService.DESCRIPTOR)
                    .hostPorts("127.0.0.1:" + ss.getLocalPort())
                    .clientServiceName("echo-bench-client")
                    .destService("EchoService")
                    .transportProtocol(transport)
                    .payloadProtocol(PayloadProtocol.THRIFT_BINARY)
                    .connectTimeout(Duration.ofSeconds(1))
                    .rpcTimeout(Duration.ofSeconds(5))
                    .build();
            try {
                // Fails once the capture socket hangs up; only the bytes matter.
                new EchoService.Stub(client).echoAsync(new EchoRequest(Payloads.message(size)));
                return frame.get(10, TimeUnit.SECONDS);
            } finally {
                client.close();
            }
        }
    }
}
