package io.kitex4j.interop.grpc.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which interop cases run in which direction, and why the others do not (the module README
 * has the same lists).
 *
 * <p>The default cases are those of gRPC's interop matrix ({@code tools/run_tests/run_interop_tests.py},
 * {@code _TEST_CASES}) that need no credentials, no xDS/ORCA, no soak, no caching proxy and no
 * second backend, plus grpc-java's {@code very_large_request} and the {@code _noprobe} variants of
 * its client compression cases: every {@link InteropTestCase}. Not run: {@code cacheable_unary}
 * (needs a caching proxy; grpc-java marks its own version broken), {@code compute_engine_creds},
 * {@code compute_engine_channel_credentials}, {@code service_account_creds},
 * {@code jwt_token_creds}, {@code oauth2_auth_token}, {@code per_rpc_creds},
 * {@code google_default_credentials} (Google credentials), {@code pick_first_unary} (several
 * backends), {@code rpc_soak}, {@code channel_soak} (soak), {@code orca_per_rpc},
 * {@code orca_oob} (ORCA load reports).
 */
final class InteropCases {
    private InteropCases() {}

    /**
     * The cases grpc-java's TestServiceServer does not implement, which the official runner
     * therefore never runs against it ({@code JavaLanguage.unimplemented_test_cases_server()}:
     * "Does not support CompressedRequest feature. Only supports CompressedResponse feature for
     * unary."): it ignores {@code expect_compressed} (so the feature probe is answered OK, not
     * INVALID_ARGUMENT) and {@code ResponseParameters.compressed}. Our server implements both;
     * these cases run against it in {@link Kitex4jClientAgainstKitex4jServerTest}.
     */
    static final Map<InteropTestCase, String> NOT_SERVED_BY_GRPC_JAVA = Map.of(
            InteropTestCase.CLIENT_COMPRESSED_UNARY, "grpc-java's server does not check expect_compressed (its feature probe succeeds)",
            InteropTestCase.CLIENT_COMPRESSED_STREAMING, "grpc-java's server does not check expect_compressed (its feature probe succeeds)",
            InteropTestCase.SERVER_COMPRESSED_STREAMING, "grpc-java's server ignores ResponseParameters.compressed",
            InteropTestCase.CLIENT_COMPRESSED_STREAMING_NOPROBE,
            "grpc-java's server does not check expect_compressed (a pass would prove nothing about compression)");

    /** grpc-java's client against our server: every default case. */
    static List<String> grpcJavaClientCases() {
        List<String> names = new ArrayList<>();
        for (InteropTestCase c : InteropTestCase.values()) {
            names.add(c.flag());
        }
        return names;
    }

    /** Our client against grpc-java's server: every default case it serves. */
    static List<InteropTestCase> kitex4jClientAgainstGrpcJavaCases() {
        List<InteropTestCase> cases = new ArrayList<>();
        for (InteropTestCase c : InteropTestCase.values()) {
            if (!NOT_SERVED_BY_GRPC_JAVA.containsKey(c)) {
                cases.add(c);
            }
        }
        return cases;
    }

    /** Our client against our server: every default case. */
    static List<InteropTestCase> kitex4jClientAgainstKitex4jCases() {
        return List.of(InteropTestCase.values());
    }
}
