package io.kitex4j.service;

import java.util.concurrent.CompletionStage;

/**
 * A non-blocking server-side handler: returns at once with a stage that completes with the
 * response. It is invoked where the server's execution mode says (like {@link UnaryHandler});
 * it must not block. Failures of the stage are mapped like exceptions of {@link UnaryHandler}.
 */
@FunctionalInterface
public interface AsyncUnaryHandler<Req, Resp> {
    CompletionStage<Resp> handle(Req request);
}
