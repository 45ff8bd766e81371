/**
 * What generated code provides: {@link io.kitex4j.service.ServiceDescriptor} and
 * {@link io.kitex4j.service.MethodDescriptor} describe a service; a
 * {@link io.kitex4j.service.ServiceDefinition} binds one to handlers for a server.
 */
package io.kitex4j.service;
