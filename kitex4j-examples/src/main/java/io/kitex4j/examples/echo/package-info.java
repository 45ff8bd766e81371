/** The echo service of {@code echo.thrift}, generated at build time by kitex4j-maven-plugin: {@link io.kitex4j.examples.echo.EchoService}. */
package io.kitex4j.examples.echo;
