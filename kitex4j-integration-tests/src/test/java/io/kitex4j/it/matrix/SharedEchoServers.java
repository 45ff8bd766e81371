package io.kitex4j.it.matrix;

import io.kitex4j.examples.echo.EchoService;
import io.kitex4j.server.HandlerExecution;
import io.kitex4j.server.Server;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * One {@link ScriptedEcho} server per {@link HandlerExecution}, started once per test class
 * (server start and graceful stop cost far more than a call). Netty leaks are checked for every
 * test class by kitex4j-testing's NettyLeakDetectionExtension.
 */
abstract class SharedEchoServers {
    static final Map<HandlerExecution, ScriptedEcho> HANDLERS = new EnumMap<>(HandlerExecution.class);
    static final Map<HandlerExecution, Server> SERVERS = new EnumMap<>(HandlerExecution.class);

    @BeforeAll
    static void startEchoServers() throws Exception {
        for (HandlerExecution e : Matrix.EXECUTIONS) {
            ScriptedEcho h = new ScriptedEcho();
            HANDLERS.put(e, h);
            SERVERS.put(e, Matrix.startServer(e, EchoService.definition(h)));
        }
    }

    @AfterEach
    void resetHandlers() {
        for (ScriptedEcho h : HANDLERS.values()) {
            h.releaseSlow();
            CountDownLatchs.open(h.fireGate);
            h.fireGate = null;
            h.fired.clear();
            h.fireEntered.clear();
            h.callers.clear();
        }
    }

    @AfterAll
    static void stopEchoServers() {
        for (ScriptedEcho h : HANDLERS.values()) {
            h.releaseSlow();
        }
        for (Server s : SERVERS.values()) {
            Matrix.stopQuietly(s);
        }
        SERVERS.clear();
        HANDLERS.clear();
    }

    static InetSocketAddress address(HandlerExecution e) {
        return SERVERS.get(e).address();
    }

    static ScriptedEcho handler(HandlerExecution e) {
        return HANDLERS.get(e);
    }

    /** Null-safe latch helpers. */
    static final class CountDownLatchs {
        private CountDownLatchs() {}

        static void open(java.util.concurrent.CountDownLatch l) {
            if (l != null) {
                while (l.getCount() > 0) {
                    l.countDown();
                }
            }
        }
    }
}
