package org.supportdesk.bootstrap;

import java.util.SplittableRandom;

/** What the load harness's clients send, each workload a kind of request; {@link #MIXED} draws one per request. */
enum LoadWorkload {
    CREATE("create (staff, for a requester)", 10),
    REPLY("public reply", 25),
    NOTE("internal note", 10),
    PATCH("PATCH (tags)", 10),
    LIST("list by requester", 30),
    SEARCH("full-text search", 10),
    STATS("stats", 5),
    MIXED("mixed", 0);

    private static final int TOTAL_WEIGHT = 100;

    final String title;
    /** Out of 100, how often the mixed workload sends this one: a desk reads more than it writes. */
    private final int mixedWeight;

    LoadWorkload(String title, int mixedWeight) {
        this.title = title;
        this.mixedWeight = mixedWeight;
    }

    /** The workload one request of this one sends: itself, or a draw by weight for {@link #MIXED}. */
    LoadWorkload draw(SplittableRandom random) {
        if (this != MIXED) {
            return this;
        }
        int pick = random.nextInt(TOTAL_WEIGHT);
        for (LoadWorkload workload : values()) {
            pick -= workload.mixedWeight;
            if (pick < 0) {
                return workload;
            }
        }
        throw new IllegalStateException("the mixed weights add up to " + TOTAL_WEIGHT);
    }
}
