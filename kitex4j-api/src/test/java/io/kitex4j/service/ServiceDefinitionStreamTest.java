package io.kitex4j.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ServiceDefinitionStreamTest {
    private static final MessageCodec<String> CODEC = new MessageCodec<>() {};
    private static final MethodDescriptor<String, String> UNARY =
            MethodDescriptor.of("Unary", InteractionMode.PING_PONG, CODEC, CODEC);
    private static final MethodDescriptor<String, String> ONEWAY =
            MethodDescriptor.of("Oneway", InteractionMode.ONEWAY, CODEC, CODEC);
    private static final MethodDescriptor<String, String> CLIENT =
            MethodDescriptor.of("Client", InteractionMode.CLIENT_STREAMING, CODEC, CODEC);
    private static final MethodDescriptor<String, String> SERVER =
            MethodDescriptor.of("Server", InteractionMode.SERVER_STREAMING, CODEC, CODEC);
    private static final MethodDescriptor<String, String> BIDI =
            MethodDescriptor.of("Bidi", InteractionMode.BIDI_STREAMING, CODEC, CODEC);
    private static final ServiceDescriptor SVC = ServiceDescriptor.builder("Streams", PayloadKind.PROTOBUF)
            .packageName("test.v1").method(UNARY).method(ONEWAY).method(CLIENT).method(SERVER).method(BIDI).build();

    @Test
    void streamingMethodsTakeStreamHandlersAndUnaryOnesUnaryHandlers() {
        StreamHandler<String, String> sync = s -> s.send(s.recv());
        AsyncStreamHandler<String, String> async = s -> CompletableFuture.completedFuture(null);
        ServiceDefinition def = ServiceDefinition.builder(SVC)
                .unary(UNARY, r -> r)
                .asyncUnary(ONEWAY, r -> CompletableFuture.completedFuture(null))
                .stream(CLIENT, sync)
                .asyncStream(SERVER, async)
                .stream(BIDI, sync)
                .build();
        ServiceDefinition.ServerMethod<?, ?> client = def.method("Client");
        assertThat(client.streamHandler()).isSameAs(sync);
        assertThat(client.asyncStreamHandler()).isNull();
        assertThat(client.blockingHandler()).isNull();
        assertThat(client.asyncHandler()).isNull();
        ServiceDefinition.ServerMethod<?, ?> server = def.method("Server");
        assertThat(server.asyncStreamHandler()).isSameAs(async);
        assertThat(server.streamHandler()).isNull();
        assertThat(def.method("Unary").blockingHandler()).isNotNull();
        assertThat(def.method("Unary").streamHandler()).isNull();
        assertThat(def.method("Oneway").asyncHandler()).isNotNull();
        assertThat(def.methods()).containsOnlyKeys("Unary", "Oneway", "Client", "Server", "Bidi");
        assertThat(def.descriptor()).isSameAs(SVC);
    }

    @Test
    void aUnaryHandlerOnAStreamingMethodIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> ServiceDefinition.builder(SVC).unary(BIDI, r -> r))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Bidi").hasMessageContaining("BIDI_STREAMING")
                .hasMessageContaining("stream/asyncStream");
        assertThatThrownBy(() -> ServiceDefinition.builder(SVC).asyncUnary(CLIENT, r -> CompletableFuture.completedFuture(r)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Client").hasMessageContaining("CLIENT_STREAMING")
                .hasMessageContaining("stream/asyncStream");
        assertThatThrownBy(() -> ServiceDefinition.builder(SVC).unary(SERVER, r -> r))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SERVER_STREAMING");
    }

    @Test
    void aStreamHandlerOnAUnaryOrOnewayMethodIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> ServiceDefinition.builder(SVC).stream(UNARY, s -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unary").hasMessageContaining("PING_PONG")
                .hasMessageContaining("unary/asyncUnary");
        assertThatThrownBy(() -> ServiceDefinition.builder(SVC).asyncStream(ONEWAY, s -> CompletableFuture.completedFuture(null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Oneway").hasMessageContaining("ONEWAY")
                .hasMessageContaining("unary/asyncUnary");
    }

    @Test
    void otherBindingErrorsStillApplyToStreams() {
        MethodDescriptor<String, String> foreign = MethodDescriptor.of("Bidi", InteractionMode.BIDI_STREAMING, CODEC, CODEC);
        assertThatThrownBy(() -> ServiceDefinition.builder(SVC).stream(foreign, s -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a method of Streams");
        assertThatThrownBy(() -> ServiceDefinition.builder(SVC).stream(BIDI, s -> { }).asyncStream(BIDI,
                s -> CompletableFuture.completedFuture(null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bound twice");
        assertThatThrownBy(() -> ServiceDefinition.builder(SVC).stream(BIDI, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ServiceDefinition.builder(SVC).asyncStream(BIDI, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ServiceDefinition.builder(SVC).stream(BIDI, s -> { }).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has no handler");
    }

    @Test
    void interactionModesKnowWhichAreStreaming() {
        assertThat(InteractionMode.PING_PONG.isStreaming()).isFalse();
        assertThat(InteractionMode.ONEWAY.isStreaming()).isFalse();
        assertThat(InteractionMode.CLIENT_STREAMING.isStreaming()).isTrue();
        assertThat(InteractionMode.SERVER_STREAMING.isStreaming()).isTrue();
        assertThat(InteractionMode.BIDI_STREAMING.isStreaming()).isTrue();
    }
}
