/** Built-in meta handlers (TTHeader keys, metainfo, business status). Not public API. */
package io.kitex4j.internal.transmeta;
