package io.kitex4j.codegen.thrift;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.codegen.thrift.model.EnumDef;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Problems that are reported but do not fail the load. */
class WarningsTest {

  @TempDir
  Path dir;

  private LoadResult load(String text) throws IdlLoadException {
    return Idl.loadText(dir, "w.thrift", text);
  }

  @Test
  void duplicateEnumNumbersAreAWarningAndTheFirstNameWinsWhenReading() throws IdlLoadException {
    LoadResult result = load("enum Status {\n  OK = 0,\n  SUCCESS = 0,\n  FAILED\n}\n");
    assertThat(Idl.lines(result.warnings())).containsExactly("w.thrift:3:3: warning: 'SUCCESS' has the same"
        + " number 0 as 'OK' (line 2) in enum 'Status'; reading 0 yields 'OK'");
    EnumDef status = Idl.definition(result.root(), "Status");
    assertThat(status.findByValue(0).orElseThrow().name()).isEqualTo("OK");
    assertThat(status.findValue("FAILED").orElseThrow().value()).isEqualTo(1);
  }

  @Test
  void requiredFieldsInUnionsAreAWarning() throws IdlLoadException {
    assertThat(Idl.lines(load("union U {\n  1: required i32 a\n  2: i32 b\n}\n").warnings())).containsExactly(
        "w.thrift:2:3: warning: field 'a' of union 'U' is required, but a union sets exactly one field;"
            + " make it optional");
  }

  @Test
  void containerAndStructMapKeysAreAWarningEvenThroughTypedefs() throws IdlLoadException {
    LoadResult result = load("""
        struct Key { 1: i32 id }
        typedef list<string> Path
        struct S {
          1: map<Path, i32> by_path
          2: map<Key, i32> by_key
          3: map<string, map<set<i32>, i32>> nested
          4: map<string, i32> fine
        }
        """);
    assertThat(Idl.lines(result.warnings())).containsExactly(
        "w.thrift:4:10: warning: map key type 'Path' is a container, which not every language can use as a key"
            + " (Go cannot); prefer a base type, an enum or a string",
        "w.thrift:5:10: warning: map key type 'Key' is a struct, which Kitex for Go keys by pointer so equal"
            + " values do not match; prefer a base type, an enum or a string",
        "w.thrift:6:22: warning: map key type 'set<i32>' is a container, which not every language can use as a"
            + " key (Go cannot); prefer a base type, an enum or a string");
  }

  @Test
  void warningsAreListedAlongsideErrorsWhenLoadingFails() {
    assertThat(Idl.failuresOf(dir, "w.thrift", "struct S {\n  i32 a\n  1: Missing b\n}\n")).containsExactly(
        "w.thrift:2:3: warning: field 'a' has no id; it gets the implicit id -1, which changes when fields are"
            + " added or reordered (write e.g. '1: ')",
        "w.thrift:3:6: error: unknown type 'Missing'");
  }
}
