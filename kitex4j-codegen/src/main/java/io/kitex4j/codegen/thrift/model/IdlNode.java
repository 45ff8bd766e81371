package io.kitex4j.codegen.thrift.model;

/** Any element of the model: every node knows where it was written. */
public interface IdlNode {

  /** Where this node was written. */
  SourceLocation location();
}
