package io.kitex4j.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetainfoTest {

    @Test
    void transientValueReachesExactlyOneHop() {
        // caller sets a transient value; sending and receiving each apply TransferForward.
        Metainfo caller = Metainfo.EMPTY.withValue("k", "v");
        Metainfo onWire = caller; // the client sends its transient values as RPC_TRANSIT_
        Metainfo inHandler = Metainfo.of(onWire.transientValues(), Map.of(), Map.of()).transferForward();
        assertThat(inHandler.value("k")).isEqualTo("v");
        assertThat(inHandler.transientValues()).isEmpty();
        assertThat(inHandler.upstreamValues()).containsEntry("k", "v");
        // the handler calls downstream: only its own transient values go out, so "k" stops here.
        assertThat(inHandler.transientValues()).doesNotContainKey("k");
    }

    @Test
    void persistentValueSurvivesTransferForward() {
        Metainfo m = Metainfo.EMPTY.withPersistentValue("p", "1").withValue("t", "2");
        Metainfo next = m.transferForward().transferForward();
        assertThat(next.persistentValue("p")).isEqualTo("1");
        assertThat(next.value("t")).isNull();
    }

    @Test
    void emptyKeysAndValuesAreIgnoredAsInKitex() {
        Metainfo m = Metainfo.EMPTY.withValue("", "x").withValue("k", "").withPersistentValue(null, "y");
        assertThat(m.isEmpty()).isTrue();
        assertThat(m).isSameAs(Metainfo.EMPTY);
    }

    @Test
    void transientValueShadowsUpstreamValue() {
        Metainfo m = Metainfo.of(Map.of("k", "new"), Map.of("k", "old"), Map.of());
        assertThat(m.value("k")).isEqualTo("new");
        assertThat(m.withoutValue("k").value("k")).isNull();
    }

    @Test
    void contextAttachIsScopedToTheThread() throws Exception {
        RpcContext ctx = RpcContext.root().withValue("a", "b");
        assertThat(RpcContext.current().metainfo().value("a")).isNull();
        String seen = ctx.call(() -> RpcContext.current().metainfo().value("a"));
        assertThat(seen).isEqualTo("b");
        assertThat(RpcContext.current()).isSameAs(RpcContext.root());
    }

    @Test
    void backwardValuesNeedAServerCallToBeSent() {
        assertThat(RpcContext.root().sendBackwardValue("k", "v")).isFalse();
        BackwardValues out = new BackwardValues();
        RpcContext server = InternalRpcContexts.forCall(RpcContext.root(), null, out);
        assertThat(server.sendBackwardValue("k", "v")).isTrue();
        assertThat(out.asMap()).containsEntry("k", "v");
    }
}
