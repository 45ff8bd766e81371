package io.kitex4j.codegen.thrift.internal.check;

import io.kitex4j.codegen.thrift.internal.DiagnosticSink;
import io.kitex4j.codegen.thrift.internal.resolve.Poison;
import io.kitex4j.codegen.thrift.model.Field;
import io.kitex4j.codegen.thrift.model.FunctionDef;
import io.kitex4j.codegen.thrift.model.IdlType;
import io.kitex4j.codegen.thrift.model.ServiceDef;
import io.kitex4j.codegen.thrift.model.SourceLocation;
import io.kitex4j.codegen.thrift.model.StructRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Service checks: inheritance cycles, function names unique across the extends chain, oneway
 * functions void and without throws, throws lists of exceptions only, and the field checks of
 * arguments and throws lists.
 */
final class ServiceChecks {

  private final DiagnosticSink sink;
  private final Poison poison;
  private final SemanticChecker checker;

  ServiceChecks(DiagnosticSink sink, Poison poison, SemanticChecker checker) {
    this.sink = sink;
    this.poison = poison;
    this.checker = checker;
  }

  void check(ServiceDef service) {
    List<ServiceDef> bases = bases(service);
    Map<String, FunctionDef> own = new HashMap<>();
    for (FunctionDef f : service.functions()) {
      FunctionDef same = own.putIfAbsent(f.name(), f);
      if (same != null) {
        sink.error(f.location(), "duplicate function '" + f.name() + "' in service '" + service.name()
            + "': already declared at line " + same.location().line());
      } else {
        inherited(service, f, bases);
      }
      function(f);
    }
  }

  /** The base services, nearest first; reports a cycle (once, at its first service). */
  private List<ServiceDef> bases(ServiceDef service) {
    List<ServiceDef> chain = new ArrayList<>();
    Set<ServiceDef> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.add(service);
    for (Optional<ServiceDef> next = service.extendsService(); next.isPresent();
        next = next.get().extendsService()) {
      ServiceDef base = next.get();
      if (!seen.add(base)) {
        if (base == service && isFirst(service, chain)) {
          sink.error(service.location(), chain.isEmpty()
              ? "service '" + service.name() + "' extends itself"
              : "service inheritance cycle: " + service.name() + " -> "
                  + chain.stream().map(ServiceDef::name).collect(Collectors.joining(" -> "))
                  + " -> " + service.name());
        }
        break;
      }
      chain.add(base);
    }
    return chain;
  }

  private static boolean isFirst(ServiceDef service, List<ServiceDef> cycle) {
    return cycle.stream().allMatch(s -> service.location().compareTo(s.location()) <= 0);
  }

  private void inherited(ServiceDef service, FunctionDef f, List<ServiceDef> bases) {
    for (ServiceDef base : bases) {
      Optional<FunctionDef> same = base.findFunction(f.name());
      if (same.isPresent()) {
        sink.error(f.location(), "function '" + f.name() + "' of service '" + service.name()
            + "' clashes with '" + f.name() + "' inherited from service '" + base.name() + "' ("
            + where(same.get().location()) + ")");
        return;
      }
    }
  }

  private static String where(SourceLocation location) {
    return location.fileName() + ":" + location.line() + ":" + location.column();
  }

  private void function(FunctionDef f) {
    String name = "function '" + f.name() + "'";
    f.returnType().ifPresent(checker.types()::check);
    checker.fields(f.arguments(), "the arguments of " + name);
    checker.fields(f.exceptions(), "the throws list of " + name);
    if (f.oneway()) {
      f.returnType().ifPresent(t -> sink.error(t.location(), "oneway " + name
          + " must return void but returns " + t.idlName()));
      if (!f.exceptions().isEmpty()) {
        sink.error(f.exceptions().get(0).location(), "oneway " + name + " cannot throw exceptions");
      }
    }
    for (Field e : f.exceptions()) {
      IdlType t = e.type().trueType();
      if (!poison.contains(t) && !(t instanceof StructRef s && s.definition().isException())) {
        sink.error(e.location(), "'" + e.name() + "' in the throws list of " + name + " has type '"
            + e.type().idlName() + "', which is not an exception");
      }
    }
  }
}
