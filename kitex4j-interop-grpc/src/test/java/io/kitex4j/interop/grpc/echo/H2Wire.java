package io.kitex4j.interop.grpc.echo;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * HTTP/2 bytes for the tests: one direction of a connection cut into frames, header blocks
 * decoded with HPACK (one decoder per direction, as on a connection), raw sockets that write
 * given bytes and read frames back, and the Kitex captures of {@code testdata/kitex-vectors}.
 */
final class H2Wire {
    static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    static final int DATA = 0, HEADERS = 1, RST_STREAM = 3, SETTINGS = 4, PING = 6, GOAWAY = 7;

    private H2Wire() {}

    /** One frame. */
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
            return (flags & 1) != 0 && (type == DATA || type == HEADERS);
        }

        long errorCode() {
            return (type == GOAWAY ? ByteBuffer.wrap(payload).getInt(4) : ByteBuffer.wrap(payload).getInt(0)) & 0xFFFFFFFFL;
        }

        /** The header block as a map of name → value (repeated names comma-joined). */
        Map<String, String> headerMap() {
            Map<String, String> m = new LinkedHashMap<>();
            for (Map.Entry<CharSequence, CharSequence> e : headers) {
                m.merge(e.getKey().toString(), e.getValue().toString(), (a, b) -> a + "," + b);
            }
            return m;
        }

        List<String> headerNames() {
            List<String> names = new ArrayList<>();
            for (Map.Entry<CharSequence, CharSequence> e : headers) {
                names.add(e.getKey().toString());
            }
            return names;
        }

        @Override
        public String toString() {
            return "Frame{type=" + type + ", flags=" + flags + ", stream=" + stream + ", len=" + payload.length
                    + (headers != null ? ", " + headerMap() : "") + '}';
        }
    }

    /** Incremental parser of one direction. */
    static final class Parser {
        private final DefaultHttp2HeadersDecoder hpack = new DefaultHttp2HeadersDecoder(false, 1 << 20);
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private boolean prefaceSkipped;
        private final boolean clientSide;
        final List<Frame> frames = new ArrayList<>();

        Parser(boolean clientSide) {
            this.clientSide = clientSide;
            this.prefaceSkipped = !clientSide;
        }

        void feed(byte[] b, int off, int len) {
            pending.write(b, off, len);
            byte[] all = pending.toByteArray();
            int pos = 0;
            if (!prefaceSkipped) {
                if (all.length < PREFACE.length) {
                    return;
                }
                pos = PREFACE.length;
                prefaceSkipped = true;
            }
            while (all.length - pos >= 9) {
                int len2 = (all[pos] & 0xFF) << 16 | (all[pos + 1] & 0xFF) << 8 | all[pos + 2] & 0xFF;
                if (all.length - pos - 9 < len2) {
                    break;
                }
                Frame f = new Frame(all[pos + 3] & 0xFF, all[pos + 4] & 0xFF, ByteBuffer.wrap(all, pos + 5, 4).getInt() & 0x7FFFFFFF,
                        java.util.Arrays.copyOfRange(all, pos + 9, pos + 9 + len2));
                if (f.type == HEADERS) {
                    ByteBuf block = Unpooled.wrappedBuffer(f.payload);
                    try {
                        f.headers = hpack.decodeHeaders(f.stream, block);
                    } catch (Exception e) {
                        throw new IllegalStateException("bad header block in " + f, e);
                    }
                }
                frames.add(f);
                pos += 9 + len2;
            }
            pending.reset();
            pending.write(all, pos, all.length - pos);
        }
    }

    static List<Frame> parse(byte[] bytes, boolean clientSide) {
        Parser p = new Parser(clientSide);
        p.feed(bytes, 0, bytes.length);
        return p.frames;
    }

    /** The frames of one stream. */
    static List<Frame> stream(List<Frame> frames, int stream) {
        List<Frame> out = new ArrayList<>();
        for (Frame f : frames) {
            if (f.stream == stream && (f.type == HEADERS || f.type == DATA || f.type == RST_STREAM)) {
                out.add(f);
            }
        }
        return out;
    }

    /** A header block, HPACK-encoded with a fresh encoder. */
    static byte[] headerBlock(Http2Headers h) {
        ByteBuf out = Unpooled.buffer();
        try {
            new DefaultHttp2HeadersEncoder().encodeHeaders(1, h, out);
            byte[] b = new byte[out.readableBytes()];
            out.readBytes(b);
            return b;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            out.release();
        }
    }

    static byte[] frame(int type, int flags, int stream, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(9 + payload.length);
        b.put((byte) (payload.length >>> 16)).put((byte) (payload.length >>> 8)).put((byte) payload.length);
        b.put((byte) type).put((byte) flags).putInt(stream).put(payload);
        return b.array();
    }

    static Http2Headers request(String path, String contentType) {
        Http2Headers h = new DefaultHttp2Headers().method("POST").scheme("http").path(path).authority("EchoService");
        if (contentType != null) {
            h.set("content-type", contentType);
        }
        return h.set("te", "trailers");
    }

    /** Writes {@code bytes} to {@code address} and reads frames until {@code done} holds, the peer closes, or 10 s pass. */
    static Exchange exchange(InetSocketAddress address, byte[] bytes, Predicate<List<Frame>> done) throws IOException {
        try (Socket s = new Socket()) {
            s.setTcpNoDelay(true);
            s.setSoTimeout(100);
            s.connect(address, 2000);
            s.getOutputStream().write(bytes);
            s.getOutputStream().flush();
            Parser p = new Parser(false);
            InputStream in = s.getInputStream();
            byte[] buf = new byte[16384];
            long deadline = System.nanoTime() + 10_000_000_000L;
            boolean closed = false;
            while (!done.test(p.frames) && System.nanoTime() < deadline) {
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
                p.feed(buf, 0, n);
            }
            return new Exchange(p.frames, closed);
        }
    }

    record Exchange(List<Frame> frames, boolean closed) {
        Frame first(int type, int stream) {
            return frames.stream().filter(f -> f.type == type && f.stream == stream).findFirst().orElse(null);
        }

        /** The last END_STREAM HEADERS of {@code stream}: its status. */
        Frame status(int stream) {
            Frame last = null;
            for (Frame f : frames) {
                if (f.stream == stream && f.type == HEADERS && f.endStream()) {
                    last = f;
                }
            }
            return last;
        }
    }

    static Predicate<List<Frame>> ended(int stream) {
        return fs -> fs.stream().anyMatch(f -> f.stream == stream && (f.endStream() || f.type == RST_STREAM));
    }

    // ------------------------------------------------------------------ captures

    static byte[] capture(String name) throws IOException {
        String hex = Files.readString(dir().resolve(name)).replaceAll("\\s+", "");
        return HexFormat.of().parseHex(hex);
    }

    private static Path dir() {
        String prop = System.getProperty("kitex4j.testdata");
        if (prop != null && Files.isDirectory(Paths.get(prop, "kitex-vectors"))) {
            return Paths.get(prop, "kitex-vectors");
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("testdata/kitex-vectors"))) {
                return p.resolve("testdata/kitex-vectors");
            }
        }
        throw new IllegalStateException("testdata/kitex-vectors not found (set -Dkitex4j.testdata)");
    }
}
