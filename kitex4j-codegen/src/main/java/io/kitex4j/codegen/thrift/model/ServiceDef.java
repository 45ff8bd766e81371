package io.kitex4j.codegen.thrift.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** {@code service Name extends Base { functions }}. */
public final class ServiceDef extends DefinitionBase implements Definition {

  private final Optional<String> extendsName;
  private final Lazy<ServiceDef> extendsService;
  private final List<FunctionDef> functions;

  /**
   * Built by the loader.
   *
   * @param extendsName the name after {@code extends} as written ({@code base.Service})
   * @param extendsService supplies the resolved base service ({@code null} for none)
   */
  public ServiceDef(
      String name,
      Optional<String> extendsName,
      Supplier<ServiceDef> extendsService,
      List<FunctionDef> functions,
      Optional<String> doc,
      Annotations annotations,
      SourceLocation location,
      Supplier<IdlProgram> program) {
    super(name, doc, annotations, location, program);
    this.extendsName = Objects.requireNonNull(extendsName, "extendsName");
    this.extendsService = new Lazy<>(extendsService);
    this.functions = List.copyOf(functions);
  }

  /** The base service's name as written after {@code extends}. */
  public Optional<String> extendsName() {
    return extendsName;
  }

  /** The base service, possibly defined in an included file. */
  public Optional<ServiceDef> extendsService() {
    return Optional.ofNullable(extendsService.get());
  }

  /** This service's own functions, in declaration order. */
  public List<FunctionDef> functions() {
    return functions;
  }

  /** The own function named {@code name}. */
  public Optional<FunctionDef> findFunction(String name) {
    return functions.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** This service and its bases, this one first, the root base last. */
  public List<ServiceDef> hierarchy() {
    List<ServiceDef> chain = new ArrayList<>();
    Set<ServiceDef> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (ServiceDef s = this; s != null && seen.add(s); s = s.extendsService.get()) {
      chain.add(s);
    }
    return List.copyOf(chain);
  }

  /** Inherited functions (root base first) followed by this service's own. */
  public List<FunctionDef> allFunctions() {
    List<ServiceDef> chain = new ArrayList<>(hierarchy());
    Collections.reverse(chain);
    List<FunctionDef> all = new ArrayList<>();
    chain.forEach(s -> all.addAll(s.functions));
    return List.copyOf(all);
  }
}
