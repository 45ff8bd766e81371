/** The echo service of {@code echo.thrift}, written as the Thrift generator emits it: {@link io.kitex4j.examples.echo.EchoService}. */
package io.kitex4j.examples.echo;
