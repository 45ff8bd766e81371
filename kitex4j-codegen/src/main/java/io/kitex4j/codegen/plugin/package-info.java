/**
 * Generator plugins: implement {@link io.kitex4j.codegen.plugin.GeneratorPlugin} and list it in
 * {@code META-INF/services/io.kitex4j.codegen.plugin.GeneratorPlugin}.
 */
package io.kitex4j.codegen.plugin;
