/** Observation hooks: {@link io.kitex4j.stats.Tracer} and the {@link io.kitex4j.stats.StatsEvent} timeline. */
package io.kitex4j.stats;
