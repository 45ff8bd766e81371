package io.kitex4j.codegen.thrift;

import static io.kitex4j.codegen.thrift.Idl.definition;
import static io.kitex4j.codegen.thrift.Idl.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.codegen.thrift.model.Const;
import io.kitex4j.codegen.thrift.model.IdlProgram;
import io.kitex4j.codegen.thrift.model.StringValue;
import io.kitex4j.codegen.thrift.model.StructDef;
import io.kitex4j.codegen.thrift.model.StructRef;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Includes: relative first, then -I in order; each file once; cycles and missing files fail. */
class IncludeResolutionTest {

  private static final Path ORDER = resource("includes/order");

  private static String where(LoadResult result, String constName) {
    Const c = definition(result.root(), constName);
    return ((StringValue) c.value().resolved()).value();
  }

  @Test
  void aFileNextToTheIncluderWinsOverIncludeDirectories() throws IdlLoadException {
    LoadResult result = Idl.load(ORDER.resolve("main.thrift"), ORDER.resolve("dirA"), ORDER.resolve("dirB"));
    assertThat(where(result, "USED")).isEqualTo("next to main.thrift");
  }

  @Test
  void includeDirectoriesAreSearchedInTheOrderGiven() throws IdlLoadException {
    Path main = ORDER.resolve("nolocal/main.thrift");
    assertThat(where(Idl.load(main, ORDER.resolve("dirA"), ORDER.resolve("dirB")), "USED")).isEqualTo("dirA");
    assertThat(where(Idl.load(main, ORDER.resolve("dirB"), ORDER.resolve("dirA")), "USED")).isEqualTo("dirB");
  }

  @Test
  void aLaterIncludeDirectoryIsUsedWhenEarlierOnesLackTheFile() throws IdlLoadException {
    LoadResult result = Idl.load(ORDER.resolve("nolocal/main.thrift"), ORDER.resolve("dirA"), ORDER.resolve("dirB"));
    assertThat(where(result, "EXTRA")).isEqualTo("dirB/lib");
    assertThat(result.root().findInclude("extra").orElseThrow().program().path())
        .isEqualTo(ORDER.resolve("dirB/lib/extra.thrift"));
  }

  @Test
  void withoutTheIncludeDirectoryTheIncludeIsMissing() {
    Path main = ORDER.resolve("nolocal/main.thrift");
    assertThat(Idl.failures(main)).containsExactly(
        "main.thrift:1:1: error: cannot find included file 'common.thrift' (searched " + main.getParent() + ")",
        "main.thrift:2:1: error: cannot find included file 'lib/extra.thrift' (searched " + main.getParent() + ")");
  }

  @Test
  void missingIncludeListsEveryDirectorySearched() {
    Path main = ORDER.resolve("nolocal/main.thrift");
    assertThat(Idl.failures(main, ORDER.resolve("dirA"))).containsExactly(
        "main.thrift:2:1: error: cannot find included file 'lib/extra.thrift' (searched " + main.getParent()
            + ", " + ORDER.resolve("dirA") + ")");
  }

  @Test
  void includeCycleIsAnErrorNamingTheCycle() {
    assertThat(Idl.failures(resource("includes/cycle/a.thrift"))).containsExactly(
        "c.thrift:2:1: error: include cycle: a.thrift -> b.thrift -> c.thrift -> a.thrift");
  }

  @Test
  void aFileIncludingItselfIsACycle() {
    assertThat(Idl.failures(resource("includes/cycle/self.thrift"))).containsExactly(
        "self.thrift:1:1: error: include cycle: self.thrift -> self.thrift");
  }

  @Test
  void aDiamondLoadsTheSharedFileOnce() throws IdlLoadException {
    LoadResult result = Idl.load(resource("includes/diamond/top.thrift"));
    assertThat(result.programs()).extracting(IdlProgram::name).containsExactly("bottom", "left", "right", "top");
    StructDef left = definition(result.programs().get(1), "Left");
    StructDef right = definition(result.programs().get(2), "Right");
    StructDef viaLeft = ((StructRef) left.fields().get(0).type()).definition();
    StructDef viaRight = ((StructRef) right.fields().get(0).type()).definition();
    assertThat(viaLeft).isSameAs(viaRight).isSameAs(result.programs().get(0).structs().get(0));
  }

  @Test
  void transitivelyIncludedFilesAreNotVisible() {
    assertThat(Idl.failures(resource("includes/diamond/transitive.thrift"))).containsExactly(
        "transitive.thrift:3:6: error: unknown type 'bottom.Bottom': no included file is named 'bottom'");
  }

  @Test
  void includingTheSameFileTwiceIsAWarning() throws IdlLoadException {
    LoadResult result = Idl.load(resource("includes/diamond/twice.thrift"));
    assertThat(Idl.lines(result.warnings())).containsExactly(
        "twice.thrift:2:1: warning: '../diamond/bottom.thrift' is already included at line 1");
    assertThat(result.root().includes()).hasSize(1);
  }

  @Test
  void twoIncludesWithTheSameFileNameClash() {
    assertThat(Idl.failures(resource("includes/clash/main.thrift"))).containsExactly(
        "main.thrift:2:1: error: 'b/common.thrift' and 'a/common.thrift' (line 1) are both included as 'common';"
            + " rename one of the files");
  }

  @Test
  void aMissingRootFileIsReportedForTheWholeFile() {
    Path missing = ORDER.resolve("does-not-exist.thrift");
    IdlLoadException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        IdlLoadException.class, () -> Idl.load(missing));
    assertThat(e.diagnostics()).singleElement().hasToString(missing + ": error: cannot read file: no such file");
    assertThat(e.getMessage()).isEqualTo("1 error in Thrift IDL:\n" + missing + ": error: cannot read file: no such file");
  }
}
