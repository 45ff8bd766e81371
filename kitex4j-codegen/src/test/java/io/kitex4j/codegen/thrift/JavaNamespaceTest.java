package io.kitex4j.codegen.thrift;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.codegen.thrift.model.JavaNamespace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java package: namespace java, else namespace *, else the lower-cased file name. */
class JavaNamespaceTest {

  @TempDir
  Path dir;

  private String packageOf(String fileName, String text) throws IdlLoadException {
    return Idl.loadText(dir, fileName, text).root().javaPackage();
  }

  @Test
  void javaNamespaceWins() throws IdlLoadException {
    assertThat(packageOf("a.thrift", "namespace * star.ns\nnamespace java java.ns\nnamespace go go.ns\n"))
        .isEqualTo("java.ns");
  }

  @Test
  void starNamespaceIsTheFirstFallback() throws IdlLoadException {
    assertThat(packageOf("a.thrift", "namespace go go.ns\nnamespace * star.ns\n")).isEqualTo("star.ns");
  }

  @Test
  void fileNameIsTheLastFallback() throws IdlLoadException {
    assertThat(packageOf("UserService.thrift", "namespace go go.ns\n")).isEqualTo("userservice");
  }

  @Test
  void fallbackIsAValidJavaIdentifier() {
    assertThat(JavaNamespace.fallbackPackage("my-api.v2")).isEqualTo("my_api_v2");
    assertThat(JavaNamespace.fallbackPackage("2fa")).isEqualTo("_2fa");
    assertThat(JavaNamespace.fallbackPackage("Class")).isEqualTo("class_");
    assertThat(JavaNamespace.fallbackPackage("ThriftTest")).isEqualTo("thrifttest");
  }
}
