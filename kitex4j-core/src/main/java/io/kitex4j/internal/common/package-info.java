/** Shared internals of the engines. Not public API. */
package io.kitex4j.internal.common;
