package io.kitex4j.transport.netty.internal.grpc;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First handler of a server connection when the port has TLS: a first byte of {@code 0x16} (a
 * TLS handshake record; no Kitex frame can start with it below 352 MiB) replaces this with an
 * {@code SslHandler} and an ALPN step, after which {@code h2} installs gRPC and anything else
 * leaves the usual protocol detection to run on the decrypted bytes. Any other first byte
 * removes this handler: plaintext keeps working on the same port.
 */
final class TlsDetector extends ByteToMessageDecoder {
    private static final Logger log = LoggerFactory.getLogger(TlsDetector.class);

    private final SslContext sslContext;
    private final Consumer<ChannelPipeline> installGrpc;

    TlsDetector(SslContext sslContext, Consumer<ChannelPipeline> installGrpc) {
        this.sslContext = sslContext;
        this.installGrpc = installGrpc;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (!in.isReadable()) {
            return;
        }
        ChannelPipeline p = ctx.pipeline();
        if (in.getUnsignedByte(in.readerIndex()) == 0x16) {
            p.addAfter(ctx.name(), "alpn", new Alpn(installGrpc));
            p.replace(this, "ssl", sslContext.newHandler(ctx.alloc()));
        } else {
            p.remove(this);
        }
    }

    /** After the handshake: ALPN {@code h2} → gRPC; otherwise the Kitex framing detection stays. */
    private static final class Alpn extends ApplicationProtocolNegotiationHandler {
        private final Consumer<ChannelPipeline> installGrpc;

        Alpn(Consumer<ChannelPipeline> installGrpc) {
            super("none");
            this.installGrpc = installGrpc;
        }

        @Override
        protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
            if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                installGrpc.accept(ctx.pipeline());
            }
        }

        @Override
        protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
            log.debug("TLS handshake with {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        }
    }
}
