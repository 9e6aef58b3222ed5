package org.mldgbench.datasets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Registry of dataset names. Unknown names get an error that lists the valid ones. */
public final class Datasets {

    private static final Map<String, Supplier<DomainDataset>> REGISTRY = new LinkedHashMap<>();

    static {
        REGISTRY.put("synthetic", SyntheticDataset::standard);
        REGISTRY.put("debug", SyntheticDataset::debug);
    }

    private Datasets() {}

    /** Registered names, default first. */
    public static List<String> names() {
        return List.copyOf(REGISTRY.keySet());
    }

    /** Loads (or generates) the named dataset. */
    public static DomainDataset load(String name) {
        Supplier<DomainDataset> factory = REGISTRY.get(name);
        if (factory == null) {
            throw new IllegalArgumentException(
                    "unknown dataset '" + name + "'; valid datasets: " + String.join(", ", names()));
        }
        return factory.get();
    }
}
