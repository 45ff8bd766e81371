package io.kitex4j.transport.netty.internal.grpc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A hand-driven HTTP/2 client on a plain socket, for feeding the server bytes no real client
 * would send. Frames are written and parsed by hand; header blocks use Netty's HPACK coder.
 */
final class RawH2 implements AutoCloseable {
    static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    static final int DATA = 0, HEADERS = 1, RST_STREAM = 3, SETTINGS = 4, PING = 6, GOAWAY = 7, WINDOW_UPDATE = 8;

    /** One frame read from the server. */
    static final class Frame {
        final int type;
        final int flags;
        final int stream;
        final byte[] payload;
        Http2Headers headers;

        Frame(int type, int flags, int stream, byte[] payload) {
            this.type = type;
            this.flags = flags;
            this.stream = stream;
            this.payload = payload;
        }

        boolean endStream() {
            return (flags & 0x1) != 0;
        }

        /** GOAWAY / RST_STREAM error code. */
        long errorCode() {
            ByteBuffer b = ByteBuffer.wrap(payload);
            return (type == GOAWAY ? b.getInt(4) : b.getInt(0)) & 0xFFFFFFFFL;
        }

        String goAwayDebug() {
            return new String(payload, 8, payload.length - 8, StandardCharsets.UTF_8);
        }

        String header(String name) {
            CharSequence v = headers == null ? null : headers.get(name);
            return v == null ? null : v.toString();
        }

        @Override
        public String toString() {
            return "Frame{type=" + type + ", flags=" + flags + ", stream=" + stream + ", len=" + payload.length
                    + (headers != null ? ", " + headers : "") + '}';
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final DefaultHttp2HeadersEncoder hpackOut = new DefaultHttp2HeadersEncoder();
    private final DefaultHttp2HeadersDecoder hpackIn = new DefaultHttp2HeadersDecoder(false);
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    final List<Frame> frames = new ArrayList<>();
    boolean closed;

    private RawH2(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static RawH2 open(InetSocketAddress address) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(100);
        s.connect(address, 2000);
        return new RawH2(s);
    }

    /**
     * The server side of a connection the client under test opened to {@code server}: accepts it
     * and reads the client's connection preface (the frames after it are read as usual).
     */
    static RawH2 accept(java.net.ServerSocket server) throws IOException {
        server.setSoTimeout(10_000);
        Socket s = server.accept();
        s.setTcpNoDelay(true);
        s.setSoTimeout(100);
        RawH2 r = new RawH2(s);
        byte[] preface = new byte[PREFACE.length];
        int n = 0;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (n < preface.length && System.nanoTime() < deadline) {
            try {
                int k = r.in.read(preface, n, preface.length - n);
                if (k < 0) {
                    throw new IOException("closed before the preface");
                }
                n += k;
            } catch (SocketTimeoutException e) {
                // keep waiting
            }
        }
        if (!java.util.Arrays.equals(preface, PREFACE)) {
            throw new IOException("not an HTTP/2 client preface");
        }
        return r;
    }

    /** A SETTINGS frame with one setting. */
    RawH2 setting(int id, int value) throws IOException {
        return frame(SETTINGS, 0, 0, ByteBuffer.allocate(6).putShort((short) id).putInt(value).array());
    }

    RawH2 goAway(int lastStreamId, int errorCode) throws IOException {
        return frame(GOAWAY, 0, 0, ByteBuffer.allocate(8).putInt(lastStreamId).putInt(errorCode).array());
    }

    /** The client preface and an empty SETTINGS frame. */
    RawH2 preface() throws IOException {
        write(PREFACE);
        frame(SETTINGS, 0, 0, new byte[0]);
        return this;
    }

    static Http2Headers request(String path, String contentType) {
        Http2Headers h = new DefaultHttp2Headers().method("POST").scheme("http").path(path).authority("test");
        if (contentType != null) {
            h.set("content-type", contentType);
        }
        h.set("te", "trailers");
        return h;
    }

    RawH2 headers(int stream, Http2Headers h, boolean endStream) throws IOException {
        ByteBuf block = Unpooled.buffer();
        try {
            hpackOut.encodeHeaders(stream, h, block);
        } catch (Exception e) {
            throw new IOException(e);
        }
        byte[] b = new byte[block.readableBytes()];
        block.readBytes(b);
        block.release();
        return frame(HEADERS, 0x4 | (endStream ? 0x1 : 0), stream, b);
    }

    /** A DATA frame holding one gRPC message ({@code flag} 0 plain, 1 compressed) of {@code message}. */
    RawH2 message(int stream, int flag, byte[] message, boolean endStream) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(5 + message.length);
        b.put((byte) flag).putInt(message.length).put(message);
        return frame(DATA, endStream ? 0x1 : 0, stream, b.array());
    }

