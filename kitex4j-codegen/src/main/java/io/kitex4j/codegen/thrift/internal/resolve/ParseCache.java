package io.kitex4j.codegen.thrift.internal.resolve;

import io.kitex4j.codegen.thrift.internal.parser.IdlParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parse results by canonical path, reused while the file's size and modification time are
 * unchanged. Safe for concurrent loads.
 */
public final class ParseCache {

  private record Entry(FileTime modified, long size, IdlParser.Result result) {}

  private final Map<Path, Entry> entries = new ConcurrentHashMap<>();

  /** The parse of {@code canonicalPath}, from the cache when the file is unchanged. */
  public IdlParser.Result parse(Path canonicalPath) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(canonicalPath, BasicFileAttributes.class);
    Entry cached = entries.get(canonicalPath);
    if (cached != null
        && cached.modified.equals(attributes.lastModifiedTime())
        && cached.size == attributes.size()) {
      return cached.result;
    }
    String text = Files.readString(canonicalPath, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    IdlParser.Result result = IdlParser.parse(canonicalPath, text);
    entries.put(canonicalPath, new Entry(attributes.lastModifiedTime(), attributes.size(), result));
    return result;
  }
}
