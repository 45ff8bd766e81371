package io.kitex4j.transport.netty.internal.grpc;

import io.kitex4j.remote.transport.TransportConfig;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/** TLS contexts for gRPC: the JDK provider (ALPN is built into Java 9+), HTTP/2's cipher list, ALPN {@code h2}. */
final class GrpcTls {
    private GrpcTls() {}

    private static ApplicationProtocolConfig alpn() {
        return new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                ApplicationProtocolNames.HTTP_2);
    }

    static SslContext serverContext(TransportConfig config) throws SSLException {
        return SslContextBuilder.forServer(config.tlsCertChainFile().toFile(), config.tlsPrivateKeyFile().toFile())
                .sslProvider(SslProvider.JDK)
                .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                .applicationProtocolConfig(alpn())
                .build();
    }

    /**
     * The client's TLS handler: SNI and the certificate check use {@link TransportConfig#tlsServerName()}
     * or the connected host, and the certificate must match that name (HTTPS endpoint
     * identification, as every gRPC client does) unless the config trusts everything (tests).
     */
    static SslHandler clientHandler(SslContext ctx, TransportConfig config, ByteBufAllocator alloc, String host, int port) {
        String name = config.tlsServerName() != null ? config.tlsServerName() : host;
        SslHandler h = ctx.newHandler(alloc, name, port);
        if (!config.tlsTrustAll()) {
            SSLEngine engine = h.engine();
            SSLParameters params = engine.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(params);
        }
        return h;
    }

    static SslContext clientContext(TransportConfig config) throws SSLException {
        SslContextBuilder b = SslContextBuilder.forClient()
                .sslProvider(SslProvider.JDK)
                .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                .applicationProtocolConfig(alpn());
        if (config.tlsTrustAll()) {
            b.trustManager(InsecureTrustManagerFactory.INSTANCE);
        } else {
            b.trustManager(config.tlsTrustCertFile().toFile());
        }
        return b.build();
    }
}