    RawH2 data(int stream, byte[] bytes, boolean endStream) throws IOException {
        return frame(DATA, endStream ? 0x1 : 0, stream, bytes);
    }

    RawH2 ping(long data) throws IOException {
        return frame(PING, 0, 0, ByteBuffer.allocate(8).putLong(data).array());
    }

    RawH2 frame(int type, int flags, int stream, byte[] payload) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(9);
        h.put((byte) (payload.length >>> 16)).put((byte) (payload.length >>> 8)).put((byte) payload.length);
        h.put((byte) type).put((byte) flags).putInt(stream);
        write(h.array());
        write(payload);
        return this;
    }

    RawH2 write(byte[] bytes) throws IOException {
        try {
            out.write(bytes);
            out.flush();
        } catch (SocketException e) {
            closed = true;
        }
        return this;
    }

    /** Reads frames until {@code done} holds for what was read, the server closes, or 10 s pass. */
    List<Frame> readUntil(Predicate<List<Frame>> done) throws IOException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        byte[] buf = new byte[16384];
        while (!done.test(frames) && !closed && System.nanoTime() < deadline) {
            int n;
            try {
                n = in.read(buf);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (SocketException e) {
                closed = true;
                break;
            }
            if (n < 0) {
                closed = true;
                break;
            }
            pending.write(buf, 0, n);
            parse();
        }
        return frames;
    }

    /** Reads until the server closes the connection (or 10 s pass). */
    List<Frame> readUntilClosed() throws IOException {
        return readUntil(f -> false);
    }

    Frame first(int type, int stream) {
        for (Frame f : frames) {
            if (f.type == type && f.stream == stream) {
                return f;
            }
        }
        return null;
    }

    static Predicate<List<Frame>> has(int type, int stream) {
        return fs -> fs.stream().anyMatch(f -> f.type == type && f.stream == stream);
    }

    static Predicate<List<Frame>> endOf(int stream) {
        return fs -> fs.stream().anyMatch(f -> f.stream == stream && (f.endStream() || f.type == RST_STREAM));
    }

    private void parse() throws IOException {
        byte[] all = pending.toByteArray();
        int pos = 0;
        while (all.length - pos >= 9) {
            int len = (all[pos] & 0xFF) << 16 | (all[pos + 1] & 0xFF) << 8 | all[pos + 2] & 0xFF;
            if (all.length - pos - 9 < len) {
                break;
            }
            int type = all[pos + 3] & 0xFF;
            int flags = all[pos + 4] & 0xFF;
            int stream = ByteBuffer.wrap(all, pos + 5, 4).getInt() & 0x7FFFFFFF;
            byte[] payload = new byte[len];
            System.arraycopy(all, pos + 9, payload, 0, len);
            Frame f = new Frame(type, flags, stream, payload);
            if (type == HEADERS) {
                ByteBuf block = Unpooled.wrappedBuffer(payload);
                try {
                    f.headers = hpackIn.decodeHeaders(stream, block);
                } catch (Exception e) {
                    throw new IOException("bad header block: " + e, e);
                }
            }
            frames.add(f);
            pos += 9 + len;
        }
        pending.reset();
        pending.write(all, pos, all.length - pos);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
