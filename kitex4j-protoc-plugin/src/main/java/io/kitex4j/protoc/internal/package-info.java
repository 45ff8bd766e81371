/**
 * The generator behind {@link io.kitex4j.protoc.PluginMain}. Not public API.
 *
 * <p>{@link io.kitex4j.protoc.internal.Generator} turns a {@code CodeGeneratorRequest} into a
 * {@code CodeGeneratorResponse}; {@link io.kitex4j.protoc.internal.JavaTypes} names message
 * classes as protoc's {@code java_out} does; {@link io.kitex4j.protoc.internal.ServiceGenerator}
 * writes one class per service with JavaPoet; {@link io.kitex4j.protoc.internal.Names} makes
 * Java identifiers of proto names.
 */
package io.kitex4j.protoc.internal;
