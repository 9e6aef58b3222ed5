package org.mldgbench.harness;

import java.util.Map;

/**
 * Per-dataset sweep sizes. {@code quick} is for a first look or a smoke test (minutes on a
 * laptop); {@code full} is the protocol results are reported with. Explicit options override a
 * preset's values.
 */
record Presets(int steps, int checkpointEvery, int seeds, int maxPerDomain) {

    private static final Map<String, Presets> QUICK = Map.of(
            "synthetic", new Presets(300, 50, 1, 0),
            "debug", new Presets(20, 5, 1, 0),
            "rotated-fashion-mnist", new Presets(300, 100, 1, 1000),
            "imagefolder", new Presets(300, 100, 1, 500),
            "features", new Presets(300, 50, 1, 0));

    private static final Map<String, Presets> FULL = Map.of(
            "synthetic", new Presets(1000, 100, 3, 0),
            "debug", new Presets(100, 20, 2, 0),
            "rotated-fashion-mnist", new Presets(5000, 500, 3, 0),
            "imagefolder", new Presets(5000, 500, 3, 0),
            "features", new Presets(2000, 100, 3, 0));

    /** The preset named {@code name} ({@code quick} or {@code full}) for registry dataset {@code dataset}. */
    static Presets of(String dataset, String name) {
        Map<String, Presets> table = switch (name) {
            case "quick" -> QUICK;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("--preset must be quick or full, got '" + name + "'");
        };
        Presets p = table.get(dataset);
        if (p == null) {
            throw new IllegalArgumentException("no preset for dataset '" + dataset + "'");
        }
        return p;
    }
}
