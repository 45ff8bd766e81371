package io.kitex4j.it.golden;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays the Kitex server of one capture: accepts one connection, records the request frame the
 * client sends, answers with the captured response bytes (with the client's sequence id written
 * into the TTHeader SEQ ID and the Thrift SEQ ID when it is not 1), then either closes (as Kitex
 * does after an unknown method) or waits for the client to close.
 */
final class FakeKitexServer implements AutoCloseable {
    /** The request frame the client sent. */
    final CompletableFuture<byte[]> request = new CompletableFuture<>();
    /** Completes when the client closes the connection, with any bytes it sent after the request. */
    final CompletableFuture<byte[]> clientClosed = new CompletableFuture<>();
    /** The reply bytes actually written (after the seq id rewrite). */
    final CompletableFuture<byte[]> replied = new CompletableFuture<>();
    final AtomicInteger accepted = new AtomicInteger();

    private final byte[] capturedRequest;
    private final byte[] capturedResponse;
    private final boolean closeAfterReply;
    private final boolean trickle;
    private final ServerSocket serverSocket;
    private final Thread thread;
    private volatile Socket connection;

    FakeKitexServer(String name, boolean closeAfterReply) throws IOException {
        this(name, closeAfterReply, false);
    }

    /** With {@code trickle}, the reply is written one byte at a time, flushed and spaced out. */
    FakeKitexServer(String name, boolean closeAfterReply, boolean trickle) throws IOException {
        this(name, KitexCaptures.response(name), closeAfterReply, trickle);
    }

    /** Answers with {@code response} (seq id 1) instead of the captured response of {@code name}. */
    FakeKitexServer(String name, byte[] response, boolean closeAfterReply, boolean trickle) throws IOException {
        this.trickle = trickle;
        this.capturedRequest = KitexCaptures.request(name);
        this.capturedResponse = response;
        this.closeAfterReply = closeAfterReply;
        this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::run, "fake-kitex-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(serverSocket.getInetAddress(), serverSocket.getLocalPort());
    }

    String hostPort() {
        return "127.0.0.1:" + serverSocket.getLocalPort();
    }

    private void run() {
        try (Socket s = serverSocket.accept()) {
            accepted.incrementAndGet();
            connection = s;
            s.setSoTimeout(10_000);
            s.setTcpNoDelay(true);
            InputStream in = s.getInputStream();
            byte[] req = Wire.readFrame(in, Wire.isBuffered(capturedRequest), capturedRequest.length);
            request.complete(req);
            if (capturedResponse.length > 0) {
                int seq = Wire.thriftSeqId(req);
                byte[] out = seq == Wire.thriftSeqId(capturedResponse) ? capturedResponse : Wire.withSeqId(capturedResponse, seq);
                OutputStream os = s.getOutputStream();
                if (trickle) {
                    for (byte b : out) {
                        os.write(b);
                        os.flush();
                        Thread.sleep(1);
                    }
                } else {
                    os.write(out);
                    os.flush();
                }
                replied.complete(out);
            } else {
                replied.complete(new byte[0]);
            }
            if (closeAfterReply) {
                return;
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
            replied.completeExceptionally(t);
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
        if (thread.isAlive()) {
            throw new IllegalStateException(thread.getName() + " did not end");
        }
    }
}
