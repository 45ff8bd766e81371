/** Compiler internals. Not public API. */
package io.kitex4j.codegen.internal;
