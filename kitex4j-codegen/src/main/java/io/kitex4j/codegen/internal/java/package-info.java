/**
 * The Java generator (entry point {@link io.kitex4j.codegen.internal.java.JavaGenerator}). Not public API.
 *
 * <p>Built on JavaPoet (imports, escaping, formatting). One class per definition:
 * <ul>
 *   <li>{@link io.kitex4j.codegen.internal.java.StructGenerator}: structs, exceptions and unions
 *       (mutable, fluent setters; reference fields unset when {@code null}, primitive and enum fields
 *       with isset bits; enum fields store the raw i32 so unknown numbers survive; codecs inlined
 *       straight onto {@code ThriftReader}/{@code ThriftWriter} by {@link io.kitex4j.codegen.internal.java.Codecs});
 *   <li>{@link io.kitex4j.codegen.internal.java.EnumGenerator}: Java enums with {@code getValue()} and
 *       {@code findByValue(int)};
 *   <li>{@link io.kitex4j.codegen.internal.java.ConstantsGenerator}: {@code <Program>Constants}, values
 *       built by {@link io.kitex4j.codegen.internal.java.ConstExpressions} (also used for defaults);
 *   <li>{@link io.kitex4j.codegen.internal.java.ServiceGenerator}: the service class (Iface, AsyncIface,
 *       args/result wrappers, method descriptors, DESCRIPTOR, definition(...), Stub).
 * </ul>
 * Names come from {@link io.kitex4j.codegen.internal.java.Names},
 * {@link io.kitex4j.codegen.internal.java.StructShape} and
 * {@link io.kitex4j.codegen.internal.java.ServiceNames}; variables and fields never take the simple
 * name of a type they would obscure ({@link io.kitex4j.codegen.internal.java.GenContext}).
 */
package io.kitex4j.codegen.internal.java;
