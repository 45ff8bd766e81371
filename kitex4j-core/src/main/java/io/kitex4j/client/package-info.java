/**
 * The client API. Entry points: {@link io.kitex4j.client.Client#builder(io.kitex4j.service.ServiceDescriptor)},
 * {@link io.kitex4j.client.ClientBuilder} and per-call {@link io.kitex4j.client.CallOptions}.
 */
package io.kitex4j.client;
