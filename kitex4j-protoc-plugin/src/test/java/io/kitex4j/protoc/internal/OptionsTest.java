package io.kitex4j.protoc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The plugin parameters protoc passes ({@code --kitex4j_opt=K=V,...}). */
class OptionsTest {

    @Test
    void noParametersAreTheDefaults() throws GeneratorException {
        assertThat(Options.parse("")).isEqualTo(Options.DEFAULT);
        assertThat(Options.parse(null)).isEqualTo(Options.DEFAULT);
        assertThat(Options.DEFAULT).isEqualTo(new Options(true, true, null));
    }

    @Test
    void booleansAndTheServicePackageTogether() throws GeneratorException {
        assertThat(Options.parse("service_package=echo.kitex,javadoc=false"))
                .isEqualTo(new Options(true, false, "echo.kitex"));
        assertThat(Options.parse(" generated_annotation = false , service_package = a.b "))
                .isEqualTo(new Options(false, true, "a.b"));
        assertThat(Options.parse("javadoc")).isEqualTo(new Options(true, true, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"echo", "echo.kitex", "com.example.rpc_v2", "a.$b._c", "var.record.yield", "Echo.Kitex", "\u00e9cho.k1"})
    void legalJavaPackageNamesAreAccepted(String pkg) throws GeneratorException {
        assertThat(Options.parse("service_package=" + pkg).servicePackage()).isEqualTo(pkg);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"\"              | it is empty",
        "echo..kitex       | it has an empty part (a leading, trailing or doubled '.')",
        ".echo             | it has an empty part (a leading, trailing or doubled '.')",
        "echo.             | it has an empty part (a leading, trailing or doubled '.')",
        "echo.class        | 'class' is a Java keyword",
        "_                 | '_' is a Java keyword",
        "echo.null         | 'null' is a Java literal",
        "true              | 'true' is a Java literal",
        "echo.1x           | '1x' is not a Java identifier",
        "echo-kitex        | 'echo-kitex' is not a Java identifier",
        "echo/kitex        | 'echo/kitex' is not a Java identifier",
        "echo kitex        | 'echo kitex' is not a Java identifier",
    })
    void illegalPackageNamesAreErrorsThatSayWhy(String pkg, String why) {
        assertThatThrownBy(() -> Options.parse("service_package=" + pkg)).isInstanceOf(GeneratorException.class)
                .hasMessage("option service_package must be a Java package name (identifiers separated by '.', e.g. echo.kitex),"
                        + " not '" + pkg + "': " + why);
    }

    @Test
    void theServicePackageNeedsAValueAndIsGivenOnce() {
        assertThatThrownBy(() -> Options.parse("service_package")).hasMessage(
                "option service_package needs a value: service_package=<java package>, e.g. service_package=echo.kitex");
        assertThatThrownBy(() -> Options.parse("service_package=a,service_package=b"))
                .hasMessage("option 'service_package' given twice");
        assertThatThrownBy(() -> Options.parse("servicepackage=a"))
                .hasMessage("unknown option 'servicepackage' (known: generated_annotation, javadoc, service_package)");
        assertThatThrownBy(() -> Options.parse("javadoc=echo.kitex"))
                .hasMessage("option javadoc must be true or false, not 'echo.kitex'");
    }

    @Test
    void theServicePackageOfAFileIsTheOptionElseItsJavaPackage() throws GeneratorException {
        FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("e.proto").setPackage("echo")
                .setOptions(FileOptions.newBuilder().setJavaPackage("com.echo")).build();
        assertThat(Options.DEFAULT.servicePackage(file)).isEqualTo("com.echo");
        assertThat(Options.parse("service_package=echo.kitex").servicePackage(file)).isEqualTo("echo.kitex");
    }
}
