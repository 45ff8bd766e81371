/**
 * The Kitex4j protoc plugin ({@link io.kitex4j.protoc.PluginMain}, {@code protoc-gen-kitex4j}):
 * service classes for the Kitex4j runtime from .proto files. The generator itself is in
 * {@code io.kitex4j.protoc.internal} (not public API).
 */
package io.kitex4j.protoc;
