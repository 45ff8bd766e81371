package io.kitex4j.codegen.thrift.internal.resolve;

import io.kitex4j.codegen.thrift.model.Annotations;
import io.kitex4j.codegen.thrift.model.BaseType;
import io.kitex4j.codegen.thrift.model.IdentifierRef;
import io.kitex4j.codegen.thrift.model.IdlType;
import io.kitex4j.codegen.thrift.model.SourceLocation;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Stand-ins for names that could not be resolved (already reported). A model holding them is
 * never handed out: the load fails. The checker skips anything poisoned, so one unknown name
 * yields one error, not a cascade.
 */
public final class Poison {

  private final Set<Object> items = Collections.newSetFromMap(new IdentityHashMap<>());

  /** A placeholder type for an unresolvable type name. */
  public IdlType type(SourceLocation location) {
    IdlType t = new BaseType(BaseType.Kind.BINARY, Annotations.EMPTY, location);
    items.add(t);
    return t;
  }

  /** A placeholder for an unresolvable constant name. */
  public IdentifierRef identifier(String name, SourceLocation location) {
    IdentifierRef ref = new IdentifierRef(name, location, () -> null);
    items.add(ref);
    return ref;
  }

  /** Whether {@code node} is a placeholder. */
  public boolean contains(Object node) {
    return items.contains(node);
  }
}
