package io.kitex4j.stats;

/** How much of a call's timeline is recorded. Kitex's default: DISABLED, or DETAILED when a tracer is installed. */
public enum StatsLevel {
    DISABLED,
    BASE,
    DETAILED;

    /** Whether an event of level {@code eventLevel} is recorded at this level. */
    public boolean records(StatsLevel eventLevel) {
        return this != DISABLED && eventLevel.ordinal() <= ordinal();
    }
}
