package io.kitex4j.codegen.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitex4j.codegen.CompileOptions;
import io.kitex4j.codegen.GeneratedFile;
import io.kitex4j.codegen.ThriftCompiler;
import io.kitex4j.codegen.plugin.GeneratorPlugin;
import io.kitex4j.codegen.plugin.PluginException;
import io.kitex4j.codegen.plugins.ServiceCatalogPlugin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The example plugin, service-catalog: a JSON catalogue of the services of the IDL files named on the command line. */
class ServiceCatalogPluginTest {

    private static ThriftCompiler.Result compile(List<Path> idl, CompileOptions.Builder options, Map<String, String> pluginOptions)
            throws Exception {
        return ThriftCompiler.compile(idl, options.plugin("service-catalog", pluginOptions).build());
    }

    private static String file(ThriftCompiler.Result result, String path) {
        return result.files().stream().filter(f -> f.relativePath().equals(path)).map(GeneratedFile::content).findFirst()
                .orElseThrow(() -> new AssertionError("no generated file " + path));
    }

    @Test
    void catalogueOfThriftTestMatchesTheGoldenFile() throws Exception {
        ThriftCompiler.Result result = compile(List.of(GeneratedCode.testdata("ThriftTest.thrift")), CompileOptions.builder(), Map.of());
        String golden = Files.readString(GeneratedCode.resource("gen/thrifttest-catalog.json"), StandardCharsets.UTF_8);
        assertThat(file(result, "kitex4j-catalog.json")).isEqualTo(golden);
        // The Java files are still there: a plugin adds to the generator's output.
        assertThat(result.files()).extracting(GeneratedFile::relativePath).contains("thrift/test/ThriftTest.java");
    }

    @Test
    void theFileOptionNamesTheOutput() throws Exception {
        ThriftCompiler.Result result = compile(List.of(GeneratedCode.testdata("ThriftTest.thrift")), CompileOptions.builder(),
                Map.of("file", "meta/services.json"));
        assertThat(result.files()).extracting(GeneratedFile::relativePath).contains("meta/services.json")
                .doesNotContain(ServiceCatalogPlugin.DEFAULT_FILE);
    }

    @Test
    void unknownOptionsAndFilesOutsideTheOutputAreRejected() {
        assertThatThrownBy(() -> compile(List.of(GeneratedCode.testdata("ThriftTest.thrift")), CompileOptions.builder(),
                Map.of("fiel", "x.json")))
                .isInstanceOf(PluginException.class)
                .hasMessage("service-catalog: unknown option(s) [fiel]; supported: file=<name>");
        assertThatThrownBy(() -> compile(List.of(GeneratedCode.testdata("ThriftTest.thrift")), CompileOptions.builder(),
                Map.of("file", "../outside.json")))
                .isInstanceOf(PluginException.class)
                .hasMessageStartingWith("service-catalog: bad option file=../outside.json");
    }

    @Test
    void onlyServicesOfTheNamedFilesAreListedWithTheServiceTheyExtend() throws Exception {
        ThriftCompiler.Result result = compile(List.of(GeneratedCode.resource("idl/corpus/services/order.thrift")),
                CompileOptions.builder().includeDir(GeneratedCode.resource("idl/corpus/common")), Map.of());
        String json = file(result, "kitex4j-catalog.json");
        assertThat(json).contains("\"name\": \"OrderService\"", "\"name\": \"OrderAuditService\"")
                .doesNotContain("\"name\": \"UserService\"", "\"name\": \"HealthService\"")
                .contains("\"extends\": {\n        \"name\": \"user.AdminUserService\",\n"
                        + "        \"javaClass\": \"io.kitex4j.example.user.AdminUserService\"\n      }")
                .contains("\"type\": \"base.ServiceException\"")
                .contains("\"doc\": \"OrderService -> AdminUserService -> UserService -> HealthService.\"");
    }

    @Test
    void theCatalogueIsTheSameWhereverTheIdlLives(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path copy = Files.copy(GeneratedCode.testdata("ThriftTest.thrift"), dir.resolve("ThriftTest.thrift"));
        ThriftCompiler.Result there = compile(List.of(copy), CompileOptions.builder(), Map.of());
        ThriftCompiler.Result here = compile(List.of(GeneratedCode.testdata("ThriftTest.thrift")), CompileOptions.builder(), Map.of());
        assertThat(file(there, "kitex4j-catalog.json")).isEqualTo(file(here, "kitex4j-catalog.json"));
    }

    @Test
    void thePluginIsFoundThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(GeneratorPlugin.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(p -> {
                    assertThat(p).isInstanceOf(ServiceCatalogPlugin.class);
                    assertThat(p.name()).isEqualTo("service-catalog");
                    assertThat(p.description()).contains("kitex4j-catalog.json");
                });
    }
}
