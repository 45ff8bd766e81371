package io.kitex4j.it.matrix;

import io.kitex4j.errors.ApplicationException;
import io.kitex4j.errors.BizStatusException;
import io.kitex4j.errors.RpcTimeoutException;
import io.kitex4j.examples.echo.EchoError;
import io.kitex4j.examples.echo.EchoRequest;
import io.kitex4j.examples.echo.EchoResponse;
import io.kitex4j.examples.echo.EchoService;
import io.kitex4j.context.RpcContext;
import io.kitex4j.rpcinfo.RpcInfo;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The echo handler of the matrix. The request message picks the behaviour:
 * <ul>
 *   <li>{@code "error"}: the declared {@link EchoError}(42, "declared failure");</li>
 *   <li>{@code "boom"}: an undeclared {@code RuntimeException("boom")};</li>
 *   <li>{@code "biz"}: {@code BizStatusException(404, "not found", {k=v})};</li>
 *   <li>{@code "appex"}: {@code ApplicationException(3, "custom")}; {@code "panic"}: {@code AssertionError("kaboom")};
 *       {@code "rpcex"}: a propagated downstream {@code RpcTimeoutException};</li>
 *   <li>{@code "slow"}: waits up to 1 s (or until {@link #releaseSlow()}), then echoes;</li>
 *   <li>anything else: echoed back with {@link #prefix}.</li>
 * </ul>
 * {@code fire} records its message in {@link #fired}.
 */
final class ScriptedEcho implements EchoService.Iface {
    final String prefix;
    final BlockingQueue<String> fired = new LinkedBlockingQueue<>();
    /** Messages of {@code fire} calls that entered the handler (before any gate). */
    final BlockingQueue<String> fireEntered = new LinkedBlockingQueue<>();
    /** When set, {@code fire} waits on it (at most 5 s) before recording its message in {@link #fired}. */
    volatile CountDownLatch fireGate;
    /** The caller's socket address of the latest echo call of each message (tells connections apart). */
    final Map<String, InetSocketAddress> callers = new ConcurrentHashMap<>();
    private volatile CountDownLatch slowGate = new CountDownLatch(1);

    ScriptedEcho() {
        this("");
    }

    ScriptedEcho(String prefix) {
        this.prefix = prefix;
    }

    /** Lets every "slow" call still waiting finish at once (teardown). */
    void releaseSlow() {
        slowGate.countDown();
        slowGate = new CountDownLatch(1);
    }

    @Override
    public EchoResponse echo(EchoRequest req) throws EchoError {
        String m = req.getMessage();
        RpcInfo info = RpcContext.current().rpcInfo();
        if (info != null && info.from().address() != null) {
            callers.put(m, info.from().address());
        }
        switch (m) {
            case "error":
                throw new EchoError(42, "declared failure");
            case "boom":
                throw new RuntimeException("boom");
            case "biz":
                throw new BizStatusException(404, "not found", Map.of("k", "v"));
            case "appex":
                throw new ApplicationException(ApplicationException.WRONG_METHOD_NAME, "custom");
            case "panic":
                throw new AssertionError("kaboom");
            case "rpcex": // what a handler propagates when its own downstream call timed out
                throw new RpcTimeoutException("timeout=10ms, to=Down, method=echo, location=kitex4j.rpcTimeoutMW");
            case "slow":
                try {
                    slowGate.await(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new EchoResponse(prefix + m);
            default:
                return new EchoResponse(prefix + m);
        }
    }

    @Override
    public void fire(EchoRequest req) {
        fireEntered.add(req.getMessage());
        CountDownLatch gate = fireGate;
        if (gate != null) {
            try {
                gate.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        fired.add(req.getMessage());
    }
}
