/** The client engine ({@link io.kitex4j.internal.client.DefaultClient}). Not public API. */
package io.kitex4j.internal.client;
