/** The runnable echo demo: {@link io.kitex4j.examples.EchoDemo} (the main job of the README). */
package io.kitex4j.examples;
