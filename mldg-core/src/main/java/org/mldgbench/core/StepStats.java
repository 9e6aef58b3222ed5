package org.mldgbench.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one training step reports: named scalar losses ({@code loss} is always present: the
 * objective that was minimised) and whether any of them was NaN or infinite.
 */
public record StepStats(Map<String, Double> losses) {

    public StepStats {
        if (!losses.containsKey("loss")) {
            throw new IllegalArgumentException("step statistics must include 'loss', got " + losses.keySet());
        }
        losses = Collections.unmodifiableMap(new LinkedHashMap<>(losses));
    }

    public double loss() {
        return losses.get("loss");
    }

    /** True when a loss is NaN or infinite: the run has diverged. */
    public boolean diverged() {
        return losses.values().stream().anyMatch(v -> !Double.isFinite(v));
    }
}
