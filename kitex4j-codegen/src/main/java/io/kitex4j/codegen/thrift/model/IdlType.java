package io.kitex4j.codegen.thrift.model;

/**
 * A type as written in the IDL: a {@link BaseType}, a container ({@link ListType},
 * {@link SetType}, {@link MapType}) or a reference to a named definition ({@link StructRef},
 * {@link EnumRef}, {@link TypedefRef}).
 *
 * <p>A generator typically dispatches over the sealed hierarchy (seven cases, no others):
 *
 * <pre>{@code
 * String javaType(IdlType t) {
 *   if (t instanceof BaseType b) return ...;                      // by b.kind()
 *   if (t instanceof ListType l) return "List<" + javaType(l.elementType()) + ">";
 *   if (t instanceof SetType s) return ...;
 *   if (t instanceof MapType m) return ...;
 *   if (t instanceof StructRef r) return r.program().javaPackage() + "." + r.definition().name();
 *   if (t instanceof EnumRef r) return ...;
 *   TypedefRef r = (TypedefRef) t;
 *   return javaType(r.target());                                  // or keep the alias
 * }
 * }</pre>
 */
public sealed interface IdlType extends IdlNode
    permits BaseType, ListType, SetType, MapType, NamedTypeRef {

  /** Annotations written on the type itself ({@code i32 (x = "y")}); empty for named types. */
  Annotations annotations();

  /** The type in IDL syntax, e.g. {@code map<string,list<shared.Item>>}. */
  String idlName();

  /** This type with every typedef on the outside unwrapped ({@link TypedefRef#trueType()}). */
  default IdlType trueType() {
    return this;
  }

  /** Whether this is a list, set or map (after unwrapping typedefs). */
  default boolean isContainer() {
    IdlType t = trueType();
    return t instanceof ListType || t instanceof SetType || t instanceof MapType;
  }

  /**
   * Whether {@code other} denotes the same type, ignoring locations, annotations and cpp_type and
   * seeing through typedefs on both sides.
   */
  default boolean isSameTypeAs(IdlType other) {
    IdlType a = trueType();
    IdlType b = other.trueType();
    if (a instanceof BaseType x) {
      return b instanceof BaseType y && x.kind() == y.kind();
    }
    if (a instanceof ListType x) {
      return b instanceof ListType y && x.elementType().isSameTypeAs(y.elementType());
    }
    if (a instanceof SetType x) {
      return b instanceof SetType y && x.elementType().isSameTypeAs(y.elementType());
    }
    if (a instanceof MapType x) {
      return b instanceof MapType y
          && x.keyType().isSameTypeAs(y.keyType())
          && x.valueType().isSameTypeAs(y.valueType());
    }
    return b instanceof NamedTypeRef y && ((NamedTypeRef) a).definition() == y.definition();
  }
}
