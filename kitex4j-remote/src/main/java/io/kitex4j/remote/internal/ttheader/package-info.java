/**
 * TTHeader frame header model, constants and codec (wire-compatible with CloudWeGo Kitex / gopkg
 * {@code protocol/ttheader}).
 *
 * <p><b>Internal:</b> this package is not part of the Kitex4j public API and may change without
 * notice. Application code should not depend on it.
 */
package io.kitex4j.remote.internal.ttheader;
