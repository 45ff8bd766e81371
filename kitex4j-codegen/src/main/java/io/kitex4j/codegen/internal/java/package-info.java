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
 *
 * <h2>Binary</h2>
 * Binary is {@code byte[]} (fields, list elements, map values, arguments, results), except in a
 * set element or a map key, at any depth ({@code set<binary>}, {@code map<binary, V>},
 * {@code set<list<binary>>}, {@code map<string, set<binary>>}, ...), where it is a
 * {@link java.nio.ByteBuffer}: arrays compare by identity, so a {@code Set<byte[]>} would hold
 * two equal arrays (and write both) and never {@code contains} an equal one; a buffer compares
 * its remaining bytes. A buffer is read as a buffer wrapping the bytes, and written as its
 * remaining bytes without moving its position (heap buffers straight from their array, others
 * through a copy). Wherever {@code byte[]} sits inside a container, the generated
 * {@code equals}, {@code hashCode} and {@code toString} go deep, comparing contents.
 *
 * <h2>Enum numbers the enum does not define</h2>
 * <ul>
 *   <li>Struct, union, and service args/result fields of enum type store the number:
 *       {@code getX()} is {@code null} for an unknown one, {@code getXValue()}/{@code setXValue(int)}
 *       read and write it, and it is written back unchanged.</li>
 *   <li>In containers (list and set elements, map keys and values, at any depth) values are enum
 *       constants; an unknown number is dropped on read, and a map entry whose key or value is
 *       unknown is dropped (Apache's Java generator drops entries with an unknown key). Writing a
 *       {@code null} enum in a container fails with {@code INVALID_DATA} naming the field.</li>
 *   <li>{@code Iface} and {@code AsyncIface} keep enum-typed methods (source compatible with
 *       Apache-style handlers; a handler receives {@code null} for an unknown number). A function
 *       with an enum argument or result also gets a default {@code <method>Raw} method taking and
 *       returning the numbers as {@code Integer} ({@code null}: absent); the server binding calls
 *       it, the default delegates to the enum method, and a handler overrides it to receive or
 *       echo unknown numbers. The stub implements both: its enum method returns {@code null} for an
 *       unknown number in the result; its raw method sends and returns numbers as they are.</li>
 * </ul>
 */
package io.kitex4j.codegen.internal.java;
