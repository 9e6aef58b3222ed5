package org.mldgbench.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names → algorithms. The registry is a plain value built from a list of specs: {@code mldg-core}
 * contributes MLDG, {@code baselines} adds source-only training and the successors, and the
 * harness uses the combined list. Unknown names get an error that lists the valid ones.
 */
public final class AlgorithmRegistry {

    private final Map<String, AlgorithmSpec> specs = new LinkedHashMap<>();

    public AlgorithmRegistry(List<AlgorithmSpec> specs) {
        for (AlgorithmSpec s : specs) {
            if (this.specs.put(s.name(), s) != null) {
                throw new IllegalArgumentException("algorithm '" + s.name() + "' is registered twice");
            }
        }
    }

    public List<String> names() {
        return List.copyOf(specs.keySet());
    }

    public List<AlgorithmSpec> specs() {
        return List.copyOf(specs.values());
    }

    public AlgorithmSpec get(String name) {
        AlgorithmSpec s = specs.get(name);
        if (s == null) {
            throw new IllegalArgumentException(
                    "unknown algorithm '" + name + "'; valid algorithms: " + String.join(", ", names()));
        }
        return s;
    }

    /** Validates the setup's hyper-parameters against the algorithm's space, then constructs it. */
    public Algorithm create(String name, TrainingSetup setup) {
        AlgorithmSpec spec = get(name);
        spec.hparams().validate(setup.hparams());
        return spec.factory().create(setup);
    }
}
