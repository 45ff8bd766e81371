/** The Java generator. Not public API. */
package io.kitex4j.codegen.internal.java;
