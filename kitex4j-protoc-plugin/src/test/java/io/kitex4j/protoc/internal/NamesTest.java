package io.kitex4j.protoc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Java identifiers from proto method names. */
class NamesTest {

    @ParameterizedTest
    @CsvSource({
        "UnaryCall, unaryCall",
        "EmptyCall, emptyCall",
        "get_user, getUser",
        "GetURL, getURL",
        "URLFetch, urlFetch",
        "ID, id",
        "echo, echo",
        "Echo2x, echo2x",
        "do__it_, doIt",
    })
    void lowerCamel(String proto, String java) {
        assertThat(Names.lowerCamel(proto)).isEqualTo(java);
    }

    @ParameterizedTest
    @CsvSource({
        "UnaryCall, UNARY_CALL",
        "GetURL, GET_URL",
        "URLFetch, URL_FETCH",
        "get_user, GET_USER",
        "testI32, TEST_I32",
        "In, IN",
        "_private, PRIVATE",
    })
    void upperSnake(String proto, String java) {
        assertThat(Names.upperSnake(proto)).isEqualTo(java);
    }

    @ParameterizedTest
    @CsvSource({"class, class_", "default, default_", "_, __", "echo, echo", "var, var", "record, record"})
    void keywordsGetATrailingUnderscore(String name, String escaped) {
        assertThat(Names.escape(name)).isEqualTo(escaped);
    }

    @org.junit.jupiter.api.Test
    void aScopeAppendsUnderscoresUntilFree() {
        Names.Scope scope = new Names.Scope().reserve("toString", "echo");
        assertThat(scope.allocate("echo")).isEqualTo("echo_");
        assertThat(scope.allocate("echo")).isEqualTo("echo__");
        assertThat(scope.allocate("other")).isEqualTo("other");
        assertThat(scope.isTaken("other")).isTrue();
    }
}
