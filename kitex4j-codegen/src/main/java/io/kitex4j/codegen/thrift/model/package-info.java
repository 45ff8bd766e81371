/**
 * The resolved, immutable model of Thrift IDL that generator plugins receive.
 *
 * <p><b>Programs.</b> An {@link io.kitex4j.codegen.thrift.model.IdlProgram} is one file: its
 * namespaces (and {@link io.kitex4j.codegen.thrift.model.IdlProgram#javaPackage() Java package},
 * see {@link io.kitex4j.codegen.thrift.model.JavaNamespace}), its
 * {@link io.kitex4j.codegen.thrift.model.Include includes} resolved to other programs, its doc
 * comment and its {@link io.kitex4j.codegen.thrift.model.Definition definitions} in declaration
 * order.
 *
 * <p><b>Definitions</b> (sealed): {@link io.kitex4j.codegen.thrift.model.Typedef},
 * {@link io.kitex4j.codegen.thrift.model.Const}, {@link io.kitex4j.codegen.thrift.model.EnumDef}
 * (with {@link io.kitex4j.codegen.thrift.model.EnumValue}s),
 * {@link io.kitex4j.codegen.thrift.model.StructDef} (struct, union or exception, with
 * {@link io.kitex4j.codegen.thrift.model.Field}s) and
 * {@link io.kitex4j.codegen.thrift.model.ServiceDef} (with
 * {@link io.kitex4j.codegen.thrift.model.FunctionDef}s whose arguments and throws are fields).
 *
 * <p><b>Types</b> (sealed {@link io.kitex4j.codegen.thrift.model.IdlType}):
 * {@link io.kitex4j.codegen.thrift.model.BaseType}, {@link io.kitex4j.codegen.thrift.model.ListType},
 * {@link io.kitex4j.codegen.thrift.model.SetType}, {@link io.kitex4j.codegen.thrift.model.MapType}
 * and the references {@link io.kitex4j.codegen.thrift.model.StructRef},
 * {@link io.kitex4j.codegen.thrift.model.EnumRef} and
 * {@link io.kitex4j.codegen.thrift.model.TypedefRef}, each resolved to its definition and to the
 * program defining it. A typedef is kept as a {@code TypedefRef}; call
 * {@link io.kitex4j.codegen.thrift.model.IdlType#trueType()} to see through it.
 *
 * <p><b>Constant values</b> (sealed {@link io.kitex4j.codegen.thrift.model.ConstValue}):
 * {@link io.kitex4j.codegen.thrift.model.IntValue}, {@link io.kitex4j.codegen.thrift.model.DoubleValue},
 * {@link io.kitex4j.codegen.thrift.model.StringValue}, {@link io.kitex4j.codegen.thrift.model.BoolValue},
 * {@link io.kitex4j.codegen.thrift.model.ListValue}, {@link io.kitex4j.codegen.thrift.model.MapValue}
 * (also struct constants) and {@link io.kitex4j.codegen.thrift.model.IdentifierRef}, resolved to a
 * {@link io.kitex4j.codegen.thrift.model.Const} or an {@link io.kitex4j.codegen.thrift.model.EnumValue}.
 * Values have been checked against their declared types.
 *
 * <p><b>Walking it.</b> A generator typically does:
 * <pre>{@code
 * for (IdlProgram program : result.programs()) {          // dependencies first
 *   String pkg = program.javaPackage();
 *   for (Definition d : program.definitions()) {
 *     if (d instanceof StructDef s) {
 *       for (Field f : s.fields()) { ... f.id(), f.name(), f.requiredness(), javaType(f.type()) ... }
 *     } else if (d instanceof EnumDef e) { ... e.values() ... }
 *     else if (d instanceof ServiceDef svc) {
 *       for (FunctionDef fn : svc.allFunctions()) { ... fn.arguments(), fn.returnType(), fn.exceptions() ... }
 *     } else if (d instanceof Const c) { ... c.type(), c.value() ... }
 *     else if (d instanceof Typedef t) { ... }
 *   }
 * }
 * }</pre>
 * and maps a type by dispatching over the seven {@code IdlType} cases, using
 * {@link io.kitex4j.codegen.thrift.model.NamedTypeRef#program()} to qualify references into
 * other files.
 *
 * <p>Every node is an {@link io.kitex4j.codegen.thrift.model.IdlNode} with a
 * {@link io.kitex4j.codegen.thrift.model.SourceLocation}, so a generator can report its own
 * problems in the same {@code file:line:column} form. The public constructors exist for the
 * loader and for tests; generators only read.
 */
package io.kitex4j.codegen.thrift.model;
