/**
 * Parsing: the ANTLR 4 grammar ({@code src/main/antlr4/.../ThriftLexer.g4} and
 * {@code ThriftParser.g4}, generated into {@code ThriftLexer} and {@code ThriftParser}), the
 * fail-fast error strategy that words syntax errors as {@code expected X but found Y}, and the
 * tree builder producing {@link io.kitex4j.codegen.thrift.internal.parser.Syntax} trees.
 *
 * <p>Entry point: {@link io.kitex4j.codegen.thrift.internal.parser.IdlParser#parse}.
 *
 * <p><b>Not public API.</b>
 */
package io.kitex4j.codegen.thrift.internal.parser;
