package io.kitex4j.codegen.thrift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitex4j.codegen.thrift.model.IdlProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loader behaviour around files: canonical identity, reloading, roots. */
class ThriftIdlLoaderTest {

  @TempDir
  Path dir;

  @Test
  void aFileReachedThroughASymlinkIsTheSameFile() throws Exception {
    Idl.write(dir, "real/common.thrift", "struct Common {}\n");
    Files.createSymbolicLink(dir.resolve("link"), dir.resolve("real"));
    Path main = Idl.write(dir, "main.thrift", "include \"real/common.thrift\"\ninclude \"link/common.thrift\"\n");
    LoadResult result = Idl.load(main);
    assertThat(result.programs()).hasSize(2);
    assertThat(Idl.lines(result.warnings()))
        .containsExactly("main.thrift:2:1: warning: 'link/common.thrift' is already included at line 1");
  }

  @Test
  void aLoaderRereadsFilesThatChangedSinceTheLastLoad() throws Exception {
    ThriftIdlLoader loader = ThriftIdlLoader.create();
    Path file = Idl.write(dir, "t.thrift", "struct A {}\n");
    assertThat(loader.load(file).root().structs()).hasSize(1);
    Idl.write(dir, "t.thrift", "struct A {}\nstruct B {}\n");
    assertThat(loader.load(file).root().structs()).hasSize(2);
  }

  @Test
  void separateLoadsBuildSeparateModels() throws Exception {
    ThriftIdlLoader loader = ThriftIdlLoader.create();
    Path file = Idl.write(dir, "t.thrift", "struct A {}\n");
    IdlProgram first = loader.load(file).root();
    assertThat(loader.load(file).root()).isNotSameAs(first);
  }

  @Test
  void rootsMayBeRelativeAndAreReportedInRequestOrder() throws Exception {
    Idl.write(dir, "b.thrift", "struct B {}\n");
    Idl.write(dir, "a.thrift", "include \"b.thrift\"\n");
    Path cwd = Path.of("").toAbsolutePath();
    Path relativeA = cwd.relativize(dir.resolve("a.thrift").toAbsolutePath());
    LoadResult result = ThriftIdlLoader.create().loadAll(List.of(dir.resolve("b.thrift"), relativeA));
    assertThat(result.roots()).extracting(IdlProgram::name).containsExactly("b", "a");
    assertThat(result.programs()).extracting(IdlProgram::name).containsExactly("b", "a");
    assertThat(result.root().name()).isEqualTo("b");
  }

  @Test
  void loadingNothingIsAProgrammingError() {
    assertThatThrownBy(() -> ThriftIdlLoader.create().loadAll(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void includeDirectoriesAreKeptInOrder() {
    ThriftIdlLoader loader = ThriftIdlLoader.builder().includeDir(Path.of("b")).includeDir(Path.of("a")).build();
    assertThat(loader.includeDirs()).containsExactly(Path.of("b"), Path.of("a"));
  }
}
