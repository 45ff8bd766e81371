package io.kitex4j.it.badinput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A raw TCP connection to the server under test. Every read is bounded by SO_TIMEOUT; writes
 * that fail because the server already closed or reset the connection are remembered rather than
 * thrown.
 */
final class RawConn implements AutoCloseable {

    /** How a connection ended (as seen from the client). */
    enum End {
        /** The server closed it: read returned -1. */
        CLOSED,
        /** The server reset it (or a write failed because it was gone). */
        RESET,
        /** Still open when the wait ended. */
        OPEN
    }

    /** What {@link #awaitClose} saw. {@code millis} is counted from the time given to it. */
    record Outcome(End end, byte[] received, long millis, String detail) {
        boolean closed() {
            return end != End.OPEN;
        }

        @Override
        public String toString() {
            return end + " after " + millis + " ms, received " + received.length + " bytes "
                    + Frames.hex(received, 48) + (detail == null ? "" : " (" + detail + ")");
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private String writeFailure;
    long firstWriteNanos = -1;

    private RawConn(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static RawConn open(InetSocketAddress address) throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setSoTimeout(2000);
            s.connect(address, 2000);
            return new RawConn(s);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** Writes {@code b}; returns false (and remembers why) if the server is already gone. */
    boolean write(byte[] b) {
        return write(b, 0, b.length);
    }

    boolean write(byte[] b, int off, int len) {
        if (writeFailure != null) {
            return false;
        }
        if (firstWriteNanos < 0) {
            firstWriteNanos = System.nanoTime();
        }
        try {
            out.write(b, off, len);
            out.flush();
            return true;
        } catch (IOException e) {
            writeFailure = e.toString();
            return false;
        }
    }

    String writeFailure() {
        return writeFailure;
    }

    /** Half-closes: the server sees end of input but can still answer. */
    void shutdownOutput() {
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            if (writeFailure == null) {
                writeFailure = e.toString();
            }
        }
    }

    /** Closes with an RST instead of a FIN. */
    void abort() {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException ignored) {
            // closing anyway
        }
        close();
    }

    /**
     * Reads for at most {@code max} (counted from now) or until the server closes or resets the
     * connection; {@code Outcome.millis} is counted from {@code sinceNanos}.
     */
    Outcome awaitClose(Duration max, long sinceNanos) {
        return awaitCloseUntil(System.nanoTime() + max.toNanos(), sinceNanos);
    }

    Outcome awaitClose(Duration max) {
        long now = System.nanoTime();
        return awaitCloseUntil(now + max.toNanos(), now);
    }

    /** Like {@link #awaitClose} with an absolute deadline ({@link System#nanoTime()}). */
    Outcome awaitCloseUntil(long deadlineNanos, long sinceNanos) {
        byte[] buf = new byte[8192];
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (left <= 0) {
                return outcome(End.OPEN, sinceNanos, "still open at the deadline");
            }
            try {
                socket.setSoTimeout((int) Math.max(1, left));
                int n = in.read(buf);
                if (n < 0) {
                    return outcome(End.CLOSED, sinceNanos, writeFailure);
                }
                received.write(buf, 0, n);
            } catch (SocketTimeoutException e) {
                // loop: the deadline check ends it
            } catch (IOException e) {
                return outcome(End.RESET, sinceNanos, e.toString());
            }
        }
    }

    /** Reads until at least {@code n} bytes arrived in total, the connection ends or the deadline passes. */
    byte[] readAtLeast(int n, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        byte[] buf = new byte[8192];
        while (received.size() < n) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                break;
            }
            try {
                socket.setSoTimeout((int) Math.max(1, left));
                int r = in.read(buf);
                if (r < 0) {
                    break;
                }
                received.write(buf, 0, r);
            } catch (SocketTimeoutException e) {
                // deadline check
            } catch (IOException e) {
                break;
            }
        }
        return received.toByteArray();
    }

    /** Reads until the bytes received hold one whole reply ({@link Frames#readReply}), or the deadline. */
    byte[] readReply(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        int want = 8;
        while (System.nanoTime() < deadline) {
            byte[] got = readAtLeast(want, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (got.length < want) {
                return got;
            }
            if (Frames.readReply(got) != null) {
                return got;
            }
            want = got.length + 1;
        }
        return received.toByteArray();
    }

    private Outcome outcome(End end, long sinceNanos, String detail) {
        return new Outcome(end, received.toByteArray(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sinceNanos), detail);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
