package io.kitex4j.it.kitexpb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;

/**
 * Plays the Kitex server of one capture: accepts one connection, records the request frame the
 * client sends, answers with the given reply bytes (with the client's seq id written into the
 * TTHeader SEQ ID and the message's seq id), then waits for the client to close.
 */
final class FakeKitexPbServer implements AutoCloseable {
    /** The request frame the client sent. */
    final CompletableFuture<byte[]> request = new CompletableFuture<>();
    /** Completes when the client closes the connection, with any bytes it sent after the request. */
    final CompletableFuture<byte[]> clientClosed = new CompletableFuture<>();

    private final byte[] reply;
    private final ServerSocket serverSocket;
    private final Thread thread;
    private volatile Socket connection;

    FakeKitexPbServer(byte[] reply) throws IOException {
        this.reply = reply;
        this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::run, "fake-kitex-pb");
        thread.setDaemon(true);
        thread.start();
    }

    String hostPort() {
        return "127.0.0.1:" + serverSocket.getLocalPort();
    }

    private void run() {
        try (Socket s = serverSocket.accept()) {
            connection = s;
            s.setSoTimeout(10_000);
            s.setTcpNoDelay(true);
            InputStream in = s.getInputStream();
            byte[] req = PbWire.readFrame(in);
            request.complete(req);
            if (reply.length > 0) {
                s.getOutputStream().write(PbWire.withSeqId(reply, PbWire.seqId(req)));
                s.getOutputStream().flush();
            }
            ByteArrayOutputStream extra = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            while (true) {
                int n;
                try {
                    n = in.read(buf);
                } catch (java.net.SocketTimeoutException e) {
                    continue;
                }
                if (n < 0) {
                    clientClosed.complete(extra.toByteArray());
                    return;
                }
                extra.write(buf, 0, n);
            }
        } catch (Throwable t) {
            request.completeExceptionally(t);
            clientClosed.completeExceptionally(t);
        }
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        Socket c = connection;
        if (c != null) {
            c.close();
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
