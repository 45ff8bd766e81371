/**
 * Generator plugins shipped with Kitex4j. {@link io.kitex4j.codegen.plugins.ServiceCatalogPlugin}
 * ({@code service-catalog}) is the example of the plugin SPI: it reads the resolved IDL model and
 * adds a file to the output.
 */
package io.kitex4j.codegen.plugins;
